package io.siteroll.enforcement;

import java.util.List;

/**
 * How many rectification orders are still open per project, for a view of what needs attention (the enterprise's
 * workbench): overdue ones (the re-check after the deadline found them not rectified), and those awaiting the
 * addressee's report or the re-check. The counts are those {@link RectificationOrders#search} lists for one project
 * and status, over the same projects the caller may see.
 */
public interface OpenOrders {

	/** A project's orders by status: {@code overdue} OVERDUE, {@code issued} ISSUED, {@code answered} ANSWERED. */
	record Counts(long projectId, long overdue, long issued, long answered) {

		/** Open and not yet overdue: waiting for the report or for the re-check. */
		public long open() {
			return issued + answered;
		}
	}

	/** The projects the caller may see that have an overdue or open order, each with its counts. */
	List<Counts> perProject();
}
