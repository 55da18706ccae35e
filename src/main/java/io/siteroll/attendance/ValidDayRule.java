package io.siteroll.attendance;

/** What makes a day a valid attendance day (有效考勤日). */
public enum ValidDayRule {
	/** 吉建管〔2021〕6号: any accepted pass. */
	ANY_PASS,
	/** 吉建规〔2023〕11号: at least two passes, first and last at least four hours apart. */
	TWO_PASSES_4H
}
