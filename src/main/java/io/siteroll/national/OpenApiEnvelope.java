package io.siteroll.national;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * One call to {@code open.api}: a form POST whose {@code method} selects the operation and whose {@code data} is the
 * business payload as a JSON string, signed with the caller's appsecret.
 * <p>
 * The signature ({@link #signature(String)}): every parameter but {@code sign}, sorted by name, as
 * {@code name=value} joined by {@code &}, then {@code &appsecret=<secret>}; the whole string lower-cased (the JSON
 * too); SHA-256 over its UTF-8 bytes in lower-case hex. {@code data} itself travels unchanged. {@code corpsign} is
 * optional and, when present, signed like the others.
 *
 * @param appid     the credential id; with one key per project it is the project code
 * @param data      the payload, a JSON string
 * @param format    always {@code json}
 * @param method    the operation, e.g. {@code Team.Add}
 * @param nonce     a random string the receiver sees only once
 * @param timestamp {@code yyyyMMddHHmmss}, Beijing time
 * @param version   always {@code 1.0}
 * @param corpsign  the optional enterprise signature, or {@code null}
 * @param sign      the signature, or {@code null} before signing
 */
public record OpenApiEnvelope(String appid, String data, String format, String method, String nonce, String timestamp,
		String version, String corpsign, String sign) {

	private static final JsonMapper PAYLOAD_READER = JsonMapper.builder().build();

	/** The timestamp's layout on the wire. */
	public static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("yyyyMMddHHmmss");

	/** How far a call's timestamp may be from the receiver's clock. */
	public static final java.time.Duration TIMESTAMP_TOLERANCE = java.time.Duration.ofMinutes(10);

	/** The form fields, in the order they are written. */
	public static final String[] FIELDS = { "appid", "data", "format", "method", "nonce", "timestamp", "version",
			"corpsign", "sign" };

	/** A call signed with the appsecret, format {@code json}, version {@code 1.0}, no corpsign. */
	public static OpenApiEnvelope signed(String appid, String secret, NationalMethod method, String data, String nonce,
			LocalDateTime beijingTime) {
		return signed(appid, secret, method.wireName(), data, nonce, TIMESTAMP.format(beijingTime));
	}

	/** As {@link #signed(String, String, NationalMethod, String, String, LocalDateTime)}, with the wire strings. */
	public static OpenApiEnvelope signed(String appid, String secret, String method, String data, String nonce,
			String timestamp) {
		OpenApiEnvelope unsigned = new OpenApiEnvelope(appid, data, "json", method, nonce, timestamp, "1.0", null, null);
		return unsigned.withSign(unsigned.signature(secret));
	}

	/** The same call with the given signature. */
	public OpenApiEnvelope withSign(String signature) {
		return new OpenApiEnvelope(appid, data, format, method, nonce, timestamp, version, corpsign, signature);
	}

	/** The string the signature is computed over, lower-cased, secret included. */
	String signingString(String secret) {
		TreeMap<String, String> sorted = new TreeMap<>();
		fields().forEach((name, value) -> {
			if (!"sign".equals(name) && value != null) {
				sorted.put(name, value);
			}
		});
		StringBuilder text = new StringBuilder();
		sorted.forEach((name, value) -> {
			if (!text.isEmpty()) {
				text.append('&');
			}
			text.append(name).append('=').append(value);
		});
		text.append("&appsecret=").append(secret);
		return text.toString().toLowerCase(Locale.ROOT);
	}

	/** The signature this call should carry under the secret. */
	public String signature(String secret) {
		try {
			MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
			return HexFormat.of().formatHex(sha256.digest(signingString(secret).getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
		}
	}

	/** Whether the carried signature is the one the secret gives (compared in constant time). */
	public boolean signedWith(String secret) {
		if (sign == null) {
			return false;
		}
		return MessageDigest.isEqual(signature(secret).getBytes(StandardCharsets.US_ASCII),
				sign.toLowerCase(Locale.ROOT).getBytes(StandardCharsets.US_ASCII));
	}

	/** The receiver's refusal of a call lacking a field (every field but the optional {@code corpsign}), if it does. */
	public Optional<NationalAnswer> incomplete() {
		for (java.util.Map.Entry<String, String> field : fields().entrySet()) {
			if (!"corpsign".equals(field.getKey()) && (field.getValue() == null || field.getValue().isBlank())) {
				return Optional.of(new NationalAnswer(NationalAnswer.BAD_PARAMETERS, "请求参数无效:" + field.getKey() + "不能为空",
						null));
			}
		}
		return Optional.empty();
	}

	/**
	 * The receiver's refusal of a call, from a known appid, whose timestamp is unreadable or further than
	 * {@link #TIMESTAMP_TOLERANCE} from the receiver's Beijing time, or whose signature is not the secret's; empty
	 * when the call may be trusted (the nonce is the receiver's to check next).
	 */
	public Optional<NationalAnswer> untrusted(String secret, LocalDateTime beijingNow) {
		LocalDateTime sent;
		try {
			sent = LocalDateTime.parse(timestamp, TIMESTAMP);
		}
		catch (java.time.format.DateTimeParseException e) {
			return Optional.of(new NationalAnswer(NationalAnswer.BAD_PARAMETERS, "请求参数无效:timestamp格式不正确", null));
		}
		if (java.time.Duration.between(sent, beijingNow).abs().compareTo(TIMESTAMP_TOLERANCE) > 0) {
			return Optional.of(new NationalAnswer(NationalAnswer.BAD_PARAMETERS, "请求参数无效:timestamp已过期", null));
		}
		if (!signedWith(secret)) {
			return Optional.of(new NationalAnswer(NationalAnswer.BAD_SIGNATURE, "签名验证失败", null));
		}
		return Optional.empty();
	}

	/**
	 * The call's payload as the receiver reads it once the call is trusted: {@code data} parsed as a JSON object
	 * and its encrypted fields decrypted with the secret; or the receiver's refusal when it is not JSON, not an
	 * object, or a field cannot be decrypted.
	 */
	public Payload payload(String secret) {
		JsonNode parsed;
		try {
			parsed = PAYLOAD_READER.readTree(data);
		}
		catch (JacksonException e) {
			return Payload.refused("请求参数无效:data不是JSON");
		}
		if (!(parsed instanceof ObjectNode object)) {
			return Payload.refused("请求参数无效:data不是JSON对象");
		}
		try {
			new FieldCipher(secret).decryptFields(object);
		}
		catch (FieldCipher.UnreadableField e) {
			return Payload.refused("请求参数无效:加密字段无法解密");
		}
		return new Payload(object, null);
	}

	/** A call's readable payload, or the refusal that says why it could not be read (exactly one is present). */
	public record Payload(ObjectNode data, NationalAnswer refusal) {

		static Payload refused(String message) {
			return new Payload(null, new NationalAnswer(NationalAnswer.BAD_PARAMETERS, message, null));
		}

		public boolean readable() {
			return refusal == null;
		}
	}

	/** The fields present, by name, in wire order. */
	public Map<String, String> fields() {
		Map<String, String> fields = new LinkedHashMap<>();
		fields.put("appid", appid);
		fields.put("data", data);
		fields.put("format", format);
		fields.put("method", method);
		fields.put("nonce", nonce);
		fields.put("timestamp", timestamp);
		fields.put("version", version);
		if (corpsign != null) {
			fields.put("corpsign", corpsign);
		}
		fields.put("sign", sign);
		return fields;
	}

	/** The call as an {@code application/x-www-form-urlencoded} body. */
	public String form() {
		StringBuilder body = new StringBuilder();
		fields().forEach((name, value) -> {
			if (value == null) {
				return;
			}
			if (!body.isEmpty()) {
				body.append('&');
			}
			body.append(name).append('=').append(URLEncoder.encode(value, StandardCharsets.UTF_8));
		});
		return body.toString();
	}

	/** The call read from form fields, absent ones {@code null}. */
	public static OpenApiEnvelope of(Map<String, String> fields) {
		return new OpenApiEnvelope(fields.get("appid"), fields.get("data"), fields.get("format"), fields.get("method"),
				fields.get("nonce"), fields.get("timestamp"), fields.get("version"), fields.get("corpsign"),
				fields.get("sign"));
	}

	/** The call read from an {@code application/x-www-form-urlencoded} body; a repeated field keeps its first value. */
	public static OpenApiEnvelope parse(String body) {
		Map<String, String> fields = new LinkedHashMap<>();
		for (String pair : Objects.requireNonNullElse(body, "").split("&")) {
			if (pair.isEmpty()) {
				continue;
			}
			int eq = pair.indexOf('=');
			String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
			String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
			fields.putIfAbsent(name, value);
		}
		return of(fields);
	}
}
