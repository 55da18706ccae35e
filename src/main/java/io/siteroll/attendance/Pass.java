package io.siteroll.attendance;

import java.time.Instant;
import java.time.LocalDateTime;

/**
 * A stored pass as shown to people (the person's name, never their ID number). Its codes are typed;
 * they serialize as their names.
 */
public record Pass(long id, long deviceId, long projectId, String sourceKey, String personRef, Long personId,
		String personName, Instant passedAt, LocalDateTime deviceLocalTime, int utcOffsetMinutes, Instant receivedAt,
		Gate.Direction direction, String attendType, PassRecord.Liveness liveness, Float livenessScore, boolean offline,
		PassOutcome outcome, RefusalReason refusalReason, Long photoId, String source) {
}
