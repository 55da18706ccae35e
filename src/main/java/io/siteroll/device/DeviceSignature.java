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

	/** Looking the algorithms up costs more than using them: each thread keeps its own instances. */
	private static final ThreadLocal<MessageDigest> SHA256 = ThreadLocal.withInitial(() -> {
		try {
			return MessageDigest.getInstance("SHA-256");
		}
		catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException(e);
		}
	});

	private static final ThreadLocal<Mac> HMAC = ThreadLocal.withInitial(() -> {
		try {
			return Mac.getInstance("HmacSHA256");
		}
		catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException(e);
		}
	});

	private DeviceSignature() {
	}

	public static String canonical(String method, String pathAndQuery, String timestamp, String nonce, byte[] body) {
		MessageDigest sha256 = SHA256.get();
		sha256.reset();
		return method.toUpperCase(Locale.ROOT) + "\n" + pathAndQuery + "\n" + timestamp + "\n" + nonce + "\n"
				+ HEX.formatHex(sha256.digest(body));
	}

	public static String sign(String secret, String method, String pathAndQuery, String timestamp, String nonce,
			byte[] body) {
		try {
			Mac mac = HMAC.get();
			mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
			return HEX.formatHex(mac.doFinal(
					canonical(method, pathAndQuery, timestamp, nonce, body).getBytes(StandardCharsets.UTF_8)));
		}
		catch (InvalidKeyException e) {
			throw new IllegalStateException(e);
		}
	}
}
