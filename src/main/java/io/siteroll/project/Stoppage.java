package io.siteroll.project;

import java.time.LocalDate;

/**
 * 停工: days on which the project does not build. {@code lastDay} null: not resumed yet. Only a
 * stoppage {@link Status#IN_FORCE in force} removes construction days: one declared by an officer, a
 * stop-work order ({@link Kind#ORDERED}), one the enterprise side declared from the day it declared
 * it ({@code declaredOn}) or later, or an earlier one an officer approved.
 */
public record Stoppage(long id, long projectId, LocalDate firstDay, LocalDate lastDay, String reason, Kind kind,
		String declaredBy, Status status, LocalDate declaredOn, String decidedBy, String decisionNote) {

	/** Who stopped the work: labels {@code label.Stoppage.Kind.<CONSTANT>}. */
	public enum Kind {
		/** Declared by the project (weather, holidays, …), resumed by the project. */
		DECLARED,
		/** 责令停工: ordered by an officer; only an officer lifts it. */
		ORDERED
	}

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

	/**
	 * Whether this stoppage shares a day with the days from {@code first} to {@code last} ({@code last} null:
	 * open-ended, as is this stoppage's own {@code lastDay} when null). Two stoppages of a project may not
	 * share a day: a day is stopped once, and a resumption must name the one stoppage it ends.
	 */
	public boolean overlaps(LocalDate first, LocalDate last) {
		return (lastDay == null || !first.isAfter(lastDay)) && (last == null || !last.isBefore(firstDay));
	}

	public boolean overlaps(Stoppage other) {
		return overlaps(other.firstDay, other.lastDay);
	}

	/** Not resumed yet: only a resumption (or lifting an order) gives it a last day. */
	public boolean open() {
		return lastDay == null;
	}

	public boolean inForce() {
		return status == Status.IN_FORCE;
	}

	/** In force or awaiting a decision: what a new stoppage must not overlap. A rejected one is history. */
	public boolean standing() {
		return status != Status.REJECTED;
	}

	public boolean ordered() {
		return kind == Kind.ORDERED;
	}
}
