package io.siteroll.national;

import java.time.Instant;

/**
 * One change SiteRoll owes the national platform: a registry record (its {@link Subject}) added or updated, queued in
 * the transaction that changed it, and where its report stands.
 */
public record NationalReport(long id, long projectId, Subject subject, long subjectId, Change change, State state,
		String label, Instant queuedAt, int attempts, Instant nextAttemptAt, String serialCode, Instant settledAt,
		String refusal, String lastError) {

	/** What the report is of, in the upload order. Labels: {@code national.subject.<name>}. */
	public enum Subject {

		PROJECT(NationalMethod.PROJECT_ADD, NationalMethod.PROJECT_UPDATE),
		UNIT(NationalMethod.SUBCONTRACTOR_ADD, NationalMethod.SUBCONTRACTOR_UPDATE),
		TEAM(NationalMethod.TEAM_ADD, NationalMethod.TEAM_UPDATE),
		WORKER(NationalMethod.WORKER_ADD, NationalMethod.WORKER_UPDATE),
		CONTRACT(NationalMethod.CONTRACT_ADD, NationalMethod.CONTRACT_ADD),
		ENTRY_EXIT(NationalMethod.ENTRY_EXIT_ADD, NationalMethod.ENTRY_EXIT_ADD),
		ATTENDANCE(NationalMethod.ATTENDANCE_ADD, NationalMethod.ATTENDANCE_ADD);

		private final NationalMethod add;

		private final NationalMethod update;

		Subject(NationalMethod add, NationalMethod update) {
			this.add = add;
			this.update = update;
		}

		/** The method that reports this change of the subject. */
		public NationalMethod method(Change change) {
			return change == Change.ADD ? add : update;
		}
	}

	public enum Change {
		ADD, UPDATE
	}

	/** Labels: {@code national.state.<name>}. */
	public enum State {

		/** Waiting for its turn (or for a retry after the platform could not be reached). */
		PENDING,

		/** Being sent; after a crash here, the platform is asked whether it holds the record before any resend. */
		SENDING,

		/** Accepted for processing, its serial code polled until settled. */
		SENT,

		/** Settled successfully. */
		ACCEPTED,

		/** Settled failed or refused, with the platform's reason: waits for the record's correction. */
		REFUSED
	}
}
