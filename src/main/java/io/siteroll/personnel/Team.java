package io.siteroll.personnel;

import java.time.LocalDate;

/** 班组: a team of a participating unit on a project, with its leader. */
public record Team(long id, long projectId, long unitId, String unitName, String name, Long leaderPersonId,
		String leaderName, LocalDate entryDate, LocalDate exitDate, long activeWorkers) {
}
