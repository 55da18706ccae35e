package io.siteroll.national;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.HexFormat;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Calls {@code open.api} under one credential: signs each call with a fresh nonce and the Beijing time of the given
 * clock, posts it as a form, reads the answer. A transport failure or an answer that is not the platform's JSON is
 * {@link Unreachable}: the caller retries later; a refusal is an answer ({@link NationalAnswer#accepted()} false).
 */
public final class OpenApiClient {

	private static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	private final JsonMapper json = JsonMapper.builder().build();

	private final SecureRandom random = new SecureRandom();

	private final URI endpoint;

	private final String appid;

	private final String appsecret;

	private final Clock clock;

	public OpenApiClient(URI endpoint, String appid, String appsecret, Clock clock) {
		this.endpoint = endpoint;
		this.appid = appid;
		this.appsecret = appsecret;
		this.clock = clock;
	}

	/** The cipher of this credential, for the payload's identity and bank numbers. */
	public FieldCipher cipher() {
		return new FieldCipher(appsecret);
	}

	/** The call as it would be sent now (a fresh nonce each time). */
	public OpenApiEnvelope envelope(NationalMethod method, String data) {
		byte[] nonce = new byte[16];
		random.nextBytes(nonce);
		return OpenApiEnvelope.signed(appid, appsecret, method, data, HexFormat.of().formatHex(nonce),
				LocalDateTime.now(clock.withZone(BEIJING)));
	}

	/** Signs and sends the call. */
	public NationalAnswer call(NationalMethod method, String data) {
		return send(envelope(method, data));
	}

	/** Sends a call as it is (a test may send a tampered or replayed one). */
	public NationalAnswer send(OpenApiEnvelope call) {
		HttpRequest request = HttpRequest.newBuilder(endpoint)
			.timeout(Duration.ofSeconds(30))
			.header("Content-Type", "application/x-www-form-urlencoded;charset=UTF-8")
			.POST(HttpRequest.BodyPublishers.ofString(call.form()))
			.build();
		HttpResponse<String> response;
		try {
			response = http.send(request, HttpResponse.BodyHandlers.ofString());
		}
		catch (IOException e) {
			throw new Unreachable(e.getMessage());
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new Unreachable("interrupted");
		}
		if (response.statusCode() != 200) {
			throw new Unreachable("HTTP " + response.statusCode());
		}
		try {
			JsonNode answer = json.readTree(response.body());
			JsonNode data = answer.path("data");
			return new NationalAnswer(answer.path("code").asString(""), answer.path("message").asString(""),
					data.isMissingNode() || data.isNull() ? null : data.toString());
		}
		catch (JacksonException e) {
			throw new Unreachable("the answer is not JSON");
		}
	}

	/** The state of an asynchronous write. */
	public record Settlement(AsyncStatus status, String result) {
	}

	/** Asks once how a write of this serial code ended. */
	public Settlement poll(String requestSerialCode) {
		NationalAnswer answer = call(NationalMethod.ASYNC_RESULT_QUERY,
				json.createObjectNode().put("requestSerialCode", requestSerialCode).toString());
		if (!answer.accepted()) {
			throw new Unreachable(answer.message());
		}
		JsonNode data = json.readTree(answer.data());
		AsyncStatus status = AsyncStatus.ofCode(data.path("status").asInt(-1))
			.orElseThrow(() -> new Unreachable("unknown status " + data.path("status")));
		return new Settlement(status, data.path("result").asString(""));
	}

	/** The platform could not be reached or did not answer in its format; nothing is known to have happened. */
	public static final class Unreachable extends RuntimeException {

		public Unreachable(String why) {
			super(why, null, false, false);
		}
	}
}
