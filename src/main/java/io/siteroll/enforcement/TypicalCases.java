package io.siteroll.enforcement;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import io.siteroll.compliance.Party;
import io.siteroll.platform.Page;

/** 典型案例: penalties a province officer chooses to publish; the list is public. */
public interface TypicalCases {

	record TypicalCase(long id, long penaltyId, String title, String summary, String projectName, String legalBasis,
			List<Penalty.Sanction> measures, LocalDate decidedOn, String documentNumber, Instant publishedAt) {
	}

	record Publication(Long penaltyId, String title, String summary) {
	}

	/**
	 * A penalty not yet published, as a province officer chooses among them: the facts a title and summary are
	 * written from ({@code enterpriseName} the penalised enterprise, or the project manager's employer).
	 */
	record Candidate(long penaltyId, long projectId, String projectName, Long orderId, Party party, String enterpriseName,
			String legalBasis, List<Penalty.Sanction> measures, BigDecimal fineYuan, String decisionMaker,
			LocalDate decidedOn, String documentNumber) {
	}

	TypicalCase publish(Publication publication);

	List<TypicalCase> published();

	/** One page of the published cases, the latest first. */
	Page<TypicalCase> published(int page, int size);

	/** Province officers only: one page of the penalties not yet published, the latest first; of one order if given. */
	Page<Candidate> publishable(Long orderId, int page, int size);

	/** Province officers only: a penalty not yet published. */
	Candidate candidate(long penaltyId);
}
