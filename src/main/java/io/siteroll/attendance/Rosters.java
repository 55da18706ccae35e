package io.siteroll.attendance;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Map;
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

	/**
	 * The project's current roster version: the greatest roster version committed on it (0: none), read
	 * without a lock. The same as {@code versions(List.of(projectId)).get(projectId)}.
	 */
	long version(long projectId);

	/**
	 * The current roster version of each project asked about, read in one statement (so all of one moment):
	 * every project asked about is a key, 0 for a project with no roster rows or none at all.
	 */
	Map<Long, Long> versions(Collection<Long> projectIds);

	/** Changes since {@code since} (0: the whole roster, allowed people only). */
	Changes changesSince(long projectId, long since);

	/** The face photo of a person on the project's roster, released to that project's gate (audited). */
	Optional<byte[]> faceForGate(Gate gate, long personId);
}
