package io.siteroll.personnel;

/**
 * What other modules may read of personnel in their own SQL: named views the personnel module owns (migration
 * V11), so that a set-based statement elsewhere reads personnel's facts through its API and the module graph shows
 * the dependency. Write the constant's {@link #sql()} into the statement, never the name as a literal.
 */
public enum PersonnelReadModel {

	/** Manager posts with their tenure: id, project_id, person_id, post, participating_unit_id, tenure_from, tenure_to. */
	MANAGER_TENURE("manager_tenure"),

	/** 进场/退场: project_id, person_id, entry_date, exit_date. */
	WORKER_ENGAGEMENT("worker_engagement_period");

	private final String sql;

	PersonnelReadModel(String sql) {
		this.sql = sql;
	}

	/** The name of the view in SQL. */
	public String sql() {
		return sql;
	}
}
