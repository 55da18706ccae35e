package io.siteroll.bench;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.function.IntConsumer;

import io.siteroll.support.ApiClient;
import io.siteroll.support.IntegrationTest;
import org.junit.jupiter.api.Test;

/**
 * The monthly evaluation of a province of 5,000 projects and 300,000 workers (plus 25,000 managers)
 * with a full month of daily presence (about 8 million rows). The data are generated in SQL (the
 * benchmark measures the evaluation, not the registration). Prints, in the same run, medians of 3 runs through the
 * HTTP API: the full evaluation (the first raises the findings, the others find nothing to change) beside the bare SQL
 * aggregation it rests on (construction days, attended days per post, workers engaged and present per project); the
 * default evaluation re-run with nothing changed (it judges only the projects marked since: none); and the
 * re-evaluation after one project's correction (a day's presence removed, a stoppage, a tenure ended). Run on demand:
 * {@code ./mvnw test -Dtest=MonthlyEvaluationBenchmark -Dsurefire.failIfNoSpecifiedTests=false}.
 */
class MonthlyEvaluationBenchmark extends IntegrationTest {

	static final int PROJECTS = 5_000;

	static final int WORKERS = 300_000;

	static final int RUNS = 3;

	@Test
	void evaluateAProvinceMonth() {
		YearMonth month = YearMonth.from(today()).minusMonths(1);
		LocalDate from = month.atDay(1);
		LocalDate to = month.atEndOfMonth();
		long started = System.nanoTime();
		ProvinceScale.generate(jdbc, from, to, PROJECTS, WORKERS);
		System.out.printf("generated %,d projects, %,d workers, %,d daily-presence rows in %,d ms%n", PROJECTS, WORKERS,
				jdbc.sql("select count(*) from daily_presence where day between ? and ?").params(from, to)
					.query(Long.class).single(),
				(System.nanoTime() - started) / 1_000_000);

		List<Long> bare = new ArrayList<>();
		for (int run = 0; run < RUNS; run++) {
			long t = System.nanoTime();
			bareAggregation(from, to);
			bare.add((System.nanoTime() - t) / 1_000_000);
		}
		ApiClient api = as(province());
		List<Long> full = evaluations(api, month, true, "full evaluation", null);
		List<Long> unchanged = evaluations(api, month, false, "re-run, nothing changed", null);
		List<Long> projects = jdbc.sql("""
				select distinct project_id from manager_post order by project_id limit ? offset 100""")
			.param(RUNS)
			.query(Long.class)
			.list();
		List<Long> corrected = evaluations(api, month, false, "re-run after one project's correction",
				run -> correct(projects.get(run), from, to, run));
		Collections.sort(bare);
		long bareMedian = median(bare), fullMedian = median(full), unchangedMedian = median(unchanged),
				correctedMedian = median(corrected);
		System.out.printf("MONTHLY EVALUATION BENCHMARK: %,d projects, %,d workers, month %s, medians of %d runs: full "
				+ "evaluation %,d ms vs bare SQL aggregation %,d ms: ratio %.2f (target <= 1.0); re-run with nothing changed "
				+ "%,d ms (target < 1,000 ms); re-evaluation after one project's correction %,d ms (target < 1,000 ms)%n",
				PROJECTS, WORKERS, month, RUNS, fullMedian, bareMedian, (double) fullMedian / bareMedian, unchangedMedian,
				correctedMedian);
	}

	private static long median(List<Long> times) {
		List<Long> sorted = new ArrayList<>(times);
		Collections.sort(sorted);
		return sorted.get(sorted.size() / 2);
	}

	/** {@code RUNS} evaluations through the HTTP API, each after {@code before} (if any) has changed a fact. */
	private List<Long> evaluations(ApiClient api, YearMonth month, boolean full, String what, IntConsumer before) {
		List<Long> times = new ArrayList<>();
		for (int run = 0; run < RUNS; run++) {
			if (before != null) {
				before.accept(run);
			}
			long t = System.nanoTime();
			ApiClient.Response r = api.post("/api/evaluations", Map.of("month", month.toString(), "full", full));
			long ms = (System.nanoTime() - t) / 1_000_000;
			if (r.status() != 200) {
				throw new IllegalStateException(r.body());
			}
			times.add(ms);
			System.out.printf("%s, run %d: %,d ms (%s)%n", what, run + 1, ms, r.body());
		}
		return times;
	}

	/** A correction of one project's month, a different kind each run: a day's presence gone, a stoppage, a tenure ended. */
	private void correct(long project, LocalDate from, LocalDate to, int run) {
		switch (run % 3) {
			case 0 -> jdbc.sql("delete from daily_presence where project_id = ? and day = ?").params(project, from.plusDays(9))
				.update();
			case 1 -> jdbc.sql("""
					insert into project_stoppage (project_id, first_day, last_day, reason, kind, declared_by, declared_on, status)
					values (?, ?, ?, '停工整顿', 'ORDERED', 'benchmark', ?, 'IN_FORCE')""")
				.params(project, from.plusDays(14), from.plusDays(16), from.plusDays(14))
				.update();
			default -> jdbc.sql("update manager_post set tenure_to = greatest(tenure_from, ?) where project_id = ?")
				.params(from.plusDays(19), project)
				.update();
		}
	}

	/** The aggregation the rules rest on, without judging, evidence or merging. */
	private void bareAggregation(LocalDate from, LocalDate to) {
		jdbc.sql("""
				with cd as (
				    select p.id as project_id, d::date as day
				    from project p cross join lateral construction_days(p.id, ?, ?) d
				    where p.start_date is not null and p.start_date <= ?),
				posts as (
				    select mp.id, count(distinct cd.day) as base, count(distinct dp.day) as attended
				    from manager_post mp
				         join cd on cd.project_id = mp.project_id and cd.day >= mp.tenure_from
				         left join daily_presence dp on dp.project_id = mp.project_id and dp.person_id = mp.person_id
				                                    and dp.day = cd.day and dp.valid
				    group by mp.id),
				workers as (
				    select w.project_id, count(distinct w.person_id) as engaged, count(distinct dp.person_id) as present
				    from worker_engagement w
				         left join daily_presence dp on dp.project_id = w.project_id and dp.person_id = w.person_id
				                                    and dp.valid and dp.day between ? and ?
				    group by w.project_id)
				select (select count(*) from posts), (select sum(engaged - present) from workers)""")
			.params(from, to, to, from, to)
			.query()
			.listOfRows();
	}

}
