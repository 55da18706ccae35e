package io.siteroll.campaign.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import io.siteroll.audit.AuditRecord;
import io.siteroll.audit.AuditTrail;
import io.siteroll.campaign.Campaign;
import io.siteroll.campaign.Campaigns;
import io.siteroll.campaign.Phase;
import io.siteroll.campaign.Target;
import io.siteroll.identity.Actor;
import io.siteroll.identity.CurrentActor;
import io.siteroll.platform.Checks;
import io.siteroll.platform.Dates;
import io.siteroll.platform.Forbidden;
import io.siteroll.platform.NotFound;
import io.siteroll.platform.Violation;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The province's campaigns, read whole (a handful of rows each) and judged in Java: which one is in force on a day,
 * which phase a day falls in. Defining or revising one is the province's alone, and a plan is checked as a whole
 * before anything is written.
 */
@Service
class CampaignBook implements Campaigns {

	private final JdbcClient jdbc;

	private final CurrentActor actors;

	private final AuditTrail audit;

	private final Clock clock;

	CampaignBook(JdbcClient jdbc, CurrentActor actors, AuditTrail audit, Clock clock) {
		this.jdbc = jdbc;
		this.actors = actors;
		this.audit = audit;
		this.clock = clock;
	}

	@Override
	public Optional<Campaign> inForce(LocalDate day) {
		List<Campaign> campaigns = all();
		Optional<Campaign> covering = campaigns.stream().filter(c -> c.covers(day)).findFirst();
		if (covering.isPresent()) {
			return covering;
		}
		return campaigns.stream().filter(c -> c.startsOn().isBefore(day)).max(Comparator.comparing(Campaign::startsOn));
	}

	@Override
	public Optional<Campaign> inForceToday() {
		return inForce(LocalDate.now(clock));
	}

	@Override
	public List<Campaign> all() {
		Map<Long, List<Phase>> phases = new LinkedHashMap<>();
		jdbc.sql("select campaign_id, kind, starts_on, ends_on from campaign_phase").query(rs -> {
			phases.computeIfAbsent(rs.getLong("campaign_id"), id -> new ArrayList<>())
				.add(new Phase(Phase.Kind.valueOf(rs.getString("kind")), rs.getObject("starts_on", LocalDate.class),
						rs.getObject("ends_on", LocalDate.class)));
		});
		Map<Long, List<Target>> targets = new LinkedHashMap<>();
		jdbc.sql("select campaign_id, kind, percent from campaign_target").query(rs -> {
			targets.computeIfAbsent(rs.getLong("campaign_id"), id -> new ArrayList<>())
				.add(new Target(Target.Kind.valueOf(rs.getString("kind")), rs.getInt("percent")));
		});
		return jdbc.sql("select id, name, document, contact_deadline from campaign")
			.query((rs, n) -> new Campaign(rs.getLong("id"), rs.getString("name"), rs.getString("document"),
					rs.getObject("contact_deadline", LocalDate.class), phases.getOrDefault(rs.getLong("id"), List.of()),
					targets.getOrDefault(rs.getLong("id"), List.of())))
			.list()
			.stream()
			.filter(c -> !c.phases().isEmpty())
			.sorted(Comparator.comparing(Campaign::startsOn).reversed())
			.toList();
	}

	@Override
	public Optional<Campaign> find(long id) {
		return all().stream().filter(c -> c.id() == id).findFirst();
	}

	@Override
	public Campaign require(long id) {
		return find(id).orElseThrow(() -> new NotFound("campaign", id));
	}

	@Override
	@Transactional
	public Campaign add(Plan plan) {
		Actor actor = provinceOnly();
		Plan valid = validate(plan, null);
		long id = jdbc.sql("""
				insert into campaign (name, document, contact_deadline, defined_by)
				values (:name, :document, :deadline, :by) returning id""")
			.param("name", valid.name())
			.param("document", valid.document())
			.param("deadline", valid.contactDeadline())
			.param("by", actor.username())
			.query(Long.class)
			.single();
		writeDetails(id, valid);
		Campaign created = require(id);
		audit.record(AuditRecord.created("campaign", id, state(created)));
		return created;
	}

	@Override
	@Transactional
	public Campaign revise(long id, Plan plan) {
		Actor actor = provinceOnly();
		Campaign before = require(id);
		Plan valid = validate(plan, id);
		jdbc.sql("""
				update campaign set name = :name, document = :document, contact_deadline = :deadline, defined_by = :by,
				       defined_at = now()
				where id = :id""")
			.param("name", valid.name())
			.param("document", valid.document())
			.param("deadline", valid.contactDeadline())
			.param("by", actor.username())
			.param("id", id)
			.update();
		jdbc.sql("delete from campaign_phase where campaign_id = ?").param(id).update();
		jdbc.sql("delete from campaign_target where campaign_id = ?").param(id).update();
		writeDetails(id, valid);
		Campaign after = require(id);
		audit.record(AuditRecord.changed("REVISED", "campaign", id, state(before), state(after)));
		return after;
	}

	private Actor provinceOnly() {
		Actor actor = actors.get();
		if (!actor.isProvince()) {
			throw new Forbidden("campaign.province-only");
		}
		return actor;
	}

	private void writeDetails(long id, Plan plan) {
		for (Phase p : plan.phases()) {
			jdbc.sql("insert into campaign_phase (campaign_id, kind, starts_on, ends_on) values (?, ?, ?, ?)")
				.params(id, p.kind().name(), p.from(), p.to())
				.update();
		}
		for (Target t : plan.targets()) {
			jdbc.sql("insert into campaign_target (campaign_id, kind, percent) values (?, ?, ?)")
				.params(id, t.kind().name(), t.percent())
				.update();
		}
	}

	/**
	 * Every broken rule of the plan at once, each on its field ({@code phase.<KIND>.from}, {@code target.<KIND>}): the
	 * phases each once, each ending on or after its start, following each other in the order of their kinds without
	 * overlap; a target for every kind between 1 and 100; the campaign not overlapping another one (so that a day has
	 * at most one in force); the contact deadline no later than the campaign's end.
	 */
	Plan validate(Plan plan, Long revising) {
		Checks checks = new Checks();
		String name = checks.maxLength("name", checks.required("name", plan.name()), 200);
		String document = plan.document() == null || plan.document().isBlank() ? null : plan.document().strip();
		checks.maxLength("document", document, 100);
		LocalDate deadline = checks.required("contactDeadline", plan.contactDeadline());
		if (deadline != null) {
			checks.field("contactDeadline", () -> Dates.inRange(deadline));
		}
		List<Phase> phases = plan.phases() == null ? List.of() : plan.phases();
		checks.check(!phases.isEmpty(), "phase." + Phase.Kind.values()[0].name() + ".from", "campaign.phases-required");
		Set<Phase.Kind> seen = EnumSet.noneOf(Phase.Kind.class);
		List<Phase> complete = new ArrayList<>();
		for (Phase p : phases) {
			if (p.kind() == null) {
				checks.add(Violation.of("phase." + Phase.Kind.values()[0].name() + ".from", "required"));
				continue;
			}
			String field = "phase." + p.kind().name();
			checks.check(seen.add(p.kind()), field + ".from", "campaign.phase-twice");
			checks.required(field + ".from", p.from());
			checks.required(field + ".to", p.to());
			if (p.from() != null) {
				checks.field(field + ".from", () -> Dates.inRange(p.from()));
			}
			if (p.to() != null) {
				checks.field(field + ".to", () -> Dates.inRange(p.to()));
			}
			if (p.from() != null && p.to() != null) {
				checks.check(!p.to().isBefore(p.from()), field + ".to", "campaign.phase-ends-before-start");
				complete.add(p);
			}
		}
		complete.sort(Comparator.comparing(Phase::kind));
		for (int i = 1; i < complete.size(); i++) {
			Phase earlier = complete.get(i - 1);
			Phase later = complete.get(i);
			checks.check(later.from().isAfter(earlier.to()), "phase." + later.kind().name() + ".from",
					"campaign.phase-overlap", earlier.to().toString());
		}
		List<Target> targets = plan.targets() == null ? List.of() : plan.targets();
		for (Target.Kind kind : Target.Kind.values()) {
			String field = "target." + kind.name();
			List<Target> of = targets.stream().filter(t -> t.kind() == kind).toList();
			checks.check(!of.isEmpty(), field, "required");
			checks.check(of.size() <= 1, field, "campaign.target-twice");
			of.forEach(t -> checks.check(t.percent() >= 1 && t.percent() <= 100, field, "percent.range"));
		}
		if (checks.ok()) {
			LocalDate start = complete.stream().map(Phase::from).min(Comparator.naturalOrder()).orElseThrow();
			LocalDate end = complete.stream().map(Phase::to).max(Comparator.naturalOrder()).orElseThrow();
			checks.check(!deadline.isAfter(end), "contactDeadline", "campaign.deadline-after-end", end.toString());
			String firstField = "phase." + complete.get(0).kind().name() + ".from";
			all().stream()
				.filter(other -> revising == null || other.id() != revising)
				.filter(other -> !other.startsOn().isAfter(end) && !other.endsOn().isBefore(start))
				.findFirst()
				.ifPresent(other -> checks.check(false, firstField, "campaign.overlaps", other.name(),
						other.startsOn().toString(), other.endsOn().toString()));
		}
		checks.throwIfAny();
		return new Plan(name, document, deadline, complete, targets);
	}

	private static Map<String, Object> state(Campaign c) {
		Map<String, Object> state = new LinkedHashMap<>();
		state.put("name", c.name());
		state.put("document", c.document());
		state.put("contactDeadline", c.contactDeadline().toString());
		c.phases().forEach(p -> state.put("phase." + p.kind().name(), p.from() + "/" + p.to()));
		c.targets().forEach(t -> state.put("target." + t.kind().name(), t.percent()));
		return state;
	}
}
