package io.siteroll.bench;

import java.time.LocalDate;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A province at scale, generated in SQL for the benchmarks (they measure the platform, not the registration):
 * 200 enterprises, {@code projects} projects over eight regions with a general contractor, a supervision company
 * and one team each, {@code workers} workers spread over the projects, five key managers per project,
 * daily presence from {@code from} to {@code to} for 85 % of person-days, and a gate on nine projects in ten,
 * heard on 90 % of its days.
 * <p>
 * A province can be generated in batches (each with its own code prefix: {@code BENCH}, {@code BENCHB}, ...) and its
 * presence month by month ({@link #registry} once per batch, then {@link #presence} for any span), so that a
 * benchmark can grow the history or the number of projects between measurements.
 */
final class ProvinceScale {

	static final String FIRST_BATCH = "BENCH";

	private ProvinceScale() {
	}

	static void generate(JdbcClient jdbc, LocalDate from, LocalDate to, int projects, int workers) {
		registry(jdbc, FIRST_BATCH, from, projects, workers);
		presence(jdbc, FIRST_BATCH, from, to);
	}

	/**
	 * The batch's enterprises, projects (started up to 230 days before {@code from}, or in its first ten days),
	 * units, teams, people, engagements, key posts, gates and their assignments; no presence.
	 */
	static void registry(JdbcClient jdbc, String batch, LocalDate from, int projects, int workers) {
		String projectCode = "^" + batch + "[0-9]+$";
		String personName = "^基准" + batch.substring(FIRST_BATCH.length()) + "[0-9]+$";
		jdbc.sql("""
				insert into enterprise (credit_code, name, registration_region, legal_representative, contact_person, contact_phone)
				select :batch || lpad(i::text, 18 - length(:batch), '0'), '基准企业' || :batch || i, '220102', '甲', '乙', '13800000000'
				from generate_series(1, 200) i""").param("batch", batch).update();
		jdbc.sql("""
				insert into project (code, name, region_code, address, category, construction_nature, contractor_id, start_date)
				select :batch || lpad(i::text, 10, '0'), '基准项目' || :batch || i,
				       (array['220102','220104','220202','220302','222401','220502','220602','220702'])[1 + i % 8],
				       '基准路' || i || '号', '01', '001',
				       (select min(id) from enterprise where credit_code ~ :projectCode) + i % 200,
				       :from::date - (i % 240) + 10
				from generate_series(1, :projects) i""")
			.param("batch", batch).param("projectCode", projectCode).param("from", from).param("projects", projects).update();
		jdbc.sql("""
				insert into participating_unit (project_id, enterprise_id, unit_type, entry_date)
				select p.id, p.contractor_id, '009', p.start_date from project p where p.code ~ :projectCode
				union all
				select p.id, (select min(id) from enterprise where credit_code ~ :projectCode) + (p.id % 199) + 1, '007', p.start_date
				from project p where p.code ~ :projectCode""").param("projectCode", projectCode).update();
		jdbc.sql("""
				insert into team (project_id, participating_unit_id, name, entry_date)
				select pu.project_id, pu.id, '基准班组', pu.entry_date from participating_unit pu join project p on p.id = pu.project_id
				where p.code ~ :projectCode and pu.unit_type = '009'""").param("projectCode", projectCode).update();
		jdbc.sql("""
				insert into person (id_type, id_number_cipher, id_number_index, id_number_masked, name)
				select '01', '\\x00'::bytea, decode(md5('bench-' || :batch || '-' || i), 'hex'), '220102********000X',
				       '基准' || substr(:batch, 6) || i
				from generate_series(1, :persons) i""").param("batch", batch).param("persons", workers + projects * 5).update();
		jdbc.sql("""
				with people as (
				    select id, row_number() over (order by id) as n from person where name ~ :personName and id_number_masked = '220102********000X'),
				     projects as (
				    select p.id, p.start_date, t.id as team_id, row_number() over (order by p.id) as n
				    from project p join team t on t.project_id = p.id where p.code ~ :projectCode)
				insert into worker_engagement (project_id, person_id, team_id, work_type, contract_period_type, contract_start, entry_date)
				select pr.id, pe.id, pr.team_id, '020', '1', least(pr.start_date, :from::date), least(pr.start_date, :from::date)
				from people pe join projects pr on pr.n = 1 + (pe.n - 1) % :projects
				where pe.n <= :workers""")
			.param("personName", personName).param("projectCode", projectCode).param("from", from)
			.param("projects", projects).param("workers", workers).update();
		jdbc.sql("""
				with people as (
				    select id, row_number() over (order by id) as n from person where name ~ :personName and id_number_masked = '220102********000X'),
				     units as (
				    select p.id, p.start_date, row_number() over (order by p.id) as n,
				           (select id from participating_unit u where u.project_id = p.id and u.unit_type = '009') as gc,
				           (select id from participating_unit u where u.project_id = p.id and u.unit_type = '007') as sup
				    from project p where p.code ~ :projectCode),
				     posts as (select * from unnest(array['PROJECT_MANAGER','CHIEF_SUPERVISOR','SAFETY_OFFICER','TECHNICAL_LEAD','QUALITY_OFFICER'])
				               with ordinality as x(post, k))
				insert into manager_post (project_id, person_id, post, participating_unit_id, tenure_from)
				select u.id, pe.id, po.post, case when po.post = 'CHIEF_SUPERVISOR' then u.sup else u.gc end, u.start_date
				from units u cross join posts po join people pe on pe.n = :workers + (u.n - 1) * 5 + po.k""")
			.param("personName", personName).param("projectCode", projectCode).param("workers", workers).update();
		jdbc.sql("""
				insert into device (serial_number, vendor, model, protocol, kind, direction, channel_name, project_id,
				                    registered_on, secret_cipher, registered_at, registered_day)
				select :batch || '-GATE-' || p.id, 'v', 'm', 'SITEROLL', 'FACE_TURNSTILE', 'IN', '1号闸', p.id, p.start_date,
				       '\\x00'::bytea, p.start_date::timestamptz, p.start_date
				from project p where p.code ~ :projectCode and p.id % 10 <> 0""")
			.param("batch", batch).param("projectCode", projectCode).update();
		jdbc.sql("""
				insert into device_assignment (device_id, project_id, from_day, by_actor, recorded_on)
				select d.id, d.project_id, d.registered_day, 'bench', d.registered_day
				from device d where d.serial_number like :batch || '-GATE-%'""").param("batch", batch).update();
		jdbc.sql("analyze").update();
	}

	/** The batch's daily presence (85 % of person-days) and its gates' heard days (90 %) from {@code from} to {@code to}. */
	static void presence(JdbcClient jdbc, String batch, LocalDate from, LocalDate to) {
		String projectCode = "^" + batch + "[0-9]+$";
		jdbc.sql("""
				insert into daily_presence (project_id, day, person_id, first_pass_at, last_pass_at, pass_count, valid)
				select x.project_id, d::date, x.person_id, d + time '07:30', d + time '17:30', 2, true
				from (select project_id, person_id from worker_engagement w join project p on p.id = w.project_id where p.code ~ :projectCode
				      union all
				      select project_id, person_id from manager_post m join project p on p.id = m.project_id where p.code ~ :projectCode) x
				     join project p on p.id = x.project_id
				     cross join generate_series(greatest(:from::date, p.start_date), :to::date, interval '1 day') d
				where hashtext(x.person_id::text || d::text) % 100 < 85""")
			.param("projectCode", projectCode).param("from", from).param("to", to).update();
		jdbc.sql("""
				insert into device_day (device_id, day, project_id, first_at, last_at)
				select dv.id, d::date, dv.project_id, d + time '07:00', d + time '18:00'
				from device dv cross join generate_series(greatest(:from::date, dv.registered_day), :to::date, interval '1 day') d
				where dv.serial_number like :batch || '-GATE-%' and hashtext(dv.id::text || d::text) % 10 <> 0""")
			.param("batch", batch).param("from", from).param("to", to).update();
		jdbc.sql("analyze").update();
	}
}
