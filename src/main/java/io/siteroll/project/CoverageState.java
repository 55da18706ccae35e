package io.siteroll.project;

/**
 * A project's device coverage on a day (覆盖: 配备 and 联网), as the dashboard counts it: started (started by the day and
 * not completed before it), and among those equipped with a device or not, connected (a device heard that day) or not.
 * The project list filters by it (labels {@code coverage.state.*}); the figures and the filter are defined by the
 * module that owns coverage, through {@link CoverageConditions}.
 */
public enum CoverageState {
	STARTED, EQUIPPED, NO_DEVICE, CONNECTED, NOT_CONNECTED
}
