package io.siteroll.platform;

/** Helpers for user-typed search text in SQL. */
public final class SqlSearch {

	private SqlSearch() {
	}

	/** A {@code LIKE} pattern matching {@code text} anywhere, with {@code \ % _} taken literally. */
	public static String containing(String text) {
		return "%" + text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
	}
}
