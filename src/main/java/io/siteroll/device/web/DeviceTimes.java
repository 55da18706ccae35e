package io.siteroll.device.web;

import java.time.DateTimeException;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * ISO-8601 times with an offset as devices send them, read exactly as {@link OffsetDateTime#parse} reads
 * them. The shape nearly every gate sends ({@code 2026-11-24T07:58:12+08:00}, seconds and a fraction of a second
 * optional, {@code Z} for UTC) is read by hand, because the general formatter costs more than anything else
 * in reading a pass; every other text, and every impossible value, goes to {@link OffsetDateTime#parse},
 * which reads or refuses it as before.
 */
final class DeviceTimes {

	private DeviceTimes() {
	}

	/** As {@link OffsetDateTime#parse(CharSequence)}: the same result, the same exception. */
	static OffsetDateTime parse(String text) {
		OffsetDateTime quick = common(text);
		return quick != null ? quick : OffsetDateTime.parse(text);
	}

	/** {@code yyyy-MM-ddTHH:mm[:ss[.f{1,9}]](Z|±HH:MM)}, or null for anything else (including impossible values). */
	static OffsetDateTime common(String s) {
		int n = s.length();
		if (n < 17 || s.charAt(4) != '-' || s.charAt(7) != '-' || s.charAt(10) != 'T' || s.charAt(13) != ':') {
			return null;
		}
		int year = digits(s, 0, 4), month = digits(s, 5, 2), day = digits(s, 8, 2), hour = digits(s, 11, 2),
				minute = digits(s, 14, 2);
		int i = 16, second = 0, nanos = 0;
		if (s.charAt(i) == ':') {
			if (n < 20) {
				return null;
			}
			second = digits(s, 17, 2);
			i = 19;
			if (s.charAt(i) == '.') {
				int start = ++i;
				while (i < n && i - start < 10 && isDigit(s.charAt(i))) {
					nanos = nanos * 10 + (s.charAt(i) - '0');
					i++;
				}
				int count = i - start;
				if (count == 0 || count > 9) {
					return null;
				}
				for (int k = count; k < 9; k++) {
					nanos *= 10;
				}
			}
		}
		if ((year | month | day | hour | minute | second) < 0) {
			return null;
		}
		ZoneOffset offset;
		if (i == n - 1 && s.charAt(i) == 'Z') {
			offset = ZoneOffset.UTC;
		}
		else if (i == n - 6 && (s.charAt(i) == '+' || s.charAt(i) == '-') && s.charAt(i + 3) == ':') {
			int hours = digits(s, i + 1, 2), minutes = digits(s, i + 4, 2);
			if ((hours | minutes) < 0) {
				return null;
			}
			int sign = s.charAt(i) == '-' ? -1 : 1;
			try {
				offset = ZoneOffset.ofHoursMinutes(sign * hours, sign * minutes);
			}
			catch (DateTimeException e) {
				return null;
			}
		}
		else {
			return null;
		}
		try {
			return OffsetDateTime.of(LocalDateTime.of(year, month, day, hour, minute, second, nanos), offset);
		}
		catch (DateTimeException e) {
			return null;
		}
	}

	/** The decimal number of {@code count} ASCII digits at {@code from}, or -1. */
	private static int digits(String s, int from, int count) {
		int value = 0;
		for (int i = from; i < from + count; i++) {
			char c = s.charAt(i);
			if (!isDigit(c)) {
				return -1;
			}
			value = value * 10 + (c - '0');
		}
		return value;
	}

	private static boolean isDigit(char c) {
		return c >= '0' && c <= '9';
	}
}
