package io.siteroll.enforcement.internal;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
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
import io.siteroll.compliance.Party;
import io.siteroll.enforcement.Penalties;
import io.siteroll.enforcement.Penalty;
import io.siteroll.enforcement.Penalty.Sanction;
import io.siteroll.enforcement.RectificationOrder;
import io.siteroll.identity.CurrentActor;
import io.siteroll.platform.Checks;
import io.siteroll.platform.Conflict;
import io.siteroll.platform.Forbidden;
import io.siteroll.platform.Messages;
import io.siteroll.platform.NotFound;
import io.siteroll.platform.Page;
import io.siteroll.platform.RuleViolation;
import io.siteroll.platform.SqlSearch;
import io.siteroll.project.ProjectAccess;
import io.siteroll.project.Projects;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Records penalty decisions (行政处罚决定): on an overdue order for a party the escalation table names, or at once on a
 * finding that calls for a penalty (R3 at or above the rule set's shortfall threshold, which also writes the
 * bad-credit records). A fine under the wage regulation's 55th article must be within its range; a stop-work
 * order stops the project until it is lifted.
 */
@Service
class PenaltyDecisions implements Penalties {

	private final JdbcClient jdbc;

	private final OrderRepository orders;

	private final PartyDirectory parties;

	private final Messages messages;

	private final Findings findings;

	private final Projects projects;

	private final ProjectAccess access;

	private final CreditWriter credits;

	private final CurrentActor actors;

	private final AuditTrail audit;

	private final Clock clock;

	PenaltyDecisions(JdbcClient jdbc, OrderRepository orders, PartyDirectory parties, Findings findings, Projects projects,
			ProjectAccess access, CreditWriter credits, Messages messages, CurrentActor actors, AuditTrail audit, Clock clock) {
		this.jdbc = jdbc;
		this.orders = orders;
		this.parties = parties;
		this.messages = messages;
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
				checks.check(Sanction.ofCode(m) != null, "measures", "code.unknown", m);
			}
		}
		checks.maxLength("decisionMaker", checks.required("decisionMaker", d.decisionMaker()), 100);
		checks.maxLength("documentNumber", checks.required("documentNumber", d.documentNumber()), 100);
		checks.required("decidedOn", d.decidedOn());
		if (d.decidedOn() != null) {
			checks.check(!d.decidedOn().isAfter(LocalDate.now(clock)), "decidedOn", "date.in-future");
		}
		checks.throwIfAny();
		List<Sanction> measures = d.measures().stream().map(Sanction::ofCode).toList();
		long projectId;
		Escalation.Proposal proposal;
		ProjectParties parties;
		Finding finding = null;
		if (d.orderId() != null) {
			RectificationOrder order = orders.lock(d.orderId());
			projectId = order.projectId();
			access.requireOverseen(projectId);
			order.requireOverdue();
			proposal = order.proposal();
			parties = this.parties.of(order);
		}
		else {
			finding = findings.require(d.findingId());
			projectId = finding.projectId();
			access.requireOverseen(projectId);
			if (finding.measure() != Measure.PENALTY || finding.status() != Finding.Status.OPEN) {
				throw new Conflict("findingId", "penalty.finding-calls-for-order");
			}
			proposal = Escalation.of(finding.rule(), finding.post(), true);
			ProjectParties project = this.parties.of(projectId, LocalDate.now(clock));
			parties = new ProjectParties(projectId, project.contractorId(), finding.responsiblePersonId(), null, null);
		}
		Escalation.PenaltyDue due = proposal.penalties().stream().filter(p -> p.party().name().equals(d.party())).findFirst()
			.orElseThrow(() -> RuleViolation.of("party", "penalty.not-in-table"));
		Party party = due.party();
		if (measures.contains(Sanction.FINE)) {
			if (d.fineYuan() == null || d.fineYuan().signum() <= 0) {
				throw RuleViolation.of("fineYuan", "required");
			}
			Penalties.FineRange range = Penalties.fineRange(due.legalBasis()).orElse(null);
			if (range != null && !range.allows(d.fineYuan())) {
				throw RuleViolation.of("fineYuan", "penalty.fine-range", range.min(), range.max());
			}
		}
		Long stoppageId = null;
		if (measures.contains(Sanction.STOP_WORK)) {
			if (d.stopWorkFrom() == null) {
				throw RuleViolation.of("stopWorkFrom", "required");
			}
			stoppageId = projects.orderStoppage(projectId, d.stopWorkFrom(), "责令停工 " + d.documentNumber().strip()).id();
		}
		Long enterprise = party == Party.CONSTRUCTION_ENTERPRISE ? parties.contractorId() : null;
		Long person = party == Party.PROJECT_MANAGER ? parties.projectManagerId() : null;
		if (enterprise == null && person == null) {
			throw new Conflict("party", "penalty.no-project-manager");
		}
		long id;
		try {
			id = jdbc.sql("""
					insert into penalty (project_id, order_id, finding_id, party, enterprise_id, person_id, legal_basis,
					                     measures, fine_yuan, stoppage_id, status, decision_maker, decided_on,
					                     document_number, recorded_by)
					values (:project, :order, :finding, :party, :enterprise, :person, :legalBasis,
					        string_to_array(:measures, ','), :fine, :stoppage, 'DECIDED', :decisionMaker, :decidedOn,
					        :documentNumber, :recordedBy) returning id""")
				.param("project", projectId)
				.param("order", d.orderId())
				.param("finding", d.findingId())
				.param("party", party.name())
				.param("enterprise", enterprise)
				.param("person", person)
				.param("legalBasis", due.legalBasis())
				.param("measures", String.join(",", measures.stream().map(Sanction::name).toList()))
				.param("fine", d.fineYuan())
				.param("stoppage", stoppageId)
				.param("decisionMaker", d.decisionMaker().strip())
				.param("decidedOn", d.decidedOn())
				.param("documentNumber", d.documentNumber().strip())
				.param("recordedBy", actors.get().username())
				.query(Long.class)
				.single();
		}
		catch (DuplicateKeyException e) {
			throw new Conflict("documentNumber", "penalty.document-number-taken");
		}
		audit.record(AuditRecord.created("penalty", id, Map.of("party", d.party(), "measures", d.measures(),
				"documentNumber", d.documentNumber().strip())));
		if (finding != null) {
			String reason = messages.get(Messages.CHINESE, "credit.reason.shortfall", String.valueOf(shortfallOf(finding)));
			credits.write(parties, proposal.creditRecords(), reason, finding.legalBasis(), null, id, finding.id());
		}
		return require(id);
	}

	/** The number of workers without a valid attendance day an R3 finding found (from its evidence). */
	private static Integer shortfallOf(Finding finding) {
		return finding.evidence() instanceof R3Evidence r3 ? r3.shortfall() : null;
	}

	@Override
	@Transactional
	public Penalty liftStopWork(long penaltyId, LocalDate resumptionDay) {
		Penalty penalty = require(penaltyId);
		access.requireOverseen(penalty.projectId());
		if (penalty.stoppageId() == null || penalty.status() != Penalty.Status.DECIDED) {
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

	@Override
	public Page<Listed> search(Search search, int page, int size) {
		if (!actors.get().isOfficer()) {
			throw new Forbidden("penalty.list-officers");
		}
		ProjectAccess.Scope scope = access.visibleProjects("x.project_id");
		YearMonth month = search.decidedIn();
		SqlSearch.Where where = SqlSearch.where(scope.sql(), scope.params())
			.and(OrderRepository.REGION, "region", SqlSearch.text(search.region()))
			.and("x.decided_on >= :decidedFrom", "decidedFrom", month == null ? null : month.atDay(1))
			.and("x.decided_on <= :decidedTo", "decidedTo", month == null ? null : month.atEndOfMonth());
		return where.page(jdbc, "select x.*, p.name as project_name",
				" from penalty x join project p on p.id = x.project_id", "x.decided_on desc, x.id desc",
				(rs, n) -> new Listed(penalty(rs, n), rs.getString("project_name")), page, size);
	}

	@Override
	public Recorded recorded(long penaltyId) {
		require(penaltyId);
		return jdbc.sql("select recorded_by, lifted_by from penalty where id = ?").param(penaltyId)
			.query((rs, n) -> new Recorded(rs.getString("recorded_by"), rs.getString("lifted_by")))
			.single();
	}

	@Override
	public Penalty require(long id) {
		Penalty p = jdbc.sql("select * from penalty where id = ?").param(id).query(this::penalty).optional()
			.orElseThrow(() -> new NotFound("penalty", id));
		access.requireVisible(p.projectId());
		return p;
	}

	private Penalty penalty(ResultSet rs, int n) throws SQLException {
		return new Penalty(rs.getLong("id"), rs.getLong("project_id"), (Long) rs.getObject("order_id"),
				(Long) rs.getObject("finding_id"), Party.valueOf(rs.getString("party")), (Long) rs.getObject("enterprise_id"),
				(Long) rs.getObject("person_id"), rs.getString("legal_basis"), sanctions(rs.getArray("measures")),
				rs.getBigDecimal("fine_yuan"), (Long) rs.getObject("stoppage_id"), Penalty.Status.valueOf(rs.getString("status")),
				rs.getString("decision_maker"), rs.getDate("decided_on").toLocalDate(), rs.getString("document_number"),
				rs.getDate("lifted_on") == null ? null : rs.getDate("lifted_on").toLocalDate());
	}

	/** The measures column (text[]) as sanctions. */
	static List<Sanction> sanctions(Array measures) throws SQLException {
		return Arrays.stream((String[]) measures.getArray()).map(Sanction::valueOf).toList();
	}
}
