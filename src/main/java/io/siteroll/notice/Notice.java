package io.siteroll.notice;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;

/**
 * 通报: a department's monthly notice on its region. A draft's narrative (preface, measures, closing) is edited by
 * the department's officers; issuing numbers it in the department's series, dates it and freezes its figures; an
 * issued notice never changes, a correction is a new notice that names the one it corrects.
 *
 * @param number the document number (文号), null until issued
 * @param corrects the notice this one corrects, null for an original
 */
public record Notice(long id, String regionCode, String regionName, YearMonth month, Status status, String preface,
		String measures, String closing, String number, LocalDate issuedOn, String issuedBy, Long corrects,
		String correctsNumber, String draftedBy, Instant draftedAt) {

	public enum Status {
		/** 草稿 */
		DRAFT,
		/** 已印发 */
		ISSUED
	}

	public boolean issued() {
		return status == Status.ISSUED;
	}
}
