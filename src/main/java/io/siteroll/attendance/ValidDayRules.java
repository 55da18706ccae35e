package io.siteroll.attendance;

import java.time.LocalDate;
import java.util.List;

/**
 * The valid-day definition in force from a date. Setting it recomputes the valid flag of daily
 * presence from that date on (the compliance rule sets call this when a rule set takes effect).
 */
public interface ValidDayRules {

	record InForce(LocalDate effectiveFrom, ValidDayRule rule, String setBy) {
	}

	List<InForce> history();

	ValidDayRule on(LocalDate day);

	/** Returns how many presence rows were recomputed. */
	int set(LocalDate effectiveFrom, ValidDayRule rule);
}
