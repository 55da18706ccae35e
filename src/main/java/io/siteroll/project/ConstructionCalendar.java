package io.siteroll.project;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;

/**
 * 施工日: the one answer to "which days are construction days of project P". A day is one when the
 * project has started, is not completed before that day and no stoppage covers it. Backed by the SQL
 * function {@code construction_days(project, from, to)}, which set-based rules use directly.
 */
public interface ConstructionCalendar {

	List<LocalDate> constructionDays(long projectId, LocalDate from, LocalDate to);

	default List<LocalDate> constructionDays(long projectId, YearMonth month) {
		return constructionDays(projectId, month.atDay(1), month.atEndOfMonth());
	}

	boolean isConstructionDay(long projectId, LocalDate day);
}
