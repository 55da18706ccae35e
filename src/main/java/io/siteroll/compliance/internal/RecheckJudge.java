package io.siteroll.compliance.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;

import io.siteroll.attendance.AttendanceReadModel;
import io.siteroll.compliance.Recheck;
import io.siteroll.compliance.Rule;
import io.siteroll.compliance.RuleSet;
import io.siteroll.compliance.RuleSets;
import io.siteroll.device.DeviceReadModel;
import io.siteroll.personnel.PersonnelReadModel;
import io.siteroll.platform.Conflict;
import io.siteroll.platform.RuleViolation;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * The re-checks judge a rule exactly as the monthly evaluation does, with the same definitions: R2 through
 * {@code required_percent} and {@code attendance_short}, the facts through the read models of the modules that own
 * them.
 */
@Service
class RecheckJudge implements Recheck {

	private final JdbcClient jdbc;

	private final RuleSets ruleSets;

	private final Clock clock;

	RecheckJudge(JdbcClient jdbc, RuleSets ruleSets, Clock clock) {
		this.jdbc = jdbc;
		this.ruleSets = ruleSets;
		this.clock = clock;
	}

	@Override
	public Verdict judge(Rule rule, long projectId, Long personId, LocalDate deadline) {
		LocalDate today = LocalDate.now(clock);
		return switch (rule) {
			case R2 -> r2(projectId, personId, deadline, today);
			case R1 -> r1(projectId, windowAfter(projectId, deadline, today));
			case R3 -> r3(projectId, windowAfter(projectId, deadline, today));
			default -> throw RuleViolation.of("rule", "recheck.needs-inspection");
		};
	}

	/** The post's month judged as the monthly evaluation judges it, for this one person, on today's facts. */
	private Verdict r2(long projectId, Long personId, LocalDate deadline, LocalDate today) {
		YearMonth month = YearMonth.from(deadline).plusMonths(1);
		if (!month.isBefore(YearMonth.from(today))) {
			throw new Conflict("deadline", "recheck.too-early", month.atEndOfMonth().plusDays(1));
		}
		RuleSet rules = ruleSets.inForce(month);
		record Tally(int base, int attended, int percent, boolean rectified) {
		}
		Tally tally = jdbc.sql("""
				select t.base, t.attended, required_percent(t.post, rs) as pct,
				       not attendance_short(t.attended, t.base, required_percent(t.post, rs)) as rectified
				from (select mp.post, count(distinct d) as base, count(distinct dp.day) as attended
				      from %1$s mp
				           cross join lateral construction_days(mp.project_id, greatest(:from, mp.tenure_from),
				                                                least(:to, coalesce(mp.tenure_to, :to))) d
				           left join %2$s dp on dp.project_id = mp.project_id and dp.person_id = mp.person_id and dp.day = d
				      where mp.project_id = :project and mp.person_id = :person
				        and mp.tenure_from <= :to and (mp.tenure_to is null or mp.tenure_to >= :from)
				      group by mp.post
				      order by count(distinct d) desc limit 1) t
				     join rule_set rs on rs.id = :ruleSet""".formatted(PersonnelReadModel.MANAGER_TENURE.sql(),
					AttendanceReadModel.VALID_DAY.sql()))
			.param("from", month.atDay(1))
			.param("to", month.atEndOfMonth())
			.param("project", projectId)
			.param("person", personId)
			.param("ruleSet", rules.id())
			.query((rs, n) -> new Tally(rs.getInt("base"), rs.getInt("attended"), rs.getInt("pct"), rs.getBoolean("rectified")))
			.optional()
			// no tenure in the month: nothing to attend, nothing short
			.orElse(new Tally(0, 0, rules.otherPostPercent(), true));
		return new Verdict(tally.rectified(), month.atDay(1), month.atEndOfMonth(),
				new R2RecheckEvidence(month, rules.code(), tally.base(), tally.attended(), tally.percent()));
	}

	private int constructionDays(long projectId, LocalDate from, LocalDate to) {
		return jdbc.sql("select count(*) from construction_days(?, ?, ?)").params(projectId, from, to).query(Integer.class)
			.single();
	}

	/** The days a re-check of R1 or R3 judges: from the day after the deadline to yesterday, with its construction days. */
	private record Window(LocalDate from, LocalDate to, int constructionDays) {
	}

	/** The window after {@code deadline}; refused while it holds no construction day yet (nothing to judge). */
	private Window windowAfter(long projectId, LocalDate deadline, LocalDate today) {
		LocalDate from = deadline.plusDays(1);
		LocalDate to = today.minusDays(1);
		int days = to.isBefore(from) ? 0 : constructionDays(projectId, from, to);
		if (days == 0) {
			throw new Conflict("deadline", "recheck.too-early", from.plusDays(1));
		}
		return new Window(from, to, days);
	}

	private Verdict r1(long projectId, Window window) {
		LocalDate from = window.from();
		LocalDate to = window.to();
		// R1's own tolerance (1 in both rule sets: no disconnected day at all), from the rule set in force at the end
		RuleSet rules = ruleSets.inForce(YearMonth.from(to));
		R1RecheckEvidence e = jdbc.sql("""
				select exists (select 1 from %1$s a
				               where a.project_id = ? and a.from_day <= ? and (a.to_day is null or a.to_day >= ?)) as equipped,
				       (select count(*) from construction_days(?, ?, ?) d
				        where not exists (select 1 from %2$s dd where dd.project_id = ? and dd.day = d)) as disconnected"""
				.formatted(DeviceReadModel.OBSERVED_ASSIGNMENT.sql(), DeviceReadModel.HEARD_DAY.sql()))
			.params(projectId, from, to, projectId, from, to, projectId)
			.query((rs, n) -> new R1RecheckEvidence(rs.getBoolean("equipped"), rs.getInt("disconnected"),
					window.constructionDays(), rules.offlineToleranceDays()))
			.single();
		return new Verdict(e.equipped() && e.disconnectedDayCount() < e.toleranceDays(), from, to, e);
	}

	private Verdict r3(long projectId, Window window) {
		LocalDate from = window.from();
		LocalDate to = window.to();
		R3RecheckEvidence e = jdbc.sql("""
				with cd as (select d::date as day from construction_days(?, ?, ?) d),
				engaged as (select distinct w.person_id from %1$s w
				            where w.project_id = ? and exists (select 1 from cd where cd.day >= w.entry_date
				                                                 and (w.exit_date is null or cd.day <= w.exit_date))),
				present as (select distinct dp.person_id from %2$s dp
				            where dp.project_id = ? and dp.day between ? and ?)
				select (select count(*) from engaged) as engaged,
				       (select count(*) from engaged e where e.person_id in (select person_id from present)) as attended"""
				.formatted(PersonnelReadModel.WORKER_ENGAGEMENT.sql(), AttendanceReadModel.VALID_DAY.sql()))
			.params(projectId, from, to, projectId, projectId, from, to)
			.query((rs, n) -> new R3RecheckEvidence(rs.getInt("engaged"), rs.getInt("attended"),
					rs.getInt("engaged") - rs.getInt("attended"), window.constructionDays()))
			.single();
		return new Verdict(e.shortfall() == 0, from, to, e);
	}
}
