package io.siteroll.enforcement;

import java.time.LocalDate;

import io.siteroll.platform.Page;

/** Bad-credit records, searchable by enterprise, person and the day they are valid on. */
public interface CreditRecords {

	record Search(Long enterpriseId, Long personId, Long projectId, LocalDate validOn) {
	}

	Page<CreditRecord> search(Search search, int page, int size);
}
