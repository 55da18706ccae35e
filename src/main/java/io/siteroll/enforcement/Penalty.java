package io.siteroll.enforcement;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/** 行政处罚决定: on whom, under which rule, what measures, by whom, when, with which document number. */
public record Penalty(long id, long projectId, Long orderId, Long findingId, String party, Long enterpriseId,
		Long personId, String legalBasis, List<String> measures, BigDecimal fineYuan, Long stoppageId, String status,
		String decisionMaker, LocalDate decidedOn, String documentNumber, LocalDate liftedOn) {

	/** The measures a decision may take. */
	public static final List<String> MEASURES = List.of("FINE", "STOP_WORK", "CONTRACT_RESTRICTION",
			"QUALIFICATION_LOWERED", "QUALIFICATION_REVOKED", "WARNING_NOTICE");
}
