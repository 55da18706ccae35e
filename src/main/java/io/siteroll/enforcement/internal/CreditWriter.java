package io.siteroll.enforcement.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.time.Period;
import java.util.List;
import java.util.Map;

import io.siteroll.audit.AuditRecord;
import io.siteroll.audit.AuditTrail;
import io.siteroll.compliance.Party;
import io.siteroll.identity.CurrentActor;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Writes bad-credit records for the roles the escalation table names, valid for a configured period. */
@Component
class CreditWriter {

	private final JdbcClient jdbc;

	private final CurrentActor actors;

	private final AuditTrail audit;

	private final Clock clock;

	private final Period validity;

	CreditWriter(JdbcClient jdbc, CurrentActor actors, AuditTrail audit, Clock clock,
			@Value("${siteroll.enforcement.credit-validity:P1Y}") Period validity) {
		this.jdbc = jdbc;
		this.actors = actors;
		this.audit = audit;
		this.clock = clock;
		this.validity = validity;
	}

	void write(ProjectParties parties, List<Party> roles, String reason, String legalBasis, Long orderId, Long penaltyId,
			Long findingId) {
		LocalDate today = LocalDate.now(clock);
		for (Party party : roles) {
			Long enterprise = parties.enterprise(party);
			Long person = parties.person(party);
			if (enterprise == null && person == null) {
				continue;
			}
			long id = jdbc.sql("""
					insert into credit_record (project_id, order_id, penalty_id, finding_id, role, enterprise_id, person_id,
					                           reason, legal_basis, valid_from, valid_until, recorded_by)
					values (:project, :order, :penalty, :finding, :role, :enterprise, :person,
					        :reason, :legalBasis, :validFrom, :validUntil, :recordedBy) returning id""")
				.param("project", parties.projectId())
				.param("order", orderId)
				.param("penalty", penaltyId)
				.param("finding", findingId)
				.param("role", party.name())
				.param("enterprise", enterprise)
				.param("person", person)
				.param("reason", reason)
				.param("legalBasis", legalBasis)
				.param("validFrom", today)
				.param("validUntil", today.plus(validity))
				.param("recordedBy", actors.get().username())
				.query(Long.class)
				.single();
			audit.record(AuditRecord.created("credit_record", id, Map.of("role", party.name(), "projectId", parties.projectId())));
		}
	}
}
