package io.siteroll.notice.web;

import java.time.YearMonth;

import io.siteroll.compliance.Warning;

/**
 * Where each figure of a notice can be traced: the list that counts it, with the filters it has. The month is the
 * notice's; lists without a month or region filter are reported in docs/notice.md.
 */
record FigureLinks(YearMonth month) {

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

	public String warnings(Warning.Kind kind) {
		return "/compliance?month=" + month + "&kind=" + kind.name();
	}

	public String orders(String status) {
		return status == null ? "/orders" : "/orders?status=" + status;
	}

	public String creditRecords() {
		return "/credit-records";
	}

	public String typicalCase() {
		return "/typical-cases";
	}
}
