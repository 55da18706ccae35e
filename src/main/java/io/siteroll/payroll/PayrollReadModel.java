package io.siteroll.payroll;

/**
 * What other modules may read of payroll in their own SQL (migrations V25, V26), as attendance and personnel offer theirs:
 * write the constant's {@link #sql()} into the statement, never the name as a literal.
 */
public enum PayrollReadModel {

	/**
	 * 欠薪: {@code unpaid_workers(project_id, month_first_day)} returns (person_id, valid_days): the workers with valid
	 * attendance days in the month and no paid line in any of the project's wage tables of that month.
	 */
	UNPAID_WORKERS("unpaid_workers"),

	/** {@code wage_account_held(project_id, day)}: the project has a wage account opened by the day and not closed. */
	WAGE_ACCOUNT_HELD("wage_account_held"),

	/** {@code wage_guarantee_held(project_id, day)}: a wage guarantee of the project in force on the day. */
	WAGE_GUARANTEE_HELD("wage_guarantee_held"),

	/**
	 * {@code wage_allocated(project_id, from, to)} returns (allocations, total): the labour-cost allocations received
	 * into the project's wage account in the period (both days included).
	 */
	ALLOCATED("wage_allocated"),

	/**
	 * {@code paid_without_attendance()} returns (project_id, month, person_id, net_pay): allowed lines of approved or
	 * paid tables (or paid lines) of workers with no valid attendance day in the table's month at the project.
	 */
	PAID_WITHOUT_ATTENDANCE("paid_without_attendance"),

	/**
	 * {@code payment_failed()} returns (project_id, month, person_id, payment, net_pay): lines the bank reported
	 * failed or returned and not paid since.
	 */
	PAYMENT_FAILED("payment_failed"),

	/**
	 * {@code wage_lines_unconfirmed()} returns (project_id, table_id, month, unit_id, lines, person_id): allowed lines
	 * of approved or paid tables without the worker's confirmation; {@code lines} counts the table's allowed lines.
	 */
	UNCONFIRMED_LINES("wage_lines_unconfirmed"),

	/**
	 * {@code payroll_workers(month_first_day)} returns (project_id, person_id): the workers on a month's payroll, the
	 * allowed lines of its approved or paid tables (R3's monthly variant counts them as employed).
	 */
	PAYROLL_WORKERS("payroll_workers");

	private final String sql;

	PayrollReadModel(String sql) {
		this.sql = sql;
	}

	/** The name of the function in SQL. */
	public String sql() {
		return sql;
	}
}
