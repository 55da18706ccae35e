package io.siteroll.compliance.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.siteroll.attendance.AttendanceReadModel;
import io.siteroll.audit.AuditRecord;
import io.siteroll.audit.AuditTrail;
import io.siteroll.compliance.RuleSet;
import io.siteroll.compliance.RuleSets;
import io.siteroll.compliance.Warning;
import io.siteroll.compliance.WarningEvidence;
import io.siteroll.compliance.Warnings;
import io.siteroll.device.DeviceBackOnline;
import io.siteroll.device.DeviceReadModel;
import io.siteroll.device.DeviceSilence;
import io.siteroll.device.DeviceWentOffline;
import io.siteroll.identity.CurrentActor;
import io.siteroll.payroll.PayrollReadModel;
import io.siteroll.payroll.WageAccounts;
import io.siteroll.payroll.WageArrears;
import io.siteroll.personnel.PersonnelReadModel;
import io.siteroll.platform.Checks;
import io.siteroll.platform.Conflict;
import io.siteroll.platform.Forbidden;
import io.siteroll.platform.NotFound;
import io.siteroll.platform.Page;
import io.siteroll.platform.SqlSearch;
import io.siteroll.platform.RuleViolation;
import io.siteroll.project.ProjectAccess;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * The daily warnings as of the end of a day, computed set-based into a temporary table and merged:
 * new conditions raised, open ones given fresh evidence, ended ones cleared. {@code DEVICE_OFFLINE} also follows
 * the device module's events: raised when a device is marked offline, cleared when it is heard again.
 */
@Service
class WarningWatch implements Warnings {

	private static final Logger log = LoggerFactory.getLogger(WarningWatch.class);

	private static final JsonMapper JSON = JsonMapper.builder().build();

	/**
	 * How far back the low-attendance warning looks for its window of construction days (a long stoppage leaves
	 * fewer): the rule set's window may not be longer.
	 */
	static final int LOW_ATTENDANCE_LOOKBACK_DAYS = 60;

	/** Projects started, not completed and not in a stoppage on {@code :d}; only {@code :project} when given. */
	private static final String STARTED = """
			create temp table started_project on commit drop as
			select p.id, p.start_date from project p
			where p.start_date <= :d and (p.completion_date is null or p.completion_date >= :d)
			  and (cast(:project as bigint) is null or p.id = :project)
			  and not exists (select 1 from project_stoppage s
			                  where s.project_id = p.id and s.status = 'IN_FORCE' and s.first_day <= :d and (s.last_day is null or s.last_day >= :d))""";

	private static final String NO_DEVICE = """
			insert into warning_candidate (kind, project_id, subject, person_id, device_id, evidence)
			select 'NO_DEVICE', sp.id, '', null, null, jsonb_build_object('startDate', sp.start_date, 'asOf', :d)
			from started_project sp
			where not exists (select 1 from %s a
			                  where a.project_id = sp.id and a.from_day <= :d and (a.to_day is null or a.to_day >= :d))"""
		.formatted(DeviceReadModel.ASSIGNMENT.sql());

	/**
	 * An enabled device offline at {@code :at} (the end of {@code :d}, or the moment the device module marked it
	 * offline) by the device module's one definition ({@code device_silent}, {@link DeviceSilence}): its last contact
	 * up to {@code :d} (or its registration, if never heard) lies more than the tolerance before {@code :at}. Only
	 * {@code :device} when given.
	 */
	private static final String DEVICE_OFFLINE = """
			insert into warning_candidate (kind, project_id, subject, person_id, device_id, evidence)
			select 'DEVICE_OFFLINE', sp.id, 'device:' || d.id, null, d.id,
			       jsonb_build_object('serialNumber', d.serial_number, 'channelName', d.channel_name,
			                          'lastHeardDay', heard.day, 'asOf', :d, 'toleranceHours', :toleranceHours)
			from started_project sp
			     join %1$s d on d.project_id = sp.id and d.enabled and (cast(:device as bigint) is null or d.id = :device)
			     left join lateral (select max(h.day) as day, max(h.last_at) as at
			                        from %2$s h where h.device_id = d.id and h.day <= :d) heard on true
			where %3$s(heard.at, d.registered_at, :at, cast(:tolerance as interval))""".formatted(
			DeviceReadModel.REGISTRATION.sql(), DeviceReadModel.HEARD_DAY.sql(), DeviceReadModel.SILENT.sql());

	/** R2's early warning: R2's own definitions ({@code key_post}, {@code required_percent}, {@code attendance_short}). */
	private static final String UNREACHABLE = """
			insert into warning_candidate (kind, project_id, subject, person_id, device_id, evidence)
			select 'KEY_MANAGER_UNREACHABLE', mp.project_id, 'post:' || mp.id || ':' || :monthFrom, mp.person_id, null,
			       jsonb_build_object('post', mp.post, 'month', to_char(:monthFrom::date, 'YYYY-MM'), 'asOf', :d,
			                          'constructionDayCount', base.n, 'attendedSoFar', att.n, 'remainingDayCount', base.remaining,
			                          'requiredPercent', k.pct,
			                          'arithmetic', '(' || att.n || ' + ' || base.remaining || ') × 100 = '
			                              || (att.n + base.remaining) * 100 || ' < ' || base.n || ' × ' || k.pct || ' = '
			                              || base.n * k.pct)
			from %1$s mp
			     join started_project sp on sp.id = mp.project_id
			     join rule_set rs on rs.id = :ruleSet
			     cross join lateral (select required_percent(mp.post, rs) as pct) k
			     cross join lateral (
			         select count(*)::int as n, count(*) filter (where d > :d)::int as remaining
			         from construction_days(mp.project_id, greatest(:monthFrom, mp.tenure_from),
			                                least(:monthTo, coalesce(mp.tenure_to, :monthTo))) d) base
			     cross join lateral (
			         select count(*)::int as n from %2$s dp
			         where dp.project_id = mp.project_id and dp.person_id = mp.person_id
			           and dp.day between greatest(:monthFrom, mp.tenure_from) and :d
			           and (mp.tenure_to is null or dp.day <= mp.tenure_to)) att
			where key_post(mp.post, rs)
			  and mp.tenure_from <= :d and (mp.tenure_to is null or mp.tenure_to >= :d)
			  and attendance_short(att.n + base.remaining, base.n, k.pct)""".formatted(
			PersonnelReadModel.MANAGER_TENURE.sql(), AttendanceReadModel.VALID_DAY.sql());

	private static final String UNREGISTERED = """
			insert into warning_candidate (kind, project_id, subject, person_id, device_id, evidence)
			select 'UNREGISTERED_AT_GATE', r.project_id, '', null, null,
			       jsonb_build_object('day', :d, 'refusedAttempts', count(*), 'references', jsonb_agg(distinct r.person_ref))
			from %s r
			where r.at >= :dayStart and r.at < :dayEnd
			group by r.project_id""".formatted(AttendanceReadModel.UNREGISTERED_REFUSAL.sql());

	/**
	 * Over the project's last construction days (the rule set's window, looking back at most
	 * {@link #LOW_ATTENDANCE_LOOKBACK_DAYS}), worker-days with a valid day short of the rule set's percentage of the
	 * worker-days engaged ({@code attendance_short}). The worker-days come from the attendance tally (the same per
	 * project and day counters the dashboard and the rates sum, {@link AttendanceTally}, brought up to date before the
	 * refresh): engaged workers on each construction day and those of them with a valid day. The evidence carries the
	 * numbers used and the days that had anyone engaged.
	 */
	private static final String LOW_ATTENDANCE = """
			insert into warning_candidate (kind, project_id, subject, person_id, device_id, evidence)
			with last_days as (
			    select sp.id as project_id, d::date as day
			    from started_project sp
			         cross join lateral (select d from construction_days(sp.id, :d - :lookback, :d) d
			                             order by d desc limit :windowDays) x(d)),
			tally as (
			    select ld.project_id, sum(t.workers_engaged) as registered, sum(t.workers_attended) as attended,
			           jsonb_agg(ld.day order by ld.day) filter (where t.workers_engaged > 0) as days
			    from last_days ld
			         join attendance_tally t on t.project_id = ld.project_id and t.day = ld.day
			    group by ld.project_id
			    having sum(t.workers_engaged) > 0)
			select 'LOW_ATTENDANCE', t.project_id, '', null, null,
			       jsonb_build_object('constructionDays', t.days, 'registeredWorkerDays', t.registered,
			                          'attendedWorkerDays', t.attended,
			                          'ratePercent', round(t.attended * 100.0 / t.registered, 1),
			                          'thresholdPercent', :lowPercent, 'requiredPercent', :lowPercent,
			                          'windowDays', :windowDays)
			from tally t
			where attendance_short(t.attended, t.registered, :lowPercent)""";

	/**
	 * How many months back the wage warnings judge a month's arrears, allocations and confirmations (a month whose
	 * warning is open stays judged until it clears, however old).
	 */
	static final int WAGE_LOOKBACK_MONTHS = 6;

	/** The projects whose wages are watched: started by {@code :d} (completed or stopped ones still owe wages). */
	private static final String WAGE_PROJECTS = """
			select p.id, p.start_date from project p
			where p.start_date <= :d and (cast(:project as bigint) is null or p.id = :project)""";

	/** Payroll's definition of a wage account held on the day ({@code wage_account_held}), for projects under construction. */
	private static final String NO_WAGE_ACCOUNT = """
			insert into warning_candidate (kind, project_id, subject, person_id, device_id, evidence)
			select 'NO_WAGE_ACCOUNT', sp.id, '', null, null, jsonb_build_object('startDate', sp.start_date, 'asOf', :d)
			from started_project sp
			where not %s(sp.id, :d)""".formatted(PayrollReadModel.WAGE_ACCOUNT_HELD.sql());

	/** A guarantee in force on the day ({@code wage_guarantee_held}), where configuration requires one. */
	private static final String NO_WAGE_GUARANTEE = """
			insert into warning_candidate (kind, project_id, subject, person_id, device_id, evidence)
			select 'NO_WAGE_GUARANTEE', sp.id, '', null, null, jsonb_build_object('startDate', sp.start_date, 'asOf', :d)
			from started_project sp
			where :guaranteeRequired and not %s(sp.id, :d)""".formatted(PayrollReadModel.WAGE_GUARANTEE_HELD.sql());

	/**
	 * Completed months ({@code :completedMonths}, and those of open warnings) with construction days and no allocation
	 * received into the wage account the project held at the month's end (without an account, NO_WAGE_ACCOUNT says it).
	 */
	private static final String NO_ALLOCATION = """
			insert into warning_candidate (kind, project_id, subject, person_id, device_id, evidence)
			select 'NO_ALLOCATION', wp.id, 'month:' || to_char(mo.month, 'YYYY-MM'), null, null,
			       jsonb_build_object('month', to_char(mo.month, 'YYYY-MM'), 'constructionDayCount', cd.n, 'asOf', :d)
			from (%1$s) wp
			     cross join lateral (
			         select cast(m as date) as month from unnest(cast(string_to_array(:completedMonths, ',') as date[])) m
			         union
			         select to_date(substr(w.subject, 7), 'YYYY-MM') from warning w
			         where w.status = 'OPEN' and w.kind = 'NO_ALLOCATION' and w.project_id = wp.id) mo
			     cross join lateral (select cast((mo.month + interval '1 month - 1 day') as date) as last_day) e
			     cross join lateral (select count(*)::int as n from construction_days(wp.id, mo.month, e.last_day)) cd
			     cross join lateral %2$s(wp.id, mo.month, e.last_day) al
			where cd.n > 0 and al.allocations = 0 and %3$s(wp.id, e.last_day)""".formatted(WAGE_PROJECTS,
			PayrollReadModel.ALLOCATED.sql(), PayrollReadModel.WAGE_ACCOUNT_HELD.sql());

	/**
	 * 欠薪: payroll's one definition ({@code unpaid_workers}) for each month whose pay date lies before {@code :d}
	 * ({@code :dueMonths}, month/pay date pairs) with valid days at the project, and for the months of open warnings.
	 */
	private static final String WAGE_ARREARS = """
			insert into warning_candidate (kind, project_id, subject, person_id, device_id, evidence)
			with due as (
			    select cast(split_part(x, '/', 1) as date) as month, cast(split_part(x, '/', 2) as date) as pay_date
			    from unnest(string_to_array(:dueMonths, ',')) x),
			worked as (
			    select distinct v.project_id, cast(date_trunc('month', v.day) as date) as month
			    from %1$s v
			    where v.day >= (select min(month) from due) and v.day < (select max(month) from due) + interval '1 month'
			      and (cast(:project as bigint) is null or v.project_id = :project)),
			judged as (
			    select wk.project_id, d.month, d.pay_date from worked wk join due d on d.month = wk.month
			    union
			    select w.project_id, to_date(substr(w.subject, 7), 'YYYY-MM'), cast(w.evidence ->> 'payDate' as date)
			    from warning w
			    where w.status = 'OPEN' and w.kind = 'WAGE_ARREARS' and (cast(:project as bigint) is null or w.project_id = :project))
			select 'WAGE_ARREARS', j.project_id, 'month:' || to_char(j.month, 'YYYY-MM'), null, null,
			       jsonb_build_object('month', to_char(j.month, 'YYYY-MM'), 'payDate', min(j.pay_date), 'asOf', :d,
			                          'workerCount', u.n, 'validDayCount', u.days, 'workers', to_jsonb(u.names))
			from judged j
			     join project p on p.id = j.project_id and p.start_date <= :d
			     cross join lateral (
			         select count(*)::int as n, coalesce(sum(uw.valid_days), 0) as days,
			                (array_agg(masked_name(pe.name) order by uw.person_id))[1 : :listed] as names
			         from %2$s(j.project_id, j.month) uw left join person pe on pe.id = uw.person_id) u
			where u.n > 0
			group by j.project_id, j.month, u.n, u.days, u.names""".formatted(AttendanceReadModel.VALID_DAY.sql(),
			PayrollReadModel.UNPAID_WORKERS.sql());

	/**
	 * Payroll's {@code paid_without_attendance}: per project and month (the current one and the look-back's, and those
	 * of open warnings), the workers paid with no valid day in it.
	 */
	private static final String PAY_WITHOUT_ATTENDANCE = """
			insert into warning_candidate (kind, project_id, subject, person_id, device_id, evidence)
			select 'PAY_WITHOUT_ATTENDANCE', x.project_id, 'month:' || to_char(x.month, 'YYYY-MM'), null, null,
			       jsonb_build_object('month', to_char(x.month, 'YYYY-MM'), 'workerCount', count(distinct x.person_id),
			                          'netTotal', sum(x.net_pay),
			                          'workers', to_jsonb((array_agg(distinct masked_name(pe.name)))[1 : :listed]))
			from %s() x join project p on p.id = x.project_id and p.start_date <= :d
			     left join person pe on pe.id = x.person_id
			where (cast(:project as bigint) is null or x.project_id = :project)
			  and (x.month >= cast(:oldestMonth as date)
			       or exists (select 1 from warning w
			                  where w.status = 'OPEN' and w.kind = 'PAY_WITHOUT_ATTENDANCE' and w.project_id = x.project_id
			                    and w.subject = 'month:' || to_char(x.month, 'YYYY-MM')))
			group by x.project_id, x.month""".formatted(PayrollReadModel.PAID_WITHOUT_ATTENDANCE.sql());

	/** Payroll's {@code payment_failed}: per project and month, the lines failed or returned and not paid since. */
	private static final String PAYMENT_FAILED = """
			insert into warning_candidate (kind, project_id, subject, person_id, device_id, evidence)
			select 'PAYMENT_FAILED', x.project_id, 'month:' || to_char(x.month, 'YYYY-MM'), null, null,
			       jsonb_build_object('month', to_char(x.month, 'YYYY-MM'), 'lineCount', count(*),
			                          'failedCount', count(*) filter (where x.payment = 'FAILED'),
			                          'returnedCount', count(*) filter (where x.payment = 'RETURNED'),
			                          'netTotal', sum(x.net_pay),
			                          'workers', to_jsonb((array_agg(distinct masked_name(pe.name)))[1 : :listed]))
			from %s() x join project p on p.id = x.project_id
			     left join person pe on pe.id = x.person_id
			where cast(:project as bigint) is null or x.project_id = :project
			group by x.project_id, x.month""".formatted(PayrollReadModel.PAYMENT_FAILED.sql());

	/**
	 * Payroll's {@code wage_lines_unconfirmed}: an approved or paid table of a month whose pay date lies before
	 * {@code :d} ({@code :dueMonths}) with lines its workers have not confirmed; a table whose warning is open stays
	 * judged whatever its month.
	 */
	private static final String TABLE_UNCONFIRMED = """
			insert into warning_candidate (kind, project_id, subject, person_id, device_id, evidence)
			with due as (
			    select cast(split_part(x, '/', 1) as date) as month, cast(split_part(x, '/', 2) as date) as pay_date
			    from unnest(string_to_array(:dueMonths, ',')) x)
			select 'TABLE_UNCONFIRMED', x.project_id, 'table:' || x.table_id, null, null,
			       jsonb_build_object('tableId', x.table_id, 'month', to_char(x.month, 'YYYY-MM'), 'unitName', min(e.name),
			                          'payDate', coalesce(min(d.pay_date), min(cast(w.evidence ->> 'payDate' as date))),
			                          'asOf', :d, 'lineCount', min(x.lines), 'unconfirmedCount', count(*),
			                          'workers', to_jsonb((array_agg(distinct masked_name(pe.name)))[1 : :listed]))
			from %s() x join project p on p.id = x.project_id
			     left join due d on d.month = x.month
			     left join warning w on w.status = 'OPEN' and w.kind = 'TABLE_UNCONFIRMED' and w.project_id = x.project_id
			                            and w.subject = 'table:' || x.table_id
			     left join participating_unit u on u.id = x.unit_id
			     left join enterprise e on e.id = u.enterprise_id
			     left join person pe on pe.id = x.person_id
			where (cast(:project as bigint) is null or x.project_id = :project) and (d.month is not null or w.id is not null)
			group by x.project_id, x.table_id, x.month""".formatted(PayrollReadModel.UNCONFIRMED_LINES.sql());

	private final JdbcClient jdbc;

	private final TransactionTemplate tx;

	private final RuleSets ruleSets;

	private final ProjectAccess access;

	private final CurrentActor actors;

	private final Clock clock;

	private final AuditTrail audit;

	private final DeviceSilence silence;

	private final WageArrears arrears;

	private final WageAccounts wageAccounts;

	private final PlannerStatistics statistics;

	private final AttendanceTally tally;

	WarningWatch(JdbcClient jdbc, TransactionTemplate tx, RuleSets ruleSets, ProjectAccess access, CurrentActor actors,
			Clock clock, AuditTrail audit, DeviceSilence silence, WageArrears arrears, WageAccounts wageAccounts,
			PlannerStatistics statistics, AttendanceTally tally) {
		this.statistics = statistics;
		this.tally = tally;
		this.arrears = arrears;
		this.wageAccounts = wageAccounts;
		this.audit = audit;
		this.silence = silence;
		this.jdbc = jdbc;
		this.tx = tx;
		this.ruleSets = ruleSets;
		this.access = access;
		this.actors = actors;
		this.clock = clock;
	}

	/** Every night, as of the day that just ended. */
	@Scheduled(cron = "${siteroll.compliance.warnings-cron:0 20 0 * * *}", zone = "Asia/Shanghai")
	void nightly() {
		Refresh r = run(LocalDate.now(clock).minusDays(1));
		log.info("Warnings as of {}: {} raised, {} cleared, {} open", r.asOf(), r.raised(), r.cleared(), r.open());
	}

	@Override
	public Refresh refresh(LocalDate asOf) {
		if (!actors.get().isProvince()) {
			throw new Forbidden("evaluation.province-only");
		}
		if (asOf == null) {
			throw RuleViolation.of("asOf", "required");
		}
		if (asOf.isAfter(LocalDate.now(clock))) {
			throw RuleViolation.of("asOf", "date.in-future");
		}
		return run(asOf);
	}

	Refresh run(LocalDate asOf) {
		return run(asOf, ruleSets.inForce(YearMonth.from(asOf)));
	}

	/** The warnings as of {@code asOf} under the given rule set (the one in force for its month, but for tests). */
	Refresh run(LocalDate asOf, RuleSet rules) {
		tally.ensure(asOf.minusDays(LOW_ATTENDANCE_LOOKBACK_DAYS), asOf);
		Refresh refresh = tx.execute(status -> {
			jdbc.sql("select pg_advisory_xact_lock(hashtext('daily-warnings'))").query().singleValue();
			Map<String, Object> p = params(asOf, dayEnd(asOf), rules, null, null);
			candidates(p, List.of(NO_DEVICE, DEVICE_OFFLINE, UNREACHABLE, UNREGISTERED, LOW_ATTENDANCE, NO_WAGE_ACCOUNT,
					NO_WAGE_GUARANTEE, NO_ALLOCATION, WAGE_ARREARS, PAY_WITHOUT_ATTENDANCE, PAYMENT_FAILED, TABLE_UNCONFIRMED));
			int updated = jdbc.sql("""
					update warning w set evidence = c.evidence, updated_at = now()
					from warning_candidate c
					where w.status = 'OPEN' and w.kind = c.kind and w.project_id = c.project_id and w.subject = c.subject
					  and w.evidence is distinct from c.evidence""").update();
			int raised = raise(p);
			int cleared = jdbc.sql("""
					update warning w set status = 'CLEARED', cleared_on = :d, updated_at = now()
					where w.status = 'OPEN' and w.raised_on <= :d
					  and not exists (select 1 from warning_candidate c
					                  where c.kind = w.kind and c.project_id = w.project_id and c.subject = w.subject)""")
				.params(p)
				.update();
			jdbc.sql("drop table started_project, warning_candidate").update();
			int open = jdbc.sql("select count(*) from warning where status = 'OPEN'").query(Integer.class).single();
			return new Refresh(asOf, raised, updated, cleared, open);
		});
		// a large refresh (the first of a province) leaves the planner informed at once, not when autovacuum comes
		statistics.afterWrite((long) refresh.raised() + refresh.updated() + refresh.cleared(), "warning");
		return refresh;
	}

	/**
	 * The device module marked a device offline: its {@code DEVICE_OFFLINE} warning is raised at once, by the same
	 * definition as the nightly run (as of the moment it was marked, for that device only), rather than at the next
	 * night's run. Nothing is raised if the project is not under construction that day or the warning is open.
	 */
	@ApplicationModuleListener
	void on(DeviceWentOffline offline) {
		LocalDate day = LocalDate.ofInstant(offline.detectedAt(), clock.getZone());
		RuleSet rules = ruleSets.inForce(YearMonth.from(day));
		jdbc.sql("select pg_advisory_xact_lock(hashtext('daily-warnings'))").query().singleValue();
		Map<String, Object> p = params(day, offline.detectedAt(), rules, offline.projectId(), offline.deviceId());
		candidates(p, List.of(DEVICE_OFFLINE));
		int raised = raise(p);
		jdbc.sql("drop table started_project, warning_candidate").update();
		if (raised > 0) {
			log.info("Device {} offline: DEVICE_OFFLINE raised for project {}", offline.deviceId(), offline.projectId());
		}
	}

	/** The device was heard from again: its open {@code DEVICE_OFFLINE} warning is cleared on that day. */
	@ApplicationModuleListener
	void on(DeviceBackOnline back) {
		jdbc.sql("""
				update warning set status = 'CLEARED', cleared_on = greatest(raised_on, :day), updated_at = now()
				where status = 'OPEN' and kind = 'DEVICE_OFFLINE' and project_id = :project and subject = :subject""")
			.param("day", LocalDate.ofInstant(back.heardAt(), clock.getZone()))
			.param("project", back.projectId())
			.param("subject", "device:" + back.deviceId())
			.update();
	}

	/** The end of a day on the platform's calendar: the instant the nightly run judges the day at. */
	private Instant dayEnd(LocalDate day) {
		return day.plusDays(1).atStartOfDay(clock.getZone()).toInstant();
	}

	/**
	 * The statements' parameters as of day {@code asOf}, judged at instant {@code at} (the end of the day, or when a
	 * device was marked offline); {@code projectId} and {@code deviceId} narrow the statements that take them.
	 */
	private Map<String, Object> params(LocalDate asOf, Instant at, RuleSet rules, Long projectId, Long deviceId) {
		YearMonth month = YearMonth.from(asOf);
		Map<String, Object> p = new HashMap<>();
		p.put("d", asOf);
		p.put("at", Timestamp.from(at));
		p.put("project", projectId);
		p.put("device", deviceId);
		p.put("monthFrom", month.atDay(1));
		p.put("monthTo", month.atEndOfMonth());
		p.put("ruleSet", rules.id());
		p.put("dayStart", Timestamp.from(asOf.atStartOfDay(clock.getZone()).toInstant()));
		p.put("dayEnd", Timestamp.from(dayEnd(asOf)));
		p.put("tolerance", silence.interval());
		p.put("toleranceHours", silence.tolerance().toHours());
		p.put("lookback", LOW_ATTENDANCE_LOOKBACK_DAYS);
		p.put("windowDays", rules.lowAttendanceDays());
		p.put("lowPercent", rules.lowAttendancePercent());
		p.put("guaranteeRequired", wageAccounts.guaranteeRequired());
		p.put("listed", WarningEvidence.WORKERS_LISTED);
		List<String> completed = new ArrayList<>();
		List<String> due = new ArrayList<>();
		for (int back = 1; back <= WAGE_LOOKBACK_MONTHS; back++) {
			YearMonth judged = month.minusMonths(back);
			completed.add(judged.atDay(1).toString());
			LocalDate payDate = arrears.payDate(judged);
			if (payDate.isBefore(asOf)) {
				due.add(judged.atDay(1) + "/" + payDate);
			}
		}
		p.put("completedMonths", String.join(",", completed));
		p.put("oldestMonth", month.minusMonths(WAGE_LOOKBACK_MONTHS).atDay(1));
		p.put("dueMonths", String.join(",", due));
		return p;
	}

	/** Computes the candidates of the given statements into {@code warning_candidate}. */
	private void candidates(Map<String, Object> p, List<String> statements) {
		jdbc.sql(STARTED).params(p).update();
		jdbc.sql("""
				create temp table warning_candidate (kind text, project_id bigint, subject text, person_id bigint,
				                                     device_id bigint, evidence jsonb) on commit drop""").update();
		for (String sql : statements) {
			jdbc.sql(sql).params(p).update();
		}
	}

	/** Raises the candidates not already open, on day {@code :d}; returns how many. */
	private int raise(Map<String, Object> p) {
		return jdbc.sql("""
				insert into warning (kind, project_id, subject, status, raised_on, person_id, device_id, evidence)
				select c.kind, c.project_id, c.subject, 'OPEN', :d, c.person_id, c.device_id, c.evidence
				from warning_candidate c
				where not exists (select 1 from warning w where w.status = 'OPEN' and w.kind = c.kind
				                  and w.project_id = c.project_id and w.subject = c.subject)""")
			.params(p)
			.update();
	}

	@Override
	@Transactional
	public Warning review(long warningId, Review review) {
		Long projectId = jdbc.sql("select project_id from warning where id = ?").param(warningId).query(Long.class).optional()
			.orElseThrow(() -> new NotFound("warning", warningId));
		access.requireOverseen(projectId);
		Checks checks = new Checks();
		checks.check(review.decision() != null && List.of("CONFIRMED", "DISMISSED").contains(review.decision()), "decision",
				"code.unknown", String.valueOf(review.decision()));
		checks.maxLength("reason", checks.required("reason", review.reason()), 1000);
		checks.throwIfAny();
		int changed = jdbc.sql("""
				update warning set review = ?, review_reason = ?, reviewed_by = ?, reviewed_at = now()
				where id = ? and review is null""")
			.params(review.decision(), review.reason().strip(), actors.get().username(), warningId)
			.update();
		if (changed == 0) {
			throw new Conflict("decision", "warning.already-reviewed");
		}
		audit.record(AuditRecord.changed("WARNING_" + review.decision(), "warning", warningId, null,
				Map.of("reason", review.reason().strip())));
		return jdbc.sql("select w.*, p.name as project_name, pe.name as person_name" + FROM + " where w.id = ?")
			.param(warningId)
			.query(WarningWatch::warning)
			.single();
	}

	@Override
	public Warning require(long warningId) {
		Warning warning = jdbc.sql("select w.*, p.name as project_name, pe.name as person_name" + FROM + " where w.id = ?")
			.param(warningId)
			.query(WarningWatch::warning)
			.optional()
			.orElseThrow(() -> new NotFound("warning", warningId));
		access.requireVisible(warning.projectId());
		return warning;
	}

	@Override
	public Page<Warning> search(Search search, int page, int size) {
		ProjectAccess.Scope scope = access.visibleProjects("w.project_id");
		SqlSearch.Where where = SqlSearch.where(scope.sql(), scope.params())
			.and("w.project_id = :project", "project", search.projectId())
			.and("w.person_id = :person", "person", search.personId())
			.and("w.kind = :kind", "kind", SqlSearch.code(search.kind()))
			.and("w.raised_on >= :raisedFrom", "raisedFrom", search.raisedIn() == null ? null : search.raisedIn().atDay(1))
			.and("w.raised_on <= :raisedTo", "raisedTo", search.raisedIn() == null ? null : search.raisedIn().atEndOfMonth());
		return CaseFilters.statusAndRegion(where, "w", search.status(), search.region())
			.page(jdbc, "select w.*, p.name as project_name, pe.name as person_name", FROM, "w.raised_on desc, w.id desc",
					WarningWatch::warning, page, size);
	}

	private static final String FROM = " from warning w join project p on p.id = w.project_id"
			+ " join region r on r.code = p.region_code left join person pe on pe.id = w.person_id";

	/** A warning row, its evidence read into the record of its kind. */
	private static Warning warning(ResultSet rs, int n) throws SQLException {
		Warning.Kind kind = Warning.Kind.valueOf(rs.getString("kind"));
		return new Warning(rs.getLong("id"), kind, rs.getLong("project_id"),
					rs.getString("project_name"), rs.getString("subject"), Warning.Status.valueOf(rs.getString("status")),
					rs.getDate("raised_on").toLocalDate(),
					rs.getDate("cleared_on") == null ? null : rs.getDate("cleared_on").toLocalDate(),
					(Long) rs.getObject("person_id"), rs.getString("person_name"), (Long) rs.getObject("device_id"),
					JSON.readValue(rs.getString("evidence"), WarningEvidence.typeOf(kind)), rs.getString("review") == null ? null : Warning.Review.valueOf(rs.getString("review")),
					rs.getString("review_reason"),
					rs.getString("reviewed_by"));
	}
}
