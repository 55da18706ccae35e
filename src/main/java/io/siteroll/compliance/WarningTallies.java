package io.siteroll.compliance;

import java.time.LocalDate;
import java.util.List;

/**
 * 预警 counted over a region, in one statement each instead of paging through {@link Warnings#search}: raised and
 * handled in a period per kind (the monthly notice, 通报), raised per kind and month and open now (the dashboard).
 * Over the caller's projects.
 */
public interface WarningTallies {

	/**
	 * One kind's warnings raised in the period; {@code handled} those of them cleared since or reviewed by an officer
	 * (confirmed or dismissed), so that raised − handled are still waiting.
	 */
	record Tally(Warning.Kind kind, long raised, long handled) {
	}

	/** Every kind, in the order of {@link Warning.Kind}, zero where none was raised. */
	List<Tally> tally(LocalDate from, LocalDate to, String region);

	/** Warnings of a kind raised in a month (the first of the month). */
	record Raised(Warning.Kind kind, LocalDate month, long count) {
	}

	/** Raised from {@code from} to {@code to} (both included) per kind and month; {@code region} null: all visible. */
	List<Raised> raisedByKindAndMonth(LocalDate from, LocalDate to, String region);

	/** Open warnings now; {@code region} null: all visible. */
	long open(String region);

	/** Open warnings of one kind now (the dashboard's arrears, 欠薪预警); {@code region} null: all visible. */
	long open(String region, Warning.Kind kind);
}
