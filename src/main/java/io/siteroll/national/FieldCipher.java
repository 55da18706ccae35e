package io.siteroll.national;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;

import javax.crypto.Cipher;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * The national platform's field encryption of identity and bank numbers: AES-256-CBC with PKCS#7 padding, the key the
 * UTF-8 bytes of the 32-character appsecret, the IV its first 16 characters, the result in Base64. Which fields are
 * encrypted is {@link NationalField#encrypted()}.
 */
public final class FieldCipher {

	private final SecretKeySpec key;

	private final IvParameterSpec iv;

	/** A cipher under the appsecret, which must be 32 characters (256 bits). */
	public FieldCipher(String appsecret) {
		if (appsecret == null || appsecret.getBytes(StandardCharsets.UTF_8).length != 32) {
			throw new IllegalArgumentException("the appsecret is 32 ASCII characters");
		}
		byte[] bytes = appsecret.getBytes(StandardCharsets.UTF_8);
		this.key = new SecretKeySpec(bytes, "AES");
		this.iv = new IvParameterSpec(bytes, 0, 16);
	}

	/** The field as sent: Base64 of the ciphertext. */
	public String encrypt(String clear) {
		try {
			Cipher cipher = Cipher.getInstance("AES/CBC/PKCS5Padding");
			cipher.init(Cipher.ENCRYPT_MODE, key, iv);
			return Base64.getEncoder().encodeToString(cipher.doFinal(clear.getBytes(StandardCharsets.UTF_8)));
		}
		catch (GeneralSecurityException e) {
			throw new IllegalStateException("AES/CBC is part of every Java runtime", e);
		}
	}

	/** The field in clear; {@link UnreadableField} when it is not Base64 or not encrypted under this secret. */
	public String decrypt(String sent) {
		try {
			Cipher cipher = Cipher.getInstance("AES/CBC/PKCS5Padding");
			cipher.init(Cipher.DECRYPT_MODE, key, iv);
			return new String(cipher.doFinal(Base64.getDecoder().decode(sent)), StandardCharsets.UTF_8);
		}
		catch (IllegalArgumentException | GeneralSecurityException e) {
			throw new UnreadableField();
		}
	}

	/** Decrypts, in place, every {@link NationalField#encrypted()} field wherever it stands in the payload. */
	public void decryptFields(tools.jackson.databind.JsonNode payload) {
		if (payload instanceof tools.jackson.databind.node.ObjectNode object) {
			for (java.util.Map.Entry<String, tools.jackson.databind.JsonNode> field : new java.util.ArrayList<>(object.properties())) {
				if (NationalField.isEncrypted(field.getKey()) && field.getValue().isString()) {
					object.put(field.getKey(), decrypt(field.getValue().asString()));
				}
				else {
					decryptFields(field.getValue());
				}
			}
		}
		else if (payload instanceof tools.jackson.databind.node.ArrayNode array) {
			array.forEach(this::decryptFields);
		}
	}

	/** Encrypts, in place, the {@link NationalField#encrypted()} fields of one record (not of nested ones). */
	public void encryptFields(tools.jackson.databind.node.ObjectNode record) {
		for (java.util.Map.Entry<String, tools.jackson.databind.JsonNode> field : new java.util.ArrayList<>(record.properties())) {
			if (NationalField.isEncrypted(field.getKey()) && field.getValue().isString()) {
				record.put(field.getKey(), encrypt(field.getValue().asString()));
			}
		}
	}

	/** A field that does not decrypt under the caller's secret. */
	public static final class UnreadableField extends RuntimeException {

		UnreadableField() {
			super("the field does not decrypt under the caller's appsecret", null, false, false);
		}
	}
}
