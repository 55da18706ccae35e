package io.siteroll.attendance;

import java.time.Instant;
import java.time.LocalDateTime;

/** A stored pass as shown to people (the person's name, never their ID number). */
public record Pass(long id, long deviceId, long projectId, String sourceKey, String personRef, Long personId,
		String personName, Instant passedAt, LocalDateTime deviceLocalTime, int utcOffsetMinutes, Instant receivedAt,
		String direction, String attendType, String liveness, Float livenessScore, boolean offline, String outcome,
		String refusalReason, Long photoId, String source) {
}
