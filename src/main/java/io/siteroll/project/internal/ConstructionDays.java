package io.siteroll.project.internal;

import java.time.LocalDate;
import java.util.List;

import io.siteroll.project.ConstructionCalendar;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/** Asks the SQL function {@code construction_days}, the single definition of 施工日. */
@Service
class ConstructionDays implements ConstructionCalendar {

	private final JdbcClient jdbc;

	ConstructionDays(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public List<LocalDate> constructionDays(long projectId, LocalDate from, LocalDate to) {
		return jdbc.sql("select d from construction_days(:project, :from, :to) d order by d")
			.param("project", projectId)
			.param("from", from)
			.param("to", to)
			.query((rs, n) -> rs.getObject(1, LocalDate.class))
			.list();
	}

	@Override
	public boolean isConstructionDay(long projectId, LocalDate day) {
		return !constructionDays(projectId, day, day).isEmpty();
	}
}
