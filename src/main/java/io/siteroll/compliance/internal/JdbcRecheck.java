package io.siteroll.compliance.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Map;

import io.siteroll.compliance.Recheck;
import io.siteroll.compliance.RuleSet;
import io.siteroll.compliance.RuleSets;
import io.siteroll.platform.Conflict;
import io.siteroll.platform.RuleViolation;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

@Service
class JdbcRecheck implements Recheck {

	private final JdbcClient jdbc;

	private final RuleSets ruleSets;

	private final Clock clock;

	JdbcRecheck(JdbcClient jdbc, RuleSets ruleSets, Clock clock) {
		this.jdbc = jdbc;
		this.ruleSets = ruleSets;
		this.clock = clock;
	}

	@Override
	public Verdict judge(String rule, long projectId, Long personId, LocalDate deadline) {
		LocalDate today = LocalDate.now(clock);
		return switch (rule) {
			case "R2" -> r2(projectId, personId, deadline, today);
			case "R1" -> r1(projectId, deadline, today);
			case "R3" -> r3(projectId, deadline, today);
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
		Map<String, Object> tally = jdbc.sql("""
				select mp.post, count(distinct d) as base,
				       count(distinct dp.day) as attended
				from manager_post mp
				     cross join lateral construction_days(mp.project_id, greatest(?::date, mp.tenure_from),
				                                          least(?::date, coalesce(mp.tenure_to, ?::date))) d
				     left join daily_presence dp on dp.project_id = mp.project_id and dp.person_id = mp.person_id
				                                and dp.day = d and dp.valid
				where mp.project_id = ? and mp.person_id = ? and mp.tenure_from <= ? and (mp.tenure_to is null or mp.tenure_to >= ?)
				group by mp.post
				order by count(distinct d) desc limit 1""")
			.params(month.atDay(1), month.atEndOfMonth(), month.atEndOfMonth(), projectId, personId, month.atEndOfMonth(),
					month.atDay(1))
			.query()
			.listOfRows()
			.stream()
			.findFirst()
			.orElse(Map.of("base", 0L, "attended", 0L));
		long base = ((Number) tally.get("base")).longValue();
		long attended = ((Number) tally.get("attended")).longValue();
		int pct = tally.get("post") != null && rules.keyPosts().contains((String) tally.get("post")) ? rules.keyPostPercent()
				: rules.otherPostPercent();
		boolean rectified = base == 0 || attended * 100 >= base * pct;
		return new Verdict(rectified, month.atDay(1), month.atEndOfMonth(),
				new R2RecheckEvidence(month, rules.code(), (int) base, (int) attended, pct));
	}

	private int constructionDays(long projectId, LocalDate from, LocalDate to) {
		return jdbc.sql("select count(*) from construction_days(?, ?, ?)").params(projectId, from, to).query(Integer.class)
			.single();
	}

	private Verdict r1(long projectId, LocalDate deadline, LocalDate today) {
		LocalDate from = deadline.plusDays(1);
		LocalDate to = today.minusDays(1);
		int days = to.isBefore(from) ? 0 : constructionDays(projectId, from, to);
		if (days == 0) {
			throw new Conflict("deadline", "recheck.too-early", from.plusDays(1));
		}
		Map<String, Object> evidence = jdbc.sql("""
				select exists (select 1 from observed_device_assignment a
				               where a.project_id = ? and a.from_day <= ? and (a.to_day is null or a.to_day >= ?)) as equipped,
				       (select count(*) from construction_days(?, ?, ?) d
				        where not exists (select 1 from device_day dd where dd.project_id = ? and dd.day = d)) as disconnected""")
			.params(projectId, from, to, projectId, from, to, projectId)
			.query()
			.singleRow();
		R1RecheckEvidence e = new R1RecheckEvidence(Boolean.TRUE.equals(evidence.get("equipped")),
				((Number) evidence.get("disconnected")).intValue(), days);
		return new Verdict(e.equipped() && e.disconnectedDayCount() == 0, from, to, e);
	}

	private Verdict r3(long projectId, LocalDate deadline, LocalDate today) {
		LocalDate from = deadline.plusDays(1);
		LocalDate to = today.minusDays(1);
		int days = to.isBefore(from) ? 0 : constructionDays(projectId, from, to);
		if (days == 0) {
			throw new Conflict("deadline", "recheck.too-early", from.plusDays(1));
		}
		Map<String, Object> tally = jdbc.sql("""
				with cd as (select d::date as day from construction_days(?, ?, ?) d),
				engaged as (select distinct w.person_id from worker_engagement w
				            where w.project_id = ? and exists (select 1 from cd where cd.day >= w.entry_date
				                                                 and (w.exit_date is null or cd.day <= w.exit_date))),
				present as (select distinct dp.person_id from daily_presence dp
				            where dp.project_id = ? and dp.valid and dp.day between ? and ?)
				select (select count(*) from engaged) as engaged,
				       (select count(*) from engaged e where e.person_id in (select person_id from present)) as attended""")
			.params(projectId, from, to, projectId, projectId, from, to)
			.query()
			.singleRow();
		int engaged = ((Number) tally.get("engaged")).intValue();
		int attended = ((Number) tally.get("attended")).intValue();
		return new Verdict(engaged == attended, from, to, new R3RecheckEvidence(engaged, attended, engaged - attended, days));
	}
}
