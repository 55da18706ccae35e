package io.siteroll.enforcement.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.siteroll.enforcement.EnforcementTallies;
import io.siteroll.enforcement.RectificationOrder;
import io.siteroll.enforcement.TypicalCases;
import io.siteroll.project.ProjectAccess;
import io.siteroll.region.RegionSubtree;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/** Counts a period's inspections, orders, penalties and credit records over a region in one statement. */
@Service
class EnforcementCounter implements EnforcementTallies {

	private final JdbcClient jdbc;

	private final ProjectAccess access;

	private final TypicalCases cases;

	EnforcementCounter(JdbcClient jdbc, ProjectAccess access, TypicalCases cases) {
		this.jdbc = jdbc;
		this.access = access;
		this.cases = cases;
	}

	private Map<String, Object> params(ProjectAccess.Scope scope, LocalDate from, LocalDate to, String region) {
		Map<String, Object> params = new HashMap<>(scope.params());
		params.put("from", from);
		params.put("to", to);
		params.put("region", RegionSubtree.parameter(region));
		return params;
	}

	@Override
	public Tally tally(LocalDate from, LocalDate to, String region) {
		ProjectAccess.Scope scope = access.visibleProjects("p.id");
		return jdbc.sql("""
				with scoped as (
				    select p.id from project p join region r on r.code = p.region_code
				    where %s and %2$s),
				inspected as (
				    select i.id, i.project_id from inspection i join scoped s on s.id = i.project_id
				    where i.day between :from and :to),
				issued as (
				    select o.status from rectification_order o join scoped s on s.id = o.project_id
				    where o.issued_on between :from and :to)
				select (select count(*) from inspected) as inspections,
				       (select count(distinct project_id) from inspected) as inspected_projects,
				       (select count(*) from device_function_test t join inspected i on i.id = t.inspection_id) as tests,
				       (select count(*) from device_function_test t join inspected i on i.id = t.inspection_id
				        where not t.passed) as tests_failed,
				       (select count(*) from issued) as orders_issued,
				       (select count(*) from issued where status = 'RECTIFIED') as orders_rectified,
				       (select count(*) from issued where status in ('OVERDUE', 'ESCALATED')) as orders_overdue,
				       (select count(*) from issued where status in ('ISSUED', 'ANSWERED')) as orders_open,
				       (select count(*) from penalty x join scoped s on s.id = x.project_id
				        where x.decided_on between :from and :to) as penalties,
				       (select coalesce(sum(x.fine_yuan), 0) from penalty x join scoped s on s.id = x.project_id
				        where x.decided_on between :from and :to) as fines,
				       (select count(*) from credit_record c join scoped s on s.id = c.project_id
				        where c.valid_from between :from and :to) as credit_records""".formatted(scope.sql(), RegionSubtree.REGION_R_OR_ALL))
			.params(params(scope, from, to, region))
			.query((rs, n) -> new Tally(rs.getLong("inspections"), rs.getLong("inspected_projects"), rs.getLong("tests"),
					rs.getLong("tests_failed"), rs.getLong("orders_issued"), rs.getLong("orders_rectified"),
					rs.getLong("orders_overdue"), rs.getLong("orders_open"), rs.getLong("penalties"),
					rs.getBigDecimal("fines").stripTrailingZeros(), rs.getLong("credit_records")))
			.single();
	}

	@Override
	public List<TypicalCases.TypicalCase> typicalCases(LocalDate from, LocalDate to, String region) {
		ProjectAccess.Scope scope = access.visibleProjects("p.id");
		Set<Long> ids = new HashSet<>(jdbc.sql("""
				select t.id from typical_case t join penalty x on x.id = t.penalty_id
				     join project p on p.id = x.project_id join region r on r.code = p.region_code
				where %s and %2$s
				  and x.decided_on between :from and :to""".formatted(scope.sql(), RegionSubtree.REGION_R_OR_ALL))
			.params(params(scope, from, to, region))
			.query(Long.class)
			.list());
		if (ids.isEmpty()) {
			return List.of();
		}
		return cases.published().stream()
			.filter(c -> ids.contains(c.id()))
			.sorted(Comparator.comparing(TypicalCases.TypicalCase::decidedOn).thenComparing(TypicalCases.TypicalCase::id))
			.toList();
	}

	private static Map<String, Object> params(ProjectAccess.Scope scope, String region) {
		Map<String, Object> params = new HashMap<>(scope.params());
		params.put("region", RegionSubtree.parameter(region));
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
				where %s and %2$s
				group by 1""".formatted(scope.sql(), RegionSubtree.REGION_R_OR_ALL))
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
				where %s and %2$s
				  and x.decided_on between :from and :to""".formatted(scope.sql(), RegionSubtree.REGION_R_OR_ALL))
			.params(params)
			.query((rs, n) -> new Penalised(rs.getLong("n"), rs.getBigDecimal("fines")))
			.single();
	}
}
