package io.siteroll.support;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.siteroll.demo.SyntheticIdentities;
import io.siteroll.personnel.Post;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The facts the rules are judged on, stated the way the rules speak of them: a manager is appointed to a
 * post, a person is present on a day, a project's gate is heard on a day. An appointment goes through
 * the API like any other registration; presence and connectivity are what the gates would have produced
 * over weeks, so they are written straight into {@code daily_presence} and {@code device_day}, each day
 * exactly as the test says (a valid day, 07:30 to 17:30 on the platform's calendar, Asia/Shanghai).
 * Stating a day of presence or connectivity twice leaves it as it was, so a test can add days step by step.
 */
public final class Facts {

	/** A manager appointed to a post: the post's row and the person who holds it. */
	public record Appointment(long postId, long personId) {
	}

	private final JdbcClient jdbc;

	private final SyntheticIdentities ids;

	Facts(JdbcClient jdbc, SyntheticIdentities ids) {
		this.jdbc = jdbc;
		this.ids = ids;
	}

	/** Registers a fresh person and appoints them to {@code post} in {@code unitId} from {@code from}. */
	public Appointment appoint(ApiClient api, long projectId, long unitId, Post post, LocalDate from) {
		ApiClient.Response person = api.post("/api/persons",
				Map.of("idType", "01", "idNumber", ids.idNumber(1965, 1995), "name", ids.name()));
		expect(person, 201);
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("personId", person.id());
		body.put("post", post.name());
		body.put("unitId", unitId);
		body.put("tenureFrom", from);
		ApiClient.Response appointed = api.post("/api/projects/" + projectId + "/managers", body);
		expect(appointed, 201);
		return new Appointment(appointed.id(), person.id());
	}

	/** The person had a valid day on the project on every calendar day from {@code from} to {@code to}. */
	public void present(long projectId, long personId, LocalDate from, LocalDate to) {
		for (LocalDate day = from; !day.isAfter(to); day = day.plusDays(1)) {
			presentOn(projectId, personId, day);
		}
	}

	/**
	 * The person had a valid day on the first {@code count} construction days of the project from
	 * {@code from} to the end of that month (stoppages and days after completion are skipped, as the
	 * rules skip them).
	 */
	public void presentOnConstructionDays(long projectId, long personId, LocalDate from, int count) {
		List<LocalDate> days = jdbc.sql("select d::date from construction_days(:project, :from, :to) d order by 1")
			.param("project", projectId)
			.param("from", from)
			.param("to", from.withDayOfMonth(from.lengthOfMonth()))
			.query(LocalDate.class)
			.list();
		if (days.size() < count) {
			throw new IllegalArgumentException("only " + days.size() + " construction days from " + from + ", not " + count);
		}
		days.subList(0, count).forEach(day -> presentOn(projectId, personId, day));
	}

	/** The project's first registered gate was heard on every day from {@code from} to {@code to}. */
	public void connected(long projectId, LocalDate from, LocalDate to) {
		long device = jdbc.sql("select id from device where project_id = ? order by id limit 1")
			.param(projectId)
			.query(Long.class)
			.single();
		for (LocalDate day = from; !day.isAfter(to); day = day.plusDays(1)) {
			jdbc.sql("""
					insert into device_day (device_id, day, project_id, first_at, last_at)
					values (:device, :day, :project, now(), now()) on conflict do nothing""")
				.param("device", device)
				.param("day", day)
				.param("project", projectId)
				.update();
		}
	}

	private void presentOn(long projectId, long personId, LocalDate day) {
		jdbc.sql("""
				insert into daily_presence (project_id, day, person_id, first_pass_at, last_pass_at, pass_count, valid)
				values (:project, :day, :person, (:day + time '07:30') at time zone 'Asia/Shanghai',
				        (:day + time '17:30') at time zone 'Asia/Shanghai', 2, true)
				on conflict do nothing""")
			.param("project", projectId)
			.param("day", day)
			.param("person", personId)
			.update();
	}

	private static void expect(ApiClient.Response response, int status) {
		if (response.status() != status) {
			throw new IllegalStateException("expected " + status + ", got " + response.status() + ": " + response.body());
		}
	}
}
