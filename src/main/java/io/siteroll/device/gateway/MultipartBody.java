package io.siteroll.device.gateway;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The parts of a {@code multipart/*} body, read from bytes the platform already holds (the gate
 * filters read bodies once, bounded). Tolerant as vendor firmware needs: quoted or bare boundaries,
 * CRLF or LF line ends, stray text before the first boundary, a missing closing boundary.
 */
public final class MultipartBody {

	/** One part: its form name (may be null), content type (may be null) and bytes. */
	public record Part(String name, String contentType, byte[] content) {

		public boolean isJpeg() {
			return content.length > 2 && (content[0] & 0xFF) == 0xFF && (content[1] & 0xFF) == 0xD8;
		}

		public boolean looksLikeJson() {
			String start = new String(content, 0, Math.min(content.length, 16), StandardCharsets.UTF_8).stripLeading();
			return (contentType != null && contentType.toLowerCase(Locale.ROOT).contains("json")) || start.startsWith("{");
		}

		public String text() {
			return new String(content, StandardCharsets.UTF_8);
		}
	}

	private MultipartBody() {
	}

	/** True for a {@code multipart/...} content type. */
	public static boolean isMultipart(String contentType) {
		return contentType != null && contentType.toLowerCase(Locale.ROOT).startsWith("multipart/");
	}

	/** The parts, in order; empty when the content type names no boundary or none is found. */
	public static List<Part> parse(String contentType, byte[] body) {
		String boundary = boundary(contentType);
		List<Part> parts = new ArrayList<>();
		if (boundary == null) {
			return parts;
		}
		byte[] delimiter = ("--" + boundary).getBytes(StandardCharsets.ISO_8859_1);
		int at = indexOf(body, delimiter, 0);
		while (at >= 0) {
			int start = at + delimiter.length;
			if (start + 1 < body.length && body[start] == '-' && body[start + 1] == '-') {
				break;
			}
			start = skipLineEnd(body, start);
			int next = indexOf(body, delimiter, start);
			int end = next < 0 ? body.length : next;
			part(body, start, trimLineEnd(body, start, end)).ifPresent(parts::add);
			at = next;
		}
		return parts;
	}

	private static Optional<Part> part(byte[] body, int start, int end) {
		int headersEnd = indexOf(body, "\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1), start);
		int skip = 4;
		int lfEnd = indexOf(body, "\n\n".getBytes(StandardCharsets.ISO_8859_1), start);
		if (headersEnd < 0 || headersEnd > end || (lfEnd >= 0 && lfEnd < headersEnd)) {
			headersEnd = lfEnd;
			skip = 2;
		}
		if (headersEnd < 0 || headersEnd > end) {
			return Optional.empty();
		}
		String headers = new String(body, start, headersEnd - start, StandardCharsets.UTF_8);
		String name = null;
		String type = null;
		for (String line : headers.split("\r?\n")) {
			String lower = line.toLowerCase(Locale.ROOT);
			if (lower.startsWith("content-disposition:")) {
				name = parameter(line, "name");
			}
			else if (lower.startsWith("content-type:")) {
				type = line.substring(line.indexOf(':') + 1).strip();
			}
		}
		return Optional.of(new Part(name, type, Arrays.copyOfRange(body, headersEnd + skip, end)));
	}

	static String boundary(String contentType) {
		return contentType == null ? null : parameter(contentType, "boundary");
	}

	private static String parameter(String header, String name) {
		for (String piece : header.split(";")) {
			String p = piece.strip();
			int eq = p.indexOf('=');
			if (eq > 0 && p.substring(0, eq).strip().equalsIgnoreCase(name)) {
				String value = p.substring(eq + 1).strip();
				if (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) {
					value = value.substring(1, value.length() - 1);
				}
				return value.isEmpty() ? null : value;
			}
		}
		return null;
	}

	private static int skipLineEnd(byte[] body, int at) {
		while (at < body.length && (body[at] == ' ' || body[at] == '\t')) {
			at++;
		}
		if (at < body.length && body[at] == '\r') {
			at++;
		}
		if (at < body.length && body[at] == '\n') {
			at++;
		}
		return at;
	}

	private static int trimLineEnd(byte[] body, int start, int end) {
		if (end > start && body[end - 1] == '\n') {
			end--;
		}
		if (end > start && body[end - 1] == '\r') {
			end--;
		}
		return end;
	}

	private static int indexOf(byte[] data, byte[] pattern, int from) {
		outer: for (int i = Math.max(from, 0); i <= data.length - pattern.length; i++) {
			for (int j = 0; j < pattern.length; j++) {
				if (data[i + j] != pattern[j]) {
					continue outer;
				}
			}
			return i;
		}
		return -1;
	}
}
