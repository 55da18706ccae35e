package io.siteroll.compliance;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

import io.siteroll.platform.Checks;
import io.siteroll.platform.Page;

/**
 * Daily warnings: a started project without a registered device; a device offline (silent for more than the
 * device module's tolerance, {@code DeviceSilence}; also raised the moment the device is marked offline and cleared
 * when it is heard again); a key manager (the rule set's key posts) who can no longer reach the key-post percentage
 * this month even by attending every remaining construction day (raised that very day); unregistered people refused
 * at the gate; workers' attendance under the rule set's low-attendance percentage over its window of last
 * construction days; and the wages (docs/payroll.md): no wage account or no wage guarantee on a project under
 * construction, no allocation in a completed month with construction days, arrears (欠薪) after a month's pay date,
 * pay for a month without attendance, a payment failed and not re-paid, a table not confirmed by its workers after
 * the pay date. Refreshed every night for the day before, and on demand.
 */
public interface Warnings {

	/**
	 * Kinds and statuses are refused when unknown, not answered with an empty list. Status null means open warnings
	 * only, {@link #ALL} every status (a month's warnings counted as raised, whatever became of them), {@link #HANDLED}
	 * those cleared since or reviewed by an officer (as a notice counts them handled); {@code raisedIn}
	 * keeps the warnings raised on a day of that month, {@code region} those of projects in the region or below it.
	 */
	record Search(Long projectId, Long personId, String kind, String status, String region, YearMonth raisedIn) {

		/** The status filter that keeps every status. */
		public static final String ALL = "ALL";

		/** The status filter that keeps the warnings cleared or reviewed (confirmed or dismissed). */
		public static final String HANDLED = "HANDLED";

		/** Every status filter a search accepts. */
		public static final List<String> FILTERS = Stream
			.concat(Arrays.stream(Warning.Status.values()).map(Enum::name), Stream.of(HANDLED, ALL))
			.toList();

		public static final List<String> KINDS = Arrays.stream(Warning.Kind.values()).map(Enum::name).toList();

		public static final List<String> STATUSES = Arrays.stream(Warning.Status.values()).map(Enum::name).toList();

		public Search {
			kind = Checks.oneOf("kind", kind, KINDS);
			status = Checks.oneOf("status", status, FILTERS);
		}

		/** Without a month: the search as it was before the month filter. */
		public Search(Long projectId, Long personId, String kind, String status, String region) {
			this(projectId, personId, kind, status, region, null);
		}

		public boolean allStatuses() {
			return ALL.equals(status);
		}
	}

	record Refresh(LocalDate asOf, int raised, int updated, int cleared, int open) {
	}

	Refresh refresh(LocalDate asOf);

	/** An officer of the project's region confirms (CONFIRMED) or dismisses (DISMISSED) a warning, with a reason. */
	record Review(String decision, String reason) {
	}

	Warning review(long warningId, Review review);

	/** A warning of a project the caller may see. */
	Warning require(long warningId);

	Page<Warning> search(Search search, int page, int size);
}
