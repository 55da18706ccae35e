package io.siteroll.compliance.internal;

import io.siteroll.platform.SqlSearch;

/**
 * The filters findings and warnings are both searched by: their status (open ones unless another is asked for) and
 * the region of their project with the regions below it. Both queries join the project's region as {@code r}.
 */
final class CaseFilters {

	private CaseFilters() {
	}

	/** Adds the status of {@code alias} (the finding or warning table) and the region filter. */
	static SqlSearch.Where statusAndRegion(SqlSearch.Where where, String alias, String status, String region) {
		String wanted = SqlSearch.code(status);
		return where.and(alias + ".status = :status", "status", wanted == null ? "OPEN" : wanted)
			.and("r.path like (select path from region where code = :region) || '%'", "region", SqlSearch.text(region));
	}
}
