package io.siteroll.enforcement;

import io.siteroll.platform.OfficialDocument;

/**
 * 行政处罚决定书: a penalty decision as the official document an officer prints and serves, and the deciding of it in
 * the officer's department's name and series, as the pages do it (the API records decisions made elsewhere, with
 * the maker and number they were given there).
 */
public interface PenaltyDocument {

	/** Who decides (决定机关: the caller's department) and the number its next decision would take. */
	record Numbering(String department, String nextNumber) {
	}

	/** The caller's department and its next number; an officer's only. */
	Numbering numbering();

	/**
	 * Decides a penalty as {@link Penalties#decide} does, in the caller's department's name and numbered in its
	 * series at once ({@code decisionMaker} and {@code documentNumber} of the decision are ignored); a refused decision
	 * takes no number.
	 */
	Penalty decide(Penalties.Decision decision);

	/** The full name of whom a decision is on: the enterprise's registered name or the person's name. */
	String addressee(Penalty penalty);

	/** The document of a decision the caller may see. */
	OfficialDocument document(long penaltyId);

	/** The document as PDF, with the CJK font embedded. */
	byte[] pdf(long penaltyId);
}
