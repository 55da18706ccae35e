package io.siteroll.device.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

import io.siteroll.device.internal.DeviceCredentials.KnownDevice;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;

/**
 * The access rules every pushing gate (ZKTeco, Hikvision, Dahua, Uface) is held to before its body is
 * read, defined once: deny by default (a gate with neither a key nor source networks is refused), the
 * source networks when configured, the key compared by its SHA-256, and the one-line text answer of a
 * refusal. How a gate carries its key differs per protocol and stays with its filter.
 */
final class GateAccess {

	/** Why a request is refused before its body is read. */
	record Refusal(int status, String rule) {
	}

	private GateAccess() {
	}

	/**
	 * The refusal for a gate that has no credential configured ({@code unconfiguredRule}) or whose
	 * request comes from outside its source networks; null when the source is acceptable.
	 */
	static Refusal sourceRefusal(KnownDevice device, String remoteAddress, String unconfiguredRule) {
		boolean hasNetworks = !device.zkNetworks().isEmpty();
		if (device.zkKeyHash() == null && !hasNetworks) {
			return new Refusal(401, unconfiguredRule);
		}
		if (hasNetworks && device.zkNetworks().stream().noneMatch(n -> n.contains(remoteAddress))) {
			return new Refusal(403, "device.source-not-allowed");
		}
		return null;
	}

	static boolean keyMatches(KnownDevice device, String key) {
		return MessageDigest.isEqual(keyHash(key), device.zkKeyHash());
	}

	/** SHA-256 of the key's UTF-8 bytes: how the platform keeps a gate's key. */
	static byte[] keyHash(String key) {
		try {
			return MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
		}
		catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException(e);
		}
	}

	/**
	 * Answers a refused gate with one line ({@code ERROR: <rule>}) and logs it without the path (a vendor
	 * gate's path carries its key) and without the body.
	 */
	static void refuse(Logger log, String kind, HttpServletRequest request, HttpServletResponse response, int status,
			String rule, String serial) throws IOException {
		log.info("{} request refused: {} serial={} from={} rule={}", kind, request.getMethod(),
				serial == null ? null : (serial.length() > 64 ? serial.substring(0, 64) : serial).replaceAll("\\p{Cntrl}", "?"),
				request.getRemoteAddr(), rule);
		response.setStatus(status);
		response.setContentType("text/plain;charset=UTF-8");
		response.setHeader("Connection", "close");
		response.getWriter().write("ERROR: " + rule);
	}
}
