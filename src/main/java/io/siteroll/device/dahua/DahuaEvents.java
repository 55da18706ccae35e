package io.siteroll.device.dahua;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

import io.siteroll.attendance.Gate;
import io.siteroll.attendance.PassRecord;
import io.siteroll.device.gateway.GateUpload;
import io.siteroll.device.gateway.JsonFields;
import io.siteroll.device.gateway.MultipartBody;
import tools.jackson.databind.JsonNode;

/**
 * Reads one Dahua event upload (docs/devices.md §4.2): multipart with a text part {@code info}
 * holding {@code {"Channel":…, "Events":[…]}} plus pictures, or that JSON alone. Each
 * {@code AccessControl} event with a user becomes a pass; pictures go to the events in order when
 * there is one per event (or the only event). Each event is judged alone.
 */
final class DahuaEvents {

	/** HTTP event numbering of {@code Method} (§4.2, unconfirmed per firmware): 15 face, 1 card. */
	static String attendType(Long method) {
		if (method == null) {
			return "011";
		}
		return switch (method.intValue()) {
			case 15 -> "001";
			case 1 -> "006";
			default -> "011";
		};
	}

	private DahuaEvents() {
	}

	static GateUpload read(String contentType, byte[] body, int utcOffsetMinutes, Predicate<OffsetDateTime> backlog) {
		GateUpload upload = new GateUpload();
		byte[] json = body;
		List<byte[]> pictures = new ArrayList<>();
		if (MultipartBody.isMultipart(contentType)) {
			List<MultipartBody.Part> parts = MultipartBody.parse(contentType, body);
			json = parts.stream().filter(p -> "info".equals(p.name())).findFirst()
				.or(() -> parts.stream().filter(MultipartBody.Part::looksLikeJson).findFirst())
				.map(MultipartBody.Part::content).orElse(null);
			parts.stream().filter(MultipartBody.Part::isJpeg).forEach(p -> pictures.add(p.content()));
		}
		JsonNode root = json == null ? null : JsonFields.read(json);
		JsonNode events = root == null ? null : root.get("Events");
		if (events == null || !events.isArray()) {
			return upload.refused(json == null ? "" : new String(json, StandardCharsets.UTF_8),
					"dahua.events");
		}
		int n = events.size();
		for (int i = 0; i < n; i++) {
			byte[] picture = pictures.size() == n ? pictures.get(i) : (n == 1 && !pictures.isEmpty() ? pictures.get(0) : null);
			event(upload, events.get(i), picture, utcOffsetMinutes, backlog);
		}
		return upload;
	}

	private static void event(GateUpload upload, JsonNode event, byte[] picture, int utcOffsetMinutes,
			Predicate<OffsetDateTime> backlog) {
		String raw = JsonFields.compact(event);
		if (!event.isObject()) {
			upload.refused(raw, "dahua.event");
			return;
		}
		String code = JsonFields.text(event, "Code");
		if (!"AccessControl".equals(code)) {
			upload.notAPass(raw, "code " + code);
			return;
		}
		JsonNode data = event.get("Data");
		Long utc = JsonFields.number(data, "UTC");
		if (data == null || !data.isObject() || utc == null) {
			upload.refused(raw, "dahua.utc");
			return;
		}
		String user = JsonFields.text(data, "UserID");
		if (user == null) {
			upload.notAPass(raw, "access attempt without a user");
			return;
		}
		OffsetDateTime at = Instant.ofEpochSecond(utc).atOffset(ZoneOffset.ofTotalSeconds(utcOffsetMinutes * 60));
		Long method = JsonFields.number(data, "Method");
		Long status = JsonFields.number(data, "Status");
		String record = JsonFields.text(data, "RecNo");
		String type = JsonFields.text(data, "Type");
		Gate.Direction direction = "Entry".equalsIgnoreCase(type) ? Gate.Direction.IN
				: "Exit".equalsIgnoreCase(type) ? Gate.Direction.OUT : null;
		String key = utc + "|" + user + (record == null ? "" : "|" + record);
		upload.pass(new PassRecord(key.length() > 64 ? key.substring(0, 64) : key, user, at, direction,
				attendType(method), method == null ? null : "Method " + method, PassRecord.Liveness.UNKNOWN, null,
				backlog.test(at), picture, "DAHUA", status == null || status != 1));
	}
}
