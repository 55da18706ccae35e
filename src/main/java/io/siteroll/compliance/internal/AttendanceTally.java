package io.siteroll.compliance.internal;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;

import io.siteroll.attendance.AttendanceReadModel;
import io.siteroll.device.DeviceReadModel;
import io.siteroll.personnel.PersonnelReadModel;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The attendance tally (migration V23): per project and day, whether it is a construction day, the workers engaged,
 * those with a valid day, the key posts held and those whose holder had a valid day. Rates, duty rates and the
 * dashboard sum it instead of joining engagements with presence over a province (13 s for a month before).
 * <p>
 * Why a cache kept current on read rather than a materialized view refreshed on a schedule: the figures must be
 * right today (a pass ingested now counts now), and a materialized view either lags or recomputes the province on
 * every refresh. Here every write to what the definition reads marks only its project's affected days stale (SQL
 * triggers, one row per statement and project), and {@link #ensure} recomputes exactly those days with the live
 * definition before a question is answered; a scheduled refresh keeps the backlog small during the ingest day.
 * Whole months are summed again per project into {@code attendance_tally_month} with the days they hold, for trends.
 * Each project day also keeps whether a device was assigned and heard that day (coverage, V28), and every day
 * recomputed is summed again per project region into {@code attendance_tally_region_day} in the same transaction
 * (all regions of that day, so a project moved to another region leaves neither wrong): a caller who sees a whole
 * region reads ~60 rows a day instead of ~5,000.
 * The definition is the live one ({@link #COMPUTE} uses {@code construction_days()}, the read models and
 * {@code key_post()}), so the tally cannot drift from it; {@code AttendanceTallyTest} compares the two.
 */
@Component
class AttendanceTally {

	/** Days of all started projects from {@code work.f} to {@code work.t}, each with the figures of the definition. */
	static final String COMPUTE = """
			insert into attendance_tally (project_id, day, construction, workers_engaged, workers_attended, key_posts_due,
			                              key_posts_attended, equipped, connected)
			with days as (
			    select w.project_id, d::date as day
			    from tally_work w join project p on p.id = w.project_id
			         cross join lateral generate_series(greatest(w.f, p.start_date), least(w.t, coalesce(p.completion_date, w.t)),
			                                            interval '1 day') d
			    where p.start_date is not null),
			cd as (
			    select w.project_id, d::date as day from tally_work w cross join lateral construction_days(w.project_id, w.f, w.t) d),
			workers as (
			    select cd.project_id, cd.day, count(*) as engaged, count(dp.person_id) as attended
			    from cd
			         join %1$s e on e.project_id = cd.project_id and e.entry_date <= cd.day
			                                 and (e.exit_date is null or e.exit_date >= cd.day)
			         left join %2$s dp on dp.project_id = cd.project_id and dp.day = cd.day and dp.person_id = e.person_id
			    group by cd.project_id, cd.day),
			in_force as (
			    select m::date as month,
			           (select a.rule_set_id from rule_set_adoption a where a.effective_from <= m::date
			            order by a.effective_from desc limit 1) as rule_set_id
			    from generate_series((select date_trunc('month', min(f)) from tally_work), (select max(t) from tally_work),
			                         interval '1 month') m),
			posts as (
			    select cd.project_id, cd.day, count(*) as due, count(dp.person_id) as attended
			    from cd
			         join in_force f on f.month = date_trunc('month', cd.day)::date
			         join rule_set rs on rs.id = f.rule_set_id
			         join %3$s mt on mt.project_id = cd.project_id and mt.tenure_from <= cd.day
			                               and (mt.tenure_to is null or mt.tenure_to >= cd.day)
			         left join %2$s dp on dp.project_id = cd.project_id and dp.day = cd.day and dp.person_id = mt.person_id
			    where key_post(mt.post, rs)
			    group by cd.project_id, cd.day),
			equipped as (
			    select distinct d.project_id, d.day
			    from days d join %4$s a on a.project_id = d.project_id and a.from_day <= d.day
			                                and (a.to_day is null or a.to_day >= d.day)),
			heard as (
			    select distinct h.project_id, h.day
			    from tally_work w join %5$s h on h.project_id = w.project_id and h.day between w.f and w.t)
			select d.project_id, d.day, cd.day is not null, coalesce(w.engaged, 0), coalesce(w.attended, 0),
			       coalesce(k.due, 0), coalesce(k.attended, 0), e.day is not null, h.day is not null
			from days d
			     left join cd on cd.project_id = d.project_id and cd.day = d.day
			     left join workers w on w.project_id = d.project_id and w.day = d.day
			     left join posts k on k.project_id = d.project_id and k.day = d.day
			     left join equipped e on e.project_id = d.project_id and e.day = d.day
			     left join heard h on h.project_id = d.project_id and h.day = d.day""".formatted(
			PersonnelReadModel.WORKER_ENGAGEMENT.sql(), AttendanceReadModel.VALID_DAY.sql(),
			PersonnelReadModel.MANAGER_TENURE.sql(), DeviceReadModel.ASSIGNMENT.sql(), DeviceReadModel.HEARD_DAY.sql());

	/**
	 * The roll-up of the days in {@code tally_days}, for every region: the tally's sums per project region and day
	 * (worker and key-post figures over construction days, projects over every tallied day).
	 */
	static final String ROLL_UP = """
			insert into attendance_tally_region_day (region_code, day, workers_engaged, workers_attended, key_posts_due,
			                                         key_posts_attended, started, equipped, connected)
			select p.region_code, t.day,
			       coalesce(sum(t.workers_engaged) filter (where t.construction), 0),
			       coalesce(sum(t.workers_attended) filter (where t.construction), 0),
			       coalesce(sum(t.key_posts_due) filter (where t.construction), 0),
			       coalesce(sum(t.key_posts_attended) filter (where t.construction), 0),
			       count(*), count(*) filter (where t.equipped), count(*) filter (where t.connected)
			from tally_days d join attendance_tally t on t.day = d.day join project p on p.id = t.project_id
			group by p.region_code, t.day""";

	/** How current the tally is: the days it covers, its last refresh, and marks not yet taken. */
	record Freshness(LocalDate from, LocalDate to, Instant refreshedAt, long pending) {
	}

	private final JdbcClient jdbc;

	private final TransactionTemplate tx;

	private final Clock clock;

	AttendanceTally(JdbcClient jdbc, PlatformTransactionManager transactions, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
		this.tx = new TransactionTemplate(transactions);
		this.tx.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
	}

	/**
	 * The tally covers {@code from}..{@code to} and holds no stale day: the span grows to the question's days
	 * (computed for every project), then the days marked stale since the last refresh are recomputed. One refresh at a
	 * time (an advisory lock); a question that waited for another's refresh finds little or nothing left to do.
	 */
	void ensure(LocalDate from, LocalDate to) {
		if (current(from, to)) {
			return;
		}
		tx.executeWithoutResult(status -> {
			jdbc.sql("select pg_advisory_xact_lock(hashtext('attendance-tally'))").query().singleValue();
			Span span = span();
			LocalDate spanFrom = span.from();
			LocalDate spanTo = span.to();
			if (spanFrom == null) {
				mark(from, to);
				spanFrom = from;
				spanTo = to;
			}
			else {
				if (from.isBefore(spanFrom)) {
					mark(from, spanFrom.minusDays(1));
					spanFrom = from;
				}
				if (to.isAfter(spanTo)) {
					mark(spanTo.plusDays(1), to);
					spanTo = to;
				}
			}
			jdbc.sql("update attendance_tally_span set from_day = ?, to_day = ?").params(spanFrom, spanTo).update();
			recompute(spanFrom, spanTo);
		});
	}

	/**
	 * Whether the tally already answers for these days: they lie in the span and nothing is marked stale. Read
	 * without the lock, so a question costs one index probe when nothing changed; a write committed after this look
	 * counts in the next question, as it would had it committed after the answer.
	 */
	private boolean current(LocalDate from, LocalDate to) {
		return jdbc.sql("""
				select coalesce(s.from_day <= :from and s.to_day >= :to, false)
				       and not exists (select 1 from attendance_tally_stale)
				from attendance_tally_span s""")
			.param("from", from)
			.param("to", to)
			.query(Boolean.class)
			.single();
	}

	/** Every few seconds: the days marked stale since, within the span, so that a question finds little to do. */
	@Scheduled(fixedDelayString = "${siteroll.compliance.tally-refresh:PT1M}", initialDelayString = "${siteroll.compliance.tally-first-refresh:PT1M}")
	void refresh() {
		tx.executeWithoutResult(status -> {
			jdbc.sql("select pg_advisory_xact_lock(hashtext('attendance-tally'))").query().singleValue();
			Span span = span();
			if (span.from() == null) {
				jdbc.sql("delete from attendance_tally_stale").update();
				return;
			}
			recompute(span.from(), span.to());
		});
	}

	/** Nightly: the current and the next month are covered before anyone asks (the dashboard's month). */
	@Scheduled(cron = "${siteroll.compliance.tally-cron:0 10 0 * * *}", zone = "Asia/Shanghai")
	void nightly() {
		YearMonth month = YearMonth.now(clock);
		ensure(month.atDay(1), month.plusMonths(1).atEndOfMonth());
	}

	Freshness freshness() {
		return jdbc.sql("""
				select from_day, to_day, refreshed_at, (select count(*) from attendance_tally_stale) as pending
				from attendance_tally_span""")
			.query((rs, n) -> {
				Timestamp at = rs.getTimestamp("refreshed_at");
				return new Freshness(day(rs.getObject("from_day", Date.class)),
						day(rs.getObject("to_day", Date.class)), at == null ? null : at.toInstant(),
						rs.getLong("pending"));
			})
			.single();
	}

	private void mark(LocalDate from, LocalDate to) {
		jdbc.sql("insert into attendance_tally_stale (project_id, from_day, to_day) values (0, ?, ?)").params(from, to)
			.update();
	}

	/**
	 * Takes every mark (those committed after this statement stay for the next refresh, whose recomputation will
	 * then see their writes), merges them per project within the span, and replaces those days.
	 */
	private void recompute(LocalDate spanFrom, LocalDate spanTo) {
		jdbc.sql("create temp table tally_taken (project_id bigint, from_day date, to_day date) on commit drop").update();
		int taken = jdbc.sql("""
				with taken as (delete from attendance_tally_stale returning project_id, from_day, to_day)
				insert into tally_taken select * from taken""").update();
		if (taken == 0) {
			jdbc.sql("drop table tally_taken").update();
			return;
		}
		jdbc.sql("""
				create temp table tally_work on commit drop as
				select s.project_id, greatest(min(s.from_day), :spanFrom) as f, least(max(s.to_day), :spanTo) as t
				from (select project_id, from_day, to_day from tally_taken where project_id <> 0
				      union all
				      select p.id, t.from_day, t.to_day from tally_taken t cross join project p where t.project_id = 0) s
				group by s.project_id
				having greatest(min(s.from_day), :spanFrom) <= least(max(s.to_day), :spanTo)""")
			.param("spanFrom", spanFrom)
			.param("spanTo", spanTo)
			.update();
		jdbc.sql("create index on tally_work (project_id)").update();
		jdbc.sql("analyze tally_work").update();
		jdbc.sql("""
				delete from attendance_tally a using tally_work w
				where a.project_id = w.project_id and a.day between w.f and w.t""").update();
		jdbc.sql(COMPUTE).update();
		jdbc.sql("""
				create temp table tally_months on commit drop as
				select distinct w.project_id, m::date as month
				from tally_work w cross join lateral generate_series(date_trunc('month', w.f), w.t, interval '1 month') m""").update();
		jdbc.sql("""
				delete from attendance_tally_month a using tally_months m
				where a.project_id = m.project_id and a.month = m.month""").update();
		jdbc.sql("""
				insert into attendance_tally_month (project_id, month, workers_engaged, workers_attended, key_posts_due,
				                                    key_posts_attended)
				select m.project_id, m.month, sum(t.workers_engaged), sum(t.workers_attended), sum(t.key_posts_due),
				       sum(t.key_posts_attended)
				from tally_months m
				     join attendance_tally t on t.project_id = m.project_id
				                            and t.day between m.month and (m.month + interval '1 month - 1 day')::date
				where t.construction
				group by m.project_id, m.month""").update();
		jdbc.sql("""
				create temp table tally_days on commit drop as
				select distinct d::date as day
				from tally_work w cross join lateral generate_series(w.f, w.t, interval '1 day') d""").update();
		jdbc.sql("delete from attendance_tally_region_day r using tally_days d where r.day = d.day").update();
		jdbc.sql(ROLL_UP).update();
		jdbc.sql("update attendance_tally_span set refreshed_at = ?").param(Timestamp.from(clock.instant())).update();
		jdbc.sql("drop table tally_taken, tally_work, tally_months, tally_days").update();
	}

	/** The days the tally covers; both null before the first question. */
	private record Span(LocalDate from, LocalDate to) {
	}

	private Span span() {
		return jdbc.sql("select from_day, to_day from attendance_tally_span")
			.query((rs, n) -> new Span(day(rs.getObject("from_day", Date.class)), day(rs.getObject("to_day", Date.class))))
			.single();
	}

	private static LocalDate day(Date value) {
		return value == null ? null : value.toLocalDate();
	}
}
