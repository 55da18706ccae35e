package io.siteroll.enforcement.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;

import io.siteroll.audit.AuditRecord;
import io.siteroll.audit.AuditTrail;
import io.siteroll.enforcement.TypicalCases;
import io.siteroll.identity.CurrentActor;
import io.siteroll.platform.Checks;
import io.siteroll.platform.Conflict;
import io.siteroll.platform.Forbidden;
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
		if (!actors.get().isProvince()) {
			throw new Forbidden("typical-case.province-only");
		}
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

	private TypicalCase typicalCase(ResultSet rs, int n) throws SQLException {
		return new TypicalCase(rs.getLong("id"), rs.getLong("penalty_id"), rs.getString("title"), rs.getString("summary"),
				rs.getString("project_name"), rs.getString("legal_basis"), PenaltyDecisions.sanctions(rs.getArray("measures")),
				rs.getDate("decided_on").toLocalDate(), rs.getString("document_number"),
				rs.getTimestamp("published_at").toInstant());
	}
}
