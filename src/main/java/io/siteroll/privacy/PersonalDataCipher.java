package io.siteroll.privacy;

/**
 * Encrypts personal data at rest with SM4-GCM. Each ciphertext is bound to its purpose (for example
 * {@code person.id_number}) as associated data, so a value cannot be moved to another column and
 * still decrypt.
 */
public interface PersonalDataCipher {

	byte[] encrypt(String purpose, String clear);

	byte[] encryptBytes(String purpose, byte[] clear);

	/** Decrypts without auditing: for internal use only (never to show). See {@link PersonalDataReveals}. */
	String decrypt(String purpose, byte[] cipher);

	byte[] decryptBytes(String purpose, byte[] cipher);

	/** HMAC-SM3 blind index: equal inputs give equal indexes; the input cannot be recovered from it. */
	byte[] blindIndex(String purpose, String clear);
}
