package io.siteroll.platform;

/** Addresses pages pass around, such as where a form goes back to after it is handled. */
public final class PageLinks {

	private PageLinks() {
	}

	/**
	 * The page a form came from, when it is one of the platform's own addresses (a path starting with one slash);
	 * otherwise the fallback, so that a crafted form can never redirect elsewhere.
	 */
	public static String back(String requested, String fallback) {
		if (requested == null || !requested.startsWith("/") || requested.startsWith("//") || requested.contains("\\")
				|| requested.contains("\n") || requested.contains("\r")) {
			return fallback;
		}
		return requested;
	}
}
