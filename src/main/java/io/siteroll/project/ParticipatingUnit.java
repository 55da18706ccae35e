package io.siteroll.project;

import java.time.LocalDate;

/** 参建单位: an enterprise taking part in a project in one role (national 参建单位类型 code). */
public record ParticipatingUnit(long id, long projectId, long enterpriseId, String enterpriseName, String creditCode,
		String unitType, LocalDate entryDate, LocalDate exitDate) {

	public static final String GENERAL_CONTRACTOR = "009";

	public static final String OWNER = "008";

	public static final String SUPERVISION = "007";

	public static final String LABOUR_SUBCONTRACTOR = "006";

	public static final String SPECIALIST_SUBCONTRACTOR = "001";

	public boolean activeOn(LocalDate day) {
		return !entryDate.isAfter(day) && (exitDate == null || !exitDate.isBefore(day));
	}
}
