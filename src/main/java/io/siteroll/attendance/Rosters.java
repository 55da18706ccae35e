package io.siteroll.attendance;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * The people allowed through a project's gates, versioned so that a gate asks only for the changes
 * since the version it holds and decides locally when offline. A person who exits, whose post or
 * contract ends, or who is blacklisted appears once more with {@code allowed = false}.
 */
public interface Rosters {

	/**
	 * One person: allowed or not (with the reason), whether the platform holds a face photo to
	 * provision, and the last day they may pass unless something changes (contract end, exit, end of
	 * tenure), so that an offline gate stops admitting them on time.
	 */
	record Entry(long personId, String name, String kind, boolean allowed, RefusalReason reason, boolean hasFace,
			LocalDate validUntil) {
	}

	record Changes(long projectId, long since, long version, boolean complete, List<Entry> entries) {
	}

	/** The project's current roster version. */
	long version(long projectId);

	/** Changes since {@code since} (0: the whole roster, allowed people only). */
	Changes changesSince(long projectId, long since);

	/** The face photo of a person on the project's roster, released to that project's gate (audited). */
	Optional<byte[]> faceForGate(Gate gate, long personId);
}
