package io.siteroll.compliance.internal;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.siteroll.compliance.Warning;
import io.siteroll.compliance.WarningTallies;
import io.siteroll.project.ProjectAccess;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/** Counts the warnings of a period and region in one statement, in the caller's project scope. */
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
		params.put("region", region == null || region.isBlank() ? "" : region.strip());
		Map<String, Tally> byKind = new HashMap<>();
		jdbc.sql("""
				select w.kind, count(*) as raised,
				       count(*) filter (where w.status = 'CLEARED' or w.review is not null) as handled
				from warning w join project p on p.id = w.project_id join region r on r.code = p.region_code
				where %s and (:region = '' or r.path like (select path from region where code = :region) || '%%')
				  and w.raised_on between :from and :to
				group by w.kind""".formatted(scope.sql()))
			.params(params)
			.query((rs, n) -> new Tally(Warning.Kind.valueOf(rs.getString("kind")), rs.getLong("raised"), rs.getLong("handled")))
			.list()
			.forEach(t -> byKind.put(t.kind().name(), t));
		return Arrays.stream(Warning.Kind.values()).map(k -> byKind.getOrDefault(k.name(), new Tally(k, 0, 0))).toList();
	}
}
