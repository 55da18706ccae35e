package io.siteroll.compliance;

import java.util.List;
import java.util.Map;

import io.siteroll.attendance.ValidDayRule;
import io.swagger.v3.oas.annotations.media.Schema;

/**
 * A rule set: the numbers of rules R1, R2 and R3 and of the daily warnings, and the legal basis and measures
 * (处理措施) of each rule. Every threshold a rule or warning compares against is here and nowhere else; how it is
 * compared is defined once (R2's {@code required_percent} and {@code attendance_short} SQL functions, R3's
 * penalty threshold in {@link Escalation#penaltyAtOnce}).
 *
 * @param keyPostPercent required attendance of key posts (80)
 * @param otherPostPercent required attendance of the other managers (70)
 * @param keyPosts the posts held to {@code keyPostPercent}
 * @param shortfallPenaltyFrom a worker shortfall of this many or more leads to a penalty (16: 15人（不含15人）以上)
 * @param validDayRule what makes a valid attendance day
 * @param offlineToleranceDays construction days without any device heard before R1 is broken
 * @param rectificationDays default deadline of a rectification order
 * @param lowAttendanceDays the {@code LOW_ATTENDANCE} warning looks at the project's last this many construction days (7)
 * @param lowAttendancePercent the {@code LOW_ATTENDANCE} warning: worker-days with a valid day below this percentage of
 * the worker-days engaged (80)
 * @param basis per rule ({@code R1}, {@code R2}, {@code R3}, {@code WAGES}): {@code basis} and {@code measures} texts
 * @param r3CountsPayroll R3's monthly variant (DOMAIN.md R3): the workers actually employed in a month are those
 * engaged on one of its construction days and also those on its payroll (approved wage tables); off by default
 */
public record RuleSet(long id, String code, String name, int keyPostPercent, int otherPostPercent, List<String> keyPosts,
		int shortfallPenaltyFrom, ValidDayRule validDayRule, int offlineToleranceDays, int rectificationDays,
		@Schema(description = "LOW_ATTENDANCE warning: the project's last construction days it looks at") int lowAttendanceDays,
		@Schema(description = "LOW_ATTENDANCE warning: required percentage of engaged worker-days with a valid day") int lowAttendancePercent,
		Map<String, Map<String, String>> basis, String definedBy,
		@Schema(description = "R3 monthly: the workers on the month's payroll count as employed, beside those engaged (default false)") boolean r3CountsPayroll) {

	/** A rule set without R3's payroll variant. */
	public RuleSet(long id, String code, String name, int keyPostPercent, int otherPostPercent, List<String> keyPosts,
			int shortfallPenaltyFrom, ValidDayRule validDayRule, int offlineToleranceDays, int rectificationDays,
			int lowAttendanceDays, int lowAttendancePercent, Map<String, Map<String, String>> basis, String definedBy) {
		this(id, code, name, keyPostPercent, otherPostPercent, keyPosts, shortfallPenaltyFrom, validDayRule,
				offlineToleranceDays, rectificationDays, lowAttendanceDays, lowAttendancePercent, basis, definedBy, false);
	}
}
