package io.siteroll.compliance;

import java.time.LocalDate;
import java.util.List;

/**
 * Warnings counted for an overview (the dashboard): raised per kind and month, and still open, over the projects
 * the caller may see in a region, counted in one statement each instead of paging through {@link Warnings#search}.
 */
public interface WarningCounts {

	/** Warnings of a kind raised in a month (the first of the month). */
	record Raised(Warning.Kind kind, LocalDate month, long count) {
	}

	/** Raised from {@code from} to {@code to} (both included) per kind and month; {@code region} null: all visible. */
	List<Raised> raisedByKindAndMonth(LocalDate from, LocalDate to, String region);

	/** Open warnings now; {@code region} null: all visible. */
	long open(String region);
}
