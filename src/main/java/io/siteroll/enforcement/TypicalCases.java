package io.siteroll.enforcement;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** 典型案例: penalties a province officer chooses to publish; the list is public. */
public interface TypicalCases {

	record TypicalCase(long id, long penaltyId, String title, String summary, String projectName, String legalBasis,
			List<Penalty.Sanction> measures, LocalDate decidedOn, String documentNumber, Instant publishedAt) {
	}

	record Publication(Long penaltyId, String title, String summary) {
	}

	TypicalCase publish(Publication publication);

	List<TypicalCase> published();
}
