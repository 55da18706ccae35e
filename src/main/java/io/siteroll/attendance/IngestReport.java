package io.siteroll.attendance;

import java.util.List;

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

	public record Result(String sourceKey, Status status, String outcome, String reason) {
	}
}
