package io.siteroll.project;

import java.time.LocalDate;

/** 停工: days on which the project does not build. {@code lastDay} null: not resumed yet. */
public record Stoppage(long id, long projectId, LocalDate firstDay, LocalDate lastDay, String reason, String kind,
		String declaredBy) {

	public boolean covers(LocalDate day) {
		return !day.isBefore(firstDay) && (lastDay == null || !day.isAfter(lastDay));
	}
}
