package io.siteroll.compliance.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;

import io.siteroll.attendance.AttendanceReadModel;
import io.siteroll.compliance.Escalation;
import io.siteroll.compliance.InspectionShortfall;
import io.siteroll.compliance.Rule;
import io.siteroll.compliance.RuleSet;
import io.siteroll.compliance.RuleSets;
import io.siteroll.personnel.PersonnelReadModel;
import io.siteroll.platform.Checks;
import io.siteroll.project.ProjectAccess;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * R3 on an inspection day: the arithmetic here, the measure and the responsible party from {@link Escalation}, the
 * facts from attendance's and personnel's read models.
 */
@Service
class InspectionDayJudge implements InspectionShortfall {

	private final JdbcClient jdbc;

	private final ProjectAccess access;

	private final RuleSets ruleSets;

	private final Clock clock;

	InspectionDayJudge(JdbcClient jdbc, ProjectAccess access, RuleSets ruleSets, Clock clock) {
		this.jdbc = jdbc;
		this.access = access;
		this.ruleSets = ruleSets;
		this.clock = clock;
	}

	@Override
	public Result judge(long projectId, LocalDate day, Integer headcount) {
		Checks checks = new Checks();
		checks.required("day", day);
		checks.required("headcount", headcount);
		if (headcount != null) {
			checks.check(headcount >= 0, "headcount", "number.at-least", 0);
		}
		if (day != null) {
			checks.check(!day.isAfter(LocalDate.now(clock)), "day", "date.in-future");
		}
		checks.throwIfAny();
		access.requireVisible(projectId);
		RuleSet rules = ruleSets.inForce(YearMonth.from(day));
		List<Long> present = jdbc.sql("""
				select dp.person_id from %1$s dp
				where dp.project_id = ? and dp.day = ?
				  and exists (select 1 from %2$s w where w.project_id = dp.project_id and w.person_id = dp.person_id)
				order by dp.person_id""".formatted(AttendanceReadModel.VALID_DAY.sql(), PersonnelReadModel.WORKER_ENGAGEMENT.sql()))
			.params(projectId, day)
			.query(Long.class)
			.list();
		int shortfall = Math.max(0, headcount - present.size());
		Escalation.Responsibility due = shortfall == 0 ? null : Escalation.responsibility(Rule.R3, null, shortfall, rules);
		return new Result(projectId, day, headcount, present.size(), shortfall, due == null ? null : due.measure(),
				due == null ? null : due.party(), rules.id(), rules.code(),
				rules.basis().get("R3").get("basis"), present);
	}
}
