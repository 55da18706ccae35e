package io.siteroll.audit;

import java.util.Map;

/**
 * What happened to which subject, with its state before and after (masked, never clear personal
 * data). The actor and the time are added by the trail.
 */
public record AuditRecord(String action, String subjectType, String subjectId, Map<String, ?> before,
		Map<String, ?> after) {

	public static AuditRecord created(String subjectType, Object subjectId, Map<String, ?> after) {
		return new AuditRecord("CREATED", subjectType, String.valueOf(subjectId), null, after);
	}

	public static AuditRecord changed(String action, String subjectType, Object subjectId, Map<String, ?> before,
			Map<String, ?> after) {
		return new AuditRecord(action, subjectType, String.valueOf(subjectId), before, after);
	}
}
