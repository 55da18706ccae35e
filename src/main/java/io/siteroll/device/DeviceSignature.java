package io.siteroll.device;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The signature of a device API request (docs/device-api.md): hex HMAC-SHA256 with the device
 * secret (its UTF-8 bytes) as key, over
 * {@code METHOD \n PATH[?QUERY] \n TIMESTAMP \n NONCE \n hex(SHA-256(body))}.
 */
public final class DeviceSignature {

	private static final HexFormat HEX = HexFormat.of();

	private DeviceSignature() {
	}

	public static String canonical(String method, String pathAndQuery, String timestamp, String nonce, byte[] body) {
		try {
			return method.toUpperCase(Locale.ROOT) + "\n" + pathAndQuery + "\n" + timestamp + "\n" + nonce + "\n"
					+ HEX.formatHex(MessageDigest.getInstance("SHA-256").digest(body));
		}
		catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException(e);
		}
	}

	public static String sign(String secret, String method, String pathAndQuery, String timestamp, String nonce,
			byte[] body) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
			return HEX.formatHex(mac.doFinal(
					canonical(method, pathAndQuery, timestamp, nonce, body).getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException | InvalidKeyException e) {
			throw new IllegalStateException(e);
		}
	}
}
