package io.siteroll.compliance.internal;

import io.siteroll.compliance.Warnings;
import io.siteroll.platform.SqlSearch;
import io.siteroll.region.RegionSubtree;

/**
 * The filters findings and warnings are both searched by: their status (open ones unless another is asked for) and
 * the region of their project with the regions below it. Both queries join the project's region as {@code r}.
 */
final class CaseFilters {

	private CaseFilters() {
	}

	/**
	 * Adds the status of {@code alias} (the finding or warning table) and the region filter; status {@code ALL}
	 * (warnings only, checked by their search) filters on no status, {@code HANDLED} keeps the warnings cleared or
	 * reviewed.
	 */
	static SqlSearch.Where statusAndRegion(SqlSearch.Where where, String alias, String status, String region) {
		String wanted = SqlSearch.code(status);
		if (Warnings.Search.ALL.equals(wanted) || Warnings.Search.HANDLED.equals(wanted)) {
			if (Warnings.Search.HANDLED.equals(wanted)) {
				where.and("(" + alias + ".status = 'CLEARED' or " + alias + ".review is not null)");
			}
			return where.and(RegionSubtree.REGION_R, "region",
					SqlSearch.text(region));
		}
		return where.and(alias + ".status = :status", "status", wanted == null ? "OPEN" : wanted)
			.and(RegionSubtree.REGION_R, "region", SqlSearch.text(region));
	}
}
