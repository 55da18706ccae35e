package io.siteroll.privacy;

/**
 * Shows personal data in clear to a viewer whose account holds the reveal permission, and records
 * every such view in the audit trail (who, when, whose, which field; never the value).
 */
public interface PersonalDataReveals {

	String reveal(String subjectType, Object subjectId, String field, String purpose, byte[] cipher);

	byte[] revealBytes(String subjectType, Object subjectId, String field, String purpose, byte[] cipher);
}
