package io.siteroll.compliance.internal;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.siteroll.attendance.AttendanceReadModel;
import io.siteroll.compliance.AttendanceRates;
import io.siteroll.device.DeviceReadModel;
import io.siteroll.personnel.PersonnelReadModel;
import io.siteroll.platform.Checks;
import io.siteroll.project.ProjectAccess;
import io.siteroll.region.RegionSubtree;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

@Service
class AttendanceRateQueries implements AttendanceRates {

	static final int MAX_DAYS = 366;

	private final JdbcClient jdbc;

	private final ProjectAccess access;

	private final AttendanceTally tally;

	/**
	 * Whether a caller who sees every project of the region reads the tally's per-region roll-up (divisions, trends,
	 * coverage above the projects); off only to measure or test the per-project sums it replaces.
	 */
	volatile boolean rollUp = true;

	AttendanceRateQueries(JdbcClient jdbc, ProjectAccess access, AttendanceTally tally) {
		this.jdbc = jdbc;
		this.access = access;
		this.tally = tally;
	}

	/** The group key and its display name for a level, over project {@code p} and its region {@code r}. */
	private static String[] group(Level level) {
		return switch (level) {
			case PROJECT -> new String[] { "p.id::text", "p.name" };
			case COUNTY -> new String[] { "r.code", "r.name" };
			case CITY -> new String[] { "split_part(r.path, '/', 2)",
					"(select c.name from region c where c.code = split_part(r.path, '/', 2))" };
			case PROVINCE -> new String[] { "'220000'", "'吉林省'" };
		};
	}

	private static Map<String, Object> params(ProjectAccess.Scope scope, LocalDate from, LocalDate to, String region) {
		Map<String, Object> params = new HashMap<>(scope.params());
		params.put("from", from);
		params.put("to", to);
		params.put("region", RegionSubtree.parameter(region));
		return params;
	}

	private static String bucket(Period period) {
		return period == Period.DAY ? "t.day" : "date_trunc('month', t.day)::date";
	}

	/** A percentage to one decimal, half up, as the API has always answered; none of nothing. */
	static Double percent(long part, long whole) {
		return whole == 0 ? null : Math.round(part * 1000.0 / whole) / 10.0;
	}

	/** A period's question: every part given, {@code to} not before {@code from}, at most {@link #MAX_DAYS} days. */
	private static void validate(Level level, Period period, LocalDate from, LocalDate to) {
		Checks checks = new Checks();
		checks.required("level", level);
		checks.required("period", period);
		checks.required("from", from);
		checks.required("to", to);
		if (from != null && to != null) {
			checks.check(!to.isBefore(from), "to", "date.before-start");
			checks.check(ChronoUnit.DAYS.between(from, to) < MAX_DAYS, "to", "range.too-long", MAX_DAYS);
		}
		checks.throwIfAny();
	}

	/** The display name of a group's key {@code g.key}, looked up once per group (not once per row summed). */
	private static String name(Level level) {
		return switch (level) {
			case PROJECT -> "(select x.name from project x where x.id = g.key::bigint)";
			case COUNTY, CITY -> "(select x.name from region x where x.code = g.key)";
			case PROVINCE -> "'吉林省'";
		};
	}

	@Override
	public List<Rate> rates(Level level, Period period, LocalDate from, LocalDate to, String region) {
		return ratesAndDuty(level, period, from, to, region).stream()
			.filter(r -> r.registeredWorkerDays() > 0)
			.map(r -> new Rate(r.key(), r.name(), r.period(), r.registeredWorkerDays(), r.attendedWorkerDays(),
					percent(r.attendedWorkerDays(), r.registeredWorkerDays())))
			.toList();
	}

	/**
	 * Sums the tally's four columns per group and period over the caller's projects, after the tally has caught up
	 * with every write ({@link AttendanceTally}): the same figures as {@link #liveRates} and {@link #liveDutyRates},
	 * which compute them from the definition. A group and period count when anything is due on either side, so the
	 * rates are those with worker-days, the duty rates those with post-days. Whole calendar months read the monthly
	 * sums; any other range the days (the monthly sums hold every day of the month, also those after {@code to}).
	 */
	@Override
	public List<RateAndDuty> ratesAndDuty(Level level, Period period, LocalDate from, LocalDate to, String region) {
		return ratesAndDuty(level, period, from, to, region, rollUp);
	}

	/**
	 * {@link #ratesAndDuty(Level, Period, LocalDate, LocalDate, String)}; above the projects, for a caller who sees
	 * every project of the region and with {@code mayRollUp}, summed from the per-region roll-up of the tally (the same
	 * sums, added up per region and day beforehand).
	 */
	List<RateAndDuty> ratesAndDuty(Level level, Period period, LocalDate from, LocalDate to, String region,
			boolean mayRollUp) {
		validate(level, period, from, to);
		tally.ensure(from, to);
		if (mayRollUp && level != Level.PROJECT && access.seesEveryProjectOf(region)) {
			return rolledUp(level, period, from, to, region);
		}
		ProjectAccess.Scope scope = access.visibleProjects("p.id");
		Map<String, Object> params = params(scope, from, to, region);
		String[] key = group(level);
		boolean wholeMonths = period == Period.MONTH && from.getDayOfMonth() == 1
				&& to.equals(YearMonth.from(to).atEndOfMonth());
		String table = wholeMonths ? "attendance_tally_month" : "attendance_tally";
		String days = wholeMonths ? "t.month between :from and :to" : "t.day between :from and :to and t.construction";
		String bucket = wholeMonths ? "t.month" : bucket(period);
		return jdbc.sql("""
				select g.key, %2$s as name, g.bucket, g.engaged, g.attended, g.due, g.duty_attended from (
				    select %1$s as key, %3$s as bucket, sum(t.workers_engaged) as engaged,
				           sum(t.workers_attended) as attended, sum(t.key_posts_due) as due,
				           sum(t.key_posts_attended) as duty_attended
				    from %4$s t join project p on p.id = t.project_id join region r on r.code = p.region_code
				    where %5$s and %6$s and %7$s
				      and (t.workers_engaged > 0 or t.key_posts_due > 0)
				    group by 1, 2) g
				order by 3, 1""".formatted(key[0], name(level), bucket, table, days, scope.sql(), RegionSubtree.REGION_R_OR_ALL))
			.params(params)
			.query(AttendanceRateQueries::rateAndDuty)
			.list();
	}

	/** The groups' sums from the per-region roll-up: a group and period count when anything is due on either side. */
	private List<RateAndDuty> rolledUp(Level level, Period period, LocalDate from, LocalDate to, String region) {
		return jdbc.sql("""
				select g.key, %2$s as name, g.bucket, g.engaged, g.attended, g.due, g.duty_attended from (
				    select %1$s as key, %3$s as bucket, sum(t.workers_engaged) as engaged,
				           sum(t.workers_attended) as attended, sum(t.key_posts_due) as due,
				           sum(t.key_posts_attended) as duty_attended
				    from attendance_tally_region_day t join region r on r.code = t.region_code
				    where t.day between :from and :to
				      and %4$s
				    group by 1, 2
				    having sum(t.workers_engaged) > 0 or sum(t.key_posts_due) > 0) g
				order by 3, 1""".formatted(group(level)[0], name(level), bucket(period), RegionSubtree.REGION_R_OR_ALL))
			.params(params(new ProjectAccess.Scope("true", Map.of()), from, to, region))
			.query(AttendanceRateQueries::rateAndDuty)
			.list();
	}

	private static RateAndDuty rateAndDuty(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
		return new RateAndDuty(rs.getString("key"), rs.getString("name"), rs.getDate("bucket").toLocalDate(),
				rs.getLong("engaged"), rs.getLong("attended"), rs.getLong("due"), rs.getLong("duty_attended"));
	}

	/** The attendance rate computed from the definition itself, without the tally: the baseline it is tested against. */
	List<Rate> liveRates(Level level, Period period, LocalDate from, LocalDate to, String region) {
		return live(level, period, from, to, region, "", """
				join %s w on w.project_id = cd.project_id and w.entry_date <= cd.day
				                                 and (w.exit_date is null or w.exit_date >= cd.day)
				         left join %s dp on dp.project_id = cd.project_id and dp.day = cd.day and dp.person_id = w.person_id"""
			.formatted(PersonnelReadModel.WORKER_ENGAGEMENT.sql(), AttendanceReadModel.VALID_DAY.sql()))
			.stream()
			.map(r -> new Rate(r.key(), r.name(), r.bucket(), r.due(), r.attended(), r.percent()))
			.toList();
	}

	/**
	 * Each key post held on each construction day is one post-day due; it is attended when its holder has a valid
	 * day on the project that day. The key posts are those of the rule set in force in the day's month (as R2 judges
	 * a month under its rule set), so a range across an adoption counts each month by its own list.
	 */
	@Override
	public List<DutyRate> dutyRates(Level level, Period period, LocalDate from, LocalDate to, String region) {
		return ratesAndDuty(level, period, from, to, region).stream()
			.filter(r -> r.postDays() > 0)
			.map(r -> new DutyRate(r.key(), r.name(), r.period(), r.postDays(), r.attendedPostDays(),
					percent(r.attendedPostDays(), r.postDays())))
			.toList();
	}

	/** The duty rate computed from the definition itself, without the tally: the baseline it is tested against. */
	List<DutyRate> liveDutyRates(Level level, Period period, LocalDate from, LocalDate to, String region) {
		return live(level, period, from, to, region, """
				in_force as (
				    select m::date as month,
				           (select a.rule_set_id from rule_set_adoption a where a.effective_from <= m::date
				            order by a.effective_from desc limit 1) as rule_set_id
				    from generate_series(date_trunc('month', cast(:from as date)), cast(:to as date), interval '1 month') m),""", """
				join in_force f on f.month = date_trunc('month', cd.day)::date
				         join rule_set rs on rs.id = f.rule_set_id
				         join %s mt on mt.project_id = cd.project_id and mt.tenure_from <= cd.day
				                               and (mt.tenure_to is null or mt.tenure_to >= cd.day)
				         left join %s dp on dp.project_id = cd.project_id and dp.day = cd.day and dp.person_id = mt.person_id
				    where key_post(mt.post, rs)"""
			.formatted(PersonnelReadModel.MANAGER_TENURE.sql(), AttendanceReadModel.VALID_DAY.sql()))
			.stream()
			.map(r -> new DutyRate(r.key(), r.name(), r.bucket(), r.due(), r.attended(), r.percent()))
			.toList();
	}

	/** One group's days due and attended in one period, as the live baselines count them. */
	private record LiveRow(String key, String name, LocalDate bucket, long due, long attended) {

		Double percent() {
			return due == 0 ? null : Math.round(attended * 1000.0 / due) / 10.0;
		}
	}

	/**
	 * The live baselines' one statement: each construction day of each visible started project of the region, joined
	 * ({@code dueJoin}, which may use further common tables {@code moreTables}) to what is due that day, counting what
	 * was due and what was attended, summed by group and period.
	 */
	private List<LiveRow> live(Level level, Period period, LocalDate from, LocalDate to, String region, String moreTables,
			String dueJoin) {
		validate(level, period, from, to);
		ProjectAccess.Scope scope = access.visibleProjects("p.id");
		Map<String, Object> params = new HashMap<>(scope.params());
		params.put("from", from);
		params.put("to", to);
		params.put("region", RegionSubtree.parameter(region));
		String[] key = group(level);
		String bucket = period == Period.DAY ? "cd.day" : "date_trunc('month', cd.day)::date";
		return jdbc.sql("""
				with scoped as (
				    select p.id from project p join region r on r.code = p.region_code
				    where %s and %7$s
				      and p.start_date is not null and p.start_date <= :to),
				%s
				cd as (
				    select s.id as project_id, d::date as day from scoped s cross join lateral construction_days(s.id, :from, :to) d),
				tally as (
				    select cd.project_id, %s as bucket, count(*) as due, count(dp.person_id) as attended
				    from cd
				         %s
				    group by cd.project_id, bucket)
				select %s as key, %s as name, t.bucket, sum(t.due) as due, sum(t.attended) as attended
				from tally t join project p on p.id = t.project_id join region r on r.code = p.region_code
				group by 1, 2, 3 order by 3, 1""".formatted(scope.sql(), moreTables, bucket, dueJoin, key[0], key[1], RegionSubtree.REGION_R_OR_ALL))
			.params(params)
			.query((rs, n) -> new LiveRow(rs.getString("key"), rs.getString("name"), rs.getDate("bucket").toLocalDate(),
					rs.getLong("due"), rs.getLong("attended")))
			.list();
	}

	/**
	 * Started projects on the day and how many of them were equipped and connected, from the tally's flags (kept with
	 * its other figures, V28): above the projects, for a caller who sees every project of the region, from the
	 * per-region roll-up.
	 */
	@Override
	public List<Coverage> coverage(Level level, LocalDate day, String region) {
		return coverage(level, day, region, rollUp);
	}

	List<Coverage> coverage(Level level, LocalDate day, String region, boolean mayRollUp) {
		Checks checks = new Checks();
		checks.required("level", level);
		checks.required("day", day);
		checks.throwIfAny();
		tally.ensure(day, day);
		String[] key = group(level);
		if (mayRollUp && level != Level.PROJECT && access.seesEveryProjectOf(region)) {
			return jdbc.sql("""
					select g.key, %2$s as name, g.started, g.equipped, g.connected from (
					    select %1$s as key, sum(t.started) as started, sum(t.equipped) as equipped,
					           sum(t.connected) as connected
					    from attendance_tally_region_day t join region r on r.code = t.region_code
					    where t.day = :day and %3$s
					    group by 1 having sum(t.started) > 0) g
					order by 1""".formatted(key[0], name(level), RegionSubtree.REGION_R_OR_ALL))
				.param("day", day)
				.param("region", RegionSubtree.parameter(region))
				.query((rs, n) -> new Coverage(rs.getString("key"), rs.getString("name"), day, rs.getLong("started"),
						rs.getLong("equipped"), rs.getLong("connected")))
				.list();
		}
		ProjectAccess.Scope scope = access.visibleProjects("p.id");
		Map<String, Object> params = new HashMap<>(scope.params());
		params.put("day", day);
		params.put("region", RegionSubtree.parameter(region));
		return jdbc.sql("""
				select %s as key, %s as name, count(*) as started, count(*) filter (where t.equipped) as equipped,
				       count(*) filter (where t.connected) as connected
				from attendance_tally t join project p on p.id = t.project_id join region r on r.code = p.region_code
				where t.day = :day and %s
				  and %4$s
				group by 1, 2 order by 1""".formatted(key[0], key[1], scope.sql(), RegionSubtree.REGION_R_OR_ALL))
			.params(params)
			.query((rs, n) -> new Coverage(rs.getString("key"), rs.getString("name"), day, rs.getLong("started"),
					rs.getLong("equipped"), rs.getLong("connected")))
			.list();
	}

	/** Coverage computed from the device module's facts, without the tally: the baseline it is tested against. */
	List<Coverage> liveCoverage(Level level, LocalDate day, String region) {
		ProjectAccess.Scope scope = access.visibleProjects("p.id");
		Map<String, Object> params = new HashMap<>(scope.params());
		params.put("day", day);
		params.put("region", RegionSubtree.parameter(region));
		String[] key = group(level);
		return jdbc.sql("""
				select %s as key, %s as name, count(*) as started,
				       count(*) filter (where exists (select 1 from %s a
				                                      where a.project_id = p.id and a.from_day <= :day
				                                        and (a.to_day is null or a.to_day >= :day))) as equipped,
				       count(*) filter (where exists (select 1 from %s dd
				                                      where dd.project_id = p.id and dd.day = :day)) as connected
				from project p join region r on r.code = p.region_code
				where %s and %6$s
				  and p.start_date <= :day and (p.completion_date is null or p.completion_date >= :day)
				group by 1, 2 order by 1""".formatted(key[0], key[1], DeviceReadModel.ASSIGNMENT.sql(),
					DeviceReadModel.HEARD_DAY.sql(), scope.sql(), RegionSubtree.REGION_R_OR_ALL))
			.params(params)
			.query((rs, n) -> new Coverage(rs.getString("key"), rs.getString("name"), day, rs.getLong("started"),
					rs.getLong("equipped"), rs.getLong("connected")))
			.list();
	}
}
