package io.siteroll.payroll;

/**
 * What other modules may read of payroll in their own SQL (migration V25), as attendance and personnel offer theirs:
 * write the constant's {@link #sql()} into the statement, never the name as a literal.
 */
public enum PayrollReadModel {

	/**
	 * 欠薪: {@code unpaid_workers(project_id, month_first_day)} returns (person_id, valid_days): the workers with valid
	 * attendance days in the month and no paid line in any of the project's wage tables of that month.
	 */
	UNPAID_WORKERS("unpaid_workers");

	private final String sql;

	PayrollReadModel(String sql) {
		this.sql = sql;
	}

	/** The name of the function in SQL. */
	public String sql() {
		return sql;
	}
}
