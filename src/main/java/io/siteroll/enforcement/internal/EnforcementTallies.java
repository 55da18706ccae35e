package io.siteroll.enforcement.internal;

import java.time.LocalDate;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;

import io.siteroll.enforcement.EnforcementFigures;
import io.siteroll.enforcement.RectificationOrder;
import io.siteroll.project.ProjectAccess;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/** Orders and penalties counted in one statement each, over the caller's projects as their searches scope them. */
@Service
class EnforcementTallies implements EnforcementFigures {

	private final JdbcClient jdbc;

	private final ProjectAccess access;

	EnforcementTallies(JdbcClient jdbc, ProjectAccess access) {
		this.jdbc = jdbc;
		this.access = access;
	}

	private static Map<String, Object> params(ProjectAccess.Scope scope, String region) {
		Map<String, Object> params = new HashMap<>(scope.params());
		params.put("region", region == null || region.isBlank() ? "" : region.strip());
		return params;
	}

	@Override
	public Map<RectificationOrder.Status, Long> ordersByStatus(String region) {
		ProjectAccess.Scope scope = access.visibleProjects("o.project_id");
		Map<RectificationOrder.Status, Long> counts = new EnumMap<>(RectificationOrder.Status.class);
		for (RectificationOrder.Status status : RectificationOrder.Status.values()) {
			counts.put(status, 0L);
		}
		jdbc.sql("""
				select o.status, count(*) as n
				from rectification_order o join project p on p.id = o.project_id join region r on r.code = p.region_code
				where %s and (:region = '' or r.path like (select path from region where code = :region) || '%%')
				group by 1""".formatted(scope.sql()))
			.params(params(scope, region))
			.query((rs, n) -> counts.put(RectificationOrder.Status.valueOf(rs.getString("status")), rs.getLong("n")))
			.list();
		return counts;
	}

	@Override
	public Penalised penalised(LocalDate from, LocalDate to, String region) {
		ProjectAccess.Scope scope = access.visibleProjects("x.project_id");
		Map<String, Object> params = params(scope, region);
		params.put("from", from);
		params.put("to", to);
		return jdbc.sql("""
				select count(*) as n, coalesce(sum(x.fine_yuan), 0) as fines
				from penalty x join project p on p.id = x.project_id join region r on r.code = p.region_code
				where %s and (:region = '' or r.path like (select path from region where code = :region) || '%%')
				  and x.decided_on between :from and :to""".formatted(scope.sql()))
			.params(params)
			.query((rs, n) -> new Penalised(rs.getLong("n"), rs.getBigDecimal("fines")))
			.single();
	}
}
