package io.siteroll.campaign;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * The province's campaigns. Everyone reads them (the dashboard measures against the one in force); only the
 * province defines or revises one, and campaigns never overlap, so that any day has at most one campaign in force.
 */
public interface Campaigns {

	/**
	 * A campaign as the province defines it. Phases left out are not part of the campaign; every {@link Target.Kind}
	 * needs a percentage.
	 */
	record Plan(String name, String document, LocalDate contactDeadline, List<Phase> phases, List<Target> targets) {
	}

	/**
	 * The campaign whose span (first day of its first phase to last day of its last) contains the day, else the
	 * latest one started before it: after a campaign its targets stand until the next one begins.
	 */
	Optional<Campaign> inForce(LocalDate day);

	/** {@link #inForce(LocalDate)} on today by the platform's clock. */
	Optional<Campaign> inForceToday();

	/** Every campaign, the latest first. */
	List<Campaign> all();

	Optional<Campaign> find(long id);

	/** The campaign, or {@code NotFound}. */
	Campaign require(long id);

	/** Province only: a new campaign, validated (phases in order without overlap, percentages 1 to 100). */
	Campaign add(Plan plan);

	/** Province only: new phases, targets, name or deadline for a campaign, validated as {@link #add(Plan)}. */
	Campaign revise(long id, Plan plan);
}
