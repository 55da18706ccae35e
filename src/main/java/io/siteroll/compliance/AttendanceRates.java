package io.siteroll.compliance;

import java.time.LocalDate;
import java.util.List;

/**
 * 考勤率 and 覆盖率 (docs/domain.md §12, targets), over the caller's projects. The attendance rate of a
 * period is worker-days with a valid attendance day ÷ worker-days registered on site (workers engaged
 * on a construction day), per project, county, city or the province, per day or per month. Coverage
 * counts started projects and how many are equipped with a device and connected.
 */
public interface AttendanceRates {

	enum Level {
		PROJECT, COUNTY, CITY, PROVINCE
	}

	enum Period {
		DAY, MONTH
	}

	record Rate(String key, String name, LocalDate period, long registeredWorkerDays, long attendedWorkerDays,
			Double ratePercent) {
	}

	/**
	 * 关键岗位人员到岗率: post-days of the key posts (the rule set in force for the day's month) held on a
	 * construction day, and how many of them the holder had a valid attendance day on the project.
	 */
	record DutyRate(String key, String name, LocalDate period, long postDays, long attendedPostDays, Double ratePercent) {
	}

	record Coverage(String key, String name, LocalDate day, long startedProjects, long equippedProjects,
			long connectedProjects) {
	}

	List<Rate> rates(Level level, Period period, LocalDate from, LocalDate to, String region);

	/**
	 * The key managers' on-duty rate over the same scope and with the same validation as {@link #rates}: for each
	 * key post (SQL {@code key_post(post, rule_set)} of the rule set in force in the day's month) held on each
	 * construction day, whether its holder had a valid attendance day on that project.
	 */
	List<DutyRate> dutyRates(Level level, Period period, LocalDate from, LocalDate to, String region);

	/**
	 * A group's worker-days and key-post-days in a period with those attended: {@link Rate} and {@link DutyRate} of
	 * the same group and period side by side (a side with nothing due counts zero).
	 */
	record RateAndDuty(String key, String name, LocalDate period, long registeredWorkerDays, long attendedWorkerDays,
			long postDays, long attendedPostDays) {
	}

	/**
	 * {@link #rates} and {@link #dutyRates} answered together from one read of the attendance tally (the dashboard
	 * needs both for the same groups and days; two reads cost twice the scan): every group and period either of them
	 * answers, with the same figures.
	 */
	List<RateAndDuty> ratesAndDuty(Level level, Period period, LocalDate from, LocalDate to, String region);

	List<Coverage> coverage(Level level, LocalDate day, String region);
}
