package io.siteroll.platform;

/**
 * Text the platform stores or searches: no control characters (NUL and the other C0 codes except tab,
 * line feed and carriage return), which PostgreSQL cannot store and no person types.
 */
public final class Texts {

	private Texts() {
	}

	public static boolean hasControlCharacter(String text) {
		if (text == null) {
			return false;
		}
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0x7f) {
				return true;
			}
		}
		return false;
	}

	/** The text itself, or {@link RuleViolation} {@code text.control-character}. */
	public static String withoutControlCharacters(String text) {
		if (hasControlCharacter(text)) {
			throw RuleViolation.rule("text.control-character");
		}
		return text;
	}
}
