package io.siteroll.compliance;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * The rule sets and which one is in force from which month. A province officer defines an adjusted
 * rule set or adopts one from the first day of a month; a month is always evaluated under the rule
 * set in force for it. Adopting one for a month that has already begun or been evaluated is refused
 * unless the officer asks for a retroactive adoption explicitly, with a reason; the months already
 * evaluated are then re-evaluated, each change a revision of its finding. Everything is audited.
 */
public interface RuleSets {

	/** {@code reevaluated}: the months re-evaluated by a retroactive adoption (empty otherwise and in listings). */
	record Adoption(LocalDate effectiveFrom, RuleSet ruleSet, String adoptedBy, boolean retroactive, String reason,
			List<YearMonth> reevaluated) {
	}

	/**
	 * An adjusted rule set: every number left out is copied from {@code basedOn} (or from the rule set in force).
	 * {@code lowAttendanceDays}: at least 1 construction day, at most as many as the warning looks back over;
	 * {@code lowAttendancePercent}: 1 to 100; {@code r3CountsPayroll}: R3's monthly variant counting the payroll.
	 */
	record Definition(String code, String name, Integer keyPostPercent, Integer otherPostPercent, List<String> keyPosts,
			Integer shortfallPenaltyFrom, String validDayRule, Integer offlineToleranceDays, Integer rectificationDays,
			Long basedOn,
			@Schema(description = "LOW_ATTENDANCE warning: how many of the project's last construction days it looks at, at least 1 and at most the warning's look-back (default: the base's)") Integer lowAttendanceDays,
			@Schema(description = "LOW_ATTENDANCE warning: worker-days with a valid day below this percentage of worker-days engaged, 1 to 100 (default: the base's)") Integer lowAttendancePercent,
			@Schema(description = "R3 monthly: count the workers on the month's payroll as employed too (default: the base's)") Boolean r3CountsPayroll) {

		/** A definition that leaves R3's payroll variant as the base has it. */
		public Definition(String code, String name, Integer keyPostPercent, Integer otherPostPercent, List<String> keyPosts,
				Integer shortfallPenaltyFrom, String validDayRule, Integer offlineToleranceDays, Integer rectificationDays,
				Long basedOn, Integer lowAttendanceDays, Integer lowAttendancePercent) {
			this(code, name, keyPostPercent, otherPostPercent, keyPosts, shortfallPenaltyFrom, validDayRule,
					offlineToleranceDays, rectificationDays, basedOn, lowAttendanceDays, lowAttendancePercent, null);
		}
	}

	List<RuleSet> all();

	RuleSet require(long id);

	List<Adoption> adoptions();

	RuleSet inForce(YearMonth month);

	RuleSet define(Definition definition);

	default Adoption adopt(long ruleSetId, LocalDate effectiveFrom) {
		return adopt(ruleSetId, effectiveFrom, false, null);
	}

	Adoption adopt(long ruleSetId, LocalDate effectiveFrom, boolean retroactive, String reason);
}
