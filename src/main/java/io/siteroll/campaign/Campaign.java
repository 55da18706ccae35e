package io.siteroll.campaign;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * A campaign (专项提升行动) as the province defined it: its phases in order, a target for every {@link Target.Kind},
 * and the day by which every department names its contact.
 *
 * @param document the 文号 of the plan that launched it, or null
 * @param contactDeadline the last day a department may name its contact in time
 */
public record Campaign(long id, String name, String document, LocalDate contactDeadline, List<Phase> phases,
		List<Target> targets) {

	public Campaign {
		phases = phases.stream().sorted(Comparator.comparing(Phase::from)).toList();
		targets = targets.stream().sorted(Comparator.comparing(Target::kind)).toList();
	}

	/** The first day of the first phase. */
	public LocalDate startsOn() {
		return phases.get(0).from();
	}

	/** The last day of the last phase. */
	public LocalDate endsOn() {
		return phases.get(phases.size() - 1).to();
	}

	public boolean covers(LocalDate day) {
		return !day.isBefore(startsOn()) && !day.isAfter(endsOn());
	}

	/** The phase that day falls in; none before the campaign, after it, or on a day between two phases. */
	public Optional<Phase> phaseOn(LocalDate day) {
		return phases.stream().filter(p -> p.contains(day)).findFirst();
	}

	public Optional<Phase> phase(Phase.Kind kind) {
		return phases.stream().filter(p -> p.kind() == kind).findFirst();
	}

	/** The target's percentage; every campaign has one for every kind. */
	public int target(Target.Kind kind) {
		return targets.stream()
			.filter(t -> t.kind() == kind)
			.mapToInt(Target::percent)
			.findFirst()
			.orElseThrow(() -> new IllegalStateException("campaign " + id + " has no target " + kind));
	}

	/** True when a department that has named no contact by {@code day} is late. */
	public boolean contactOverdueOn(LocalDate day) {
		return day.isAfter(contactDeadline);
	}
}
