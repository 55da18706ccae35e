package io.siteroll.compliance;

import java.time.YearMonth;
import java.util.List;

import io.siteroll.platform.Page;

/** Findings of the projects the caller may see. */
public interface Findings {

	record Search(YearMonth month, Long projectId, Long personId, String rule, String status, String region) {
	}

	Page<Finding> search(Search search, int page, int size);

	Finding require(long findingId);

	List<Finding.Revision> revisions(long findingId);
}
