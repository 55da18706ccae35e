package io.siteroll.attendance.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;

import io.siteroll.attendance.Gate;
import io.siteroll.attendance.GateDecisions;
import io.siteroll.attendance.RefusalReason;
import io.siteroll.personnel.Person;
import io.siteroll.personnel.Persons;
import io.siteroll.platform.RuleViolation;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Judges a person at a gate by the rule that judges uploaded passes ({@code gate_refusals}): from the
 * project's in-memory right to pass ({@link RightToPass}) when it is as current as the project's committed
 * roster, otherwise (and for people with nothing on the project) by the SQL rule itself. Nothing is written
 * before the answer: a refusal's evidence is written behind ({@link RefusalEvidence}).
 */
@Service
class GateDecider implements GateDecisions {

	private final JdbcClient jdbc;

	private final Persons persons;

	private final Clock clock;

	private final RightToPass rightToPass;

	private final RefusalEvidence evidence;

	GateDecider(JdbcClient jdbc, Persons persons, Clock clock, RightToPass rightToPass, RefusalEvidence evidence) {
		this.jdbc = jdbc;
		this.persons = persons;
		this.clock = clock;
		this.rightToPass = rightToPass;
		this.evidence = evidence;
	}

	@Override
	public GateDecision decide(Gate gate, Long personId, String idNumber) {
		Long id = personId;
		String ref = personId == null ? null : personId.toString();
		if (id == null && idNumber != null && !idNumber.isBlank()) {
			ref = "id-number";
			try {
				id = persons.findByIdentity(null, idNumber).map(Person::id).orElse(null);
			}
			catch (RuleViolation e) {
				id = null;
			}
		}
		if (ref == null) {
			throw RuleViolation.of("personId", "required");
		}
		Instant now = clock.instant();
		LocalDate today = now.atZone(clock.getZone()).toLocalDate();
		Judgement judgement = judge(gate.projectId(), id, today);
		RefusalReason reason = gate.enabled() ? judgement.reason() : RefusalReason.DEVICE_DISABLED;
		String name = judgement.name();
		if (reason == RefusalReason.NOT_REGISTERED) {
			id = null;
			name = null;
		}
		if (reason == null) {
			return new GateDecision(true, null, id, name);
		}
		evidence.keep(new RefusalEvidence.Refusal(gate, ref, id, reason, now));
		return new GateDecision(false, reason, id, name);
	}

	/** The rule's reason (null: may pass) and the person's name (null: unknown). */
	record Judgement(RefusalReason reason, String name) {
	}

	Judgement judge(long projectId, Long personId, LocalDate day) {
		if (personId != null) {
			RightToPass.Standing standing = rightToPass.standing(projectId, personId);
			if (standing.known() && standing.holder() != null) {
				return new Judgement(standing.holder().reasonOn(day), standing.holder().name());
			}
		}
		return bySql(projectId, personId, day);
	}

	/** The SQL rule itself, as uploaded passes are judged. */
	Judgement bySql(long projectId, Long personId, LocalDate day) {
		return jdbc.sql("""
				select r.reason, p.name from gate_refusals(?, ?, ?) r left join person p on p.id = ?""")
			.params(projectId, personId, day, personId)
			.query((rs, n) -> new Judgement(rs.getString(1) == null ? null : RefusalReason.valueOf(rs.getString(1)),
					rs.getString(2)))
			.single();
	}
}
