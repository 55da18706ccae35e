package io.siteroll.demo;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import io.siteroll.attendance.Gate;
import io.siteroll.project.Project;

/** One project of the demo province and the part it plays in the story. */
final class DemoSite {

	/**
	 * What happens to a project; the first projects play the story's parts in this order (the first six in fixed
	 * regions, so that each city account has its own), the rest are ordinary and mostly comply.
	 */
	enum Part {
		/** 南关区, the enterprise and clerk accounts' project: its gate went silent on two days of last month (R1). */
		GATE_SILENT_TWO_DAYS,
		/** 朝阳区 (长春市): the project manager attended 70 % of last month's construction days (R2). */
		MANAGER_AT_70,
		/** 吉林市: the chief supervisor attended 78 % (R2, the supervision company answers). */
		SUPERVISOR_AT_78,
		/** 四平市: the safety officer passes once a day, not a valid day under the 2023 rule (R2). */
		SAFETY_OFFICER_ONCE_A_DAY,
		/** 延吉市: a team of which 9 workers never came last month (R3, an order), found at an inspection too. */
		SHORTFALL_9,
		/** 长春新区: 20 workers never came (R3, a penalty on the project manager at once). */
		SHORTFALL_20,
		/** No gate ever: ordered to connect, overdue, fined and stopped (stop-work order, typical case). */
		NEVER_CONNECTED,
		/** Started two days into last month, its gate registered three days late (R1); ordered and rectified. */
		GATE_REGISTERED_LATE,
		/** A declared stoppage of seven days last month. */
		STOPPAGE,
		/** Completed during last month. */
		COMPLETED,
		/** The project manager replaced mid-month through an approved change request. */
		MANAGER_CHANGED,
		/** Its technical lead was at another project, far away, within the same hour (impossible journey). */
		TRAVELLER,
		/** The project the traveller also passed at. */
		TRAVEL_DESTINATION,
		/** Two workers' passes carry the same photo (replayed photo). */
		REPLAYED_PHOTO,
		/** Its gates fell silent three days ago (offline now). */
		OFFLINE_NOW,
		/** Inspected last month with two workers short; ordered, and rectified by the deadline. */
		INSPECTED_RECTIFIED,
		ORDINARY;

		static Part of(int index) {
			return index < ORDINARY.ordinal() ? values()[index] : ORDINARY;
		}
	}

	final int index;

	final Part part;

	final Project project;

	final LocalDate start;

	final List<Gate> gates = new ArrayList<>();

	/** The day the project was completed during the story, or null. */
	LocalDate completed;

	/** The day the gates were registered, or null. */
	LocalDate gatesFrom;

	DemoSite(int index, Part part, Project project, LocalDate start) {
		this.index = index;
		this.part = part;
		this.project = project;
		this.start = start;
	}

	long id() {
		return project.id();
	}

	boolean started(LocalDate today) {
		return !start.isAfter(today);
	}
}
