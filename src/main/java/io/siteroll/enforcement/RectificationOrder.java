package io.siteroll.enforcement;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;

import io.siteroll.compliance.Escalation;

/**
 * 责令限期整改通知. States: ISSUED → ANSWERED (the addressee's report) → RECTIFIED or OVERDUE (the
 * re-check after the deadline); ISSUED → OVERDUE when the deadline passes unanswered; OVERDUE →
 * ESCALATED when the penalties are decided.
 */
public record RectificationOrder(long id, long projectId, String projectName, Long findingId, String rule, String post,
		Long subjectPersonId, String addressee, long addresseeEnterpriseId, Long addresseePersonId, String items,
		String legalBasis, LocalDate issuedOn, LocalDate deadline, String status, String answer, String answeredBy,
		Instant answeredAt, Map<String, Object> recheck, String issuedBy, Escalation.Proposal escalation) {

	public enum Status {
		ISSUED, ANSWERED, RECTIFIED, OVERDUE, ESCALATED;

		/** The transitions the order allows. */
		public boolean mayBecome(Status next) {
			return switch (this) {
				case ISSUED -> next == ANSWERED || next == OVERDUE || next == RECTIFIED;
				case ANSWERED -> next == RECTIFIED || next == OVERDUE;
				case OVERDUE -> next == ESCALATED;
				case RECTIFIED, ESCALATED -> false;
			};
		}
	}

	public record Transition(long id, String from, String to, String actor, Instant at, String note) {
	}
}
