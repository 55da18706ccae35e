package io.siteroll.payroll;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * One worker's line of a wage table: days worked (from attendance, never typed), pay items, deductions, net pay,
 * the verdict of the rule with its reasons, the worker's confirmation and the bank's result. Card and ID number
 * only masked.
 */
public record WageLine(long id, long tableId, int lineNo, Long personId, String personName, String idNumberMasked,
		String cardMasked, String bankCode, int daysWorked, BigDecimal basicPay, BigDecimal otherPay,
		BigDecimal deductions, BigDecimal netPay, Boolean allowed, List<Refusal> refusals, OffsetDateTime confirmedAt,
		Payment payment, String paymentNote) {

	/** Why a line may not be paid from the wage account (the rule, 条例 art. 26–31, DOMAIN.md R3). */
	public enum Refusal {
		/** 未实名登记: the person is not in the registry. */
		NOT_REGISTERED,
		/** 本月未在本项目进场: registered, but not engaged on the project in the month. */
		NOT_ENGAGED,
		/** 本月前已退场: the engagement on the project ended before the month. */
		EXITED_BEFORE_MONTH,
		/**
		 * 非本单位工人: engaged on the project in the month, but in a team of another participating unit than the
		 * table's (each unit's wage table is for its own teams' workers).
		 */
		OTHER_UNIT,
		/** 非本人工资卡: the card is not the worker's own card on file. */
		NOT_OWN_CARD,
		/** 班组长银行卡: the card is a team leader's. */
		TEAM_LEADER_CARD
	}

	/** The bank's result for a paid-out line (回单). */
	public enum Payment {
		/** 已到账 */
		PAID,
		/** 失败 */
		FAILED,
		/** 退回 */
		RETURNED
	}
}
