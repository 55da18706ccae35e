package io.siteroll.audit;

import java.time.OffsetDateTime;

/** One stored entry of the trail, as read back. States are JSON text. */
public record AuditEntry(long id, OffsetDateTime at, String actor, String action, String subjectType,
		String subjectId, String before, String after) {
}
