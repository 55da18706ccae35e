package io.siteroll.enterprise;

import io.siteroll.platform.RuleViolation;

/**
 * 统一社会信用代码 (GB 32100-2015): 18 characters from a 31-character alphabet, the last one a check
 * character computed with weights 3^(i-1) mod 31. Lower case is accepted and stored upper case.
 */
public record CreditCode(String value) {

	static final String ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY";

	private static final int[] WEIGHTS = { 1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28 };

	public CreditCode {
		if (value == null || value.length() != 18) {
			throw RuleViolation.rule("credit-code.length");
		}
		for (int i = 0; i < 18; i++) {
			if (ALPHABET.indexOf(value.charAt(i)) < 0) {
				throw RuleViolation.rule("credit-code.alphabet");
			}
		}
		if (value.charAt(17) != checkCharacter(value.substring(0, 17))) {
			throw RuleViolation.rule("credit-code.check-character");
		}
	}

	public static CreditCode of(String raw) {
		return new CreditCode(raw == null ? null : raw.strip().toUpperCase());
	}

	/** The check character for the first 17 characters. */
	public static char checkCharacter(String first17) {
		int sum = 0;
		for (int i = 0; i < 17; i++) {
			sum += ALPHABET.indexOf(first17.charAt(i)) * WEIGHTS[i];
		}
		return ALPHABET.charAt((31 - sum % 31) % 31);
	}

	/** Registration region (positions 3–8). */
	public String regionCode() {
		return value.substring(2, 8);
	}

	@Override
	public String toString() {
		return value;
	}
}
