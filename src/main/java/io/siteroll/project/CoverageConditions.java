package io.siteroll.project;

import java.time.LocalDate;
import java.util.Map;

/**
 * Which projects are in a {@link CoverageState} on a day, as an SQL predicate the project search adds to its own:
 * implemented by the module that counts coverage (compliance, from its attendance tally), so that the list behind a
 * coverage figure counts the same projects as the figure, while the project module reads no device facts itself
 * (the device module depends on projects).
 */
public interface CoverageConditions {

	/** A predicate over a project id column; its named parameters start with {@code coverage_}. */
	record Condition(String sql, Map<String, Object> params) {
	}

	Condition of(CoverageState state, LocalDate day, String projectIdColumn);
}
