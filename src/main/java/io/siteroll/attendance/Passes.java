package io.siteroll.attendance;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

import io.siteroll.platform.Checks;
import io.siteroll.platform.Page;

/** 通行记录: ingestion from gates, and the scoped views officers and enterprises read. */
public interface Passes {

	/**
	 * Stores a batch from one gate in one transaction, deduplicated on (device, source key), and
	 * updates daily presence and fraud signals. Passes by people not allowed on the project are
	 * stored as refused, never dropped. Passes older than the backlog window or from the future beyond
	 * the clock tolerance are rejected with a reason.
	 */
	IngestReport ingest(Gate gate, List<PassRecord> passes);

	/** What happened to a photo sent apart from its pass (ZKTeco ATTPHOTO). */
	enum PhotoOutcome {
		/** Stored and attached to its pass. */
		ATTACHED,
		/** The pass already has a photo: nothing changed. */
		ALREADY_ATTACHED,
		/** No pass of this device, person and time is stored (yet): nothing stored. */
		NO_SUCH_PASS,
		/** Not a readable JPEG, or larger than allowed: nothing stored. */
		UNREADABLE
	}

	/** Attaches a photo to the pass of this gate, person and device-local time. */
	PhotoOutcome attachPhoto(Gate gate, String personRef, OffsetDateTime deviceTime, byte[] jpeg);

	/** Passes of a person, a period and an outcome; each is optional. */
	record Search(Long personId, LocalDate from, LocalDate to, PassOutcome outcome) {

		/** From a request's parameters: an unknown outcome is refused, not answered with an empty list. */
		public static Search of(Long personId, LocalDate from, LocalDate to, String outcome) {
			String known = Checks.oneOf("outcome", outcome, PassOutcome.names());
			return new Search(personId, from, to, known == null ? null : PassOutcome.valueOf(known));
		}
	}

	Page<Pass> search(long projectId, Search search, int page, int size);

	/**
	 * The photo taken with a pass, in clear: needs the reveal permission and is audited (a face is
	 * personal data). Empty when the photo has been purged after its retention period.
	 */
	Optional<byte[]> revealPhoto(long photoId);

	/** How many passes a gate let through over a period (accepted passes, whatever their liveness verdict). */
	record GateCount(long deviceId, long accepted, long refused) {
	}

	/**
	 * Each gate's passes at a project from {@code from} to {@code to} (whole days, Asia/Shanghai), for the gates
	 * page; gates without a pass in the period are absent.
	 */
	List<GateCount> countsByGate(long projectId, LocalDate from, LocalDate to);
}
