package io.siteroll.compliance;

import java.time.LocalDate;

/**
 * 预警: a condition the platform watches every day, raised with its evidence and cleared when it ends.
 *
 * @param evidence what the watch observed, of the record {@link WarningEvidence#typeOf(Kind)} names
 */
public record Warning(long id, Kind kind, long projectId, String projectName, String subject, Status status,
		LocalDate raisedOn, LocalDate clearedOn, Long personId, String personName, Long deviceId,
		WarningEvidence evidence, Review review, String reviewReason, String reviewedBy) {

	/** The conditions watched. Labels: {@code label.Warning.Kind.<name>}. */
	public enum Kind {

		/** 开工未配备考勤设备: a started project without a device. */
		NO_DEVICE,

		/** 设备离线: a project's devices not heard within the tolerance. */
		DEVICE_OFFLINE,

		/** A key manager who can no longer reach the month's required attendance. */
		KEY_MANAGER_UNREACHABLE,

		/** Someone not registered by real name refused at the gate. */
		UNREGISTERED_AT_GATE,

		/** Workers' attendance rate over the recent construction days below the threshold. */
		LOW_ATTENDANCE,

		/** 未开设农民工工资专用账户: a project under construction without a wage account (art. 26, 55). */
		NO_WAGE_ACCOUNT,

		/** 未存储工资保证金: a project under construction without a wage guarantee where configuration requires one (art. 32, 55). */
		NO_WAGE_GUARANTEE,

		/** 人工费用未按月拨付: a completed month with construction days and no allocation into the wage account (art. 29, 56). */
		NO_ALLOCATION,

		/** 欠薪预警: workers with valid attendance days in a month and no paid wage line, after the month's pay date. */
		WAGE_ARREARS,

		/** 无考勤发薪: approved or paid wage lines of workers with no valid attendance day in the month. */
		PAY_WITHOUT_ATTENDANCE,

		/** 代发失败未重发: wage lines the bank failed or returned, not paid since. */
		PAYMENT_FAILED,

		/** 工资表未经工人确认: an approved or paid table with lines its workers have not confirmed, after the pay date. */
		TABLE_UNCONFIRMED;

		/** The rule an order issued from a warning of this kind rests on. */
		public Rule rule() {
			return switch (this) {
				case NO_DEVICE, DEVICE_OFFLINE -> Rule.R1;
				case KEY_MANAGER_UNREACHABLE -> Rule.R2;
				case UNREGISTERED_AT_GATE, LOW_ATTENDANCE -> Rule.R3;
				case NO_WAGE_ACCOUNT, NO_WAGE_GUARANTEE, NO_ALLOCATION, WAGE_ARREARS, PAY_WITHOUT_ATTENDANCE, PAYMENT_FAILED,
						TABLE_UNCONFIRMED -> Rule.WAGES;
			};
		}

		/**
		 * 第五十五条 cases: a wage account not opened, a wage guarantee not stored. An order from such a warning that is
		 * not rectified in time calls for 责令停工 and a fine of 50 000–100 000 CNY on the construction enterprise.
		 */
		public boolean article55() {
			return this == NO_WAGE_ACCOUNT || this == NO_WAGE_GUARANTEE;
		}
	}

	public enum Status {
		OPEN, CLEARED
	}

	/** An officer's review of a warning. */
	public enum Review {
		CONFIRMED, DISMISSED
	}
}
