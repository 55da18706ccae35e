package io.siteroll.personnel;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Set;
import java.util.regex.Pattern;

import io.siteroll.platform.RuleViolation;
import io.siteroll.privacy.Masking;

/**
 * 公民身份号码 (GB 11643-1999): 6-digit address code, birth date YYYYMMDD, 3-digit sequence (odd 17th
 * digit = male) and a check character. Lower-case {@code x} is accepted and stored upper case.
 * Old 15-digit numbers are refused: the holder's current 18-digit number must be used.
 */
public final class IdNumber {

	private static final int[] WEIGHTS = { 7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2 };

	private static final String CHECK = "10X98765432";

	/** Province-level codes (first two digits) in use in GB/T 2260. */
	private static final Set<String> PROVINCES = Set.of("11", "12", "13", "14", "15", "21", "22", "23", "31", "32", "33",
			"34", "35", "36", "37", "41", "42", "43", "44", "45", "46", "50", "51", "52", "53", "54", "61", "62", "63",
			"64", "65", "71", "81", "82", "83");

	private final String value;

	private final LocalDate birthDate;

	private IdNumber(String value, LocalDate birthDate) {
		this.value = value;
		this.birthDate = birthDate;
	}

	/**
	 * True when the text has the shape of an identity number (15 digits, or 17 digits and a digit or
	 * X), whether or not its check character is right: such text is personal data and is never kept
	 * in clear.
	 */
	public static boolean looksLike(String text) {
		return text != null && SHAPE.matcher(text.strip()).matches();
	}

	private static final Pattern SHAPE = Pattern.compile("\\d{15}|\\d{17}[\\dXx]");

	public static IdNumber of(String raw) {
		return of(raw, null);
	}

	/** Parses and checks a resident ID number; {@code today} (if given) bounds the birth date. */
	public static IdNumber of(String raw, LocalDate today) {
		if (raw == null || raw.isBlank()) {
			throw RuleViolation.rule("required");
		}
		String v = raw.strip().toUpperCase();
		if (v.length() == 15 && v.chars().allMatch(Character::isDigit)) {
			throw RuleViolation.rule("id-number.legacy-15");
		}
		if (!v.matches("\\d{17}[\\dX]")) {
			throw RuleViolation.rule("id-number.format");
		}
		if (!PROVINCES.contains(v.substring(0, 2))) {
			throw RuleViolation.rule("id-number.address-code");
		}
		LocalDate birth;
		try {
			birth = LocalDate.of(Integer.parseInt(v.substring(6, 10)), Integer.parseInt(v.substring(10, 12)),
					Integer.parseInt(v.substring(12, 14)));
		}
		catch (DateTimeException e) {
			throw RuleViolation.rule("id-number.birth-date");
		}
		if (birth.getYear() < 1900 || (today != null && birth.isAfter(today))) {
			throw RuleViolation.rule("id-number.birth-date");
		}
		if (v.charAt(17) != checkCharacter(v.substring(0, 17))) {
			throw RuleViolation.rule("id-number.check-digit");
		}
		return new IdNumber(v, birth);
	}

	public static char checkCharacter(String first17) {
		int sum = 0;
		for (int i = 0; i < 17; i++) {
			sum += (first17.charAt(i) - '0') * WEIGHTS[i];
		}
		return CHECK.charAt(sum % 11);
	}

	public String value() {
		return value;
	}

	public LocalDate birthDate() {
		return birthDate;
	}

	/** Platform sex code: 0 男 (odd 17th digit), 1 女 (even). */
	public String sexCode() {
		return (value.charAt(16) - '0') % 2 == 1 ? "0" : "1";
	}

	public String addressCode() {
		return value.substring(0, 6);
	}

	@Override
	public boolean equals(Object o) {
		return o instanceof IdNumber other && other.value.equals(value);
	}

	@Override
	public int hashCode() {
		return value.hashCode();
	}

	/** Masked: a clear ID number never reaches a log through {@code toString}. */
	@Override
	public String toString() {
		return Masking.idNumber(value);
	}
}
