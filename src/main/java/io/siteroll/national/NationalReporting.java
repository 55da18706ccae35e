package io.siteroll.national;

import java.util.List;

/** 全国平台上报: what a project has reported to the national platform, what waits and what was refused. */
public interface NationalReporting {

	/** Counts of a project's reports by state. */
	record Tally(long pending, long sent, long accepted, long refused) {

		public long total() {
			return pending + sent + accepted + refused;
		}
	}

	/** Whether reporting is switched on, and where to. */
	record Connection(boolean enabled, String endpoint) {
	}

	Connection connection();

	/** The project's tally; the caller must see the project. */
	Tally tally(long projectId);

	/** The project's reports, newest first, refused ones first of all; the caller must see the project. */
	List<NationalReport> reports(long projectId, int limit);

	/** Sends what is due now: one round of the sender (the scheduler calls it; so may an operator). */
	void sendDue();
}
