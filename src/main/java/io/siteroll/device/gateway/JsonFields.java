package io.siteroll.device.gateway;

import java.util.Locale;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Lenient reading of vendor JSON: optional fields are absent or null; a number may arrive as text. */
public final class JsonFields {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private JsonFields() {
	}

	/** The document, or null when the bytes are not JSON. */
	public static JsonNode read(byte[] json) {
		try {
			return JSON.readTree(json);
		}
		catch (JacksonException e) {
			return null;
		}
	}

	/** The document, or null when the text is not JSON. */
	public static JsonNode read(String json) {
		try {
			return JSON.readTree(json);
		}
		catch (JacksonException e) {
			return null;
		}
	}

	/** The field as text, stripped; null when absent, null or blank. */
	public static String text(JsonNode node, String field) {
		JsonNode value = node == null ? null : node.get(field);
		if (value == null || value.isNull() || value.isContainer()) {
			return null;
		}
		String text = value.asString().strip();
		return text.isEmpty() ? null : text;
	}

	/** The field as a whole number; null when absent or not a number. */
	public static Long number(JsonNode node, String field) {
		String text = text(node, field);
		if (text == null) {
			return null;
		}
		try {
			return Long.parseLong(text);
		}
		catch (NumberFormatException e) {
			return null;
		}
	}

	/** The field as a boolean ({@code true}/{@code false}, or 1/0); null when absent or neither. */
	public static Boolean bool(JsonNode node, String field) {
		String text = text(node, field);
		if (text == null) {
			return null;
		}
		return switch (text.toLowerCase(Locale.ROOT)) {
			case "true", "1" -> true;
			case "false", "0" -> false;
			default -> null;
		};
	}

	/** The node as compact JSON text (what is kept raw for one event). */
	public static String compact(JsonNode node) {
		return node == null ? "" : node.toString();
	}
}
