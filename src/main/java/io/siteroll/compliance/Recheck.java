package io.siteroll.compliance;

import java.time.LocalDate;
import java.util.Map;

/**
 * Whether a rule still fails after a rectification deadline (整改期满复查), judged on the facts after it:
 * R2 over the first full month after the deadline (the post judged as the monthly evaluation would); R1 and R3
 * over the construction days from the day after the deadline to yesterday.
 */
public interface Recheck {

	record Verdict(boolean rectified, LocalDate from, LocalDate to, Map<String, Object> evidence) {
	}

	Verdict judge(String rule, long projectId, Long personId, LocalDate deadline);
}
