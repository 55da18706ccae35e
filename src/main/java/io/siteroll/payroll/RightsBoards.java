package io.siteroll.payroll;

import java.time.LocalDate;
import java.util.List;

import io.siteroll.project.ParticipatingUnit;
import io.siteroll.project.Project;

/**
 * 维权信息告示牌 (条例 art. 34): what the general contractor posts at the site's entrance, generated from the project's
 * own records: the units (owner, general contractor, subcontractors), the project manager and the 劳资专管员 with their
 * phones, the wage account's bank (number masked), the pay date, the wage guarantee, the local minimum wage, the
 * housing department with its named contact, and the complaint and legal-aid lines.
 */
public interface RightsBoards {

	/** A person to call: name and phone (null when none is on file); null as a whole when the post is vacant. */
	record Person(String name, String phone) {
	}

	/** The competent department: its official name and the contact it named (null when none). */
	record Department(String name, String contactName, String contactPost, String contactPhone) {
	}

	/**
	 * @param owners 建设单位 (owner units)
	 * @param subcontractors the other participating units that build or employ workers on site
	 * @param payDay the day of the following month by which a month's wages are paid
	 * @param minimumWage the configured local minimum wage, null when none is configured
	 * @param guarantee the newest wage guarantee, null when none is recorded
	 */
	record RightsBoard(Project project, List<ParticipatingUnit> owners, String generalContractor,
			List<ParticipatingUnit> subcontractors, Person projectManager, Person labourOfficer, WageAccount account,
			int payDay, WageAccounts.Guarantee guarantee, String minimumWage, Department department,
			String complaintLine, String legalAidLine, LocalDate generatedOn) {
	}

	/** The board of a project the caller sees. */
	RightsBoard of(long projectId);
}
