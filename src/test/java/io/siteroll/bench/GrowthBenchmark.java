package io.siteroll.bench;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.siteroll.identity.Role;
import io.siteroll.support.ApiClient;
import io.siteroll.support.IntegrationTest;
import org.junit.jupiter.api.Test;

/**
 * How the cost of the monthly evaluation and of the officer dashboard grows with the history kept and with the number
 * of projects. One province (ProvinceScale) is grown between measurements: 5,000 projects with last month's presence
 * and passes, then 6 and 12 months of them, then 5,000 more projects (with last month); each time the benchmark
 * times a full evaluation of last month through the API (median of {@value #RUNS}) and the province officer's
 * dashboard at province and city level (p50 of {@value #REQUESTS}), plus the day's unregistered refusals read from
 * the pass table (what the warnings read), and prints the ratios. Expected: flat in the history (every read is
 * bounded by month or day: the pass table is pruned to one partition, presence and tallies are reached through
 * indexes led by project and day), at most linear in the projects (ratio ≤ 2 for twice the projects).
 * <p>
 * Scaled for a 2-core machine: {@value #WORKERS_PER_PROJECT} workers per project (the province benchmarks use 60),
 * one pass kept in the pass table for one presence day in {@value #PASS_SHARE}. Run on demand:
 * {@code ./mvnw test -Dtest=GrowthBenchmark -Dsurefire.failIfNoSpecifiedTests=false}.
 */
class GrowthBenchmark extends IntegrationTest {

	static final int PROJECTS = 5_000;

	static final int WORKERS_PER_PROJECT = 6;

	static final int PASS_SHARE = 5;

	static final int RUNS = 3;

	static final int REQUESTS = 10;

	record Figures(String label, long evaluationMs, long firstDashboardMs, long provinceMs, long cityMs, long refusalsUs,
			int partitionsScanned, long presenceRows, long passRows) {
	}

	@Test
	void costAsTheProvinceGrows() throws Exception {
		YearMonth month = YearMonth.from(today()).minusMonths(1);
		YearMonth first = month.minusMonths(11);
		long started = System.nanoTime();
		ProvinceScale.registry(jdbc, ProvinceScale.FIRST_BATCH, first.atDay(1), PROJECTS, PROJECTS * WORKERS_PER_PROJECT);
		jdbc.sql("select create_pass_months(?, 12)").param(first.atDay(1)).query(Integer.class).single();
		ApiClient api = as(province());
		OfficerSession officer = new OfficerSession(baseUrl());
		officer.signIn(account(Role.PROVINCE_OFFICER, "220000", null, null, false), PASSWORD);

		List<Figures> figures = new ArrayList<>();
		grow(ProvinceScale.FIRST_BATCH, month, month);
		figures.add(measure("5,000 projects, 1 month", month, api, officer, started));
		grow(ProvinceScale.FIRST_BATCH, month.minusMonths(5), month.minusMonths(1));
		figures.add(measure("5,000 projects, 6 months", month, api, officer, started));
		grow(ProvinceScale.FIRST_BATCH, first, month.minusMonths(6));
		figures.add(measure("5,000 projects, 12 months", month, api, officer, started));
		ProvinceScale.registry(jdbc, "BENCHB", first.atDay(1), PROJECTS, PROJECTS * WORKERS_PER_PROJECT);
		grow("BENCHB", month, month);
		figures.add(measure("10,000 projects, 12 (+1) months", month, api, officer, started));

		System.out.printf("GROWTH BENCHMARK: month %s evaluated, %,d workers and 5 key posts per project, %d cores, "
				+ "evaluation median of %d, dashboards p50 of %d%n", month, WORKERS_PER_PROJECT,
				Runtime.getRuntime().availableProcessors(), RUNS, REQUESTS);
		System.out.printf("  %-34s %12s %12s %12s %10s %10s %12s %6s %12s%n", "", "presence", "passes", "evaluation",
				"dash 1st", "province", "city", "refusals", "partitions");
		for (Figures f : figures) {
			System.out.printf("  %-34s %,12d %,12d %,9d ms %,7d ms %,7d ms %,9d ms %,6d µs %6d%n", f.label(), f.presenceRows(),
					f.passRows(), f.evaluationMs(), f.firstDashboardMs(), f.provinceMs(), f.cityMs(), f.refusalsUs(),
					f.partitionsScanned());
		}
		Figures one = figures.get(0), six = figures.get(1), twelve = figures.get(2), doubled = figures.get(3);
		Map<String, double[]> ratios = new LinkedHashMap<>();
		ratios.put("6 months / 1 month (target ≈ 1)", ratios(six, one));
		ratios.put("12 months / 1 month (target ≈ 1)", ratios(twelve, one));
		ratios.put("10,000 / 5,000 projects (target ≤ 2)", ratios(doubled, twelve));
		System.out.printf("  %-40s %10s %10s %10s %10s%n", "ratios", "evaluation", "province", "city", "refusals");
		ratios.forEach((name, r) -> System.out.printf("  %-40s %10.2f %10.2f %10.2f %10.2f%n", name, r[0], r[1], r[2], r[3]));
	}

	private static double[] ratios(Figures a, Figures b) {
		return new double[] { ratio(a.evaluationMs(), b.evaluationMs()), ratio(a.provinceMs(), b.provinceMs()),
				ratio(a.cityMs(), b.cityMs()), ratio(a.refusalsUs(), b.refusalsUs()) };
	}

	private static double ratio(long a, long b) {
		return (double) Math.max(a, 1) / Math.max(b, 1);
	}

	/** Presence, gate days and a share of passes (one day in {@value #PASS_SHARE}, a refusal in 50) for the months. */
	private void grow(String batch, YearMonth from, YearMonth to) {
		long t = System.nanoTime();
		ProvinceScale.presence(jdbc, batch, from.atDay(1), to.atEndOfMonth());
		jdbc.sql("""
				insert into pass (device_id, project_id, source_key, person_ref, person_id, passed_at, device_local_time,
				                  utc_offset_min, received_at, direction, attend_type, liveness, offline, outcome, refusal_reason, source)
				select dv.id, dp.project_id, 'growth-' || dp.person_id || '-' || dp.day, dp.person_id::text,
				       case when r.refused then null else dp.person_id end, dp.first_pass_at,
				       dp.first_pass_at at time zone 'Asia/Shanghai', 480, dp.first_pass_at, 'IN', '001', 'PASS', false,
				       case when r.refused then 'REFUSED' else 'ACCEPTED' end, case when r.refused then 'NOT_REGISTERED' end, 'bench'
				from daily_presence dp
				     join project p on p.id = dp.project_id
				     join device dv on dv.project_id = dp.project_id and dv.serial_number like :batch || '-GATE-%'
				     cross join lateral (select hashtext(dp.person_id::text || dp.day::text) % 50 = 1 as refused) r
				where p.code ~ ('^' || :batch || '[0-9]+$') and dp.day between :from and :to
				  and hashtext(dp.day::text || dp.person_id::text) % :share = 0""")
			.param("batch", batch).param("from", from.atDay(1)).param("to", to.atEndOfMonth()).param("share", PASS_SHARE)
			.update();
		jdbc.sql("analyze pass").update();
		System.out.printf("grew %s by %s..%s in %,d ms%n", batch, from, to, (System.nanoTime() - t) / 1_000_000);
	}

	private Figures measure(String label, YearMonth month, ApiClient api, OfficerSession officer, long started)
			throws Exception {
		long t = System.nanoTime();
		officer.get("/dashboard?month=" + month, "text/html");
		long firstDashboard = (System.nanoTime() - t) / 1_000_000;
		awaitTallyUpToDate();
		List<Long> evaluations = new ArrayList<>();
		for (int run = 0; run < RUNS; run++) {
			long e = System.nanoTime();
			ApiClient.Response r = api.post("/api/evaluations", Map.of("month", month.toString(), "full", true));
			if (r.status() != 200) {
				throw new IllegalStateException(r.body());
			}
			evaluations.add((System.nanoTime() - e) / 1_000_000);
		}
		long province = p50(officer, List.of("/dashboard?month=" + month));
		long city = p50(officer, List.of("/dashboard?region=220100&month=" + month, "/dashboard?region=220200&month=" + month));

		LocalDate day = month.atDay(15);
		String refusals = "select count(*) from unregistered_refusal where at >= ?::date::timestamp at time zone 'Asia/Shanghai'"
				+ " and at < (?::date + 1)::timestamp at time zone 'Asia/Shanghai'";
		List<Long> micros = new ArrayList<>();
		for (int i = 0; i < REQUESTS + 2; i++) {
			long q = System.nanoTime();
			jdbc.sql(refusals).params(day, day).query(Long.class).single();
			if (i >= 2) {
				micros.add((System.nanoTime() - q) / 1_000);
			}
		}
		Collections.sort(micros);
		int partitions = (int) jdbc.sql("explain (analyze, costs off) " + refusals).params(day, day).query(String.class).list()
			.stream().filter(line -> line.matches("(?i).*scan.* on pass_\\d{4}_\\d{2}.*")).count();
		long presence = jdbc.sql("select count(*) from daily_presence").query(Long.class).single();
		long passes = jdbc.sql("select count(*) from pass").query(Long.class).single();
		Collections.sort(evaluations);
		Figures f = new Figures(label, evaluations.get(RUNS / 2), firstDashboard, province, city, micros.get(micros.size() / 2),
				partitions, presence, passes);
		System.out.printf("%s: evaluation runs %s ms, first dashboard %,d ms, p50 province %,d ms, city %,d ms, refusals %,d µs "
				+ "(%d partition(s) scanned); %,d s since the start%n", label, evaluations, firstDashboard, province, city,
				f.refusalsUs(), partitions, (System.nanoTime() - started) / 1_000_000_000);
		return f;
	}

	/**
	 * Waits until the attendance tally has no stale day left (the background refresh recomputes what the new presence
	 * made stale), so that the evaluation is not timed beside that refresh.
	 */
	private void awaitTallyUpToDate() throws InterruptedException {
		long t = System.nanoTime();
		while (jdbc.sql("select exists (select 1 from attendance_tally_stale)").query(Boolean.class).single()
				&& System.nanoTime() - t < 600_000_000_000L) {
			Thread.sleep(2_000);
		}
		System.out.printf("tally up to date after %,d ms more%n", (System.nanoTime() - t) / 1_000_000);
		// the bulk load's background maintenance (autovacuum of millions of new rows) is not the evaluation's cost:
		// on 2 cores it would be measured with it, so the step waits for it (at most 5 minutes) and says how long
		long v = System.nanoTime();
		while (jdbc.sql("select count(*) from pg_stat_activity where backend_type = 'autovacuum worker'").query(Long.class)
			.single() > 0 && System.nanoTime() - v < 300_000_000_000L) {
			Thread.sleep(1_000);
		}
		System.out.printf("autovacuum idle after %,d ms more%n", (System.nanoTime() - v) / 1_000_000);
	}

	/** p50 in milliseconds of {@value #REQUESTS} requests over the paths, after two untimed ones. */
	private static long p50(OfficerSession officer, List<String> paths) throws Exception {
		for (int i = 0; i < 2; i++) {
			officer.get(paths.get(i % paths.size()), "text/html");
		}
		List<Long> ms = new ArrayList<>();
		for (int i = 0; i < REQUESTS; i++) {
			long t = System.nanoTime();
			officer.get(paths.get(i % paths.size()), "text/html");
			ms.add((System.nanoTime() - t) / 1_000_000);
		}
		Collections.sort(ms);
		return ms.get(ms.size() / 2);
	}
}
