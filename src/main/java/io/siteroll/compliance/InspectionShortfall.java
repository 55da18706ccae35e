package io.siteroll.compliance;

import java.time.LocalDate;
import java.util.List;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * R3 judged on an inspection day (检查当日): the on-site headcount the inspectors counted against the
 * workers with a valid attendance day that day; 1 to 15 missing → rectification order, 16 or more →
 * penalty (thresholds from the rule set in force). The inspection record itself belongs to
 * enforcement; this is the arithmetic it relies on.
 */
public interface InspectionShortfall {

	@Schema(name = "InspectionShortfallResult")
	record Result(long projectId, LocalDate day, int headcount, int workersWithValidDay, int shortfall, String measure,
			String responsible, long ruleSetId, String ruleSetCode, String legalBasis, List<Long> presentPersonIds) {
	}

	Result judge(long projectId, LocalDate day, Integer headcount);
}
