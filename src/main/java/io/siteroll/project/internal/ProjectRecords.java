package io.siteroll.project.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.siteroll.project.Project;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Reads projects as users see them, with their status today; no scope of its own (the callers,
 * {@link ProjectScope} and {@link ProjectRegistry}, add it). Also takes the project's row lock, which
 * serialises every change to its calendar, units and managers.
 */
@Component
class ProjectRecords {

	/** The columns of a {@link Project}, over {@code p} (project), {@code r} (region) and {@code e} (contractor). */
	static final String FROM = """
			from project p join region r on r.code = p.region_code join enterprise e on e.id = p.contractor_id""";

	private static final String SELECT = """
			select p.id, p.code, p.name, p.region_code, r.path region_path, p.address, p.longitude, p.latitude,
			       p.category, p.construction_nature, p.contractor_id, e.name contractor_name, p.start_date,
			       p.planned_completion_date, p.completion_date,
			       exists (select 1 from project_stoppage s where s.project_id = p.id and s.status = 'IN_FORCE'
			               and s.first_day <= :today and (s.last_day is null or s.last_day >= :today)) stopped_today
			""" + FROM;

	private final JdbcClient jdbc;

	private final Clock clock;

	ProjectRecords(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/** The project, whoever asks. */
	Optional<Project> find(long id) {
		return find(id, "true", Map.of());
	}

	/** The project if it also meets {@code condition} (an SQL predicate over p, r and e with its own parameters). */
	Optional<Project> find(long id, String condition, Map<String, Object> params) {
		Map<String, Object> all = new HashMap<>(params);
		all.put("id", id);
		return list(" where p.id = :id and " + condition, all).stream().findFirst();
	}

	/** Projects after {@code tail} (where, order, limit over p, r and e); {@code :today} is supplied. */
	List<Project> list(String tail, Map<String, Object> params) {
		Map<String, Object> all = new HashMap<>(params);
		all.put("today", LocalDate.now(clock));
		return jdbc.sql(SELECT + tail).params(all).query(this::row).list();
	}

	void lock(long projectId) {
		jdbc.sql("select id from project where id = :id for update").param("id", projectId).query(Long.class).single();
	}

	private Project row(ResultSet rs, int n) throws SQLException {
		LocalDate today = LocalDate.now(clock);
		LocalDate start = rs.getObject("start_date", LocalDate.class);
		LocalDate completion = rs.getObject("completion_date", LocalDate.class);
		Project.Status status;
		if (start == null || start.isAfter(today)) {
			status = Project.Status.NOT_STARTED;
		}
		else if (completion != null && completion.isBefore(today)) {
			status = Project.Status.COMPLETED;
		}
		else if (rs.getBoolean("stopped_today")) {
			status = Project.Status.STOPPED;
		}
		else {
			status = Project.Status.UNDER_CONSTRUCTION;
		}
		return new Project(rs.getLong("id"), rs.getString("code"), rs.getString("name"), rs.getString("region_code"),
				rs.getString("region_path"), rs.getString("address"), rs.getBigDecimal("longitude"),
				rs.getBigDecimal("latitude"), rs.getString("category"), rs.getString("construction_nature"),
				rs.getLong("contractor_id"), rs.getString("contractor_name"), start,
				rs.getObject("planned_completion_date", LocalDate.class), completion, status);
	}
}
