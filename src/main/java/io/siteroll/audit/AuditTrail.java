package io.siteroll.audit;

import java.util.List;

/** Appends to and reads the audit trail. Appending joins the caller's transaction. */
public interface AuditTrail {

	void record(AuditRecord record);

	void recordAll(List<AuditRecord> records);

	List<AuditEntry> forSubject(String subjectType, String subjectId);

	List<AuditEntry> latest(int limit);

	/** Recomputes the hash chain; true when no entry was altered, removed or inserted out of order. */
	boolean verifyChain();
}
