package io.siteroll.project;

import java.time.LocalDate;

/**
 * 停工: days on which the project does not build. {@code lastDay} null: not resumed yet. Only a
 * stoppage {@link Status#IN_FORCE in force} removes construction days: one declared by an officer, a
 * stop-work order ({@code kind} ORDERED), one the enterprise side declared from the day it declared
 * it ({@code declaredOn}) or later, or an earlier one an officer approved.
 */
public record Stoppage(long id, long projectId, LocalDate firstDay, LocalDate lastDay, String reason, String kind,
		String declaredBy, Status status, LocalDate declaredOn, String decidedBy, String decisionNote) {

	public enum Status {
		/** Removes construction days. */
		IN_FORCE,
		/** Declared by the enterprise side for days before its declaration: awaits an officer. */
		PENDING,
		/** Refused by an officer: removes nothing, kept as history. */
		REJECTED
	}

	public boolean covers(LocalDate day) {
		return !day.isBefore(firstDay) && (lastDay == null || !day.isAfter(lastDay));
	}

	public boolean inForce() {
		return status == Status.IN_FORCE;
	}
}
