package io.siteroll.enforcement;

import java.time.LocalDate;

import io.siteroll.compliance.Party;

/** 诚信不良行为记录 of an enterprise or a person, with its validity period; {@code role}: the party it names. */
public record CreditRecord(long id, long projectId, String projectName, Long orderId, Long penaltyId, Long findingId,
		Party role, Long enterpriseId, String enterpriseName, Long personId, String personName, String reason,
		String legalBasis, LocalDate validFrom, LocalDate validUntil) {
}
