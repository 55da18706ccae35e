package io.siteroll.compliance;

import java.time.YearMonth;
import java.util.List;

import io.siteroll.platform.Checks;
import io.siteroll.platform.Page;

/** Findings of the projects the caller may see. */
public interface Findings {

	/** Rules and statuses are refused when unknown ({@code ?rule=R9}), not answered with an empty list. */
	record Search(YearMonth month, Long projectId, Long personId, String rule, String status, String region) {

		public static final List<String> RULES = List.of("R1", "R2", "R3");

		public static final List<String> STATUSES = List.of("OPEN", "WITHDRAWN");

		public Search {
			rule = Checks.oneOf("rule", rule, RULES);
			status = Checks.oneOf("status", status, STATUSES);
		}
	}

	Page<Finding> search(Search search, int page, int size);

	Finding require(long findingId);

	List<Finding.Revision> revisions(long findingId);
}
