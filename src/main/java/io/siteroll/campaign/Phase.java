package io.siteroll.campaign;

import java.time.LocalDate;

/** One phase of a campaign, from its first to its last day (both included). */
public record Phase(Kind kind, LocalDate from, LocalDate to) {

	/** The phases of the seed's plan (吉建管〔2021〕6号 四、工作计划), in the order they follow each other. */
	public enum Kind {
		/** 宣传自查自纠阶段: sites check themselves against the plan, departments survey their projects. */
		SELF_CHECK,
		/** 全面实施阶段: departments act on warnings and inspections, the province spot-checks. */
		FULL_IMPLEMENTATION,
		/** 总结阶段: departments sum up what they learnt and plan what follows. */
		SUMMARY
	}

	public boolean contains(LocalDate day) {
		return !day.isBefore(from) && !day.isAfter(to);
	}

	/** Days in the phase, both ends included. */
	public long days() {
		return to.toEpochDay() - from.toEpochDay() + 1;
	}
}
