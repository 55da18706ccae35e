package io.siteroll.platform;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * What a person typed into a form field, read the one way every page reads it: an empty field is no value
 * ({@code null}); anything else is read or refused on that field with the rule it broke.
 */
public final class TypedInput {

	private TypedInput() {
	}

	/** A day written yyyy-MM-dd within the platform's range ({@link Dates#day}); refused on {@code field}. */
	public static LocalDate day(String field, String typed) {
		if (blank(typed)) {
			return null;
		}
		try {
			return Dates.day(typed);
		}
		catch (RuleViolation e) {
			throw new RuleViolation(e.violations().stream().map(v -> v.atField(field)).toList());
		}
	}

	/** An amount of money in yuan; thousands separators are allowed. Otherwise {@code money.amount}. */
	public static BigDecimal amount(String field, String typed) {
		return decimal(field, typed == null ? null : typed.replace(",", ""), "money.amount");
	}

	/** A decimal number; otherwise {@code number}. */
	public static BigDecimal number(String field, String typed) {
		return decimal(field, typed, "number");
	}

	/** A record's id as chosen in a form, or {@code null} when none or not a number (the caller says what is missing). */
	public static Long id(String typed) {
		if (blank(typed)) {
			return null;
		}
		try {
			return Long.valueOf(typed.strip());
		}
		catch (NumberFormatException e) {
			return null;
		}
	}

	private static BigDecimal decimal(String field, String typed, String rule) {
		if (blank(typed)) {
			return null;
		}
		try {
			return new BigDecimal(typed.strip());
		}
		catch (NumberFormatException e) {
			throw RuleViolation.of(field, rule);
		}
	}

	private static boolean blank(String typed) {
		return typed == null || typed.isBlank();
	}
}
