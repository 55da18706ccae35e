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
		generate(from, to);
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

	private void generate(LocalDate from, LocalDate to) {
		jdbc.sql("""
				insert into enterprise (credit_code, name, registration_region, legal_representative, contact_person, contact_phone)
				select 'BENCH' || lpad(i::text, 13, '0'), '基准企业' || i, '220102', '甲', '乙', '13800000000'
				from generate_series(1, 200) i""").update();
		jdbc.sql("""
				insert into project (code, name, region_code, address, category, construction_nature, contractor_id, start_date)
				select 'BENCH' || lpad(i::text, 10, '0'), '基准项目' || i,
				       (array['220102','220104','220202','220302','222401','220502','220602','220702'])[1 + i % 8],
				       '基准路' || i || '号', '01', '001',
				       (select min(id) from enterprise where credit_code like 'BENCH%') + i % 200,
				       ?::date - (i % 240) + 10
				from generate_series(1, ?) i""").params(from, PROJECTS).update();
		jdbc.sql("""
				insert into participating_unit (project_id, enterprise_id, unit_type, entry_date)
				select p.id, p.contractor_id, '009', p.start_date from project p where p.code like 'BENCH%'
				union all
				select p.id, (select min(id) from enterprise where credit_code like 'BENCH%') + (p.id % 199) + 1, '007', p.start_date
				from project p where p.code like 'BENCH%'""").update();
		jdbc.sql("""
				insert into team (project_id, participating_unit_id, name, entry_date)
				select pu.project_id, pu.id, '基准班组', pu.entry_date from participating_unit pu join project p on p.id = pu.project_id
				where p.code like 'BENCH%' and pu.unit_type = '009'""").update();
		jdbc.sql("""
				insert into person (id_type, id_number_cipher, id_number_index, id_number_masked, name)
				select '01', '\\x00'::bytea, decode(md5('bench-' || i), 'hex'), '220102********000X', '基准' || i
				from generate_series(1, ?) i""").param(WORKERS + PROJECTS * 5).update();
		jdbc.sql("""
				with people as (
				    select id, row_number() over (order by id) as n from person where name like '基准%' and id_number_masked = '220102********000X'),
				     projects as (
				    select p.id, p.start_date, t.id as team_id, row_number() over (order by p.id) as n
				    from project p join team t on t.project_id = p.id where p.code like 'BENCH%')
				insert into worker_engagement (project_id, person_id, team_id, work_type, contract_period_type, contract_start, entry_date)
				select pr.id, pe.id, pr.team_id, '020', '1', least(pr.start_date, ?::date), least(pr.start_date, ?::date)
				from people pe join projects pr on pr.n = 1 + (pe.n - 1) % ?
				where pe.n <= ?""").params(from, from, PROJECTS, WORKERS).update();
		jdbc.sql("""
				with people as (
				    select id, row_number() over (order by id) as n from person where name like '基准%' and id_number_masked = '220102********000X'),
				     units as (
				    select p.id, p.start_date, row_number() over (order by p.id) as n,
				           (select id from participating_unit u where u.project_id = p.id and u.unit_type = '009') as gc,
				           (select id from participating_unit u where u.project_id = p.id and u.unit_type = '007') as sup
				    from project p where p.code like 'BENCH%'),
				     posts as (select * from unnest(array['PROJECT_MANAGER','CHIEF_SUPERVISOR','SAFETY_OFFICER','TECHNICAL_LEAD','QUALITY_OFFICER'])
				               with ordinality as x(post, k))
				insert into manager_post (project_id, person_id, post, participating_unit_id, tenure_from)
				select u.id, pe.id, po.post, case when po.post = 'CHIEF_SUPERVISOR' then u.sup else u.gc end, u.start_date
				from units u cross join posts po join people pe on pe.n = ? + (u.n - 1) * 5 + po.k""").param(WORKERS).update();
		jdbc.sql("""
				insert into daily_presence (project_id, day, person_id, first_pass_at, last_pass_at, pass_count, valid)
				select x.project_id, d::date, x.person_id, d + time '07:30', d + time '17:30', 2, true
				from (select project_id, person_id from worker_engagement w join project p on p.id = w.project_id where p.code like 'BENCH%'
				      union all
				      select project_id, person_id from manager_post m join project p on p.id = m.project_id where p.code like 'BENCH%') x
				     join project p on p.id = x.project_id
				     cross join generate_series(greatest(?::date, p.start_date), ?::date, interval '1 day') d
				where hashtext(x.person_id::text || d::text) % 100 < 85""").params(from, to).update();
		jdbc.sql("analyze").update();
	}
}
