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
 * @param basis per rule ({@code R1}, {@code R2}, {@code R3}): {@code basis} and {@code measures} texts
 */
public record RuleSet(long id, String code, String name, int keyPostPercent, int otherPostPercent, List<String> keyPosts,
		int shortfallPenaltyFrom, ValidDayRule validDayRule, int offlineToleranceDays, int rectificationDays,
		@Schema(description = "LOW_ATTENDANCE warning: the project's last construction days it looks at") int lowAttendanceDays,
		@Schema(description = "LOW_ATTENDANCE warning: required percentage of engaged worker-days with a valid day") int lowAttendancePercent,
		Map<String, Map<String, String>> basis, String definedBy) {
}
