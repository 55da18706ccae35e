package io.siteroll.enforcement.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import io.siteroll.compliance.Escalation;
import io.siteroll.compliance.EvidenceSentences;
import io.siteroll.compliance.Finding;
import io.siteroll.compliance.Findings;
import io.siteroll.compliance.Measure;
import io.siteroll.compliance.Party;
import io.siteroll.compliance.Rule;
import io.siteroll.compliance.RuleSet;
import io.siteroll.compliance.RuleSets;
import io.siteroll.compliance.Warning;
import io.siteroll.compliance.WarningEvidence.KeyManagerUnreachableEvidence;
import io.siteroll.compliance.Warnings;
import io.siteroll.device.Device;
import io.siteroll.device.Devices;
import io.siteroll.enforcement.Inspection;
import io.siteroll.enforcement.RectificationOrder;
import io.siteroll.enforcement.RectificationOrder.Status;
import io.siteroll.enforcement.RectificationOrder.Transition;
import io.siteroll.enforcement.RectificationOrders.FromFinding;
import io.siteroll.enforcement.RectificationOrders.FromInspection;
import io.siteroll.enforcement.RectificationOrders.FromWarning;
import io.siteroll.enforcement.internal.OrderRepository.Source;
import io.siteroll.identity.CurrentActor;
import io.siteroll.personnel.Post;
import io.siteroll.platform.Checks;
import io.siteroll.platform.Conflict;
import io.siteroll.platform.Messages;
import io.siteroll.platform.NotFound;
import io.siteroll.platform.RuleViolation;
import io.siteroll.project.ProjectAccess;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Issues rectification orders (责令限期整改通知): from a finding, a daily warning, an inspection's worker shortfall
 * and an inspection's failed device function test. Decides whom an order addresses (the responsible party of the
 * escalation table, found among the {@link ProjectParties}), its legal basis, its deadline (the rule set's unless
 * the officer sets one) and its items: the officer's words, or a sentence in Chinese, since the order is an
 * official document whatever the officer's language.
 */
@Service
class OrderIssuing {

	/** The legal basis of an order after a failed function test: the inspection checklist's item 1. */
	static final String DEVICE_TEST_BASIS = "吉建管〔2021〕6号 检查内容1：现场功能测试，考勤设备须具备防视频、照片作假功能";

	/** What an inspection found that an order from its shortfall needs. */
	private record Shortfall(long projectId, LocalDate day, int headcount, int workersWithValidDay, int shortfall,
			Measure measure) {
	}

	private final OrderRepository repository;

	private final PartyDirectory parties;

	private final Findings findings;

	private final Warnings warnings;

	private final RuleSets ruleSets;

	private final EvidenceSentences sentences;

	private final Messages messages;

	private final ProjectAccess access;

	private final CurrentActor actors;

	private final JdbcClient jdbc;

	private final Clock clock;

	private final Devices devices;

	OrderIssuing(OrderRepository repository, PartyDirectory parties, Findings findings, Warnings warnings,
			RuleSets ruleSets, EvidenceSentences sentences, Messages messages, ProjectAccess access, CurrentActor actors,
			JdbcClient jdbc, Clock clock, Devices devices) {
		this.repository = repository;
		this.parties = parties;
		this.findings = findings;
		this.warnings = warnings;
		this.ruleSets = ruleSets;
		this.sentences = sentences;
		this.messages = messages;
		this.access = access;
		this.actors = actors;
		this.jdbc = jdbc;
		this.clock = clock;
		this.devices = devices;
	}

	/** From an open finding that calls for an order: addressed to the finding's responsible party. */
	@Transactional
	long issue(FromFinding request) {
		validate("findingId", request.findingId(), request.items());
		Finding f = findings.require(request.findingId());
		access.requireOverseen(f.projectId());
		if (f.status() != Finding.Status.OPEN) {
			throw new Conflict("findingId", "order.finding-withdrawn");
		}
		if (f.measure() != Measure.RECTIFICATION_ORDER) {
			throw new Conflict("findingId", "order.finding-calls-for-penalty");
		}
		Party addressee = f.responsible() == Party.SUPERVISION_COMPANY || f.responsible() == Party.PROJECT_MANAGER
				? f.responsible() : Party.CONSTRUCTION_ENTERPRISE;
		long enterprise = f.responsibleEnterpriseId() != null ? f.responsibleEnterpriseId()
				: parties.of(f.projectId(), today()).contractorId();
		String items = itemsOr(request.items(), () -> sentences.orderItems(f));
		RuleSet rules = ruleSets.require(f.ruleSetId());
		return insert(Source.FINDING, f.id(), new Draft(f.projectId(), f.rule(), f.post(), f.personId(), addressee,
				enterprise, f.responsiblePersonId(), items, f.legalBasis()), rules.rectificationDays(), request.deadline());
	}

	/**
	 * From a warning not dismissed: R2 (a key manager unreachable) addresses the project manager, or the supervision
	 * company for a chief supervisor; R1, R3 and the wage warnings (WAGES: the general contractor, which opens the wage
	 * account, stores the guarantee and pays on the subcontractors' behalf) the construction enterprise.
	 */
	@Transactional
	long issue(FromWarning request) {
		validate("warningId", request.warningId(), request.items());
		Warning w = warnings.require(request.warningId());
		access.requireOverseen(w.projectId());
		if (w.review() == Warning.Review.DISMISSED) {
			throw new Conflict("warningId", "order.warning-dismissed");
		}
		Rule rule = w.kind().rule();
		Post post = rule == Rule.R2 ? postOf(w) : null;
		boolean supervisor = post == Post.CHIEF_SUPERVISOR;
		ProjectParties project = supervisor ? parties.withChiefSupervisor(w.projectId(), today(), w.personId())
				: parties.of(w.projectId(), today());
		Party addressee = supervisor ? Party.SUPERVISION_COMPANY
				: rule == Rule.R2 ? Party.PROJECT_MANAGER : Party.CONSTRUCTION_ENTERPRISE;
		String items = itemsOr(request.items(), () -> sentences.orderItems(w));
		return insertUnderRuleSetInForce(Source.WARNING, w.id(), new Draft(w.projectId(), rule, post, w.personId(),
				addressee, supervisor ? project.supervisionCompanyId() : project.contractorId(),
				supervisor ? project.chiefSupervisorId() : project.projectManagerId(), items, null), request.deadline());
	}

	/** The post of the manager an R2 warning is about (from its evidence). */
	private static Post postOf(Warning w) {
		return w.evidence() instanceof KeyManagerUnreachableEvidence e ? e.post() : null;
	}

	/** From an inspection whose worker shortfall calls for an order (R3, below the penalty threshold). */
	@Transactional
	long issue(FromInspection request) {
		validate("inspectionId", request.inspectionId(), request.items());
		Shortfall found = jdbc.sql("""
				select project_id, day, headcount, workers_with_valid_day, shortfall, shortfall_measure
				from inspection where id = ?""")
			.param(request.inspectionId())
			.query((rs, n) -> new Shortfall(rs.getLong("project_id"), rs.getDate("day").toLocalDate(), rs.getInt("headcount"),
					rs.getInt("workers_with_valid_day"), rs.getInt("shortfall"),
					InspectionBook.shortfallMeasure(rs.getString("shortfall_measure"))))
			.optional()
			.orElseThrow(() -> new NotFound("inspection", request.inspectionId()));
		access.requireOverseen(found.projectId());
		if (found.measure() == null) {
			throw new Conflict("inspectionId", "order.nobody-missing");
		}
		if (found.measure() != Measure.RECTIFICATION_ORDER) {
			throw new Conflict("inspectionId", "order.no-shortfall-to-rectify", found.measure());
		}
		ProjectParties project = parties.of(found.projectId(), today());
		String items = itemsOr(request.items(), () -> messages.get(Messages.CHINESE, "order.items.inspection-shortfall",
				found.day().toString(), found.headcount(), found.workersWithValidDay(), found.shortfall()));
		return insertUnderRuleSetInForce(Source.INSPECTION, request.inspectionId(), new Draft(found.projectId(), Rule.R3,
				null, null, Party.CONSTRUCTION_ENTERPRISE, project.contractorId(), project.projectManagerId(), items, null),
				request.deadline());
	}

	/**
	 * From the function tests an inspection failed (防照片、视频作假): to the construction enterprise, to replace or
	 * upgrade the devices; the items name each device and the attack it let through.
	 */
	@Transactional
	long issueForFailedTests(long projectId, long inspectionId, List<Inspection.FunctionTest> failed) {
		ProjectParties project = parties.of(projectId, today());
		Map<Long, String> gates = devices.forProject(projectId).stream()
			.collect(Collectors.toMap(Device::id, d -> messages.get(Messages.CHINESE, "order.items.gate", d.channelName(), d.serialNumber())));
		String tests = String.join("；", failed.stream()
			.map(t -> messages.get(Messages.CHINESE, "order.items.failed-test",
					gates.getOrDefault(t.deviceId(), String.valueOf(t.deviceId())),
					messages.label(Messages.CHINESE, t.attack())))
			.toList());
		String items = messages.get(Messages.CHINESE, "order.items.device-test", tests);
		return insert(Source.INSPECTION, inspectionId, new Draft(projectId, Rule.DEVICE_TEST, null, null,
				Party.CONSTRUCTION_ENTERPRISE, project.contractorId(), project.projectManagerId(), items, DEVICE_TEST_BASIS),
				ruleSets.inForce(YearMonth.now(clock)).rectificationDays(), null);
	}

	/** An order before it has a deadline and an issuer; {@code legalBasis} null: the rule set's for the rule. */
	private record Draft(long projectId, Rule rule, Post post, Long subjectPersonId, Party addressee, Long enterpriseId,
			Long addresseePersonId, String items, String legalBasis) {
	}

	/** Orders not from a finding: the legal basis and the default deadline of the rule set in force today. */
	private long insertUnderRuleSetInForce(Source source, long sourceId, Draft draft, LocalDate requestedDeadline) {
		RuleSet rules = ruleSets.inForce(YearMonth.now(clock));
		Draft based = new Draft(draft.projectId(), draft.rule(), draft.post(), draft.subjectPersonId(), draft.addressee(),
				draft.enterpriseId(), draft.addresseePersonId(), draft.items(),
				rules.basis().getOrDefault(draft.rule().name(), Map.of()).getOrDefault("basis",
						draft.rule() == Rule.WAGES ? Escalation.WAGE_REGULATION : ""));
		return insert(source, sourceId, based, rules.rectificationDays(), requestedDeadline);
	}

	/** Stores the ISSUED order with its first transition; one order per finding, warning or inspection. */
	private long insert(Source source, long sourceId, Draft d, int deadlineDays, LocalDate requestedDeadline) {
		LocalDate today = today();
		LocalDate deadline = requestedDeadline != null ? requestedDeadline : today.plusDays(deadlineDays);
		if (deadline.isBefore(today)) {
			throw RuleViolation.of("deadline", "date.before-start");
		}
		String by = actors.get().username();
		RectificationOrder.Issue issue = new RectificationOrder.Issue(d.projectId(), null, null, d.rule(), d.post(),
				d.subjectPersonId(), d.addressee(), d.enterpriseId(), d.addresseePersonId(), d.items(), d.legalBasis(), today,
				deadline, by);
		long id;
		try {
			id = repository.insert(source, sourceId, issue);
		}
		catch (DuplicateKeyException e) {
			throw new Conflict(source.field, "order.already-issued");
		}
		repository.record(id, new Transition(null, null, Status.ISSUED, by, clock.instant(), "deadline " + deadline));
		return id;
	}

	private static void validate(String source, Long sourceId, String items) {
		Checks checks = new Checks();
		checks.required(source, sourceId);
		checks.maxLength("items", items, 4000);
		checks.throwIfAny();
	}

	private static String itemsOr(String requested, Supplier<String> written) {
		return requested != null && !requested.isBlank() ? requested.strip() : written.get();
	}

	private LocalDate today() {
		return LocalDate.now(clock);
	}
}
