package io.siteroll.enforcement.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;

import io.siteroll.audit.AuditRecord;
import io.siteroll.audit.AuditTrail;
import io.siteroll.compliance.Party;
import io.siteroll.enforcement.TypicalCases;
import io.siteroll.identity.CurrentActor;
import io.siteroll.platform.Checks;
import io.siteroll.platform.Conflict;
import io.siteroll.platform.Forbidden;
import io.siteroll.platform.NotFound;
import io.siteroll.platform.Page;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Publishes penalties as typical cases (典型案例), province officers only; the list is public. */
@Service
class TypicalCasePublisher implements TypicalCases {

	private static final String SELECT = """
			select t.*, p.name as project_name, pe.legal_basis, pe.measures, pe.decided_on, pe.document_number
			from typical_case t join penalty pe on pe.id = t.penalty_id join project p on p.id = pe.project_id""";

	/** The penalties a province officer may publish, with what a case is written from. */
	private static final String CANDIDATES = """
			select pe.id, pe.project_id, p.name as project_name, pe.order_id, pe.party, e.name as enterprise_name,
			       pe.legal_basis, pe.measures, pe.fine_yuan, pe.decision_maker, pe.decided_on, pe.document_number
			from penalty pe join project p on p.id = pe.project_id left join enterprise e on e.id = pe.enterprise_id""";

	private final JdbcClient jdbc;

	private final PenaltyDecisions penalties;

	private final CurrentActor actors;

	private final AuditTrail audit;

	TypicalCasePublisher(JdbcClient jdbc, PenaltyDecisions penalties, CurrentActor actors, AuditTrail audit) {
		this.jdbc = jdbc;
		this.penalties = penalties;
		this.actors = actors;
		this.audit = audit;
	}

	@Override
	@Transactional
	public TypicalCase publish(Publication publication) {
		requireProvince();
		Checks checks = new Checks();
		checks.required("penaltyId", publication.penaltyId());
		checks.maxLength("title", checks.required("title", publication.title()), 200);
		checks.maxLength("summary", checks.required("summary", publication.summary()), 4000);
		checks.throwIfAny();
		penalties.require(publication.penaltyId());
		long id;
		try {
			id = jdbc.sql("insert into typical_case (penalty_id, title, summary, published_by) values (?, ?, ?, ?) returning id")
				.params(publication.penaltyId(), publication.title().strip(), publication.summary().strip(),
						actors.get().username())
				.query(Long.class)
				.single();
		}
		catch (DuplicateKeyException e) {
			throw new Conflict("penaltyId", "typical-case.already-published");
		}
		audit.record(AuditRecord.created("typical_case", id, Map.of("penaltyId", publication.penaltyId())));
		return jdbc.sql(SELECT + " where t.id = ?").param(id).query(this::typicalCase).single();
	}

	@Override
	public List<TypicalCase> published() {
		return jdbc.sql(SELECT + " order by t.published_at desc limit 200").query(this::typicalCase).list();
	}

	@Override
	public Page<TypicalCase> published(int page, int size) {
		long total = jdbc.sql("select count(*) from typical_case").query(Long.class).single();
		List<TypicalCase> items = jdbc.sql(SELECT + " order by t.published_at desc, t.id desc limit :size offset :offset")
			.param("size", size)
			.param("offset", (long) page * size)
			.query(this::typicalCase)
			.list();
		return new Page<>(items, page, size, total);
	}

	@Override
	public Page<Candidate> publishable(Long orderId, int page, int size) {
		requireProvince();
		String where = " where not exists (select 1 from typical_case t where t.penalty_id = pe.id)"
				+ " and (cast(:order as bigint) is null or pe.order_id = :order)";
		long total = jdbc.sql("select count(*) from penalty pe" + where).param("order", orderId).query(Long.class).single();
		List<Candidate> items = jdbc.sql(CANDIDATES + where + " order by pe.decided_on desc, pe.id desc limit :size offset :offset")
			.param("order", orderId)
			.param("size", size)
			.param("offset", (long) page * size)
			.query(this::candidateRow)
			.list();
		return new Page<>(items, page, size, total);
	}

	@Override
	public Candidate candidate(long penaltyId) {
		requireProvince();
		return jdbc.sql(CANDIDATES + " where pe.id = ? and not exists (select 1 from typical_case t where t.penalty_id = pe.id)")
			.param(penaltyId)
			.query(this::candidateRow)
			.optional()
			.orElseThrow(() -> new NotFound("penalty", penaltyId));
	}

	private void requireProvince() {
		if (!actors.get().isProvince()) {
			throw new Forbidden("typical-case.province-only");
		}
	}

	private Candidate candidateRow(ResultSet rs, int n) throws SQLException {
		return new Candidate(rs.getLong("id"), rs.getLong("project_id"), rs.getString("project_name"),
				rs.getObject("order_id", Long.class), Party.valueOf(rs.getString("party")), rs.getString("enterprise_name"),
				rs.getString("legal_basis"), PenaltyDecisions.sanctions(rs.getArray("measures")), rs.getBigDecimal("fine_yuan"),
				rs.getString("decision_maker"), rs.getDate("decided_on").toLocalDate(), rs.getString("document_number"));
	}

	private TypicalCase typicalCase(ResultSet rs, int n) throws SQLException {
		return new TypicalCase(rs.getLong("id"), rs.getLong("penalty_id"), rs.getString("title"), rs.getString("summary"),
				rs.getString("project_name"), rs.getString("legal_basis"), PenaltyDecisions.sanctions(rs.getArray("measures")),
				rs.getDate("decided_on").toLocalDate(), rs.getString("document_number"),
				rs.getTimestamp("published_at").toInstant());
	}
}
