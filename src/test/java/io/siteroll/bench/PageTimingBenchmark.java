package io.siteroll.bench;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

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
		Browser browser = new Browser(baseUrl());
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
			for (int i = 0; i < 5; i++) {
				browser.page(paths.get(i % paths.size()));
			}
			List<Long> times = new ArrayList<>();
			for (int i = 0; i < REQUESTS; i++) {
				long t = System.nanoTime();
				browser.page(paths.get(i % paths.size()));
				times.add((System.nanoTime() - t) / 1_000);
			}
			Collections.sort(times);
			results.put(entry.getKey(), new long[] { times.get(times.size() / 2), times.get((int) Math.ceil(times.size() * 0.95) - 1) });
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

	/** A browser's view of the platform: a session cookie from the login form, pages fetched as HTML. */
	static final class Browser {

		private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"");

		private final String base;

		private final HttpClient http;

		Browser(String base) {
			this.base = base;
			this.http = HttpClient.newBuilder().cookieHandler(new CookieManager()).followRedirects(HttpClient.Redirect.NORMAL).build();
		}

		void signIn(String username, String password) throws IOException, InterruptedException {
			Matcher csrf = CSRF.matcher(page("/login"));
			if (!csrf.find()) {
				throw new IllegalStateException("no CSRF token on the login page");
			}
			String form = "username=" + URLEncoder.encode(username, StandardCharsets.UTF_8) + "&password="
					+ URLEncoder.encode(password, StandardCharsets.UTF_8) + "&_csrf=" + URLEncoder.encode(csrf.group(1), StandardCharsets.UTF_8);
			HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base + "/login"))
				.header("Content-Type", "application/x-www-form-urlencoded")
				.POST(HttpRequest.BodyPublishers.ofString(form))
				.build(), HttpResponse.BodyHandlers.ofString());
			if (r.uri().getPath().startsWith("/login")) {
				throw new IllegalStateException("login refused for " + username);
			}
		}

		String page(String path) throws IOException, InterruptedException {
			HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base + path)).header("Accept", "text/html").GET().build(),
					HttpResponse.BodyHandlers.ofString());
			if (r.statusCode() != 200) {
				throw new IllegalStateException("GET " + path + ": " + r.statusCode());
			}
			return r.body();
		}
	}
}
