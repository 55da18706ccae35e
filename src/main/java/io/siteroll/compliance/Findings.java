package io.siteroll.compliance;

import java.time.YearMonth;
import java.util.Arrays;
import java.util.List;

import io.siteroll.platform.Checks;
import io.siteroll.platform.Page;

/** Findings of the projects the caller may see. */
public interface Findings {

	/** Rules and statuses are refused when unknown ({@code ?rule=R9}), not answered with an empty list. */
	record Search(YearMonth month, Long projectId, Long personId, String rule, String status, String region) {

		/** The rules the monthly evaluation judges, as a request names them. */
		public static final List<String> RULES = Arrays.stream(Rule.values()).filter(Rule::monthly).map(Rule::name).toList();

		public static final List<String> STATUSES = Arrays.stream(Finding.Status.values()).map(Enum::name).toList();

		public Search {
			rule = Checks.oneOf("rule", rule, RULES);
			status = Checks.oneOf("status", status, STATUSES);
		}
	}

	Page<Finding> search(Search search, int page, int size);

	Finding require(long findingId);

	List<Finding.Revision> revisions(long findingId);
}
