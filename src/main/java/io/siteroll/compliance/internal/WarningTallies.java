package io.siteroll.compliance.internal;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.siteroll.compliance.Warning;
import io.siteroll.compliance.WarningCounts;
import io.siteroll.project.ProjectAccess;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/** Warnings counted per kind and month or still open, scoped as {@code Warnings.search} is (ProjectAccess, region). */
@Service
class WarningTallies implements WarningCounts {

	private final JdbcClient jdbc;

	private final ProjectAccess access;

	WarningTallies(JdbcClient jdbc, ProjectAccess access) {
		this.jdbc = jdbc;
		this.access = access;
	}

	private Map<String, Object> params(ProjectAccess.Scope scope, String region) {
		Map<String, Object> params = new HashMap<>(scope.params());
		params.put("region", region == null || region.isBlank() ? "" : region.strip());
		return params;
	}

	@Override
	public List<Raised> raisedByKindAndMonth(LocalDate from, LocalDate to, String region) {
		ProjectAccess.Scope scope = access.visibleProjects("w.project_id");
		Map<String, Object> params = params(scope, region);
		params.put("from", from);
		params.put("to", to);
		return jdbc.sql("""
				select w.kind, date_trunc('month', w.raised_on)::date as month, count(*) as n
				from warning w join project p on p.id = w.project_id join region r on r.code = p.region_code
				where %s and (:region = '' or r.path like (select path from region where code = :region) || '%%')
				  and w.raised_on between :from and :to
				group by 1, 2 order by 2, 1""".formatted(scope.sql()))
			.params(params)
			.query((rs, n) -> new Raised(Warning.Kind.valueOf(rs.getString("kind")), rs.getDate("month").toLocalDate(),
					rs.getLong("n")))
			.list();
	}

	@Override
	public long open(String region) {
		ProjectAccess.Scope scope = access.visibleProjects("w.project_id");
		Map<String, Object> params = params(scope, region);
		params.put("open", Warning.Status.OPEN.name());
		return jdbc.sql("""
				select count(*) from warning w join project p on p.id = w.project_id join region r on r.code = p.region_code
				where %s and (:region = '' or r.path like (select path from region where code = :region) || '%%')
				  and w.status = :open""".formatted(scope.sql()))
			.params(params)
			.query(Long.class)
			.single();
	}
}
