package io.siteroll.payroll;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;

/**
 * 欠薪预警, the payroll side: a worker with valid attendance days in a month and no paid wage line for it by the
 * month's pay date. Compliance's warnings are to raise and clear the warning from this (see docs/payroll.md).
 */
public interface WageArrears {

	record UnpaidWorker(long personId, long validDays) {
	}

	/** The arrears of a month on a project, as of now. */
	record Arrears(YearMonth month, LocalDate payDate, boolean due, List<UnpaidWorker> workers) {
	}

	/** The day by which a month's wages are paid (configured day of the following month). */
	LocalDate payDate(YearMonth month);

	/** The workers of the project not (yet) paid for the month; {@code due} once the pay date has passed. */
	Arrears of(long projectId, YearMonth month);
}
