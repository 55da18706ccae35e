package io.siteroll.enforcement.internal;

import java.math.BigDecimal;
import java.sql.Array;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import io.siteroll.audit.AuditRecord;
import io.siteroll.audit.AuditTrail;
import io.siteroll.compliance.Escalation;
import io.siteroll.compliance.Finding;
import io.siteroll.compliance.FindingEvidence.R3Evidence;
import io.siteroll.compliance.Findings;
import io.siteroll.compliance.Measure;
import io.siteroll.compliance.Rule;
import io.siteroll.enforcement.Penalties;
import io.siteroll.enforcement.Penalty;
import io.siteroll.enforcement.RectificationOrder;
import io.siteroll.identity.CurrentActor;
import io.siteroll.personnel.Post;
import io.siteroll.platform.Checks;
import io.siteroll.platform.Conflict;
import io.siteroll.platform.NotFound;
import io.siteroll.platform.RuleViolation;
import io.siteroll.project.ProjectAccess;
import io.siteroll.project.Projects;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
class JdbcPenalties implements Penalties {

	static final BigDecimal FINE_MIN_55 = new BigDecimal("50000");

	static final BigDecimal FINE_MAX_55 = new BigDecimal("100000");

	private final JdbcClient jdbc;

	private final JdbcRectificationOrders orders;

	private final Findings findings;

	private final Projects projects;

	private final ProjectAccess access;

	private final CreditWriter credits;

	private final CurrentActor actors;

	private final AuditTrail audit;

	private final Clock clock;

	JdbcPenalties(JdbcClient jdbc, JdbcRectificationOrders orders, Findings findings, Projects projects,
			ProjectAccess access, CreditWriter credits, CurrentActor actors, AuditTrail audit, Clock clock) {
		this.jdbc = jdbc;
		this.orders = orders;
		this.findings = findings;
		this.projects = projects;
		this.access = access;
		this.credits = credits;
		this.actors = actors;
		this.audit = audit;
		this.clock = clock;
	}

	@Override
	@Transactional
	public Penalty decide(Decision d) {
		Checks checks = new Checks();
		checks.check(d.orderId() != null ^ d.findingId() != null, "orderId", "penalty.order-or-finding");
		checks.required("party", d.party());
		checks.check(d.measures() != null && !d.measures().isEmpty(), "measures", "required");
		if (d.measures() != null) {
			for (String m : d.measures()) {
				checks.check(Penalty.MEASURES.contains(m), "measures", "code.unknown", m);
			}
		}
		checks.maxLength("decisionMaker", checks.required("decisionMaker", d.decisionMaker()), 100);
		checks.maxLength("documentNumber", checks.required("documentNumber", d.documentNumber()), 100);
		checks.required("decidedOn", d.decidedOn());
		if (d.decidedOn() != null) {
			checks.check(!d.decidedOn().isAfter(LocalDate.now(clock)), "decidedOn", "date.in-future");
		}
		checks.throwIfAny();
		long projectId;
		Escalation.Proposal proposal;
		CreditWriter.Parties parties;
		RectificationOrder order = null;
		Finding finding = null;
		if (d.orderId() != null) {
			order = orders.lockForPenalty(d.orderId());
			projectId = order.projectId();
			access.requireOverseen(projectId);
			if (!"OVERDUE".equals(order.status())) {
				throw new Conflict("orderId", "penalty.order-not-overdue", order.status());
			}
			proposal = Escalation.of(Rule.valueOf(order.rule()), Post.ofCode(order.post()), false);
			parties = orders.parties(order);
		}
		else {
			finding = findings.require(d.findingId());
			projectId = finding.projectId();
			access.requireOverseen(projectId);
			if (finding.measure() != Measure.PENALTY || finding.status() != Finding.Status.OPEN) {
				throw new Conflict("findingId", "penalty.finding-calls-for-order");
			}
			proposal = Escalation.of(finding.rule(), finding.post(), true);
			long contractor = (Long) orders.partiesOf(projectId, null).get("contractor");
			parties = new CreditWriter.Parties(projectId, contractor, finding.responsiblePersonId(), null, null);
		}
		Escalation.PenaltyDue due = proposal.penalties().stream().filter(p -> p.party().name().equals(d.party())).findFirst()
			.orElseThrow(() -> RuleViolation.of("party", "penalty.not-in-table"));
		if (d.measures().contains("FINE")) {
			if (d.fineYuan() == null || d.fineYuan().signum() <= 0) {
				throw RuleViolation.of("fineYuan", "required");
			}
			if (Escalation.WAGE_REGULATION_55.equals(due.legalBasis())
					&& (d.fineYuan().compareTo(FINE_MIN_55) < 0 || d.fineYuan().compareTo(FINE_MAX_55) > 0)) {
				throw RuleViolation.of("fineYuan", "penalty.fine-range", FINE_MIN_55, FINE_MAX_55);
			}
		}
		Long stoppageId = null;
		if (d.measures().contains("STOP_WORK")) {
			if (d.stopWorkFrom() == null) {
				throw RuleViolation.of("stopWorkFrom", "required");
			}
			stoppageId = projects.orderStoppage(projectId, d.stopWorkFrom(), "责令停工 " + d.documentNumber().strip()).id();
		}
		Long enterprise = "CONSTRUCTION_ENTERPRISE".equals(d.party()) ? parties.contractorId() : null;
		Long person = "PROJECT_MANAGER".equals(d.party()) ? parties.projectManagerId() : null;
		if (enterprise == null && person == null) {
			throw new Conflict("party", "penalty.no-project-manager");
		}
		long id;
		try {
			id = jdbc.sql("""
					insert into penalty (project_id, order_id, finding_id, party, enterprise_id, person_id, legal_basis,
					                     measures, fine_yuan, stoppage_id, status, decision_maker, decided_on,
					                     document_number, recorded_by)
					values (?, ?, ?, ?, ?, ?, ?, string_to_array(?, ','), ?, ?, 'DECIDED', ?, ?, ?, ?) returning id""")
				.params(projectId, d.orderId(), d.findingId(), d.party(), enterprise, person, due.legalBasis(),
						String.join(",", d.measures()), d.fineYuan(), stoppageId, d.decisionMaker().strip(), d.decidedOn(),
						d.documentNumber().strip(), actors.get().username())
				.query(Long.class)
				.single();
		}
		catch (DuplicateKeyException e) {
			throw new Conflict("documentNumber", "penalty.document-number-taken");
		}
		audit.record(AuditRecord.created("penalty", id, Map.of("party", d.party(), "measures", d.measures(),
				"documentNumber", d.documentNumber().strip())));
		if (finding != null) {
			credits.write(parties, proposal.creditRecords(), "缺少考勤人数 " + (finding.evidence() instanceof R3Evidence r3 ? r3.shortfall() : null) + " 人",
					finding.legalBasis(), null, id, finding.id());
		}
		return require(id);
	}

	@Override
	@Transactional
	public Penalty liftStopWork(long penaltyId, LocalDate resumptionDay) {
		Penalty penalty = require(penaltyId);
		access.requireOverseen(penalty.projectId());
		if (penalty.stoppageId() == null || !"DECIDED".equals(penalty.status())) {
			throw new Conflict("penaltyId", "penalty.no-stop-work");
		}
		projects.liftOrderedStoppage(penalty.projectId(), penalty.stoppageId(), resumptionDay);
		jdbc.sql("update penalty set status = 'LIFTED', lifted_on = ?, lifted_by = ? where id = ?")
			.params(resumptionDay, actors.get().username(), penaltyId)
			.update();
		audit.record(AuditRecord.changed("STOP_WORK_LIFTED", "penalty", penaltyId, Map.of("status", "DECIDED"),
				Map.of("status", "LIFTED", "resumptionDay", resumptionDay.toString())));
		return require(penaltyId);
	}

	@Override
	public List<Penalty> forProject(long projectId) {
		access.requireVisible(projectId);
		return jdbc.sql("select * from penalty where project_id = ? order by id").param(projectId).query(this::penalty).list();
	}

	Penalty require(long id) {
		Penalty p = jdbc.sql("select * from penalty where id = ?").param(id).query(this::penalty).optional()
			.orElseThrow(() -> new NotFound("penalty", id));
		access.requireVisible(p.projectId());
		return p;
	}

	private Penalty penalty(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
		Array measures = rs.getArray("measures");
		return new Penalty(rs.getLong("id"), rs.getLong("project_id"), (Long) rs.getObject("order_id"),
				(Long) rs.getObject("finding_id"), rs.getString("party"), (Long) rs.getObject("enterprise_id"),
				(Long) rs.getObject("person_id"), rs.getString("legal_basis"), Arrays.asList((String[]) measures.getArray()),
				rs.getBigDecimal("fine_yuan"), (Long) rs.getObject("stoppage_id"), rs.getString("status"),
				rs.getString("decision_maker"), rs.getDate("decided_on").toLocalDate(), rs.getString("document_number"),
				rs.getDate("lifted_on") == null ? null : rs.getDate("lifted_on").toLocalDate());
	}
}
