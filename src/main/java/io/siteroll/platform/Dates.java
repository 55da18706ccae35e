package io.siteroll.platform;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;

/**
 * The one range of calendar dates the platform accepts, from any input (JSON bodies, query and path
 * parameters, forms): 2000-01-01 (the earliest rule set's adoption) to 9999-12-31. Dates are written
 * {@code yyyy-MM-dd}, months {@code yyyy-MM}; anything else (numbers, other shapes, impossible days) is
 * refused with a rule naming the expected format.
 */
public final class Dates {

	public static final LocalDate EARLIEST = LocalDate.of(2000, 1, 1);

	public static final LocalDate LATEST = LocalDate.of(9999, 12, 31);

	private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("uuuu-MM-dd")
		.withResolverStyle(ResolverStyle.STRICT);

	private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("uuuu-MM")
		.withResolverStyle(ResolverStyle.STRICT);

	private Dates() {
	}

	/** A day written yyyy-MM-dd within the platform's range; otherwise {@code date.format} or {@code date.range}. */
	public static LocalDate day(String text) {
		LocalDate day;
		try {
			day = LocalDate.parse(text.strip(), DAY);
		}
		catch (DateTimeParseException e) {
			throw RuleViolation.rule("date.format");
		}
		return inRange(day);
	}

	/** A month written yyyy-MM within the platform's range; otherwise {@code month.format} or {@code date.range}. */
	public static YearMonth month(String text) {
		YearMonth month;
		try {
			month = YearMonth.parse(text.strip(), MONTH);
		}
		catch (DateTimeParseException e) {
			throw RuleViolation.rule("month.format");
		}
		inRange(month.atDay(1));
		return month;
	}

	public static LocalDate inRange(LocalDate day) {
		if (day != null && (day.isBefore(EARLIEST) || day.isAfter(LATEST))) {
			throw RuleViolation.rule("date.range", EARLIEST.toString(), LATEST.toString());
		}
		return day;
	}
}
