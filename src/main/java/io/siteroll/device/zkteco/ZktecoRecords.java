package io.siteroll.device.zkteco;

import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.siteroll.attendance.Gate;
import io.siteroll.attendance.PassRecord;

/**
 * Reads ZKTeco PUSH uploads into passes: attendance {@code ATTLOG} lines (positional or keyed, with
 * or without extra columns) and security {@code rtlog} lines ({@code key=value}). Device times carry
 * no zone: they are read in the device's configured offset.
 */
final class ZktecoRecords {

	static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

	private ZktecoRecords() {
	}

	/** The passes of an upload and the lines that could not be read. */
	record Parsed(List<PassRecord> passes, List<String> unreadable) {
	}

	static Parsed attlog(String body, int utcOffsetMinutes, String source) {
		List<PassRecord> passes = new ArrayList<>();
		List<String> unreadable = new ArrayList<>();
		for (String raw : body.split("\r?\n")) {
			String line = raw.strip();
			if (line.isEmpty() || line.equalsIgnoreCase("ATTLOG")) {
				continue;
			}
			String[] cols = raw.split("\t");
			String pin;
			String time;
			String status;
			String verify;
			if (cols[0].contains("=")) {
				Map<String, String> keyed = keyed(cols);
				pin = keyed.get("PIN");
				time = keyed.getOrDefault("DateTime", keyed.get("Time"));
				status = keyed.getOrDefault("Status", "0");
				verify = keyed.getOrDefault("Verified", keyed.getOrDefault("Verify", "0"));
			}
			else if (cols.length >= 2) {
				pin = cols[0].strip();
				time = cols[1].strip();
				status = cols.length > 2 ? cols[2].strip() : "0";
				verify = cols.length > 3 ? cols[3].strip() : "0";
			}
			else {
				unreadable.add(line);
				continue;
			}
			OffsetDateTime at = time(time, utcOffsetMinutes);
			if (pin == null || pin.isBlank() || at == null) {
				unreadable.add(line);
				continue;
			}
			Gate.Direction direction = switch (status) {
				case "1", "2", "5" -> Gate.Direction.OUT;
				default -> Gate.Direction.IN;
			};
			String key = pin.strip() + "|" + time.strip() + "|" + status;
			passes.add(new PassRecord(key, pin.strip(), at, direction, attendType(verify), verify,
					PassRecord.Liveness.UNKNOWN, null, false, null, source, false));
		}
		return new Parsed(passes, unreadable);
	}

	/**
	 * Security PUSH real-time events. {@code event} 0 and 3 open the gate; anything else is a refusal
	 * or alarm, kept as a pass refused by the device. Dedupe on the device's {@code index}, falling
	 * back to pin, time and event.
	 */
	static Parsed rtlog(String body, int utcOffsetMinutes, String source) {
		List<PassRecord> passes = new ArrayList<>();
		List<String> unreadable = new ArrayList<>();
		for (String raw : body.split("\r?\n")) {
			String line = raw.strip();
			if (line.isEmpty()) {
				continue;
			}
			Map<String, String> f = keyed(raw.split("\t"));
			String time = f.get("time");
			OffsetDateTime at = time == null ? null : time(time, utcOffsetMinutes);
			String pin = f.getOrDefault("pin", "0");
			if (at == null) {
				unreadable.add(line);
				continue;
			}
			String event = f.getOrDefault("event", "0");
			String index = f.get("index");
			String key = index != null && !index.isBlank() ? "IDX|" + index : pin + "|" + time + "|" + event;
			Gate.Direction direction = "1".equals(f.get("inoutstatus")) ? Gate.Direction.OUT : Gate.Direction.IN;
			String verify = f.getOrDefault("verifytype", "0");
			boolean granted = "0".equals(event) || "3".equals(event);
			passes.add(new PassRecord(key, pin, at, direction, attendType(verify), verify + "/event " + event,
					PassRecord.Liveness.UNKNOWN, null, false, null, source, !granted));
		}
		return new Parsed(passes, unreadable);
	}

	private static final Pattern PAIR = Pattern
		.compile("([A-Za-z~][A-Za-z0-9_~]*)=(.*?)(?=\\s+[A-Za-z~][A-Za-z0-9_~]*=|$)");

	/**
	 * The {@code key=value} fields of a line, whether TAB-separated ({@code rtlog}, OPERLOG {@code USER})
	 * or space-separated (keyed ATTLOG of some firmware); a leading word such as {@code USER} is skipped.
	 */
	static Map<String, String> keyed(String[] cols) {
		Map<String, String> fields = new LinkedHashMap<>();
		for (String col : cols) {
			Matcher m = PAIR.matcher(col.strip());
			while (m.find()) {
				fields.put(m.group(1), m.group(2).strip());
			}
		}
		return fields;
	}

	static OffsetDateTime time(String text, int utcOffsetMinutes) {
		try {
			return LocalDateTime.parse(text.strip(), TIME).atOffset(ZoneOffset.ofTotalSeconds(utcOffsetMinutes * 60));
		}
		catch (DateTimeParseException e) {
			return null;
		}
	}

	/** ZKTeco verify mode (protocol appendix 7) to the national 通行方式 code (docs/devices.md §1.5). */
	static String attendType(String verify) {
		int v;
		try {
			v = Integer.parseInt(verify.strip());
		}
		catch (RuntimeException e) {
			return "011";
		}
		return switch (v) {
			case 15, 16, 17, 18, 19, 20, 27, 29 -> "001";
			case 1, 5, 8, 9, 10, 12, 13, 14 -> "003";
			case 25, 26, 28 -> "004";
			case 4, 6, 7, 11 -> "006";
			default -> "011";
		};
	}

	/**
	 * The handshake's {@code TimeZone}: hours between −12 and 12, minutes otherwise (330 = UTC+5:30).
	 * Sending one where the other is meant shifts the device clock.
	 */
	static String timeZoneOption(int utcOffsetMinutes) {
		return utcOffsetMinutes % 60 == 0 ? Integer.toString(utcOffsetMinutes / 60) : Integer.toString(utcOffsetMinutes);
	}

	/** The photo file name of ATTPHOTO: {@code yyyyMMddHHmmss-PIN.jpg}. */
	record PhotoName(String pin, LocalDateTime time) {

		static PhotoName parse(String fileName) {
			String base = fileName.strip();
			int dot = base.lastIndexOf('.');
			if (dot > 0) {
				base = base.substring(0, dot);
			}
			int dash = base.indexOf('-');
			if (dash != 14) {
				return null;
			}
			try {
				LocalDateTime time = LocalDateTime.parse(base.substring(0, 14), DateTimeFormatter.ofPattern("yyyyMMddHHmmss"));
				String pin = base.substring(15);
				return pin.isBlank() ? null : new PhotoName(pin, time);
			}
			catch (DateTimeParseException e) {
				return null;
			}
		}
	}
}
