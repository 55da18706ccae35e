package io.siteroll.bench;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.siteroll.compliance.AttendanceRates.Level;
import io.siteroll.compliance.AttendanceRates.Period;
import io.siteroll.compliance.internal.LiveAttendanceRates;
import io.siteroll.identity.Role;
import io.siteroll.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/**
 * How fast the dashboard answers on a province: 5,000 projects, 300,000 workers, a month of presence (ProvinceScale).
 * A province officer with a session opens the province's, a city's and a county's dashboard for that month, and asks
 * {@code /api/attendance-rates} and {@code /api/duty-rates} the questions the issue measured, {@value #REQUESTS} times
 * each; the benchmark prints p50 and p95 per request (target: p95 under 300 ms), the one-time filling of the
 * attendance tally, and as a baseline the live definition (the statement the API ran before the tally) timed in the
 * same run. Run on demand:
 * {@code ./mvnw test -Dtest=DashboardBenchmark -Dsurefire.failIfNoSpecifiedTests=false}.
 */
class DashboardBenchmark extends IntegrationTest {

	static final int PROJECTS = 5_000;

	static final int WORKERS = 300_000;

	static final int REQUESTS = 30;

	static final int LIVE_REQUESTS = 3;

	@Autowired
	ApplicationContext context;

	@Test
	void dashboardOnAProvince() throws Exception {
		YearMonth month = YearMonth.from(today()).minusMonths(1);
		LocalDate from = month.atDay(1);
		LocalDate to = month.atEndOfMonth();
		long started = System.nanoTime();
		ProvinceScale.generate(jdbc, from, to, PROJECTS, WORKERS);
		System.out.printf("generated the province in %,d ms%n", (System.nanoTime() - started) / 1_000_000);

		OfficerSession officer = new OfficerSession(baseUrl());
		officer.signIn(account(Role.PROVINCE_OFFICER, "220000", null, null, false), PASSWORD);
		String week = "from=" + to.minusDays(6) + "&to=" + to;
		String wholeMonth = "from=" + from + "&to=" + to;
		long fill = System.nanoTime();
		officer.get("/dashboard?month=" + month, "text/html");
		System.out.printf("first dashboard (fills the attendance tally for %s and the five months before) in %,d ms%n",
				month, (System.nanoTime() - fill) / 1_000_000);

		Map<String, List<String>> requests = new LinkedHashMap<>();
		requests.put("login page (floor)", List.of("/login"));
		requests.put("dashboard: province", List.of("/dashboard?month=" + month));
		requests.put("dashboard: city", List.of("/dashboard?region=220100&month=" + month,
				"/dashboard?region=220200&month=" + month));
		requests.put("dashboard: county", List.of("/dashboard?region=220102&month=" + month,
				"/dashboard?region=220202&month=" + month));
		requests.put("dashboard: this month", List.of("/dashboard"));
		requests.put("API rates CITY MONTH", List.of("/api/attendance-rates?level=CITY&period=MONTH&" + wholeMonth));
		requests.put("API rates PROJECT DAY 7d", List.of("/api/attendance-rates?level=PROJECT&period=DAY&" + week));
		requests.put("  same, page of 100", List.of("/api/attendance-rates?level=PROJECT&period=DAY&page=0&size=100&" + week));
		requests.put("API duty CITY MONTH", List.of("/api/duty-rates?level=CITY&period=MONTH&" + wholeMonth));

		Map<String, long[]> results = new LinkedHashMap<>();
		for (Map.Entry<String, List<String>> entry : requests.entrySet()) {
			List<String> paths = entry.getValue();
			String accept = paths.get(0).startsWith("/api/") ? "application/json" : "text/html";
			// before: every figure summed from the per-project tally (the path before the roll-up), in the same run
			LiveAttendanceRates.rollUp(context, false);
			results.put(entry.getKey() + " (before)", OfficerSession.time(REQUESTS, 5, i -> officer.get(paths.get(i % paths.size()), accept)));
			LiveAttendanceRates.rollUp(context, true);
			results.put(entry.getKey(), OfficerSession.time(REQUESTS, 5, i -> officer.get(paths.get(i % paths.size()), accept)));
		}
		results.put("live: coverage CITY (exists)", OfficerSession.time(REQUESTS, 2,
				i -> LiveAttendanceRates.coverage(context, Level.CITY, to)));
		explain("the province's daily trend, per-project tally (before)", """
				select t.day, sum(t.workers_engaged), sum(t.workers_attended), sum(t.key_posts_due), sum(t.key_posts_attended)
				from attendance_tally t join project p on p.id = t.project_id join region r on r.code = p.region_code
				where t.day between ? and ? and t.construction and (t.workers_engaged > 0 or t.key_posts_due > 0)
				group by 1""", from, to);
		explain("the province's daily trend, roll-up", """
				select t.day, sum(t.workers_engaged), sum(t.workers_attended), sum(t.key_posts_due), sum(t.key_posts_attended)
				from attendance_tally_region_day t join region r on r.code = t.region_code
				where t.day between ? and ? group by 1 having sum(t.workers_engaged) > 0 or sum(t.key_posts_due) > 0""", from, to);
		explain("coverage by city, two exists per started project (before)", """
				select split_part(r.path, '/', 2), count(*),
				       count(*) filter (where exists (select 1 from device_assignment_period a where a.project_id = p.id
				                                      and a.from_day <= ? and (a.to_day is null or a.to_day >= ?))),
				       count(*) filter (where exists (select 1 from device_heard_day dd where dd.project_id = p.id and dd.day = ?))
				from project p join region r on r.code = p.region_code
				where p.start_date <= ? and (p.completion_date is null or p.completion_date >= ?) group by 1""", to, to, to, to, to);
		explain("coverage by city, roll-up", """
				select split_part(r.path, '/', 2), sum(t.started), sum(t.equipped), sum(t.connected)
				from attendance_tally_region_day t join region r on r.code = t.region_code where t.day = ? group by 1""", to);
		results.put("live: rates CITY MONTH", OfficerSession.time(LIVE_REQUESTS, 0,
				i -> LiveAttendanceRates.rates(context, Level.CITY, Period.MONTH, from, to)));
		results.put("live: rates PROJECT DAY 7d", OfficerSession.time(LIVE_REQUESTS, 0,
				i -> LiveAttendanceRates.rates(context, Level.PROJECT, Period.DAY, to.minusDays(6), to)));
		results.put("live: duty CITY MONTH", OfficerSession.time(LIVE_REQUESTS, 0,
				i -> LiveAttendanceRates.dutyRates(context, Level.CITY, Period.MONTH, from, to)));

		System.out.printf("DASHBOARD BENCHMARK: %,d projects, %,d workers, month %s, %,d requests each (live: %d), "
				+ "province officer with a session (target: p95 < 300 ms)%n", PROJECTS, WORKERS, month, REQUESTS, LIVE_REQUESTS);
		results.forEach((name, t) -> System.out.printf("  %-40s p50 %9.1f ms   p95 %9.1f ms%n", name, t[0] / 1000.0,
				t[1] / 1000.0));
	}

	/** EXPLAIN ANALYZE of a statement on the province, printed with its plan. */
	private void explain(String title, String sql, Object... params) {
		System.out.println("EXPLAIN ANALYZE: " + title);
		jdbc.sql("explain (analyze, buffers) " + sql).params(params).query(String.class).list()
			.forEach(line -> System.out.println("    " + line));
	}
}
