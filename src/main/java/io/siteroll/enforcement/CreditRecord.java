package io.siteroll.enforcement;

import java.time.LocalDate;

/** 诚信不良行为记录 of an enterprise or a person, with its validity period. */
public record CreditRecord(long id, long projectId, String projectName, Long orderId, Long penaltyId, Long findingId,
		String role, Long enterpriseId, String enterpriseName, Long personId, String personName, String reason,
		String legalBasis, LocalDate validFrom, LocalDate validUntil) {
}
