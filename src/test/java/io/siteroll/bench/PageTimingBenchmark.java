package io.siteroll.bench;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.siteroll.identity.Role;
import io.siteroll.support.ApiClient;
import io.siteroll.support.IntegrationTest;
import org.junit.jupiter.api.Test;

/**
 * How fast the pages officers work in answer on a province: 5,000 projects, 300,000 workers, a month of
 * presence, that month evaluated (thousands of findings), the warnings refreshed and a few hundred orders
 * issued. A province officer signed in through the login form (a session, as a browser has) opens the order
 * queue, the due re-checks, the findings and warnings, and project pages, {@value #REQUESTS} times each; the
 * benchmark prints p50 and p95 per page (target: p95 under 300 ms) beside the login page in the same run, the
 * floor of any page (template, security chain, session). Run on demand:
 * {@code ./mvnw test -Dtest=PageTimingBenchmark -Dsurefire.failIfNoSpecifiedTests=false}.
 */
class PageTimingBenchmark extends IntegrationTest {

	static final int PROJECTS = 5_000;

	static final int WORKERS = 300_000;

	static final int ORDERS = 300;

	static final int REQUESTS = 60;

	@Test
	void pagesOnAProvince() throws Exception {
		YearMonth month = YearMonth.from(today()).minusMonths(1);
		long started = System.nanoTime();
		ProvinceScale.generate(jdbc, month.atDay(1), month.atEndOfMonth(), PROJECTS, WORKERS);
		ApiClient api = as(province());
		require(api.post("/api/evaluations", Map.of("month", month.toString())));
		require(api.post("/api/warnings/refresh", Map.of("asOf", today().minusDays(1))));
		List<Long> findings = jdbc.sql("""
				select f.id from finding f join project p on p.id = f.project_id
				where p.code like 'BENCH%' and f.month = ? and f.measure = 'RECTIFICATION_ORDER' order by f.id limit ?""")
			.params(month.atDay(1), ORDERS * 2)
			.query(Long.class)
			.list();
		int issued = 0;
		for (long finding : findings) {
			if (issued < ORDERS && api.post("/api/orders", Map.of("findingId", finding)).status() < 300) {
				issued++;
			}
		}
		System.out.printf("generated the province, evaluated %s and issued %,d orders in %,d ms%n", month, issued,
				(System.nanoTime() - started) / 1_000_000);
		List<Long> projects = jdbc.sql("select id from project where code like 'BENCH%' order by id")
			.query(Long.class)
			.list();

		String officer = account(Role.PROVINCE_OFFICER, "220000", null, null, false);
		OfficerSession browser = new OfficerSession(baseUrl());
		browser.signIn(officer, PASSWORD);
		Map<String, List<String>> pages = new LinkedHashMap<>();
		pages.put("login page (floor)", List.of("/login"));
		pages.put("order queue", List.of("/orders", "/orders?page=1", "/orders?status=ISSUED"));
		pages.put("due re-checks", List.of("/orders?due=true"));
		pages.put("findings and warnings", List.of("/compliance", "/compliance?page=3", "/compliance?warningsPage=2"));
		pages.put("findings of one rule", List.of("/compliance?rule=R2", "/compliance?rule=R1"));
		List<String> projectPages = new ArrayList<>();
		for (int i = 0; i < REQUESTS; i++) {
			projectPages.add("/projects/" + projects.get((i * 83) % projects.size()));
		}
		pages.put("a project page", projectPages);
		pages.put("project list", List.of("/projects", "/projects?page=20"));

		Map<String, long[]> results = new LinkedHashMap<>();
		for (Map.Entry<String, List<String>> entry : pages.entrySet()) {
			List<String> paths = entry.getValue();
			results.put(entry.getKey(), OfficerSession.time(REQUESTS, 5, i -> browser.page(paths.get(i % paths.size()))));
		}
		long floor = results.get("login page (floor)")[0];
		System.out.printf("PAGE TIMING BENCHMARK: %,d projects, %,d workers, month %s, %,d requests per page, "
				+ "province officer with a session (target: p95 < 300 ms)%n", PROJECTS, WORKERS, month, REQUESTS);
		results.forEach((page, t) -> System.out.printf("  %-24s p50 %7.1f ms   p95 %7.1f ms   p50 vs floor %5.1f%n", page,
				t[0] / 1000.0, t[1] / 1000.0, (double) t[0] / floor));
	}

	private static void require(ApiClient.Response response) {
		if (response.status() != 200) {
			throw new IllegalStateException(response.status() + " " + response.body());
		}
	}
}
