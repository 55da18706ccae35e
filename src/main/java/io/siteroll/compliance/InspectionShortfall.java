package io.siteroll.compliance;

import java.time.LocalDate;
import java.util.List;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * R3 judged on an inspection day (检查当日): the on-site headcount the inspectors counted against the
 * workers with a valid attendance day that day; a shortfall below the rule set's penalty threshold calls for a
 * rectification order, one at or above it for a penalty ({@link Escalation#responsibility}). The inspection record
 * itself belongs to
 * enforcement; this is the arithmetic it relies on.
 */
public interface InspectionShortfall {

	/**
	 * @param measure what the shortfall calls for, or null when nobody is missing
	 * @param responsible who answers for it, or null when nobody is missing
	 */
	@Schema(name = "InspectionShortfallResult")
	record Result(long projectId, LocalDate day, int headcount, int workersWithValidDay, int shortfall,
			@Schema(nullable = true, description = "null when nobody is missing") Measure measure,
			@Schema(nullable = true, description = "null when nobody is missing") Party responsible, long ruleSetId,
			String ruleSetCode, String legalBasis, List<Long> presentPersonIds) {
	}

	Result judge(long projectId, LocalDate day, Integer headcount);
}
