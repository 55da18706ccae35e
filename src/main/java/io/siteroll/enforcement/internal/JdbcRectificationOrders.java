package io.siteroll.enforcement.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import io.siteroll.audit.AuditRecord;
import io.siteroll.audit.AuditTrail;
import io.siteroll.compliance.Escalation;
import io.siteroll.compliance.Finding;
import io.siteroll.compliance.EvidenceSentences;
import io.siteroll.compliance.WarningEvidence.KeyManagerUnreachableEvidence;
import io.siteroll.compliance.Findings;
import io.siteroll.compliance.Measure;
import io.siteroll.compliance.Party;
import io.siteroll.compliance.Recheck;
import io.siteroll.compliance.Rule;
import io.siteroll.compliance.RuleSets;
import io.siteroll.enforcement.RectificationOrder.Status;
import io.siteroll.enforcement.RectificationOrder;
import io.siteroll.enforcement.RectificationOrders;
import io.siteroll.identity.Actor;
import io.siteroll.identity.CurrentActor;
import io.siteroll.identity.Role;
import io.siteroll.personnel.Post;
import io.siteroll.platform.Checks;
import io.siteroll.platform.Conflict;
import io.siteroll.platform.Forbidden;
import io.siteroll.platform.NotFound;
import io.siteroll.platform.Page;
import io.siteroll.platform.RuleViolation;
import io.siteroll.project.ProjectAccess;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

@Service
class JdbcRectificationOrders implements RectificationOrders {

	private static final Logger log = LoggerFactory.getLogger(JdbcRectificationOrders.class);

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {
	};

	static final String SELECT = """
			select o.*, p.name as project_name from rectification_order o join project p on p.id = o.project_id""";

	private final JdbcClient jdbc;

	private final Findings findings;

	private final RuleSets ruleSets;

	private final Recheck rechecks;

	private final ProjectAccess access;

	private final CurrentActor actors;

	private final AuditTrail audit;

	private final Clock clock;

	private final CreditWriter credits;

	private final io.siteroll.compliance.Warnings warnings;

	private final io.siteroll.privacy.PersonalDataCipher cipher;

	private final EvidenceSentences sentences;

	JdbcRectificationOrders(JdbcClient jdbc, Findings findings, RuleSets ruleSets, Recheck rechecks, ProjectAccess access,
			CurrentActor actors, AuditTrail audit, Clock clock, CreditWriter credits,
			io.siteroll.privacy.PersonalDataCipher cipher, io.siteroll.compliance.Warnings warnings,
			EvidenceSentences sentences) {
		this.sentences = sentences;
		this.cipher = cipher;
		this.warnings = warnings;
		this.credits = credits;
		this.jdbc = jdbc;
		this.findings = findings;
		this.ruleSets = ruleSets;
		this.rechecks = rechecks;
		this.access = access;
		this.actors = actors;
		this.audit = audit;
		this.clock = clock;
	}

	@Override
	@Transactional
	public RectificationOrder issue(FromFinding request) {
		Checks checks = new Checks();
		checks.required("findingId", request.findingId());
		checks.maxLength("items", request.items(), 4000);
		checks.throwIfAny();
		Finding f = findings.require(request.findingId());
		access.requireOverseen(f.projectId());
		if (f.status() != Finding.Status.OPEN) {
			throw new Conflict("findingId", "order.finding-withdrawn");
		}
		if (f.measure() != Measure.RECTIFICATION_ORDER) {
			throw new Conflict("findingId", "order.finding-calls-for-penalty");
		}
		String items = request.items() != null && !request.items().isBlank() ? request.items().strip() : sentences.orderItems(f);
		String addressee = f.responsible() == Party.SUPERVISION_COMPANY || f.responsible() == Party.PROJECT_MANAGER
				? f.responsible().name() : Party.CONSTRUCTION_ENTERPRISE.name();
		long enterprise = f.responsibleEnterpriseId() != null ? f.responsibleEnterpriseId()
				: (Long) partiesOf(f.projectId(), null).get("contractor");
		return insert(f.projectId(), "finding_id", f.id(), f.rule().name(), f.post() == null ? null : f.post().name(), f.personId(), addressee, enterprise,
				f.responsiblePersonId(), items, f.legalBasis(), ruleSets.require(f.ruleSetId()).rectificationDays(),
				request.deadline());
	}

	@Override
	@Transactional
	public RectificationOrder issue(FromWarning request) {
		Checks checks = new Checks();
		checks.required("warningId", request.warningId());
		checks.maxLength("items", request.items(), 4000);
		checks.throwIfAny();
		io.siteroll.compliance.Warning w = warnings.require(request.warningId());
		access.requireOverseen(w.projectId());
		if (w.review() == io.siteroll.compliance.Warning.Review.DISMISSED) {
			throw new Conflict("warningId", "order.warning-dismissed");
		}
		String rule = w.kind().rule().name();
		String post = w.evidence() instanceof KeyManagerUnreachableEvidence e ? e.post().name() : null;
		boolean supervisor = "CHIEF_SUPERVISOR".equals(post);
		Map<String, Object> parties = partiesOf(w.projectId(), supervisor ? w.personId() : null);
		String items = request.items() != null && !request.items().isBlank() ? request.items().strip()
				: sentences.orderItems(w);
		return insert(w.projectId(), "warning_id", w.id(), rule, post, w.personId(),
				supervisor ? "SUPERVISION_COMPANY" : "R2".equals(rule) ? "PROJECT_MANAGER" : "CONSTRUCTION_ENTERPRISE",
				(Long) parties.get(supervisor ? "supervision" : "contractor"),
				(Long) (supervisor ? Long.valueOf(w.personId()) : parties.get("pm")), items, request.deadline());
	}

	@Override
	@Transactional
	public RectificationOrder issue(FromInspection request) {
		Checks checks = new Checks();
		checks.required("inspectionId", request.inspectionId());
		checks.maxLength("items", request.items(), 4000);
		checks.throwIfAny();
		Map<String, Object> inspection = jdbc.sql("""
				select project_id, day, headcount, workers_with_valid_day, shortfall, shortfall_measure from inspection where id = ?""")
			.param(request.inspectionId())
			.query()
			.listOfRows()
			.stream()
			.findFirst()
			.orElseThrow(() -> new NotFound("inspection", request.inspectionId()));
		long projectId = ((Number) inspection.get("project_id")).longValue();
		access.requireOverseen(projectId);
		if (!"RECTIFICATION_ORDER".equals(inspection.get("shortfall_measure"))) {
			throw new Conflict("inspectionId", "order.no-shortfall-to-rectify", String.valueOf(inspection.get("shortfall_measure")));
		}
		Map<String, Object> parties = partiesOf(projectId, null);
		String items = request.items() != null && !request.items().isBlank() ? request.items().strip()
				: inspection.get("day") + " 监督检查：现场 " + inspection.get("headcount") + " 人，有效考勤 "
						+ inspection.get("workers_with_valid_day") + " 人，缺少考勤 " + inspection.get("shortfall") + " 人。";
		return insert(projectId, "inspection_id", request.inspectionId(), "R3", null, null, "CONSTRUCTION_ENTERPRISE",
				(Long) parties.get("contractor"), (Long) parties.get("pm"), items, request.deadline());
	}

	/** The project's contractor, current project manager and (for a supervisor) the supervision company. */
	Map<String, Object> partiesOf(long projectId, Long supervisorId) {
		Map<String, Object> m = new HashMap<>();
		m.put("contractor", jdbc.sql("select contractor_id from project where id = ?").param(projectId).query(Long.class).single());
		m.put("pm", jdbc.sql("""
				select person_id from manager_post where project_id = ? and post = 'PROJECT_MANAGER' and tenure_to is null
				order by tenure_from desc limit 1""").param(projectId).query(Long.class).optional().orElse(null));
		if (supervisorId != null) {
			m.put("supervision", jdbc.sql("""
					select u.enterprise_id from manager_post mp join participating_unit u on u.id = mp.participating_unit_id
					where mp.project_id = ? and mp.person_id = ? order by mp.tenure_from desc limit 1""")
				.params(projectId, supervisorId).query(Long.class).single());
		}
		return m;
	}

	/** The rule set in force today: legal basis of a rule and the default deadline, for orders not from a finding. */
	private RectificationOrder insert(long projectId, String sourceColumn, long sourceId, String rule, String post,
			Long subjectPersonId, String addressee, Long enterpriseId, Long addresseePersonId, String items,
			LocalDate requestedDeadline) {
		io.siteroll.compliance.RuleSet rules = ruleSets.inForce(java.time.YearMonth.now(clock));
		return insert(projectId, sourceColumn, sourceId, rule, post, subjectPersonId, addressee, enterpriseId,
				addresseePersonId, items, rules.basis().get(rule).get("basis"), rules.rectificationDays(), requestedDeadline);
	}

	/** Inserts an ISSUED order; one per finding, warning or inspection shortfall (the unique indexes refuse a second). */
	RectificationOrder insert(long projectId, String sourceColumn, long sourceId, String rule, String post,
			Long subjectPersonId, String addressee, Long enterpriseId, Long addresseePersonId, String items,
			String legalBasis, int deadlineDays, LocalDate requestedDeadline) {
		LocalDate today = LocalDate.now(clock);
		LocalDate deadline = requestedDeadline != null ? requestedDeadline : today.plusDays(deadlineDays);
		if (deadline.isBefore(today)) {
			throw RuleViolation.of("deadline", "date.before-start");
		}
		long id;
		try {
			id = jdbc.sql("""
					insert into rectification_order (project_id, %s, rule, post, subject_person_id, addressee,
					                                 addressee_enterprise_id, addressee_person_id, items, legal_basis,
					                                 issued_on, deadline, status, issued_by)
					values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'ISSUED', ?) returning id""".formatted(sourceColumn))
				.params(projectId, sourceId, rule, post, subjectPersonId, addressee, enterpriseId, addresseePersonId, items,
						legalBasis, today, deadline, actors.get().username())
				.query(Long.class)
				.single();
		}
		catch (DuplicateKeyException e) {
			throw new Conflict(switch (sourceColumn) {
				case "warning_id" -> "warningId";
				case "inspection_id" -> "inspectionId";
				default -> "findingId";
			}, "order.already-issued");
		}
		transition(id, null, Status.ISSUED, "deadline " + deadline);
		return require(id);
	}

	@Override
	@Transactional
	public RectificationOrder answer(long orderId, Answer answer) {
		RectificationOrder order = lock(orderId);
		Actor actor = actors.get();
		if (actor.role() != Role.ENTERPRISE_ADMIN || actor.enterpriseId() == null
				|| actor.enterpriseId() != order.addresseeEnterpriseId()) {
			throw new Forbidden("order.not-addressee");
		}
		Checks checks = new Checks();
		checks.maxLength("report", checks.required("report", answer.report()), 4000);
		checks.throwIfAny();
		move(order, Status.ANSWERED);
		jdbc.sql("update rectification_order set answer = ?, answered_by = ?, answered_at = now() where id = ?")
			.params(answer.report().strip(), actor.username(), orderId)
			.update();
		transition(orderId, Status.valueOf(order.status()), Status.ANSWERED, null);
		return require(orderId);
	}

	@Override
	@Transactional
	public long attach(long orderId, String fileName, String contentType, byte[] content) {
		RectificationOrder order = lock(orderId);
		Actor actor = actors.get();
		if (actor.role() != Role.ENTERPRISE_ADMIN || actor.enterpriseId() == null
				|| actor.enterpriseId() != order.addresseeEnterpriseId()) {
			throw new Forbidden("order.not-addressee");
		}
		if (!List.of("ISSUED", "ANSWERED").contains(order.status())) {
			throw new Conflict("status", "order.illegal-transition", order.status(), "ANSWERED");
		}
		Checks checks = new Checks();
		checks.maxLength("file", checks.required("file", fileName), 200);
		checks.check(content != null && content.length > 0, "file", "required");
		checks.check(content == null || content.length <= 10 * 1024 * 1024, "file", "upload-too-large");
		checks.throwIfAny();
		long id = jdbc.sql("""
				insert into order_attachment (order_id, file_name, content_type, size_bytes, sha256, cipher, uploaded_by)
				values (?, ?, ?, ?, sha256(?), ?, ?) returning id""")
			.params(orderId, fileName, contentType == null ? "application/octet-stream" : contentType, content.length, content,
					cipher.encryptBytes("order.attachment", content), actor.username())
			.query(Long.class)
			.single();
		audit.record(AuditRecord.created("order_attachment", id, Map.of("orderId", orderId, "fileName", fileName)));
		return id;
	}

	@Override
	@Transactional
	public RectificationOrder recheck(long orderId, Reinspection reinspection) {
		RectificationOrder order = lock(orderId);
		access.requireOverseen(order.projectId());
		if (!actors.get().isOfficer()) {
			throw new Forbidden("order.officers-only");
		}
		LocalDate today = LocalDate.now(clock);
		if (!today.isAfter(order.deadline())) {
			throw new Conflict("deadline", "recheck.before-deadline", order.deadline().plusDays(1));
		}
		return judge(order, reinspection, actors.get().username());
	}

	private RectificationOrder judge(RectificationOrder order, Reinspection reinspection, String by) {
		Map<String, Object> result = new LinkedHashMap<>();
		boolean rectified;
		if (List.of("R1", "R2", "R3").contains(order.rule())) {
			Recheck.Verdict verdict = rechecks.judge(order.rule(), order.projectId(), order.subjectPersonId(), order.deadline());
			rectified = verdict.rectified();
			result.put("from", verdict.from().toString());
			result.put("to", verdict.to().toString());
			result.put("evidence", verdict.evidence());
		}
		else {
			if (reinspection == null || reinspection.rectified() == null) {
				throw RuleViolation.of("rectified", "required");
			}
			rectified = reinspection.rectified();
			result.put("reinspection", reinspection.note() == null ? "" : reinspection.note());
		}
		result.put("rectified", rectified);
		result.put("by", by);
		Status next = rectified ? Status.RECTIFIED : Status.OVERDUE;
		move(order, next);
		jdbc.sql("update rectification_order set recheck = ?::jsonb where id = ?")
			.params(JSON.writeValueAsString(result), order.id())
			.update();
		transition(order.id(), Status.valueOf(order.status()), next, rectified ? "rectified" : "still failing");
		return require(order.id());
	}

	/** Every morning: orders past their deadline are re-checked where the platform can judge them. */
	@Scheduled(cron = "${siteroll.enforcement.deadline-cron:0 0 3 * * *}", zone = "Asia/Shanghai")
	void daily() {
		int n = markOverdue(LocalDate.now(clock));
		if (n > 0) {
			log.info("{} rectification orders re-checked after their deadline", n);
		}
	}

	@Override
	@Transactional
	public int markOverdue(LocalDate today) {
		List<Long> due = jdbc.sql("""
				select id from rectification_order where status in ('ISSUED', 'ANSWERED') and deadline < ?
				  and rule in ('R1', 'R2', 'R3') order by id""")
			.param(today)
			.query(Long.class)
			.list();
		int judged = 0;
		for (long id : due) {
			try {
				judge(lock(id), null, "system");
				judged++;
			}
			catch (Conflict e) {
				log.debug("Order {} cannot be re-checked yet: {}", id, e.getMessage());
			}
		}
		return judged;
	}

	@Override
	@Transactional
	public RectificationOrder escalate(long orderId) {
		RectificationOrder order = lock(orderId);
		access.requireOverseen(order.projectId());
		if (!Status.valueOf(order.status()).mayBecome(Status.ESCALATED)) {
			throw new Conflict("status", "order.illegal-transition", order.status(), Status.ESCALATED.name());
		}
		Escalation.Proposal proposal = Escalation.of(Rule.valueOf(order.rule()), Post.ofCode(order.post()), false);
		List<String> decided = jdbc.sql("select distinct party from penalty where order_id = ?").param(orderId)
			.query(String.class).list();
		List<String> missing = proposal.penalties().stream().map(due -> due.party().name())
			.filter(p -> !decided.contains(p)).toList();
		if (!missing.isEmpty()) {
			throw new Conflict("penalties", "order.penalties-missing", String.join(", ", missing));
		}
		move(order, Status.ESCALATED);
		credits.write(parties(order), proposal.creditRecords(), order.items(), order.legalBasis(), orderId, null,
				order.findingId());
		transition(orderId, Status.OVERDUE, Status.ESCALATED, proposal.creditRecords().stream().map(Party::name).collect(Collectors.joining(", ")));
		return require(orderId);
	}

	/** Who each role of the escalation table points at for this order. */
	CreditWriter.Parties parties(RectificationOrder order) {
		long contractor = (Long) partiesOf(order.projectId(), null).get("contractor");
		boolean supervision = "SUPERVISION_COMPANY".equals(order.addressee());
		return new CreditWriter.Parties(order.projectId(), contractor, supervision ? null : order.addresseePersonId(),
				supervision ? order.addresseePersonId() : null, supervision ? order.addresseeEnterpriseId() : null);
	}

	RectificationOrder lockForPenalty(long orderId) {
		return lock(orderId);
	}

	@Override
	public RectificationOrder require(long orderId) {
		RectificationOrder order = find(orderId, false);
		access.requireVisible(order.projectId());
		return order;
	}

	private RectificationOrder lock(long orderId) {
		return find(orderId, true);
	}

	private RectificationOrder find(long orderId, boolean forUpdate) {
		return jdbc.sql(SELECT + " where o.id = ?" + (forUpdate ? " for update of o" : ""))
			.param(orderId)
			.query(this::order)
			.optional()
			.orElseThrow(() -> new NotFound("order", orderId));
	}

	/** The state machine: refuses an illegal transition with the current and the requested state. */
	void move(RectificationOrder order, Status next) {
		Status current = Status.valueOf(order.status());
		if (!current.mayBecome(next)) {
			throw new Conflict("status", "order.illegal-transition", current.name(), next.name());
		}
		jdbc.sql("update rectification_order set status = ? where id = ?").params(next.name(), order.id()).update();
	}

	void transition(long orderId, Status from, Status to, String note) {
		String actor = actors.get().username();
		jdbc.sql("insert into order_transition (order_id, from_state, to_state, actor, note) values (?, ?, ?, ?, ?)")
			.params(orderId, from == null ? null : from.name(), to.name(), actor, note)
			.update();
		Map<String, Object> before = new HashMap<>();
		before.put("status", from == null ? "-" : from.name());
		audit.record(AuditRecord.changed("ORDER_" + to.name(), "rectification_order", orderId, before,
				Map.of("status", to.name(), "note", note == null ? "" : note)));
	}

	@Override
	public List<RectificationOrder.Transition> transitions(long orderId) {
		require(orderId);
		return jdbc.sql("select * from order_transition where order_id = ? order by id")
			.param(orderId)
			.query((rs, n) -> new RectificationOrder.Transition(rs.getLong("id"), rs.getString("from_state"),
					rs.getString("to_state"), rs.getString("actor"), rs.getTimestamp("at").toInstant(), rs.getString("note")))
			.list();
	}

	@Override
	public Page<RectificationOrder> search(Search search, int page, int size) {
		ProjectAccess.Scope scope = access.visibleProjects("o.project_id");
		StringBuilder where = new StringBuilder(" where ").append(scope.sql());
		Map<String, Object> params = new HashMap<>(scope.params());
		if (search.projectId() != null) {
			where.append(" and o.project_id = :project");
			params.put("project", search.projectId());
		}
		if (search.status() != null && !search.status().isBlank()) {
			where.append(" and o.status = :status");
			params.put("status", search.status().strip().toUpperCase());
		}
		if (Boolean.TRUE.equals(search.due())) {
			where.append(" and (o.status = 'OVERDUE' or o.status in ('ISSUED', 'ANSWERED') and o.deadline < :today)");
			params.put("today", LocalDate.now(clock));
		}
		long total = jdbc.sql("select count(*) from rectification_order o" + where).params(params).query(Long.class).single();
		params.put("limit", size);
		params.put("offset", (long) page * size);
		List<RectificationOrder> items = jdbc.sql(SELECT + where + " order by o.deadline, o.id limit :limit offset :offset")
			.params(params)
			.query(this::order)
			.list();
		return new Page<>(items, page, size, total);
	}

	RectificationOrder order(ResultSet rs, int n) throws SQLException {
		String recheck = rs.getString("recheck");
		String status = rs.getString("status");
		String rule = rs.getString("rule");
		Escalation.Proposal proposal = "OVERDUE".equals(status) || "ESCALATED".equals(status)
				? Escalation.of(Rule.valueOf(rule), Post.ofCode(rs.getString("post")), false) : null;
		return new RectificationOrder(rs.getLong("id"), rs.getLong("project_id"), rs.getString("project_name"),
				(Long) rs.getObject("finding_id"), rule, rs.getString("post"), (Long) rs.getObject("subject_person_id"),
				rs.getString("addressee"), rs.getLong("addressee_enterprise_id"), (Long) rs.getObject("addressee_person_id"),
				rs.getString("items"), rs.getString("legal_basis"), rs.getDate("issued_on").toLocalDate(),
				rs.getDate("deadline").toLocalDate(), status, rs.getString("answer"), rs.getString("answered_by"),
				rs.getTimestamp("answered_at") == null ? null : rs.getTimestamp("answered_at").toInstant(),
				recheck == null ? null : JSON.readValue(recheck, MAP), rs.getString("issued_by"), proposal);
	}
}
