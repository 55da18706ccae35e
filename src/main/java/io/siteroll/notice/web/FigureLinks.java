package io.siteroll.notice.web;

import java.time.YearMonth;

import io.siteroll.compliance.Warning;

/**
 * Where each figure of a notice can be traced: the list that counts exactly it, filtered by the notice's month and
 * region (the region and everything below it, as the figures are counted). Coverage (equipped, connected) still
 * opens the nearest list, a division's projects; docs/notice.md says so.
 */
record FigureLinks(YearMonth month, String regionCode) {

	/** A division's started projects (and the coverage counted over them). */
	public String projects(String regionCode) {
		return "/projects?region=" + regionCode;
	}

	public String project(long projectId) {
		return "/projects/" + projectId;
	}

	/** A project's month of attendance, the rates are counted from. */
	public String attendance(long projectId) {
		return "/projects/" + projectId + "/attendance-sheet?month=" + month;
	}

	/** The warnings of a kind raised in the month, whatever became of them since. */
	public String warnings(Warning.Kind kind) {
		return warnings(kind, "ALL");
	}

	/** Of those, the ones handled: cleared since or reviewed by an officer. */
	public String handledWarnings(Warning.Kind kind) {
		return warnings(kind, "HANDLED");
	}

	private String warnings(Warning.Kind kind, String status) {
		return "/compliance?month=" + month + "&region=" + regionCode + "&kind=" + kind.name() + "&warningsMonth=" + month
				+ "&warningsStatus=" + status;
	}

	/**
	 * The orders issued in the month with the statuses a figure counts (comma-separated: overdue is
	 * {@code OVERDUE,ESCALATED}, open {@code ISSUED,ANSWERED}); null: every status.
	 */
	public String orders(String status) {
		return "/orders?region=" + regionCode + "&month=" + month + (status == null ? "" : "&status=" + status);
	}

	/** The inspections held in the month (and the projects inspected, the function tests in them). */
	public String inspections() {
		return "/inspections?region=" + regionCode + "&month=" + month;
	}

	/** The penalties decided in the month (their count and the sum of their fines). */
	public String penalties() {
		return "/penalties?region=" + regionCode + "&month=" + month;
	}

	/** The bad-credit records valid from a day of the month. */
	public String creditRecords() {
		return "/credit-records?region=" + regionCode + "&month=" + month;
	}

	public String typicalCase() {
		return "/typical-cases";
	}
}
