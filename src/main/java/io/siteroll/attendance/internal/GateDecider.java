package io.siteroll.attendance.internal;

import java.time.Clock;
import java.time.LocalDate;

import io.siteroll.attendance.Gate;
import io.siteroll.attendance.GateDecisions;
import io.siteroll.attendance.RefusalReason;
import io.siteroll.personnel.Person;
import io.siteroll.personnel.Persons;
import io.siteroll.platform.RuleViolation;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/** Judges a person at a gate with the same SQL rule that judges uploaded passes. */
@Service
class GateDecider implements GateDecisions {

	private final JdbcClient jdbc;

	private final Persons persons;

	private final Clock clock;

	GateDecider(JdbcClient jdbc, Persons persons, Clock clock) {
		this.jdbc = jdbc;
		this.persons = persons;
		this.clock = clock;
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
		LocalDate today = LocalDate.now(clock);
		Row row = jdbc.sql("""
				select gate_refusal_reason(?, ?, ?) as reason, (select name from person where id = ?) as name""")
			.params(gate.projectId(), id, today, id)
			.query((rs, n) -> new Row(rs.getString("reason"), rs.getString("name")))
			.single();
		String reason = gate.enabled() ? row.reason() : RefusalReason.DEVICE_DISABLED.name();
		String name = row.name();
		if (reason != null && RefusalReason.valueOf(reason) == RefusalReason.NOT_REGISTERED) {
			id = null;
			name = null;
		}
		if (reason == null) {
			return new GateDecision(true, null, id, name);
		}
		jdbc.sql("insert into gate_refusal (device_id, project_id, person_ref, person_id, reason) values (?, ?, ?, ?, ?)")
			.params(gate.deviceId(), gate.projectId(), ref, id, reason)
			.update();
		return new GateDecision(false, RefusalReason.valueOf(reason), id, name);
	}

	private record Row(String reason, String name) {
	}
}
