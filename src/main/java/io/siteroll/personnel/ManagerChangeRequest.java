package io.siteroll.personnel;

import java.time.LocalDate;
import java.time.OffsetDateTime;

/** A request to replace the project manager or chief supervisor, approved or rejected by an officer. */
public record ManagerChangeRequest(long id, long projectId, Post post, Long outgoingPostId, long incomingPersonId,
		String incomingPersonName, long incomingUnitId, LocalDate effectiveDate, String reason, Status status,
		String requestedBy, OffsetDateTime requestedAt, String decidedBy, OffsetDateTime decidedAt, String decisionNote) {

	public enum Status {
		PENDING, APPROVED, REJECTED
	}
}
