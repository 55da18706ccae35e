package io.siteroll.campaign;

import io.siteroll.platform.RuleViolation;

/**
 * A number a department's contact answers: a mainland mobile number (11 digits starting 13–19) or an office line
 * with its area code (0431-88905678, 043188905678, extension after a dash: 0431-88905678-123). Spaces are dropped,
 * the area code's dash is kept as typed.
 */
public record PhoneNumber(String value) {

	private static final String MOBILE = "1[3-9]\\d{9}";

	private static final String OFFICE = "0\\d{2,3}-?\\d{7,8}(-\\d{1,6})?";

	public PhoneNumber {
		if (value == null || !(value.matches(MOBILE) || value.matches(OFFICE))) {
			throw RuleViolation.rule("phone.format");
		}
	}

	public static PhoneNumber of(String raw) {
		return new PhoneNumber(raw == null ? null : raw.replace(" ", "").replace('\u2014', '-').replace('－', '-'));
	}

	public boolean mobile() {
		return value.matches(MOBILE);
	}

	@Override
	public String toString() {
		return value;
	}
}
