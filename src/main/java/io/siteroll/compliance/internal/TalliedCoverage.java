package io.siteroll.compliance.internal;

import java.time.LocalDate;
import java.util.Map;

import io.siteroll.project.CoverageConditions;
import io.siteroll.project.CoverageState;
import org.springframework.stereotype.Component;

/**
 * The projects behind a coverage figure: the same tally rows and flags {@link AttendanceRateQueries#coverage} counts
 * (a started project has a tally row for the day; equipped and connected are its flags), after the tally has caught
 * up with every write, so the list shows exactly the projects the figure counts.
 */
@Component
class TalliedCoverage implements CoverageConditions {

	private final AttendanceTally tally;

	TalliedCoverage(AttendanceTally tally) {
		this.tally = tally;
	}

	@Override
	public Condition of(CoverageState state, LocalDate day, String projectIdColumn) {
		tally.ensure(day, day);
		String flag = switch (state) {
			case STARTED -> "";
			case EQUIPPED -> " and ct.equipped";
			case NO_DEVICE -> " and not ct.equipped";
			case CONNECTED -> " and ct.connected";
			case NOT_CONNECTED -> " and not ct.connected";
		};
		return new Condition("exists (select 1 from attendance_tally ct where ct.project_id = " + projectIdColumn
				+ " and ct.day = :coverage_day" + flag + ")", Map.of("coverage_day", day));
	}
}
