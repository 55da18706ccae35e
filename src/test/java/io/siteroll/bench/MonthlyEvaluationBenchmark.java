package io.siteroll.bench;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

import io.siteroll.support.ApiClient;
import io.siteroll.support.IntegrationTest;
import org.junit.jupiter.api.Test;

/**
 * The monthly evaluation of a province of 5,000 projects and 300,000 workers (plus 25,000 managers)
 * with a full month of daily presence (about 8 million rows). The data are generated in SQL (the
 * benchmark measures the evaluation, not the registration). Prints the evaluation time through the
 * HTTP API (median of 3 runs; the first raises the findings, the others find nothing to change)
 * beside the bare SQL aggregation it rests on (construction days, attended days per post, workers
 * engaged and present per project) in the same run. Run on demand:
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
		List<Long> evaluations = new ArrayList<>();
		for (int run = 0; run < RUNS; run++) {
			long t = System.nanoTime();
			ApiClient.Response r = api.post("/api/evaluations", Map.of("month", month.toString()));
			long ms = (System.nanoTime() - t) / 1_000_000;
			if (r.status() != 200) {
				throw new IllegalStateException(r.body());
			}
			evaluations.add(ms);
			System.out.printf("evaluation run %d: %,d ms (%s)%n", run + 1, ms, r.body());
		}
		Collections.sort(bare);
		Collections.sort(evaluations);
		long bareMedian = bare.get(RUNS / 2), evaluationMedian = evaluations.get(RUNS / 2);
		System.out.printf("MONTHLY EVALUATION BENCHMARK: %,d projects, %,d workers, month %s: evaluation median %,d ms "
				+ "(target < 10,000 ms) vs bare SQL aggregation median %,d ms: ratio %.1f%n", PROJECTS, WORKERS, month,
				evaluationMedian, bareMedian, (double) evaluationMedian / bareMedian);
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
