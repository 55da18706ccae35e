package io.siteroll.enforcement.internal;

import java.util.List;

import io.siteroll.enforcement.OpenOrders;
import io.siteroll.enforcement.RectificationOrder.Status;
import io.siteroll.project.ProjectAccess;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/** Open orders counted per project and status in one statement, scoped as the order search is. */
@Service
class OpenOrderCounts implements OpenOrders {

	private final JdbcClient jdbc;

	private final ProjectAccess access;

	OpenOrderCounts(JdbcClient jdbc, ProjectAccess access) {
		this.jdbc = jdbc;
		this.access = access;
	}

	@Override
	public List<Counts> perProject() {
		ProjectAccess.Scope scope = access.visibleProjects("o.project_id");
		return jdbc.sql("""
				select o.project_id,
				       count(*) filter (where o.status = :overdue) as overdue,
				       count(*) filter (where o.status = :issued) as issued,
				       count(*) filter (where o.status = :answered) as answered
				from rectification_order o
				where o.status in (:overdue, :issued, :answered) and %s
				group by o.project_id""".formatted(scope.sql()))
			.params(scope.params())
			.param("overdue", Status.OVERDUE.name())
			.param("issued", Status.ISSUED.name())
			.param("answered", Status.ANSWERED.name())
			.query((rs, n) -> new Counts(rs.getLong("project_id"), rs.getLong("overdue"), rs.getLong("issued"),
					rs.getLong("answered")))
			.list();
	}
}
