package io.siteroll.attendance;

/**
 * What other modules may read of attendance in their own SQL: named views the attendance module owns
 * (migration V11), so that a set-based statement elsewhere reads attendance's facts through its API and the module
 * graph shows the dependency. Write the constant's {@link #sql()} into the statement, never the name as a literal.
 */
public enum AttendanceReadModel {

	/** 有效考勤日: project_id, person_id, day, by the valid-day rule in force on the day. */
	VALID_DAY("valid_attendance_day"),

	/**
	 * 当月有效考勤 (migration V34): month (its first day), project_id, person_id, valid_days (at least 1): the people with a
	 * valid day at a project in a calendar month, kept by the statement that writes the days.
	 */
	PRESENT_IN_MONTH("present_in_month"),

	/** People unknown to the platform refused at a project's gate: project_id, person_ref, at. */
	UNREGISTERED_REFUSAL("unregistered_refusal"),

	/**
	 * Accepted passes of registered people (migration V29): project_id, person_id, device_id, channel (the gate's
	 * channel name), passed_at, received_at (when SiteRoll was told), direction (IN/OUT), attend_type.
	 */
	ACCEPTED_PASS("accepted_pass");

	private final String sql;

	AttendanceReadModel(String sql) {
		this.sql = sql;
	}

	/** The name of the view in SQL. */
	public String sql() {
		return sql;
	}
}
