package io.siteroll.device.internal;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;


import io.siteroll.device.DeviceSignature;
import io.siteroll.device.internal.DeviceCredentials.KnownDevice;
import io.siteroll.platform.Messages;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Authenticates every request of the platform's device API ({@code /api/device/v1/*}):
 * <pre>
 * X-Device-Serial: the device's serial number
 * X-Timestamp:     Unix seconds, within ±5 minutes of the platform clock
 * X-Nonce:         16 to 64 characters [A-Za-z0-9_-], never used twice by the device
 * X-Signature:     hex HMAC-SHA256(secret, METHOD \n PATH[?QUERY] \n TIMESTAMP \n NONCE \n hex SHA-256(body))
 * </pre>
 * A request that fails any check gets 401 before any handler runs, so it changes nothing; its nonce
 * is not spent. Everything but the signature is checked before the body is read; the body is read
 * only up to the limit (413 beyond). A verified request spends its nonce and is marked as heard from the device.
 */
class SignedRequests extends GateRequestFilter {

	private static final Logger log = LoggerFactory.getLogger(SignedRequests.class);

	static final Duration TOLERANCE = Duration.ofMinutes(5);


	private final Messages messages;

	private final Clock clock;

	private final NonceBook nonces;

	SignedRequests(DeviceCredentials credentials, DeviceContact contact, NonceBook nonces, Messages messages, Clock clock,
			int maxBodyBytes) {
		super(credentials, contact, maxBodyBytes);
		this.nonces = nonces;
		this.messages = messages;
		this.clock = clock;
	}

	@Override
	protected void authenticate(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String serial = request.getHeader("X-Device-Serial");
		String timestamp = request.getHeader("X-Timestamp");
		String nonce = request.getHeader("X-Nonce");
		String signature = request.getHeader("X-Signature");
		if (serial == null || timestamp == null || nonce == null || signature == null) {
			refuse(request, response, 401, "device.signature-missing", serial);
			return;
		}
		Optional<KnownDevice> device = credentials.find(serial);
		if (device.isEmpty() || device.get().protocol().isVendorPush()) {
			refuse(request, response, 401, "device.unknown", serial);
			return;
		}
		long seconds;
		try {
			seconds = Long.parseLong(timestamp.strip());
		}
		catch (NumberFormatException e) {
			refuse(request, response, 401, "device.timestamp-stale", serial);
			return;
		}
		Instant now = clock.instant();
		if (Math.abs(now.getEpochSecond() - seconds) > TOLERANCE.toSeconds()) {
			refuse(request, response, 401, "device.timestamp-stale", serial);
			return;
		}
		if (!nonceFormat(nonce)) {
			refuse(request, response, 401, "device.nonce-format", serial);
			return;
		}
		byte[] body = readBody(request.getInputStream());
		if (body == null) {
			refuse(request, response, 413, "device.body-too-large", serial);
			return;
		}
		String path = request.getRequestURI() + (request.getQueryString() == null ? "" : "?" + request.getQueryString());
		String expected = DeviceSignature.sign(device.get().secret(), request.getMethod(), path, timestamp.strip(), nonce, body);
		if (!MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII),
				signature.strip().toLowerCase(Locale.ROOT).getBytes(StandardCharsets.US_ASCII))) {
			refuse(request, response, 401, "device.signature-invalid", serial);
			return;
		}
		if (!nonces.spend(device.get().id(), nonce)) {
			refuse(request, response, 401, "device.nonce-replayed", serial);
			return;
		}
		contact.heard(device.get());
		request.setAttribute(DeviceCredentials.REQUEST_ATTRIBUTE, device.get());
		chain.doFilter(new CachedBody(request, body), response);
	}

	/** 16 to 64 of {@code [A-Za-z0-9_-]}. */
	static boolean nonceFormat(String nonce) {
		if (nonce.length() < 16 || nonce.length() > 64) {
			return false;
		}
		for (int i = 0; i < nonce.length(); i++) {
			char c = nonce.charAt(i);
			if (!(c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '_' || c == '-')) {
				return false;
			}
		}
		return true;
	}

	private byte[] readBody(InputStream in) throws IOException {
		return readBounded(in, maxBodyBytes);
	}

	/** The body, or null when it is longer than {@code limit} (never reads more than one byte beyond). */
	static byte[] readBounded(InputStream in, int limit) throws IOException {
		byte[] bytes = in.readNBytes(limit + 1);
		return bytes.length > limit ? null : bytes;
	}

	@Override
	protected void refuse(HttpServletRequest request, HttpServletResponse response, int status, String rule,
			String serial)
			throws IOException {
		log.info("Device request refused: {} {} serial={} rule={}", request.getMethod(), request.getRequestURI(), serial,
				rule);
		String language = request.getHeader("Accept-Language");
		Locale locale = language != null && language.strip().toLowerCase(Locale.ROOT).startsWith("en") ? Locale.ENGLISH
				: Messages.CHINESE;
		String detail = messages.get(locale, "rule." + rule);
		response.setStatus(status);
		response.setContentType("application/problem+json;charset=UTF-8");
		response.getWriter()
			.write("{\"type\":\"https://siteroll.io/problems/device-authentication\",\"status\":" + status
					+ ",\"title\":" + quote(messages.get(locale, "problem.device.title")) + ",\"detail\":" + quote(detail)
					+ ",\"rule\":" + quote(rule) + "}");
	}

	private static String quote(String s) {
		StringBuilder b = new StringBuilder("\"");
		for (char c : s.toCharArray()) {
			switch (c) {
				case '"' -> b.append("\\\"");
				case '\\' -> b.append("\\\\");
				case '\n' -> b.append("\\n");
				default -> {
					if (c < 0x20) {
						b.append(String.format("\\u%04x", (int) c));
					}
					else {
						b.append(c);
					}
				}
			}
		}
		return b.append('"').toString();
	}

	/** The request with its body read once and replayed to the handler. */
	static class CachedBody extends HttpServletRequestWrapper {

		private final byte[] body;

		CachedBody(HttpServletRequest request, byte[] body) {
			super(request);
			this.body = body;
		}

		@Override
		public ServletInputStream getInputStream() {
			ByteArrayInputStream in = new ByteArrayInputStream(body);
			return new ServletInputStream() {
				@Override
				public int read() {
					return in.read();
				}

				@Override
				public int read(byte[] b, int off, int len) {
					return in.read(b, off, len);
				}

				@Override
				public boolean isFinished() {
					return in.available() == 0;
				}

				@Override
				public boolean isReady() {
					return true;
				}

				@Override
				public void setReadListener(ReadListener listener) {
					throw new UnsupportedOperationException();
				}
			};
		}

		@Override
		public int getContentLength() {
			return body.length;
		}

		@Override
		public long getContentLengthLong() {
			return body.length;
		}
	}
}
