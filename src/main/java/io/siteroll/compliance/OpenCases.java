package io.siteroll.compliance;

import java.util.List;

/**
 * How many findings and warnings are open per project, for a view of what needs attention (the enterprise's
 * workbench). The counts are those {@link Findings#search} and {@link Warnings#search} list with status
 * {@code OPEN} for one project, over the same projects the caller may see.
 */
public interface OpenCases {

	/** Open findings and open warnings of one project. */
	record Counts(long projectId, long findings, long warnings) {
	}

	/** The projects the caller may see that have an open finding or warning, each with its counts. */
	List<Counts> perProject();
}
