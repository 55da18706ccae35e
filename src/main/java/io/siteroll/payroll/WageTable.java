package io.siteroll.payroll;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;

import io.siteroll.platform.Conflict;

/**
 * 工资表: one participating unit's wage table for one month on one project. The aggregate guards its lifecycle:
 * draft → checked (every line judged by the rule) → approved by the general contractor (总包代发) → paid (the
 * bank's result marks every allowed line paid).
 */
public record WageTable(long id, long projectId, long unitId, String unitName, YearMonth month, State state,
		Source source, String createdBy, OffsetDateTime approvedAt, String approvedBy, int lines, int allowedLines,
		int refusedLines, int confirmedLines, BigDecimal allowedTotal) {

	public enum State {
		/** 草稿 */
		DRAFT,
		/** 已校验 */
		CHECKED,
		/** 总包已审核 */
		APPROVED,
		/** 已发放 */
		PAID
	}

	public enum Source {
		/** 上传 */
		UPLOAD,
		/** 按考勤生成 */
		ATTENDANCE
	}

	/** Lines may be checked (again) until the table is approved. */
	public State check() {
		if (state != State.DRAFT && state != State.CHECKED) {
			throw new Conflict("state", "wage-table.not-editable");
		}
		return State.CHECKED;
	}

	/** Only a checked table is approved. */
	public State approve() {
		if (state != State.CHECKED) {
			throw new Conflict("state", "wage-table.not-checked");
		}
		return State.APPROVED;
	}

	/** A payment file comes only from an approved table. */
	public void requirePayable() {
		if (state != State.APPROVED && state != State.PAID) {
			throw new Conflict("state", "wage-table.not-approved");
		}
	}

	public LocalDate firstDay() {
		return month.atDay(1);
	}

	public LocalDate lastDay() {
		return month.atEndOfMonth();
	}
}
