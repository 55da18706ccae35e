package io.siteroll.compliance;

import java.util.List;
import java.util.Map;

import io.siteroll.attendance.ValidDayRule;

/**
 * A rule set: the numbers of rules R1, R2 and R3 and the legal basis and measures (处理措施) of each.
 *
 * @param keyPostPercent required attendance of key posts (80)
 * @param otherPostPercent required attendance of the other managers (70)
 * @param keyPosts the posts held to {@code keyPostPercent}
 * @param shortfallPenaltyFrom a worker shortfall of this many or more leads to a penalty (16: 15人（不含15人）以上)
 * @param validDayRule what makes a valid attendance day
 * @param offlineToleranceDays construction days without any device heard before R1 is broken
 * @param rectificationDays default deadline of a rectification order
 * @param basis per rule ({@code R1}, {@code R2}, {@code R3}): {@code basis} and {@code measures} texts
 */
public record RuleSet(long id, String code, String name, int keyPostPercent, int otherPostPercent, List<String> keyPosts,
		int shortfallPenaltyFrom, ValidDayRule validDayRule, int offlineToleranceDays, int rectificationDays,
		Map<String, Map<String, String>> basis, String definedBy) {
}
