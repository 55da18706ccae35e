package io.siteroll.compliance;

import java.time.LocalDate;
import java.util.List;

/**
 * 预警 raised and handled in a period over a region, per kind: the figures a monthly notice (通报) states and the
 * warnings list counts ({@code /warnings} with the same kind, region and month). Over the caller's projects.
 */
public interface WarningTallies {

	/**
	 * One kind's warnings raised in the period; {@code handled} those of them cleared since or reviewed by an officer
	 * (confirmed or dismissed), so that raised − handled are still waiting.
	 */
	record Tally(Warning.Kind kind, long raised, long handled) {
	}

	/** Every kind, in the order of {@link Warning.Kind}, zero where none was raised. */
	List<Tally> tally(LocalDate from, LocalDate to, String region);
}
