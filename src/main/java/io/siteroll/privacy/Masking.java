package io.siteroll.privacy;

/** How personal data is shown where the viewer does not need it in clear. */
public final class Masking {

	private Masking() {
	}

	/** {@code 220102199003071234} → {@code 220102********1234}. */
	public static String idNumber(String clear) {
		return keep(clear, 6, 4);
	}

	/** {@code 6222021234567890123} → {@code 6222***********0123}. */
	public static String bankCard(String clear) {
		return keep(clear, 4, 4);
	}

	/** {@code 13912345678} → {@code 139****5678}. */
	public static String phone(String clear) {
		return keep(clear, 3, 4);
	}

	private static String keep(String clear, int head, int tail) {
		if (clear == null) {
			return null;
		}
		if (clear.length() <= head + tail) {
			return "*".repeat(clear.length());
		}
		return clear.substring(0, head) + "*".repeat(clear.length() - head - tail)
				+ clear.substring(clear.length() - tail);
	}
}
