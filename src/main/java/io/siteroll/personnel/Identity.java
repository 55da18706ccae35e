package io.siteroll.personnel;

import java.time.LocalDate;

import io.siteroll.platform.RuleViolation;
import io.siteroll.privacy.Masking;

/**
 * A person's identity document: national type code (人员证件类型) and number. Resident identity cards
 * (type 01) are checked by GB 11643; other documents by form only.
 */
public record Identity(String type, String number, LocalDate birthDate, String sexCode) {

	public static final String RESIDENT_ID_CARD = "01";

	public static Identity of(String type, String number, LocalDate today) {
		String t = type == null || type.isBlank() ? RESIDENT_ID_CARD : type.strip();
		if (RESIDENT_ID_CARD.equals(t)) {
			IdNumber id = IdNumber.of(number, today);
			return new Identity(t, id.value(), id.birthDate(), id.sexCode());
		}
		if (number == null || number.isBlank()) {
			throw RuleViolation.rule("required");
		}
		String v = number.strip().toUpperCase();
		if (!v.matches("[A-Z0-9()\\-]{5,30}")) {
			throw RuleViolation.rule("id-document.format");
		}
		return new Identity(t, v, null, null);
	}

	/** The key of the blind index: type and number together. */
	public String indexKey() {
		return type + ":" + number;
	}

	public String masked() {
		return Masking.idNumber(number);
	}

	@Override
	public String toString() {
		return type + ":" + masked();
	}
}
