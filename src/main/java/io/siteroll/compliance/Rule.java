package io.siteroll.compliance;

/**
 * What a finding or an order rests on. {@link #R1}, {@link #R2} and {@link #R3} are the checklist's three
 * rules judged every month (docs/domain.md §9); {@link #DEVICE_TEST} is a gate failing an inspector's
 * function test; {@link #OTHER} an order an officer writes for anything else; {@link #WAGES} what the wage
 * warnings watch. Labels: {@code label.Rule.<name>}.
 */
public enum Rule {

	/** 考勤设备配备与联网: a device by the start date, heard on the construction days. */
	R1,

	/** 管理人员到岗履职: each manager attends enough of the construction days of the tenure. */
	R2,

	/** 作业人员实名考勤: every engaged worker has a valid attendance day. */
	R3,

	/** 现场功能测试: a gate accepted a printed photo, a screen, a replayed video or a mask. */
	DEVICE_TEST,

	/** Anything else an officer orders rectified. */
	OTHER,

	/**
	 * 工资支付: the wage account, the guarantee, the allocations and the payment of wages (《保障农民工工资支付条例》
	 * arts. 26–34, 54–57), watched daily by the wage warnings, not judged by the monthly evaluation.
	 */
	WAGES;

	/** Whether the monthly evaluation judges this rule. */
	public boolean monthly() {
		return this == R1 || this == R2 || this == R3;
	}
}
