package io.siteroll.compliance.internal;

import java.util.List;

import io.siteroll.compliance.Finding;
import io.siteroll.compliance.OpenCases;
import io.siteroll.compliance.Warning;
import io.siteroll.project.ProjectAccess;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/** Open findings and warnings counted per project in one statement, scoped as their searches are. */
@Service
class OpenCaseCounts implements OpenCases {

	private final JdbcClient jdbc;

	private final ProjectAccess access;

	OpenCaseCounts(JdbcClient jdbc, ProjectAccess access) {
		this.jdbc = jdbc;
		this.access = access;
	}

	@Override
	public List<Counts> perProject() {
		ProjectAccess.Scope findings = access.visibleProjects("f.project_id");
		ProjectAccess.Scope warnings = access.visibleProjects("w.project_id");
		return jdbc.sql("""
				select project_id, sum(findings) as findings, sum(warnings) as warnings from (
				  select f.project_id, count(*) as findings, 0 as warnings from finding f
				  where f.status = :findingOpen and %s group by f.project_id
				  union all
				  select w.project_id, 0, count(*) from warning w
				  where w.status = :warningOpen and %s group by w.project_id
				) c group by project_id""".formatted(findings.sql(), warnings.sql()))
			.params(findings.params())
			.param("findingOpen", Finding.Status.OPEN.name())
			.param("warningOpen", Warning.Status.OPEN.name())
			.query((rs, n) -> new Counts(rs.getLong("project_id"), rs.getLong("findings"), rs.getLong("warnings")))
			.list();
	}
}
