package io.siteroll.device.hikvision;

import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;

import io.siteroll.attendance.Gate;
import io.siteroll.attendance.PassRecord;
import io.siteroll.device.gateway.GateUpload;
import io.siteroll.device.gateway.JsonFields;
import io.siteroll.device.gateway.MultipartBody;
import tools.jackson.databind.JsonNode;

/**
 * Reads one Hikvision ISAPI event push (docs/devices.md §4.1): a JSON body, or multipart with the JSON
 * part ({@code AccessControllerEvent}, on some firmware {@code event_log}) and an optional
 * {@code Picture} JPEG. Parts are recognised by content, not by name. Heartbeats
 * ({@code eventType=heartBeat}) only count as hearing from the device.
 */
final class HikvisionEvents {

	/** Major code of access-control events. */
	static final int MAJOR_EVENT = 5;

	/** A minor code that is a pass attempt: its national 通行方式, whether the gate let the person through, liveness. */
	record Minor(String attendType, boolean passed, PassRecord.Liveness liveness) {
	}

	/** Minor codes of major 5 that are passes (§3.3); every other code is kept raw, not a pass. */
	static final Map<Integer, Minor> MINORS = Map.ofEntries(
			Map.entry(1, new Minor("006", true, PassRecord.Liveness.UNKNOWN)),
			Map.entry(38, new Minor("003", true, PassRecord.Liveness.UNKNOWN)),
			Map.entry(39, new Minor("003", false, PassRecord.Liveness.UNKNOWN)),
			Map.entry(75, new Minor("001", true, PassRecord.Liveness.UNKNOWN)),
			Map.entry(76, new Minor("001", false, PassRecord.Liveness.UNKNOWN)),
			Map.entry(80, new Minor("001", false, PassRecord.Liveness.UNKNOWN)),
			Map.entry(104, new Minor("001", false, PassRecord.Liveness.FAIL)),
			Map.entry(105, new Minor("005", true, PassRecord.Liveness.UNKNOWN)),
			Map.entry(112, new Minor("005", false, PassRecord.Liveness.UNKNOWN)),
			Map.entry(156, new Minor("010", true, PassRecord.Liveness.UNKNOWN)),
			Map.entry(157, new Minor("010", false, PassRecord.Liveness.UNKNOWN)));

	private HikvisionEvents() {
	}

	static GateUpload read(String contentType, byte[] body) {
		GateUpload upload = new GateUpload();
		byte[] json = body;
		byte[] picture = null;
		if (MultipartBody.isMultipart(contentType)) {
			List<MultipartBody.Part> parts = MultipartBody.parse(contentType, body);
			json = parts.stream().filter(MultipartBody.Part::looksLikeJson).findFirst().map(MultipartBody.Part::content)
				.orElse(null);
			picture = parts.stream().filter(MultipartBody.Part::isJpeg).findFirst().map(MultipartBody.Part::content)
				.orElse(null);
		}
		JsonNode root = json == null ? null : JsonFields.read(json);
		if (root == null || !root.isObject()) {
			return upload.refused(json == null ? "" : new String(json, StandardCharsets.UTF_8),
					"hikvision.not-json");
		}
		String eventType = JsonFields.text(root, "eventType");
		if ("heartBeat".equalsIgnoreCase(eventType)) {
			return upload.heartbeat();
		}
		JsonNode event = root.get("AccessControllerEvent");
		if (!"AccessControllerEvent".equals(eventType) || event == null || !event.isObject()) {
			return upload.notAPass(JsonFields.compact(root), "event type " + eventType);
		}
		return event(upload, root, event, picture);
	}

	private static GateUpload event(GateUpload upload, JsonNode root, JsonNode event, byte[] picture) {
		String raw = JsonFields.compact(root);
		OffsetDateTime at;
		try {
			String text = JsonFields.text(root, "dateTime");
			if (text == null) {
				return upload.refused(raw, "hikvision.date-time");
			}
			at = OffsetDateTime.parse(text);
		}
		catch (DateTimeParseException e) {
			return upload.refused(raw, "hikvision.date-time");
		}
		Long major = JsonFields.number(event, "majorEventType");
		Long minorCode = JsonFields.number(event, "subEventType");
		if (major == null || minorCode == null) {
			return upload.refused(raw, "hikvision.event-code");
		}
		Minor minor = major == MAJOR_EVENT ? MINORS.get(minorCode.intValue()) : null;
		if (minor == null) {
			return upload.notAPass(raw, "major " + major + " minor " + minorCode);
		}
		Long serialNo = JsonFields.number(event, "serialNo");
		if (serialNo == null) {
			return upload.refused(raw, "hikvision.serial-no");
		}
		String person = JsonFields.text(event, "employeeNoString");
		if (person == null) {
			person = JsonFields.text(event, "employeeNo");
		}
		if (person == null) {
			return upload.notAPass(raw, "minor " + minorCode + " without a person");
		}
		Boolean current = JsonFields.bool(event, "currentEvent");
		String mode = JsonFields.text(event, "currentVerifyMode");
		String verify = major + "/" + minorCode + (mode == null ? "" : " " + mode);
		return upload.pass(new PassRecord(serialNo + "@" + at.toEpochSecond(), person, at,
				direction(JsonFields.text(event, "attendanceStatus")), minor.attendType(),
				verify.length() > 64 ? verify.substring(0, 64) : verify, minor.liveness(), null,
				Boolean.FALSE.equals(current), picture, "HIKVISION_ISAPI", !minor.passed()));
	}

	private static Gate.Direction direction(String attendanceStatus) {
		if (attendanceStatus == null) {
			return null;
		}
		return switch (attendanceStatus) {
			case "checkIn", "breakIn", "overtimeIn" -> Gate.Direction.IN;
			case "checkOut", "breakOut", "overtimeOut" -> Gate.Direction.OUT;
			default -> null;
		};
	}
}
