package io.siteroll.personnel;

import io.siteroll.platform.RuleViolation;
import io.siteroll.privacy.Masking;

/** A worker's personal wage card (工资卡): 16–19 digits passing the Luhn check (ISO/IEC 7812). */
public final class BankCardNumber {

	private final String value;

	private BankCardNumber(String value) {
		this.value = value;
	}

	public static BankCardNumber of(String raw) {
		if (raw == null || raw.isBlank()) {
			throw RuleViolation.rule("required");
		}
		String v = raw.replace(" ", "").strip();
		if (!v.matches("\\d{16,19}")) {
			throw RuleViolation.rule("bank-card.format");
		}
		if (!luhn(v)) {
			throw RuleViolation.rule("bank-card.luhn");
		}
		return new BankCardNumber(v);
	}

	public static boolean luhn(String digits) {
		int sum = 0;
		boolean twice = false;
		for (int i = digits.length() - 1; i >= 0; i--) {
			int d = digits.charAt(i) - '0';
			if (twice) {
				d *= 2;
				if (d > 9) {
					d -= 9;
				}
			}
			sum += d;
			twice = !twice;
		}
		return sum % 10 == 0;
	}

	public String value() {
		return value;
	}

	public String masked() {
		return Masking.bankCard(value);
	}

	@Override
	public String toString() {
		return masked();
	}
}
