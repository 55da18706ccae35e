package io.siteroll.enforcement;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * What the departments did over a region (检查、整改、处罚、信用), counted in one statement each: the figures a
 * monthly notice (通报) states for a period, and the dashboard's orders by status and penalties of a period. Over the
 * caller's projects.
 */
public interface EnforcementTallies {

	/**
	 * @param inspections inspections held in the period, on {@code inspectedProjects} distinct projects
	 * @param functionTests device function tests tried in those inspections, {@code functionTestsFailed} of them failed
	 * @param ordersIssued rectification orders issued in the period; of them {@code ordersRectified} rectified,
	 *        {@code ordersOverdue} found overdue (escalated included) and {@code ordersOpen} still awaiting the report or
	 *        the re-check, as they stand now
	 * @param penalties penalty decisions taken in the period, with {@code finesYuan} the fines they impose
	 * @param creditRecords bad-credit records valid from a day in the period
	 */
	record Tally(long inspections, long inspectedProjects, long functionTests, long functionTestsFailed, long ordersIssued,
			long ordersRectified, long ordersOverdue, long ordersOpen, long penalties, BigDecimal finesYuan,
			long creditRecords) {
	}

	Tally tally(LocalDate from, LocalDate to, String region);

	/** 典型案例 published from penalties decided in the period on projects of the region, the earliest decision first. */
	List<TypicalCases.TypicalCase> typicalCases(LocalDate from, LocalDate to, String region);

	/** Penalty decisions dated in the period and the fines they impose (yuan). */
	record Penalised(long decisions, BigDecimal fineYuan) {
	}

	/** Orders per status now, every status present (zero when none). */
	Map<RectificationOrder.Status, Long> ordersByStatus(String region);

	Penalised penalised(LocalDate from, LocalDate to, String region);
}
