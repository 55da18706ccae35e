package io.siteroll.sharing;

import java.util.List;
import java.util.stream.Stream;

/** What a consumer may read, one data set per endpoint {@code /api/sharing/{dataset}}. */
public enum DataSet {

	/** 项目: code, name, region, address, general contractor, start date, status today. */
	PROJECTS,
	/** 工人: one row per engagement (a worker on a project). */
	WORKERS,
	/** 考勤: per project and day, the workers present and those with a valid day. */
	ATTENDANCE;

	public List<SharedField> fields() {
		return Stream.of(SharedField.values()).filter(f -> f.dataSet() == this).toList();
	}

	/** The path segment: {@code projects}, {@code workers}, {@code attendance}. */
	public String path() {
		return name().toLowerCase(java.util.Locale.ROOT);
	}
}
