package io.siteroll.attendance;

import java.time.Instant;
import java.time.LocalDate;

/**
 * 作假线索: something at a gate that looks like fraud, with the evidence an officer needs to judge it (the record of
 * its {@link #kind}, see {@link FraudSignalEvidence#typeOf}).
 */
public record FraudSignal(long id, Kind kind, Long projectId, Long deviceId, Long personId, LocalDate day,
		Instant detectedAt, FraudSignalEvidence evidence) {

	public enum Kind {
		/** The same or a near-identical photo used for different passes. */
		REPLAYED_PHOTO,
		/** The same person at two projects too far apart for the time between the passes. */
		IMPOSSIBLE_TRAVEL,
		/** Passes whose liveness check failed at a device (a photo, a screen or a mask held up). */
		LIVENESS_FAILURES
	}
}
