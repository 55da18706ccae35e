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

	/** The parties of one case: the enterprise and person each role points at. */
	record Parties(long projectId, long contractorId, Long projectManagerId, Long supervisorId, Long supervisionCompanyId) {
	}

	void write(Parties parties, List<Party> roles, String reason, String legalBasis, Long orderId, Long penaltyId,
			Long findingId) {
		LocalDate today = LocalDate.now(clock);
		for (Party party : roles) {
			String role = party.name();
			Long enterprise = switch (party) {
				case CONSTRUCTION_ENTERPRISE -> parties.contractorId();
				case SUPERVISION_COMPANY -> parties.supervisionCompanyId();
				case PROJECT_MANAGER, CHIEF_SUPERVISOR -> null;
			};
			Long person = switch (party) {
				case PROJECT_MANAGER -> parties.projectManagerId();
				case CHIEF_SUPERVISOR -> parties.supervisorId();
				case CONSTRUCTION_ENTERPRISE, SUPERVISION_COMPANY -> null;
			};
			if (enterprise == null && person == null) {
				continue;
			}
			long id = jdbc.sql("""
					insert into credit_record (project_id, order_id, penalty_id, finding_id, role, enterprise_id, person_id,
					                           reason, legal_basis, valid_from, valid_until, recorded_by)
					values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) returning id""")
				.params(parties.projectId(), orderId, penaltyId, findingId, role, enterprise, person, reason, legalBasis, today,
						today.plus(validity), actors.get().username())
				.query(Long.class)
				.single();
			audit.record(AuditRecord.created("credit_record", id, Map.of("role", role, "projectId", parties.projectId())));
		}
	}
}
