package io.siteroll.compliance.internal;

import java.time.LocalDate;

import io.siteroll.compliance.AttendanceRates.Level;
import io.siteroll.compliance.AttendanceRates.Period;
import org.springframework.context.ApplicationContext;

/**
 * For the benchmarks: the attendance rate computed from the definition itself, without the tally, as the platform
 * (the province's scope), to measure the tally against the live query in the same run. Returns the rows counted.
 */
public final class LiveAttendanceRates {

	private LiveAttendanceRates() {
	}

	public static int rates(ApplicationContext context, Level level, Period period, LocalDate from, LocalDate to) {
		return context.getBean(AttendanceRateQueries.class).liveRates(level, period, from, to, null).size();
	}

	/** Coverage from the device module's facts (two {@code exists} per started project), as before the tally held it. */
	public static int coverage(ApplicationContext context, Level level, LocalDate day) {
		return context.getBean(AttendanceRateQueries.class).liveCoverage(level, day, null).size();
	}

	/**
	 * Whether callers who see a whole region read the tally's per-region roll-up (the default) or the per-project
	 * tally as before it: the benchmark times both paths in one run.
	 */
	public static void rollUp(ApplicationContext context, boolean on) {
		context.getBean(AttendanceRateQueries.class).rollUp = on;
	}

	public static int dutyRates(ApplicationContext context, Level level, Period period, LocalDate from, LocalDate to) {
		return context.getBean(AttendanceRateQueries.class).liveDutyRates(level, period, from, to, null).size();
	}
}
