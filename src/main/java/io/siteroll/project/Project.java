package io.siteroll.project;

import java.math.BigDecimal;
import java.time.LocalDate;

/** A project as shown to users. */
public record Project(long id, String code, String name, String regionCode, String regionPath, String address,
		BigDecimal longitude, BigDecimal latitude, String category, String constructionNature, long contractorId,
		String contractorName, LocalDate startDate, LocalDate plannedCompletionDate, LocalDate completionDate,
		Status status) {

	/** 项目状态 on a day, derived from the calendar. */
	public enum Status {
		/** 筹备: not started yet. */
		NOT_STARTED,
		/** 在建 */
		UNDER_CONSTRUCTION,
		/** 停工 */
		STOPPED,
		/** 完工 */
		COMPLETED
	}
}
