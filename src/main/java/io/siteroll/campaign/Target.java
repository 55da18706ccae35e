package io.siteroll.campaign;

/** What a campaign aims at, as a percentage the regions are measured against. */
public record Target(Kind kind, int percent) {

	public enum Kind {
		/** 全覆盖: every started project equipped with gates connected to the platform (100 % in the seed). */
		COVERAGE,
		/** 人员考勤率: workers' attendance rate (80 % in the seed). */
		WORKER_ATTENDANCE,
		/** 关键岗位到岗履职率: key managers' on-duty rate (the rule set's key-post percentage in the seed). */
		KEY_MANAGER_DUTY
	}

	/** True when a measured rate (in percent) reaches the target. */
	public boolean reachedBy(double ratePercent) {
		return ratePercent >= percent;
	}
}
