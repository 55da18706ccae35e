package io.siteroll.compliance.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.YearMonth;
import java.util.List;

import io.siteroll.compliance.Finding;
import io.siteroll.compliance.FindingEvidence;
import io.siteroll.compliance.Findings;
import io.siteroll.compliance.Measure;
import io.siteroll.compliance.Party;
import io.siteroll.compliance.Rule;
import io.siteroll.platform.NotFound;
import io.siteroll.platform.Page;
import io.siteroll.platform.SqlSearch;
import io.siteroll.project.ProjectAccess;
import io.siteroll.personnel.Post;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import tools.jackson.databind.json.JsonMapper;

@Service
class FindingLedger implements Findings {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final String COLUMNS = "select f.*, p.name as project_name, pe.name as person_name, rs.code as rule_set_code ";

	private static final String FROM = """
			from finding f join project p on p.id = f.project_id join region r on r.code = p.region_code
			     join rule_set rs on rs.id = f.rule_set_id left join person pe on pe.id = f.person_id""";

	private static final String SELECT = COLUMNS + FROM;

	private final JdbcClient jdbc;

	private final ProjectAccess access;

	FindingLedger(JdbcClient jdbc, ProjectAccess access) {
		this.jdbc = jdbc;
		this.access = access;
	}

	@Override
	public Page<Finding> search(Search search, int page, int size) {
		ProjectAccess.Scope scope = access.visibleProjects("f.project_id");
		SqlSearch.Where where = SqlSearch.where(scope.sql(), scope.params())
			.and("f.month = :month", "month", search.month() == null ? null : search.month().atDay(1))
			.and("f.project_id = :project", "project", search.projectId())
			.and("(f.person_id = :person or f.responsible_person_id = :person)", "person", search.personId())
			.and("f.rule = :rule", "rule", SqlSearch.code(search.rule()));
		return CaseFilters.statusAndRegion(where, "f", search.status(), search.region())
			.page(jdbc, COLUMNS, FROM, "f.month desc, f.rule, f.project_id, f.subject", FindingLedger::finding, page, size);
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
