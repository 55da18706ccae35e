package io.siteroll.national;

import java.util.Set;

/** Fields of the payloads whose values travel AES-encrypted ({@link FieldCipher}): identity and bank numbers. */
public final class NationalField {

	private static final Set<String> ENCRYPTED = Set.of("idCardNumber", "pmIDCardNumber", "teamLeaderIDNumber",
			"responsiblePersonIDNumber", "legalManIDCardNumber", "payRollBankCardNumber", "payBankCardNumber",
			"bankNumber");

	private NationalField() {
	}

	/** The names of the encrypted fields, wherever they stand in a payload. */
	public static Set<String> encrypted() {
		return ENCRYPTED;
	}

	/** Whether a field of this name travels encrypted. */
	public static boolean isEncrypted(String name) {
		return ENCRYPTED.contains(name);
	}
}
