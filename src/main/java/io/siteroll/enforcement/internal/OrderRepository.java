package io.siteroll.enforcement.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.siteroll.audit.AuditRecord;
import io.siteroll.audit.AuditTrail;
import io.siteroll.compliance.Party;
import io.siteroll.compliance.Recheck;
import io.siteroll.compliance.Rule;
import io.siteroll.enforcement.RectificationOrder;
import io.siteroll.enforcement.RectificationOrder.RecheckResult;
import io.siteroll.enforcement.RectificationOrder.Status;
import io.siteroll.enforcement.RectificationOrder.Transition;
import io.siteroll.enforcement.RectificationOrders;
import io.siteroll.personnel.Post;
import io.siteroll.platform.NotFound;
import io.siteroll.platform.Page;
import io.siteroll.platform.SqlSearch;
import io.siteroll.project.ProjectAccess;
import io.siteroll.region.RegionSubtree;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Rectification orders in the database: the order with its transitions saved together (each transition audited),
 * its reads and the searches. Access checks are the callers' business.
 */
@Repository
class OrderRepository {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final String FROM = " from rectification_order o join project p on p.id = o.project_id";

	/** The project lies in the region {@code :region} or below it. */
	static final String REGION = "p.region_code in (select r.code from region r where " + RegionSubtree.REGION_R + ")";

	private static final String SELECT = "select o.*, p.name as project_name" + FROM;

	/** Where an order was issued from: the column of its source (one order per source, by unique index). */
	enum Source {
		FINDING("finding_id", "findingId"), WARNING("warning_id", "warningId"), INSPECTION("inspection_id", "inspectionId");

		final String column;

		/** The request field a second order for the same source is refused on. */
		final String field;

		Source(String column, String field) {
			this.column = column;
			this.field = field;
		}
	}

	private final JdbcClient jdbc;

	private final AuditTrail audit;

	OrderRepository(JdbcClient jdbc, AuditTrail audit) {
		this.jdbc = jdbc;
		this.audit = audit;
	}

	/** Stores a new ISSUED order; a second order for the same source fails on the unique index. */
	long insert(Source source, long sourceId, RectificationOrder.Issue issue) {
		return jdbc.sql("""
				insert into rectification_order (project_id, %s, rule, post, subject_person_id, addressee,
				                                 addressee_enterprise_id, addressee_person_id, items, legal_basis,
				                                 issued_on, deadline, status, issued_by)
				values (:project, :source, :rule, :post, :subject, :addressee,
				        :enterprise, :person, :items, :legalBasis,
				        :issuedOn, :deadline, 'ISSUED', :issuedBy) returning id""".formatted(source.column))
			.param("project", issue.projectId())
			.param("source", sourceId)
			.param("rule", issue.rule().name())
			.param("post", issue.post() == null ? null : issue.post().name())
			.param("subject", issue.subjectPersonId())
			.param("addressee", issue.addressee().name())
			.param("enterprise", issue.addresseeEnterpriseId())
			.param("person", issue.addresseePersonId())
			.param("items", issue.items())
			.param("legalBasis", issue.legalBasis())
			.param("issuedOn", issue.issuedOn())
			.param("deadline", issue.deadline())
			.param("issuedBy", issue.issuedBy())
			.query(Long.class)
			.single();
	}

	/**
	 * Saves what the order's moves changed (state, report, re-check) and its unsaved transitions, each audited as
	 * {@code ORDER_<state>}.
	 */
	void save(RectificationOrder order) {
		jdbc.sql("""
				update rectification_order set status = :status, answer = :answer, answered_by = :answeredBy,
				       answered_at = :answeredAt, recheck = :recheck::jsonb
				where id = :id""")
			.param("status", order.status().name())
			.param("answer", order.answer())
			.param("answeredBy", order.answeredBy())
			.param("answeredAt", order.answeredAt() == null ? null : Timestamp.from(order.answeredAt()))
			.param("recheck", order.recheck() == null ? null : JSON.writeValueAsString(order.recheck()))
			.param("id", order.id())
			.update();
		for (Transition t : order.unsaved()) {
			record(order.id(), t);
		}
		order.saved();
	}

	/** Stores one transition and audits it. */
	void record(long orderId, Transition t) {
		jdbc.sql("insert into order_transition (order_id, from_state, to_state, actor, at, note) values (?, ?, ?, ?, ?, ?)")
			.params(orderId, t.from() == null ? null : t.from().name(), t.to().name(), t.actor(),
					Timestamp.from(t.at()), t.note())
			.update();
		Map<String, Object> before = new HashMap<>();
		before.put("status", t.from() == null ? "-" : t.from().name());
		audit.record(AuditRecord.changed("ORDER_" + t.to().name(), "rectification_order", orderId, before,
				Map.of("status", t.to().name(), "note", t.note() == null ? "" : t.note())));
	}

	RectificationOrder find(long orderId) {
		return find(orderId, false);
	}

	/** The order, its row locked until the transaction ends: every move reads it so. */
	RectificationOrder lock(long orderId) {
		return find(orderId, true);
	}

	private RectificationOrder find(long orderId, boolean forUpdate) {
		return jdbc.sql(SELECT + " where o.id = ?" + (forUpdate ? " for update of o" : ""))
			.param(orderId)
			.query(this::order)
			.optional()
			.orElseThrow(() -> new NotFound("order", orderId));
	}

	List<Transition> transitions(long orderId) {
		return jdbc.sql("select * from order_transition where order_id = ? order by id")
			.param(orderId)
			.query((rs, n) -> new Transition(rs.getLong("id"), status(rs.getString("from_state")),
					status(rs.getString("to_state")), rs.getString("actor"), rs.getTimestamp("at").toInstant(),
					rs.getString("note")))
			.list();
	}

	/** The parties on whom penalties have been decided for the order. */
	List<Party> penalisedParties(long orderId) {
		return jdbc.sql("select distinct party from penalty where order_id = ?").param(orderId).query(String.class).list()
			.stream().map(Party::valueOf).toList();
	}

	/** Orders the platform re-checks itself (R1, R2, R3) still open after their deadline. */
	List<Long> openPastDeadline(LocalDate today) {
		return jdbc.sql("""
				select id from rectification_order where status in ('ISSUED', 'ANSWERED') and deadline < ?
				  and rule in ('R1', 'R2', 'R3') order by id""")
			.param(today)
			.query(Long.class)
			.list();
	}

	/**
	 * The officer's queue order: orders awaiting their re-check first (open past the deadline), then overdue ones
	 * awaiting their penalties, then the rest; each group by deadline.
	 */
	private static final String DUE_FIRST = """
			case when o.status in ('ISSUED', 'ANSWERED') and o.deadline < :today then 0
			     when o.status = 'OVERDUE' then 1 else 2 end, o.deadline, o.id""";

	/**
	 * A page of orders within a project scope, those due for their re-check first.
	 * @param due the officer's queue: overdue, or open past the deadline on {@code today}
	 */
	Page<RectificationOrder> search(ProjectAccess.Scope scope, RectificationOrders.Search search, LocalDate today,
			int page, int size) {
		List<String> statuses = search.statuses().stream().map(Status::name).toList();
		YearMonth month = search.issuedIn();
		SqlSearch.Where where = SqlSearch.where(scope.sql(), scope.params())
			.and("o.project_id = :project", "project", search.projectId())
			.and("o.status in (:statuses)", "statuses", statuses.isEmpty() ? null : statuses)
			.and(REGION, "region", SqlSearch.text(search.region()))
			.and("o.issued_on >= :issuedFrom", "issuedFrom", month == null ? null : month.atDay(1))
			.and("o.issued_on <= :issuedTo", "issuedTo", month == null ? null : month.atEndOfMonth());
		if (Boolean.TRUE.equals(search.due())) {
			where.and("(o.status = 'OVERDUE' or o.status in ('ISSUED', 'ANSWERED') and o.deadline < :today)");
		}
		where.param("today", today);
		return where.page(jdbc, "select o.*, p.name as project_name ", FROM, DUE_FIRST, this::order, page, size);
	}

	private RectificationOrder order(ResultSet rs, int n) throws SQLException {
		Instant answeredAt = rs.getTimestamp("answered_at") == null ? null : rs.getTimestamp("answered_at").toInstant();
		RectificationOrder.Issue issue = new RectificationOrder.Issue(rs.getLong("project_id"), rs.getString("project_name"),
				(Long) rs.getObject("finding_id"), Rule.valueOf(rs.getString("rule")), Post.ofCode(rs.getString("post")),
				(Long) rs.getObject("subject_person_id"), Party.valueOf(rs.getString("addressee")),
				rs.getLong("addressee_enterprise_id"), (Long) rs.getObject("addressee_person_id"), rs.getString("items"),
				rs.getString("legal_basis"), rs.getDate("issued_on").toLocalDate(), rs.getDate("deadline").toLocalDate(),
				rs.getString("issued_by"));
		return new RectificationOrder(rs.getLong("id"), issue, Status.valueOf(rs.getString("status")), rs.getString("answer"),
				rs.getString("answered_by"), answeredAt, recheckResult(issue.rule(), rs.getString("recheck")));
	}

	/**
	 * The stored re-check result; its evidence is read into the record of the order's rule, which the JSON alone
	 * does not name.
	 */
	private static RecheckResult recheckResult(Rule rule, String json) {
		if (json == null) {
			return null;
		}
		JsonNode node = JSON.readTree(json);
		JsonNode evidence = node.path("evidence");
		return new RecheckResult(date(node.path("from")), date(node.path("to")),
				evidence.isObject() ? JSON.treeToValue(evidence, Recheck.Evidence.typeOf(rule)) : null,
				node.path("reinspection").isString() ? node.get("reinspection").asString() : null,
				node.path("rectified").asBoolean(), node.path("by").isString() ? node.get("by").asString() : null);
	}

	private static LocalDate date(JsonNode node) {
		return node.isString() ? LocalDate.parse(node.asString()) : null;
	}

	private static Status status(String code) {
		return code == null ? null : Status.valueOf(code);
	}
}
