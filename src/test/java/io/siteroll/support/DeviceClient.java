package io.siteroll.support;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;

import io.siteroll.device.DeviceSignature;
import tools.jackson.databind.json.JsonMapper;

/** A gate speaking the platform's signed device API, as a vendor would implement it. */
public final class DeviceClient {

	private static final SecureRandom RANDOM = new SecureRandom();

	private static final JsonMapper JSON = JsonMapper.builder().findAndAddModules().build();

	private final HttpClient http;

	private final String base;

	private final String serial;

	private final String secret;

	/** Seconds added to the clock when signing (to test stale timestamps). */
	private long clockShiftSeconds;

	/** The gate's own clock: the system's, or the suite's movable platform clock for a platform in this JVM. */
	private java.time.Clock clock = java.time.Clock.systemUTC();

	public DeviceClient(String base, String serial, String secret) {
		this(HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build(), base, serial, secret);
	}

	public DeviceClient(HttpClient http, String base, String serial, String secret) {
		this.http = http;
		this.base = base;
		this.serial = serial;
		this.secret = secret;
	}

	/** A live, inbound pass ({@code attendType} 001) as the platform's device API takes it in a batch. */
	public static Map<String, Object> pass(String eventId, long personId, OffsetDateTime at) {
		Map<String, Object> p = new LinkedHashMap<>();
		p.put("eventId", eventId);
		p.put("personId", Long.toString(personId));
		p.put("time", at.truncatedTo(ChronoUnit.SECONDS).toString());
		p.put("direction", "IN");
		p.put("attendType", "001");
		p.put("liveness", "PASS");
		p.put("livenessScore", 0.97);
		return p;
	}

	public String serial() {
		return serial;
	}

	public DeviceClient shiftedClock(long seconds) {
		DeviceClient c = timedBy(new DeviceClient(http, base, serial, secret));
		c.clockShiftSeconds = seconds;
		return c;
	}

	public DeviceClient withSecret(String otherSecret) {
		return timedBy(new DeviceClient(http, base, serial, otherSecret));
	}

	/** This gate keeping the given clock (the platform's, when the platform runs in the test's JVM). */
	public DeviceClient keepingTime(java.time.Clock gateClock) {
		DeviceClient c = new DeviceClient(http, base, serial, secret);
		c.clock = gateClock;
		return c;
	}

	private DeviceClient timedBy(DeviceClient other) {
		other.clock = clock;
		return other;
	}

	public static String nonce() {
		byte[] b = new byte[16];
		RANDOM.nextBytes(b);
		return HexFormat.of().formatHex(b);
	}

	public ApiClient.Response get(String pathAndQuery) {
		return send("GET", pathAndQuery, new byte[0], new byte[0], nonce());
	}

	public ApiClient.Response post(String path, Object body) {
		byte[] bytes = body instanceof byte[] b ? b : JSON.writeValueAsBytes(body);
		return send("POST", path, bytes, bytes, nonce());
	}

	/**
	 * Sends {@code sent} while signing {@code signed}, with the given nonce: lets tests tamper with a
	 * body or replay a nonce.
	 */
	public ApiClient.Response send(String method, String pathAndQuery, byte[] signed, byte[] sent, String nonce) {
		HttpResponse<byte[]> response = Exchanges.send(http, request(method, pathAndQuery, signed, sent, nonce),
				HttpResponse.BodyHandlers.ofByteArray());
		return new ApiClient.Response(response.statusCode(), new String(response.body(), StandardCharsets.UTF_8),
				response.body(), response.headers().firstValue("Content-Type").orElse(""));
	}

	/** The signed request {@link #send} sends, for a caller that sends it itself (a benchmark timing its answers). */
	public HttpRequest request(String method, String pathAndQuery, byte[] signed, byte[] sent, String nonce) {
		String timestamp = Long.toString(clock.millis() / 1000 + clockShiftSeconds);
		String signature = DeviceSignature.sign(secret, method, pathAndQuery, timestamp, nonce, signed);
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + pathAndQuery))
			.timeout(Waits.REQUEST)
			.header("X-Device-Serial", serial)
			.header("X-Timestamp", timestamp)
			.header("X-Nonce", nonce)
			.header("X-Signature", signature)
			.header("Accept-Language", "en")
			.header("Content-Type", "application/json");
		return ("GET".equals(method) ? request.GET() : request.method(method, HttpRequest.BodyPublishers.ofByteArray(sent)))
			.build();
	}
}
