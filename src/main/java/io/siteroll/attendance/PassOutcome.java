package io.siteroll.attendance;

import java.util.Arrays;
import java.util.List;

/**
 * What the gate did with a pass. Both are kept: a refused pass is evidence (who tried to enter, why
 * not), it only never counts as attendance. Labels: {@code label.PassOutcome.<name>}.
 */
public enum PassOutcome {

	/** Let through: counts for daily presence unless its liveness check failed. */
	ACCEPTED,

	/** Not let through, for a {@link RefusalReason}. */
	REFUSED;

	/** The names, as a request may give them. */
	public static List<String> names() {
		return Arrays.stream(values()).map(Enum::name).toList();
	}
}
