package io.siteroll.attendance;

import java.util.List;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * What happened to each pass of an upload, returned only after the transaction committed: a device
 * may forget every pass reported STORED or DUPLICATE.
 */
public record IngestReport(int stored, int duplicates, int refused, int rejected, List<Result> results) {

	public enum Status {
		/** Newly stored (accepted or refused at the gate: see outcome). */
		STORED,
		/** Already stored earlier under the same device and key; nothing changed. */
		DUPLICATE,
		/** Not stored: the pass breaks a rule (reason names it). The device should not resend it unchanged. */
		REJECTED
	}

	@Schema(name = "PassResult")
	/**
	 * {@code counts}: whether the stored pass counts for attendance (false for a pass refused at the gate
	 * or whose liveness check failed, reason {@code pass.liveness-failed}); null when nothing was stored.
	 */
	public record Result(String sourceKey, Status status, PassOutcome outcome, String reason, Boolean counts) {

		public Result(String sourceKey, Status status, PassOutcome outcome, String reason) {
			this(sourceKey, status, outcome, reason, null);
		}
	}
}
