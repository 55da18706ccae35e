package io.siteroll.payroll;

import java.io.InputStream;
import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.List;
import java.util.Set;

/**
 * 工资表 through their lifecycle: made (uploaded or built from attendance), checked line by line against the rule,
 * confirmed by the workers, approved by the general contractor, paid through the bank's disbursement file and
 * closed by the bank's result. The lines kept are the wage ledger (工资支付台账).
 */
public interface WageTables {

	/** A line as uploaded: identity and card in clear (never stored so), pay items and deductions. */
	record NewLine(String idNumber, String name, String bankCardNumber, String bankCode, BigDecimal basicPay,
			BigDecimal otherPay, BigDecimal deductions) {

		@Override
		public String toString() {
			return "NewLine[name=" + name + "]";
		}
	}

	record Upload(Long unitId, YearMonth month, List<NewLine> lines) {
	}

	/** Lines for every worker of the unit with valid days in the month: days × the daily wage. */
	record FromAttendance(Long unitId, YearMonth month, BigDecimal dailyWage) {
	}

	/** The payment file as produced: its name, type and bytes (card numbers in clear: never stored). */
	record PaymentFile(String fileName, String contentType, byte[] content, int lines, BigDecimal total) {
	}

	/** What a result import changed: lines marked per outcome. */
	record ResultImport(int paid, int failed, int returned, WageTable table) {
	}

	WageTable upload(long projectId, Upload upload);

	WageTable uploadExcel(long projectId, long unitId, YearMonth month, InputStream xlsx);

	byte[] template();

	WageTable fromAttendance(long projectId, FromAttendance request);

	WageTable require(long tableId);

	List<WageTable> tables(long projectId, YearMonth month);

	List<WageLine> lines(long tableId);

	WageTable check(long tableId);

	WageLine confirm(long tableId, long lineId);

	/**
	 * Records the confirmations of the listed lines at once (the workers signed the printed table, 条例 art. 31);
	 * lines already confirmed stay as they were. A line not in the table is refused by its index in the list.
	 */
	WageTable confirmAll(long tableId, List<Long> lineIds);

	/**
	 * The participating units whose wage tables the caller makes on the project: every unit for whoever manages the
	 * project, its own units for a subcontractor's enterprise administrator, none for others.
	 */
	Set<Long> compilableUnits(long projectId);

	WageTable approve(long tableId);

	PaymentFile paymentFile(long tableId, String format);

	ResultImport importResults(long tableId, String format, InputStream file);

	WageLine line(long tableId, long lineId);
}
