package io.siteroll.compliance.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import io.siteroll.attendance.AttendanceReadModel;
import io.siteroll.compliance.Escalation;
import io.siteroll.compliance.EvaluationRuns.Step;
import io.siteroll.compliance.MonthlyEvaluation;
import io.siteroll.compliance.Rule;
import io.siteroll.compliance.RuleSet;
import io.siteroll.compliance.RuleSets;
import io.siteroll.device.DeviceReadModel;
import io.siteroll.identity.CurrentActor;
import io.siteroll.payroll.PayrollReadModel;
import io.siteroll.personnel.PersonnelReadModel;
import io.siteroll.personnel.Post;
import io.siteroll.platform.Forbidden;
import io.siteroll.platform.RuleViolation;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * The monthly evaluation in a handful of set-based statements, in one transaction:
 * <ol>
 * <li>the month's construction days of every started project (the {@code construction_days}
 * function: start to completion, minus stoppages) into a temporary table;</li>
 * <li>candidates for R2 (each post's valid days within its tenure against the construction days
 * within its tenure, compared in integers), R3 (workers engaged on a construction day, and with the rule set's
 * {@code r3CountsPayroll} also those on the month's payroll ({@code payroll_workers}), against
 * workers with a valid day) and R1 (a device observably equipping the project by the start date:
 * registered on the platform, assigned and first heard no later than it; construction days on which
 * no device was heard);</li>
 * <li>a merge into the findings: new ones raised, changed ones updated or reinstated, ones that no
 * longer hold withdrawn, each change a revision; identical ones untouched.</li>
 * </ol>
 * Each rule is written once: R2's required percentage and comparison are SQL functions the early warning and the
 * re-check share ({@code required_percent}, {@code attendance_short}), "the project manager" is
 * {@code project_manager_during}, every threshold comes from the rule set and every measure and party from
 * {@link Escalation}. The facts other modules own are read through their read models ({@link DeviceReadModel},
 * {@link AttendanceReadModel}, {@link PersonnelReadModel}), plain views the planner flattens into these statements.
 */
@Service
class MonthlyEvaluator implements MonthlyEvaluation {

	private static final Logger log = LoggerFactory.getLogger(MonthlyEvaluator.class);

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final String CONSTRUCTION_DAYS = """
			create temp table month_day on commit drop as
			select p.id as project_id, d.day::date as day
			from project p cross join lateral construction_days(p.id, :from, :to) as d(day)
			where p.start_date is not null and p.start_date <= :to
			  and (p.completion_date is null or p.completion_date >= :from) /*SCOPE p.id*/""";

	/**
	 * R2 for every post: the required percentage ({@code required_percent}) and the comparison
	 * ({@code attendance_short}) are compliance's SQL definitions, the measure and party per post come from
	 * {@link Escalation} as parameters, the facts from the personnel and attendance read models.
	 * <p>
	 * Most posts are far from short, so the statement first rules those out from the month's presence counters
	 * ({@link AttendanceReadModel#PRESENT_IN_MONTH}) without reading their days: a post's attended days (valid days
	 * that are construction days within the tenure) are at least its valid days in the month less the month's days
	 * that do not count (not construction days, or outside the tenure). When even that lower bound is not short, the
	 * exact count cannot be either. Only the remaining posts have their days counted, and only the short ones have
	 * their evidence (the days themselves, the stoppages, the project manager) built.
	 */
	private static final String R2 = """
			insert into finding_candidate
			with post as materialized (
			    select mp.id, mp.project_id, mp.person_id, mp.post, mp.participating_unit_id, mp.tenure_from, mp.tenure_to,
			           k.pct, base.n as base_n
			    from %1$s mp
			         join rule_set rs on rs.id = :ruleSet
			         cross join lateral (select required_percent(mp.post, rs) as pct) k
			         cross join lateral (
			             select count(*)::int as n
			             from month_day md
			             where md.project_id = mp.project_id and md.day >= mp.tenure_from
			               and (mp.tenure_to is null or md.day <= mp.tenure_to)) base
			         left join %3$s pim on pim.month = :from and pim.project_id = mp.project_id and pim.person_id = mp.person_id
			    where mp.tenure_from <= :to and (mp.tenure_to is null or mp.tenure_to >= :from) /*SCOPE mp.project_id*/
			      and attendance_short(coalesce(pim.valid_days, 0) - (month_length(:from) - base.n), base.n, k.pct)
			),
			short as materialized (
			    select post.*, att.n as att_n
			    from post
			         cross join lateral (
			             select count(*)::int as n
			             from %2$s dp
			                  join month_day md on md.project_id = dp.project_id and md.day = dp.day
			             where dp.project_id = post.project_id and dp.person_id = post.person_id and dp.day between :from and :to
			               and dp.day >= post.tenure_from and (post.tenure_to is null or dp.day <= post.tenure_to)) att
			    where attendance_short(att.n, post.base_n, post.pct)
			)
			select 'R2', mp.project_id, 'post:' || mp.id,
			       coalesce(:r2Measures::jsonb ->> mp.post, :r2Measure), coalesce(:r2Parties::jsonb ->> mp.post, :r2Party),
			       pu.enterprise_id,
			       case when mp.post in ('PROJECT_MANAGER', 'CHIEF_SUPERVISOR') then mp.person_id else pm.person_id end,
			       mp.person_id, mp.post,
			       jsonb_build_object(
			           'post', mp.post, 'tenureFrom', mp.tenure_from, 'tenureTo', mp.tenure_to,
			           'constructionDays', base.days, 'constructionDayCount', mp.base_n,
			           'attendedDays', att.days, 'attendedDayCount', mp.att_n,
			           'requiredPercent', mp.pct, 'actualPercent', round(mp.att_n * 100.0 / mp.base_n, 1),
			           'arithmetic', mp.att_n || ' × 100 = ' || mp.att_n * 100 || ' < ' || mp.base_n || ' × ' || mp.pct || ' = ' || mp.base_n * mp.pct,
			           'validDayRule', :validDayRule, 'stoppages', coalesce(st.list, '[]'::jsonb))
			from short mp
			     join participating_unit pu on pu.id = mp.participating_unit_id
			     cross join lateral (
			         select coalesce(jsonb_agg(md.day order by md.day), '[]'::jsonb) as days
			         from month_day md
			         where md.project_id = mp.project_id and md.day >= mp.tenure_from
			           and (mp.tenure_to is null or md.day <= mp.tenure_to)) base
			     cross join lateral (
			         select coalesce(jsonb_agg(dp.day order by dp.day), '[]'::jsonb) as days
			         from %2$s dp
			              join month_day md on md.project_id = dp.project_id and md.day = dp.day
			         where dp.project_id = mp.project_id and dp.person_id = mp.person_id and dp.day between :from and :to
			           and dp.day >= mp.tenure_from and (mp.tenure_to is null or dp.day <= mp.tenure_to)) att
			     left join lateral project_manager_during(mp.project_id, :from, :to) pm on true
			     left join lateral (
			         select jsonb_agg(jsonb_build_object('firstDay', s.first_day, 'lastDay', s.last_day, 'kind', s.kind,
			                                             'reason', s.reason) order by s.first_day) as list
			         from project_stoppage s
			         where s.project_id = mp.project_id and s.status = 'IN_FORCE' and s.first_day <= :to and (s.last_day is null or s.last_day >= :from)) st on true""".formatted(
			PersonnelReadModel.MANAGER_TENURE.sql(), AttendanceReadModel.VALID_DAY.sql(),
			AttendanceReadModel.PRESENT_IN_MONTH.sql());

	/**
	 * R3 for every project; the penalty threshold is the rule set's, the measure and party on either side of it
	 * are {@link Escalation}'s answers, passed as parameters. The workers with a valid day come from the month's
	 * presence counters ({@link AttendanceReadModel#PRESENT_IN_MONTH}, one row per project and person), not from the
	 * month's daily presence (thirty times as many rows).
	 */
	private static final String R3 = """
			insert into finding_candidate
			with engaged as (
			    select distinct w.project_id, w.person_id
			    from %1$s w
			    where exists (select 1 from month_day md
			                  where md.project_id = w.project_id and md.day >= w.entry_date
			                    and (w.exit_date is null or md.day <= w.exit_date))
			    union
			    select pw.project_id, pw.person_id
			    from %3$s(:from) pw
			    where :countsPayroll and exists (select 1 from month_day md where md.project_id = pw.project_id)
			),
			present as (
			    select pm.project_id, pm.person_id
			    from %2$s pm
			    where pm.month = :from /*SCOPE pm.project_id*/
			),
			tally as (
			    select e.project_id, count(*)::int as engaged, count(pr.person_id)::int as attended,
			           (array_agg(e.person_id order by e.person_id) filter (where pr.person_id is null))[1 : :absentListed] as absent
			    from engaged e left join present pr on pr.project_id = e.project_id and pr.person_id = e.person_id
			    group by e.project_id
			)
			select 'R3', t.project_id, '',
			       case when t.engaged - t.attended >= :penaltyFrom then :penaltyMeasure else :orderMeasure end,
			       case when t.engaged - t.attended >= :penaltyFrom then :penaltyParty else :orderParty end,
			       p.contractor_id, pm.person_id, null, null,
			       jsonb_build_object('engagedWorkers', t.engaged, 'workersWithValidDay', t.attended,
			                          'shortfall', t.engaged - t.attended, 'penaltyFrom', :penaltyFrom,
			                          'absentPersonIds', to_jsonb(t.absent), 'validDayRule', :validDayRule,
			                          'constructionDayCount', (select count(*) from month_day md where md.project_id = t.project_id))
			       || case when :countsPayroll then jsonb_build_object('payrollCounted', true) else '{}'::jsonb end
			from tally t
			     join project p on p.id = t.project_id
			     left join lateral project_manager_during(t.project_id, :from, :to) pm on true
			where t.engaged > t.attended""".formatted(PersonnelReadModel.WORKER_ENGAGEMENT.sql(),
			AttendanceReadModel.PRESENT_IN_MONTH.sql(), PayrollReadModel.PAYROLL_WORKERS.sql());

	/**
	 * R1 for every project, on the device module's read models; measure and party from {@link Escalation}. The projects
	 * are judged first (first day equipped, disconnected days); the declared installation, the list of construction
	 * days and the project manager are looked up only for the projects found.
	 */
	private static final String R1 = """
			insert into finding_candidate
			with found as materialized (
			    select p.id, p.start_date, p.contractor_id, c.n, dev.first_day, coalesce(off.n, 0) as off_n, off.days as off_days
			    from project p
			         join (select project_id, count(*)::int as n from month_day group by project_id) c on c.project_id = p.id
			         left join lateral (select min(a.from_day) as first_day from %3$s a where a.project_id = p.id) dev on true
			         left join lateral (
			             select count(*)::int as n, array_agg(md.day order by md.day) as days
			             from month_day md
			             where md.project_id = p.id and md.day < :today
			               and not exists (select 1 from %4$s dd
			                               where dd.project_id = p.id and dd.day between :from and :to and dd.day = md.day)) off on true
			    where dev.first_day is null or dev.first_day > p.start_date or coalesce(off.n, 0) >= :toleranceDays
			)
			select 'R1', f.id, '', :r1Measure, :r1Party, f.contractor_id, pm.person_id, null, null,
			       jsonb_build_object('startDate', f.start_date, 'firstDeviceFrom', f.first_day,
			                          'declaredInstallation', (select min(d.registered_on) from %1$s da join %2$s d on d.id = da.device_id
			                                                   where da.project_id = f.id),
			                          'equippedByStart', f.first_day is not null and f.first_day <= f.start_date,
			                          'constructionDayCount', f.n,
			                          'disconnectedDays', coalesce(to_jsonb(f.off_days), '[]'::jsonb),
			                          'constructionDays', (select jsonb_agg(md.day order by md.day) from month_day md where md.project_id = f.id),
			                          'disconnectedDayCount', f.off_n, 'toleranceDays', :toleranceDays)
			from found f
			     left join lateral project_manager_during(f.id, :from, :to) pm on true""".formatted(
			DeviceReadModel.ASSIGNMENT.sql(), DeviceReadModel.REGISTRATION.sql(), DeviceReadModel.OBSERVED_ASSIGNMENT.sql(),
			DeviceReadModel.HEARD_DAY.sql());

	/** R3 evidence lists at most this many absent workers (the counts are always complete). */
	static final int ABSENT_LISTED = 500;

	private final JdbcClient jdbc;

	private final TransactionTemplate tx;

	private final RuleSets ruleSets;

	private final CurrentActor actors;

	private final Clock clock;

	/** The month's registration ({@code evaluated_month}) is committed before the evaluation's transaction begins. */
	private final TransactionTemplate apart;

	private final PlannerStatistics statistics;

	MonthlyEvaluator(JdbcClient jdbc, TransactionTemplate tx, RuleSets ruleSets, CurrentActor actors, Clock clock,
			PlatformTransactionManager transactions, PlannerStatistics statistics) {
		this.jdbc = jdbc;
		this.tx = tx;
		this.apart = new TransactionTemplate(transactions);
		this.apart.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
		this.statistics = statistics;
		this.ruleSets = ruleSets;
		this.actors = actors;
		this.clock = clock;
	}

	/**
	 * Every night, the previous month: on the 1st this is the month that just ended; on the other
	 * days it picks up corrected inputs (a late backlog upload, a stoppage declared afterwards), which
	 * update the findings with a revision. Unchanged findings are left alone. Only the projects whose facts changed
	 * since the month's previous evaluation are judged again (the month's first evaluation judges all).
	 */
	@Scheduled(cron = "${siteroll.compliance.monthly-cron:0 30 2 * * *}", zone = "Asia/Shanghai")
	void afterMonthEnd() {
		Result result = run(YearMonth.now(clock).minusMonths(1), "system");
		log.info("Monthly evaluation of {}: {} projects, {} raised, {} updated, {} withdrawn in {} ms", result.month(),
				result.projects(), result.raised(), result.updated(), result.withdrawn(), result.took().toMillis());
	}

	@Override
	public Result evaluate(YearMonth month, boolean full) {
		requireMayEvaluate(actors, month, clock);
		return run(month, actors.get().username(), full);
	}

	/**
	 * Who may ask for which month's evaluation, at once or as a run with progress: a province officer, for a month
	 * that has ended by the platform's clock.
	 */
	static void requireMayEvaluate(CurrentActor actors, YearMonth month, Clock clock) {
		if (!actors.get().isProvince()) {
			throw new Forbidden("evaluation.province-only");
		}
		if (month == null) {
			throw RuleViolation.of("month", "required");
		}
		if (!month.isBefore(YearMonth.now(clock))) {
			throw RuleViolation.of("month", "evaluation.month-not-ended");
		}
	}

	/**
	 * An evaluation nobody watches (the nightly job, the API): run at once, and kept in the list of runs the province's
	 * page shows beside those started there, so that every evaluation of a month is on record in one place.
	 */
	Result run(YearMonth month, String by) {
		return run(month, by, false);
	}

	/** As {@link #run(YearMonth, String)}, judging every project of the month when {@code full}. */
	Result run(YearMonth month, String by, boolean full) {
		Instant started = clock.instant();
		Result result = run(month, by, full, EvaluationProgress.NONE);
		jdbc.sql("""
				insert into evaluation_run (month, state, step, started_by, started_at, finished_at, projects_total, projects_done,
				                            evaluation_id, raised, updated, withdrawn, unchanged)
				values (:month, 'DONE', :step, :by, :started, :finished, :projects, :projects, :evaluation, :raised, :updated,
				        :withdrawn, :unchanged)""")
			.param("month", month.atDay(1))
			.param("step", Step.FINDINGS.name())
			.param("by", by)
			.param("started", Timestamp.from(started))
			.param("finished", Timestamp.from(clock.instant()))
			.param("projects", result.projects())
			.param("evaluation", result.evaluationId())
			.param("raised", result.raised())
			.param("updated", result.updated())
			.param("withdrawn", result.withdrawn())
			.param("unchanged", result.unchanged())
			.update();
		return result;
	}

	/** Evaluates the month, telling {@code progress} as each step finishes (between statements, never inside one). */
	Result run(YearMonth month, String by, EvaluationProgress progress) {
		return run(month, by, false, progress);
	}

	/** As {@link #run(YearMonth, String, EvaluationProgress)}, judging every project of the month when {@code full}. */
	Result run(YearMonth month, String by, boolean full, EvaluationProgress progress) {
		return run(month, by, full, progress, ruleSets.inForce(month));
	}

	/** Evaluates the month under the given rule set (the one in force for it, but for tests). */
	Result run(YearMonth month, String by, EvaluationProgress progress, RuleSet rules) {
		return run(month, by, false, progress, rules);
	}

	/**
	 * Evaluates the month under the given rule set. Judges every project when {@code full} is asked, on the month's
	 * first evaluation, when the month's previous evaluation was under another rule set, and for a month not yet
	 * ended (its judgement depends on today); otherwise only the projects marked in {@code evaluation_dirty} since
	 * the previous evaluation (V32): the other projects' findings stand as they are, since nothing they rest on
	 * changed. Either way the month's marks are taken: those committed after this point stay for the next run.
	 */
	Result run(YearMonth month, String by, boolean full, EvaluationProgress progress, RuleSet rules) {
		Instant started = clock.instant();
		LocalDate from = month.atDay(1);
		LocalDate to = month.atEndOfMonth();
		boolean newlyTracked = register(from);
		Result result = tx.execute(status -> {
			jdbc.sql("select pg_advisory_xact_lock(hashtext('monthly-evaluation'), ?)").param((int) (from.toEpochDay()))
				.query().singleValue();
			Long previousRuleSet = jdbc.sql("""
					select rule_set_id from evaluation where month = ? and finished_at is not null order by id desc limit 1""")
				.param(from)
				.query(Long.class)
				.optional()
				.orElse(null);
			boolean whole = full || newlyTracked || previousRuleSet == null || previousRuleSet != rules.id()
					|| !month.isBefore(YearMonth.now(clock));
			jdbc.sql("create temp table evaluation_scope (project_id bigint primary key) on commit drop").update();
			jdbc.sql("""
					with taken as (delete from evaluation_dirty where month = ? returning project_id)
					insert into evaluation_scope select distinct project_id from taken""")
				.param(from)
				.update();
			jdbc.sql("analyze evaluation_scope").update();
			long evaluationId = jdbc.sql("""
					insert into evaluation (month, rule_set_id, triggered_by, full_evaluation) values (?, ?, ?, ?) returning id""")
				.params(from, rules.id(), by, whole)
				.query(Long.class)
				.single();
			Map<String, Object> p = new HashMap<>();
			p.put("from", from);
			p.put("to", to);
			p.put("today", LocalDate.now(clock));
			p.put("ruleSet", rules.id());
			p.put("toleranceDays", rules.offlineToleranceDays());
			p.put("validDayRule", rules.validDayRule().name());
			p.put("absentListed", ABSENT_LISTED);
			p.put("countsPayroll", rules.r3CountsPayroll());
			p.putAll(escalation(rules));
			long[] at = { System.nanoTime(), 0, 0, 0, 0, 0 };
			jdbc.sql(scoped(CONSTRUCTION_DAYS, whole)).params(p).update();
			jdbc.sql("create index on month_day (project_id, day)").update();
			jdbc.sql("analyze month_day").update();
			int projects = jdbc.sql("select count(distinct project_id) from month_day").query(Integer.class).single();
			at[1] = System.nanoTime();
			progress.finished(Step.CONSTRUCTION_DAYS, projects);
			jdbc.sql("""
					create temp table finding_candidate (
					    rule text, project_id bigint, subject text, measure text, responsible text,
					    responsible_enterprise_id bigint, responsible_person_id bigint, person_id bigint, post text,
					    evidence jsonb) on commit drop""").update();
			jdbc.sql(scoped(R2, whole)).params(p).update();
			at[2] = System.nanoTime();
			progress.finished(Step.MANAGERS, projects);
			jdbc.sql(scoped(R3, whole)).params(p).update();
			at[3] = System.nanoTime();
			progress.finished(Step.WORKERS, projects);
			jdbc.sql(R1).params(p).update();
			at[4] = System.nanoTime();
			progress.finished(Step.DEVICES, projects);
			Map<String, Integer> changes = merge(evaluationId, from, rules, whole);
			at[5] = System.nanoTime();
			progress.finished(Step.FINDINGS, projects);
			log.debug("Evaluation of {} ({}, {} projects): construction days {} ms, R2 {} ms, R3 {} ms, R1 {} ms, merge {} ms",
					month, whole ? "full" : "changed projects", projects, (at[1] - at[0]) / 1_000_000,
					(at[2] - at[1]) / 1_000_000, (at[3] - at[2]) / 1_000_000, (at[4] - at[3]) / 1_000_000,
					(at[5] - at[4]) / 1_000_000);
			// several months may be evaluated in one transaction (a retroactive rule-set adoption)
			jdbc.sql("drop table month_day, finding_candidate, evaluation_scope").update();
			jdbc.sql("""
					update evaluation set finished_at = ?, projects = ?, raised = ?, updated = ?, withdrawn = ?, unchanged = ?
					where id = ?""")
				.params(Timestamp.from(clock.instant()), projects, changes.get("raised"), changes.get("updated"),
						changes.get("withdrawn"), changes.get("unchanged"), evaluationId)
				.update();
			return new Result(evaluationId, month, rules.id(), projects, changes.get("raised"), changes.get("updated"),
					changes.get("withdrawn"), changes.get("unchanged"), Duration.between(started, clock.instant()), whole);
		});
		// every change is a finding written and a revision: tell the planner at once after a large write
		statistics.afterWrite(2L * (result.raised() + result.updated() + result.withdrawn()), "finding", "finding_revision");
		return result;
	}

	/**
	 * The statement for the whole month ({@code full}) or restricted to the projects in {@code evaluation_scope}: each
	 * {@code SCOPE} comment naming a column becomes a condition on that column.
	 */
	static String scoped(String sql, boolean full) {
		return SCOPE.matcher(sql).replaceAll(m -> full ? ""
				: "and " + m.group(1) + " in (select project_id from evaluation_scope)");
	}

	private static final Pattern SCOPE = Pattern.compile("/\\*SCOPE ([a-z_.]+)\\*/");

	private static final Duration WAIT_FOR_WRITERS = Duration.ofMinutes(1);

	/**
	 * Tracks the month (V32: changes to its facts leave marks from now on), committed before the evaluation begins.
	 * The first time, waits for the transactions already under way to end: one of them may have changed the month's
	 * facts without marking it (it did not yet know the month was tracked) and commit after the evaluation read them.
	 * Inside a caller's transaction (a retroactive adoption, which re-evaluates months already tracked) the month is
	 * registered in that transaction, without waiting. True when the month was not tracked before: its previous
	 * evaluation, if any, left no marks to go by (a month evaluated before V32), so this one judges every project.
	 */
	private boolean register(LocalDate month) {
		String insert = "insert into evaluated_month (month) values (?) on conflict do nothing";
		if (TransactionSynchronizationManager.isActualTransactionActive()) {
			return jdbc.sql(insert).param(month).update() > 0;
		}
		boolean inserted = Boolean.TRUE.equals(apart.execute(status -> jdbc.sql(insert).param(month).update() > 0));
		if (!inserted) {
			return false;
		}
		// taken once the month's row is committed: a transaction begun later sees it and marks its changes itself
		List<String> underWay = jdbc.sql("select x::text from pg_snapshot_xip(pg_current_snapshot()) x")
			.query(String.class)
			.list();
		long deadline = System.nanoTime() + WAIT_FOR_WRITERS.toNanos();
		while (!underWay.isEmpty() && System.nanoTime() < deadline) {
			underWay = jdbc.sql("select x from unnest(?::text[]) x where pg_xact_status(x::xid8) = 'in progress'")
				.param(underWay.toArray(String[]::new))
				.query(String.class)
				.list();
			if (!underWay.isEmpty()) {
				try {
					Thread.sleep(20);
				}
				catch (InterruptedException e) {
					Thread.currentThread().interrupt();
					return true;
				}
			}
		}
		if (!underWay.isEmpty()) {
			log.warn("Evaluating {} while transactions {} begun before it are still under way", month, underWay);
		}
		return true;
	}

	/**
	 * The measure and party of each broken rule, as {@link Escalation} answers them, for the statements to write into
	 * the candidates: R1's; R2's for each post (a JSON object by post, and the answer for a post the table does not
	 * know); R3's on either side of the rule set's penalty threshold.
	 */
	static Map<String, Object> escalation(RuleSet rules) {
		Map<String, Object> p = new HashMap<>();
		Escalation.Responsibility r1 = Escalation.responsibility(Rule.R1, null, 0, rules);
		p.put("r1Measure", r1.measure().name());
		p.put("r1Party", r1.party().name());
		Map<String, String> measures = new LinkedHashMap<>();
		Map<String, String> parties = new LinkedHashMap<>();
		for (Post post : Post.values()) {
			Escalation.Responsibility r2 = Escalation.responsibility(Rule.R2, post, 0, rules);
			measures.put(post.name(), r2.measure().name());
			parties.put(post.name(), r2.party().name());
		}
		Escalation.Responsibility unknownPost = Escalation.responsibility(Rule.R2, null, 0, rules);
		p.put("r2Measures", JSON.writeValueAsString(measures));
		p.put("r2Parties", JSON.writeValueAsString(parties));
		p.put("r2Measure", unknownPost.measure().name());
		p.put("r2Party", unknownPost.party().name());
		int penaltyFrom = rules.shortfallPenaltyFrom();
		Escalation.Responsibility penalty = Escalation.responsibility(Rule.R3, null, penaltyFrom, rules);
		Escalation.Responsibility order = Escalation.responsibility(Rule.R3, null, penaltyFrom - 1, rules);
		p.put("penaltyFrom", penaltyFrom);
		p.put("penaltyMeasure", penalty.measure().name());
		p.put("penaltyParty", penalty.party().name());
		p.put("orderMeasure", order.measure().name());
		p.put("orderParty", order.party().name());
		return p;
	}

	/** Merges the candidates into the month's findings; returns the counts of each kind of change. */
	private Map<String, Integer> merge(long evaluationId, LocalDate month, RuleSet rules, boolean full) {
		Map<String, Object> p = new HashMap<>();
		p.put("month", month);
		p.put("evaluation", evaluationId);
		p.put("ruleSet", rules.id());
		int raised = jdbc.sql("""
				with inserted as (
				    insert into finding (month, rule, project_id, subject, status, measure, responsible,
				                         responsible_enterprise_id, responsible_person_id, person_id, post, rule_set_id,
				                         legal_basis, measures_text, evidence)
				    select :month, c.rule, c.project_id, c.subject, 'OPEN', c.measure, c.responsible,
				           c.responsible_enterprise_id, c.responsible_person_id, c.person_id, c.post, rs.id,
				           rs.basis -> c.rule ->> 'basis', rs.basis -> c.rule ->> 'measures', c.evidence
				    from finding_candidate c cross join rule_set rs
				    where rs.id = :ruleSet
				    on conflict (month, rule, project_id, subject) do nothing
				    returning id, measure, evidence)
				insert into finding_revision (finding_id, evaluation_id, change, measure, evidence)
				select id, :evaluation, 'RAISED', measure, evidence from inserted""")
			.params(p)
			.update();
		int changed = jdbc.sql("""
				with target as (
				    select f.id, case when f.status = 'WITHDRAWN' then 'REINSTATED' else 'UPDATED' end as change, c.*
				    from finding f
				         join finding_candidate c on c.rule = f.rule and c.project_id = f.project_id and c.subject = f.subject
				    where f.month = :month
				      and (f.status = 'WITHDRAWN' or f.evidence is distinct from c.evidence or f.measure <> c.measure
				           or f.responsible <> c.responsible or f.rule_set_id <> :ruleSet
				           or f.responsible_person_id is distinct from c.responsible_person_id)
				),
				updated as (
				    update finding f set status = 'OPEN', measure = t.measure, responsible = t.responsible,
				           responsible_enterprise_id = t.responsible_enterprise_id,
				           responsible_person_id = t.responsible_person_id, rule_set_id = rs.id,
				           legal_basis = rs.basis -> t.rule ->> 'basis', measures_text = rs.basis -> t.rule ->> 'measures',
				           evidence = t.evidence, updated_at = now()
				    from target t, rule_set rs
				    where f.id = t.id and rs.id = :ruleSet
				    returning f.id)
				insert into finding_revision (finding_id, evaluation_id, change, measure, evidence)
				select t.id, :evaluation, t.change, t.measure, t.evidence from target t join updated u on u.id = t.id""")
			.params(p)
			.update();
		int withdrawn = jdbc.sql(scoped("""
				with gone as (
				    update finding f set status = 'WITHDRAWN', updated_at = now()
				    where f.month = :month and f.status = 'OPEN' /*SCOPE f.project_id*/
				      and not exists (select 1 from finding_candidate c
				                      where c.rule = f.rule and c.project_id = f.project_id and c.subject = f.subject)
				    returning f.id, f.measure, f.evidence)
				insert into finding_revision (finding_id, evaluation_id, change, measure, evidence)
				select id, :evaluation, 'WITHDRAWN', measure, evidence from gone""", full))
			.params(p)
			.update();
		int candidates = jdbc.sql("select count(*) from finding_candidate").query(Integer.class).single();
		Map<String, Integer> counts = new HashMap<>();
		counts.put("raised", raised);
		counts.put("updated", changed);
		counts.put("withdrawn", withdrawn);
		counts.put("unchanged", candidates - raised - changed);
		return counts;
	}
}
