package io.siteroll.notice;

import java.time.YearMonth;

import io.siteroll.identity.Actor;
import io.siteroll.platform.Page;

/**
 * Drafting, editing and issuing monthly notices (通报). A province officer drafts for the province or any region in
 * it, a city or county officer for its own region or one below it; each sees and issues only the notices of regions
 * it oversees. Issued notices are public ({@link #published}).
 */
public interface Notices {

	/** A new draft as the form sends it: the month as {@code 2026-11} and the region's code. */
	record Draft(String month, String regionCode) {
	}

	/** The narrative parts an officer writes; the figures are the platform's. */
	record Narrative(String preface, String measures, String closing) {
	}

	record Search(String status, String regionCode, YearMonth month) {
	}

	/** A notice with the figures it states (drafted now for a draft, as issued for an issued notice). */
	record Drafted(Notice notice, NoticeFigures figures) {
	}

	/** Drafts a notice for the current officer. */
	Notice draft(Draft draft);

	/**
	 * Drafts a notice in the name of {@code actor}, who must be an officer overseeing the region (e.g. the demo's
	 * story, which drafts as the province).
	 */
	Notice draft(Actor actor, YearMonth month, String regionCode);

	Notice edit(long noticeId, Narrative narrative);

	/** Numbers, dates and freezes the notice; only a draft, only by an officer overseeing its region. */
	Notice issue(long noticeId);

	/** A new draft correcting an issued notice: same month and region, its narrative to start from. */
	Notice correct(long noticeId);

	/** A notice of a region the caller oversees, with its figures. */
	Drafted require(long noticeId);

	/** An issued notice with its frozen figures, for anyone; a draft or unknown id is not found. */
	Drafted published(long noticeId);

	Page<Notice> search(Search search, int page, int size);
}
