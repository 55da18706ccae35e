package io.siteroll.compliance.internal;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.siteroll.compliance.Warning;
import io.siteroll.compliance.WarningTallies;
import io.siteroll.project.ProjectAccess;
import io.siteroll.region.RegionSubtree;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Counts warnings in one statement each, in the caller's project scope and region (as {@code Warnings.search} scopes
 * them): per kind raised and handled in a period (the notice), per kind and month, and open now (the dashboard).
 */
@Service
class WarningCounter implements WarningTallies {

	private final JdbcClient jdbc;

	private final ProjectAccess access;

	WarningCounter(JdbcClient jdbc, ProjectAccess access) {
		this.jdbc = jdbc;
		this.access = access;
	}

	@Override
	public List<Tally> tally(LocalDate from, LocalDate to, String region) {
		ProjectAccess.Scope scope = access.visibleProjects("p.id");
		Map<String, Object> params = new HashMap<>(scope.params());
		params.put("from", from);
		params.put("to", to);
		params.put("region", RegionSubtree.parameter(region));
		Map<String, Tally> byKind = new HashMap<>();
		jdbc.sql("""
				select w.kind, count(*) as raised,
				       count(*) filter (where w.status = 'CLEARED' or w.review is not null) as handled
				from warning w join project p on p.id = w.project_id join region r on r.code = p.region_code
				where %s and %2$s
				  and w.raised_on between :from and :to
				group by w.kind""".formatted(scope.sql(), RegionSubtree.REGION_R_OR_ALL))
			.params(params)
			.query((rs, n) -> new Tally(Warning.Kind.valueOf(rs.getString("kind")), rs.getLong("raised"), rs.getLong("handled")))
			.list()
			.forEach(t -> byKind.put(t.kind().name(), t));
		return Arrays.stream(Warning.Kind.values()).map(k -> byKind.getOrDefault(k.name(), new Tally(k, 0, 0))).toList();
	}

	private Map<String, Object> params(ProjectAccess.Scope scope, String region) {
		Map<String, Object> params = new HashMap<>(scope.params());
		params.put("region", RegionSubtree.parameter(region));
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
				where %s and %2$s
				  and w.raised_on between :from and :to
				group by 1, 2 order by 2, 1""".formatted(scope.sql(), RegionSubtree.REGION_R_OR_ALL))
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
				where %s and %2$s
				  and w.status = :open""".formatted(scope.sql(), RegionSubtree.REGION_R_OR_ALL))
			.params(params)
			.query(Long.class)
			.single();
	}

	@Override
	public long open(String region, Warning.Kind kind) {
		ProjectAccess.Scope scope = access.visibleProjects("w.project_id");
		Map<String, Object> params = params(scope, region);
		params.put("open", Warning.Status.OPEN.name());
		params.put("kind", kind.name());
		return jdbc.sql("""
				select count(*) from warning w join project p on p.id = w.project_id join region r on r.code = p.region_code
				where %s and %2$s
				  and w.status = :open and w.kind = :kind""".formatted(scope.sql(), RegionSubtree.REGION_R_OR_ALL))
			.params(params)
			.query(Long.class)
			.single();
	}
}
