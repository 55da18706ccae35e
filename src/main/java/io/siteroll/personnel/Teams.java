package io.siteroll.personnel;

import java.time.LocalDate;
import java.util.List;

import io.swagger.v3.oas.annotations.media.Schema;

public interface Teams {

	@Schema(name = "TeamRegistration")
	record Registration(Long unitId, String name, Long leaderPersonId, LocalDate entryDate) {
	}

	Team create(long projectId, Registration registration);

	/** The teams the caller may see on a project. */
	List<Team> teams(long projectId);

	Team require(long projectId, long teamId);
}
