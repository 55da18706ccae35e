package io.siteroll.attendance.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Map;

import io.siteroll.attendance.DailyPresence;
import io.siteroll.attendance.Presence;
import io.siteroll.platform.Page;
import io.siteroll.platform.SqlSearch;
import io.siteroll.project.ProjectAccess;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

@Service
class DailyPresenceLedger implements DailyPresence {

	private final JdbcClient jdbc;

	private final ProjectAccess access;

	DailyPresenceLedger(JdbcClient jdbc, ProjectAccess access) {
		this.jdbc = jdbc;
		this.access = access;
	}

	@Override
	public Page<Presence> forProjectDay(long projectId, LocalDate day, int page, int size) {
		access.requireVisible(projectId);
		return SqlSearch.where("d.project_id = :project and d.day = :day", Map.of("project", projectId, "day", day))
			.page(jdbc, "select d.*, p.name ", "from daily_presence d join person p on p.id = d.person_id",
					"d.first_pass_at, d.person_id", DailyPresenceLedger::presence, page, size);
	}

	@Override
	public List<Presence> forPerson(long projectId, long personId, LocalDate from, LocalDate to) {
		access.requireVisible(projectId);
		return jdbc.sql("""
				select d.*, p.name from daily_presence d join person p on p.id = d.person_id
				where d.project_id = ? and d.person_id = ? and d.day between ? and ? order by d.day""")
			.params(projectId, personId, from, to)
			.query(DailyPresenceLedger::presence)
			.list();
	}

	@Override
	public List<Presence> forPersons(long projectId, Collection<Long> personIds, LocalDate from, LocalDate to) {
		access.requireVisible(projectId);
		if (personIds.isEmpty()) {
			return List.of();
		}
		return jdbc.sql("""
				select d.*, p.name from daily_presence d join person p on p.id = d.person_id
				where d.project_id = :project and d.person_id = any(:persons) and d.day between :from and :to
				order by d.person_id, d.day""")
			.param("project", projectId)
			.param("persons", personIds.toArray(Long[]::new))
			.param("from", from)
			.param("to", to)
			.query(DailyPresenceLedger::presence)
			.list();
	}

	@Override
	public List<DayCount> dailyCounts(long projectId, LocalDate from, LocalDate to) {
		access.requireVisible(projectId);
		return jdbc.sql("""
				select day, count(*) as present, count(*) filter (where valid) as valid from daily_presence
				where project_id = ? and day between ? and ? group by day order by day""")
			.params(projectId, from, to)
			.query((rs, n) -> new DayCount(rs.getDate("day").toLocalDate(), rs.getInt("present"), rs.getInt("valid")))
			.list();
	}

	static Presence presence(ResultSet rs, int n) throws SQLException {
		return new Presence(rs.getLong("project_id"), rs.getDate("day").toLocalDate(), rs.getLong("person_id"),
				rs.getString("name"), rs.getTimestamp("first_pass_at").toInstant(),
				rs.getTimestamp("last_pass_at").toInstant(), rs.getInt("pass_count"), rs.getBoolean("valid"));
	}
}
