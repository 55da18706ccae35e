package io.siteroll.device.uface;

import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.function.Predicate;

import io.siteroll.attendance.PassRecord;
import io.siteroll.device.gateway.GateUpload;
import io.siteroll.device.gateway.JsonFields;
import tools.jackson.databind.JsonNode;

/**
 * Reads one Uface UStar callback (docs/devices.md §4.3): {@code {msgId, type, content}} where
 * {@code content} is a JSON string (an object is accepted too). Type 1, a recognition record, becomes
 * a pass keyed by {@code recordId} (or {@code msgId}); other types (employee and department changes)
 * are kept raw, not passes. The record's {@code deviceKey} must be the device the URL names.
 */
final class UfaceCallbacks {

	static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

	private UfaceCallbacks() {
	}

	/** {@code recMode}: 1 face, 2 card, 3 face and card, 4 face against ID card. */
	static String attendType(Long recMode) {
		if (recMode == null) {
			return "011";
		}
		return switch (recMode.intValue()) {
			case 1, 3 -> "001";
			case 2 -> "006";
			case 4 -> "005";
			default -> "011";
		};
	}

	/** {@code aliveBody}: 1 live, 2 not live, 3 not checked. */
	static PassRecord.Liveness liveness(Long aliveBody) {
		if (aliveBody == null) {
			return PassRecord.Liveness.UNKNOWN;
		}
		return switch (aliveBody.intValue()) {
			case 1 -> PassRecord.Liveness.PASS;
			case 2 -> PassRecord.Liveness.FAIL;
			default -> PassRecord.Liveness.UNKNOWN;
		};
	}

	static GateUpload read(byte[] body, String serialNumber, int utcOffsetMinutes, Predicate<OffsetDateTime> backlog) {
		GateUpload upload = new GateUpload();
		JsonNode root = JsonFields.read(body);
		String raw = root == null ? new String(body, StandardCharsets.UTF_8) : JsonFields.compact(root);
		if (root == null || !root.isObject()) {
			return upload.refused(raw, "uface.not-json");
		}
		String msgId = JsonFields.text(root, "msgId");
		Long type = JsonFields.number(root, "type");
		if (msgId == null || type == null) {
			return upload.refused(raw, "uface.message");
		}
		if (type != 1) {
			return upload.notAPass(raw, "type " + type);
		}
		JsonNode content = root.get("content");
		JsonNode record = content != null && content.isString() ? JsonFields.read(content.asString()) : content;
		if (record == null || !record.isObject()) {
			return upload.refused(raw, "uface.content");
		}
		String deviceKey = JsonFields.text(record, "deviceKey");
		if (deviceKey != null && !deviceKey.equals(serialNumber)) {
			return upload.refused(raw, "uface.device-key");
		}
		OffsetDateTime at;
		try {
			String text = JsonFields.text(record, "recTime");
			if (text == null) {
				return upload.refused(raw, "uface.rec-time");
			}
			at = LocalDateTime.parse(text, TIME).atOffset(ZoneOffset.ofTotalSeconds(utcOffsetMinutes * 60));
		}
		catch (DateTimeParseException e) {
			return upload.refused(raw, "uface.rec-time");
		}
		byte[] photo = null;
		String image = JsonFields.text(record, "imgBase64");
		if (image != null) {
			try {
				photo = Base64.getMimeDecoder().decode(image);
			}
			catch (IllegalArgumentException e) {
				return upload.refused(raw, "uface.image");
			}
		}
		String person = JsonFields.text(record, "empNo");
		if (person == null) {
			return upload.notAPass(raw, "recognition without an employee");
		}
		Long recMode = JsonFields.number(record, "recMode");
		Long aliveBody = JsonFields.number(record, "aliveBody");
		Long identify = JsonFields.number(record, "identifyType");
		PassRecord.Liveness liveness = liveness(aliveBody);
		String recordId = JsonFields.text(record, "recordId");
		String key = recordId != null ? recordId : msgId;
		return upload.pass(new PassRecord(key.length() > 64 ? key.substring(0, 64) : key, person, at, null,
				attendType(recMode), recMode == null ? null : "recMode " + recMode, liveness, null, backlog.test(at),
				photo, "UFACE", (identify != null && identify == 2) || liveness == PassRecord.Liveness.FAIL));
	}
}
