package io.siteroll.enforcement;

import java.time.LocalDate;
import java.time.YearMonth;

import io.siteroll.platform.Page;

/**
 * Bad-credit records, searchable by enterprise, person, the day they are valid on, the region of their project (with
 * the regions below it) and the month they became valid in (a notice counts a month's records by that day).
 */
public interface CreditRecords {

	record Search(Long enterpriseId, Long personId, Long projectId, LocalDate validOn, String region,
			YearMonth validFromIn) {

		/** Without region and month: the search as it was before those filters. */
		public Search(Long enterpriseId, Long personId, Long projectId, LocalDate validOn) {
			this(enterpriseId, personId, projectId, validOn, null, null);
		}
	}

	Page<CreditRecord> search(Search search, int page, int size);
}
