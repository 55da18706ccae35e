package io.siteroll.compliance.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.siteroll.compliance.Finding;
import io.siteroll.compliance.FindingEvidence;
import io.siteroll.compliance.Findings;
import io.siteroll.compliance.Measure;
import io.siteroll.compliance.Party;
import io.siteroll.compliance.Rule;
import io.siteroll.platform.NotFound;
import io.siteroll.platform.Page;
import io.siteroll.project.ProjectAccess;
import io.siteroll.personnel.Post;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import tools.jackson.databind.json.JsonMapper;

@Service
class FindingLedger implements Findings {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final String SELECT = """
			select f.*, p.name as project_name, pe.name as person_name, rs.code as rule_set_code
			from finding f join project p on p.id = f.project_id join region r on r.code = p.region_code
			     join rule_set rs on rs.id = f.rule_set_id left join person pe on pe.id = f.person_id""";

	private final JdbcClient jdbc;

	private final ProjectAccess access;

	FindingLedger(JdbcClient jdbc, ProjectAccess access) {
		this.jdbc = jdbc;
		this.access = access;
	}

	@Override
	public Page<Finding> search(Search search, int page, int size) {
		ProjectAccess.Scope scope = access.visibleProjects("f.project_id");
		StringBuilder where = new StringBuilder(" where ").append(scope.sql());
		Map<String, Object> params = new HashMap<>(scope.params());
		if (search.month() != null) {
			where.append(" and f.month = :month");
			params.put("month", search.month().atDay(1));
		}
		if (search.projectId() != null) {
			where.append(" and f.project_id = :project");
			params.put("project", search.projectId());
		}
		if (search.personId() != null) {
			where.append(" and (f.person_id = :person or f.responsible_person_id = :person)");
			params.put("person", search.personId());
		}
		if (search.rule() != null && !search.rule().isBlank()) {
			where.append(" and f.rule = :rule");
			params.put("rule", search.rule().strip().toUpperCase());
		}
		where.append(" and f.status = :status");
		params.put("status", search.status() == null || search.status().isBlank() ? "OPEN" : search.status().strip().toUpperCase());
		if (search.region() != null && !search.region().isBlank()) {
			where.append(" and r.path like (select path from region where code = :region) || '%'");
			params.put("region", search.region().strip());
		}
		long total = jdbc.sql("select count(*) from finding f join project p on p.id = f.project_id join region r on r.code = p.region_code"
				+ where).params(params).query(Long.class).single();
		params.put("limit", size);
		params.put("offset", (long) page * size);
		List<Finding> items = jdbc.sql(SELECT + where + " order by f.month desc, f.rule, f.project_id, f.subject limit :limit offset :offset")
			.params(params)
			.query(FindingLedger::finding)
			.list();
		return new Page<>(items, page, size, total);
	}

	@Override
	public Finding require(long findingId) {
		Finding finding = jdbc.sql(SELECT + " where f.id = ?").param(findingId).query(FindingLedger::finding).optional()
			.orElseThrow(() -> new NotFound("finding", findingId));
		access.requireVisible(finding.projectId());
		return finding;
	}

	@Override
	public List<Finding.Revision> revisions(long findingId) {
		Rule rule = require(findingId).rule();
		return jdbc.sql("select * from finding_revision where finding_id = ? order by id")
			.param(findingId)
			.query((rs, n) -> new Finding.Revision(rs.getLong("id"), rs.getLong("evaluation_id"),
					Finding.Change.valueOf(rs.getString("change")), Measure.valueOf(rs.getString("measure")),
					evidence(rule, rs.getString("evidence")), rs.getTimestamp("at").toInstant()))
			.list();
	}

	/** The evidence the evaluation wrote, read into the record of the finding's rule. */
	static FindingEvidence evidence(Rule rule, String json) {
		return JSON.readValue(json, FindingEvidence.typeOf(rule));
	}

	static Finding finding(ResultSet rs, int n) throws SQLException {
		Rule rule = Rule.valueOf(rs.getString("rule"));
		return new Finding(rs.getLong("id"), YearMonth.from(rs.getDate("month").toLocalDate()), rule,
				rs.getLong("project_id"), rs.getString("project_name"), rs.getString("subject"), Finding.Status.valueOf(rs.getString("status")),
				Measure.valueOf(rs.getString("measure")), Party.valueOf(rs.getString("responsible")), (Long) rs.getObject("responsible_enterprise_id"),
				(Long) rs.getObject("responsible_person_id"), (Long) rs.getObject("person_id"), rs.getString("person_name"),
				Post.ofCode(rs.getString("post")), rs.getLong("rule_set_id"), rs.getString("rule_set_code"), rs.getString("legal_basis"),
				rs.getString("measures_text"), evidence(rule, rs.getString("evidence")),
				rs.getTimestamp("first_found_at").toInstant(), rs.getTimestamp("updated_at").toInstant());
	}
}
