package io.siteroll.project;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import io.siteroll.platform.Page;
import io.swagger.v3.oas.annotations.media.Schema;

/**
 * Registering and running projects, their participating units and their stoppages. Every read is limited to
 * the caller's scope ({@link ProjectAccess}).
 */
public interface Projects {

	@Schema(name = "ProjectRegistration")
	record Registration(String name, String regionCode, String address, BigDecimal longitude, BigDecimal latitude,
			String category, String constructionNature, Long contractorId, LocalDate startDate,
			LocalDate plannedCompletionDate) {
	}

	record UnitRegistration(Long enterpriseId, String unitType, LocalDate entryDate) {
	}

	record StoppageDeclaration(LocalDate firstDay, LocalDate lastDay, String reason) {
	}

	/**
	 * The list's filters: text, region (with the divisions below it), status today and, optionally, the device
	 * coverage on a day ({@code coverageDay} null: today).
	 */
	record Search(String query, String regionCode, Project.Status status, CoverageState coverage, LocalDate coverageDay) {

		public Search(String query, String regionCode, Project.Status status) {
			this(query, regionCode, status, null, null);
		}
	}

	/** A registration's outcome: the new project, or the one already registered (一数一源). */
	record Registered(Project project, boolean created) {
	}

	/**
	 * Registers a project, or answers with the one already registered under the same general contractor, name and
	 * region (一数一源): the attempt to collect it again is recorded in the audit trail as {@code RECOLLECTION_ATTEMPT},
	 * the record is not changed.
	 */
	Registered register(Registration registration);

	Project update(long projectId, Registration registration);

	/** The project if the caller may see it, else {@link io.siteroll.platform.NotFound}. */
	Project require(long projectId);

	Page<Project> search(Search search, int page, int size);

	List<ParticipatingUnit> units(long projectId);

	ParticipatingUnit addUnit(long projectId, UnitRegistration unit);

	ParticipatingUnit exitUnit(long projectId, long unitId, LocalDate exitDate);

	List<Stoppage> stoppages(long projectId);

	/**
	 * Declares a stoppage. An officer overseeing the project declares it in force for any days. The
	 * enterprise side (administrator, labour clerk) declares it in force only from the day it declares
	 * it; one beginning earlier is recorded as {@link Stoppage.Status#PENDING}, a request an officer
	 * decides on ({@link #approveStoppage}, {@link #rejectStoppage}), and removes nothing meanwhile.
	 */
	Stoppage declareStoppage(long projectId, StoppageDeclaration declaration);

	/** An officer of the project's region, not its requester, puts a pending stoppage in force; audited. */
	Stoppage approveStoppage(long projectId, long stoppageId, String note);

	/** An officer of the project's region, not its requester, refuses a pending stoppage; audited. */
	Stoppage rejectStoppage(long projectId, long stoppageId, String note);

	Stoppage resume(long projectId, LocalDate resumptionDay);

	/**
	 * 责令停工: a stop-work order by an officer overseeing the project, from a day until lifted. The
	 * enterprise cannot resume it; the calendar and the rules leave its days out of construction days.
	 */
	Stoppage orderStoppage(long projectId, LocalDate firstDay, String reason);

	/** Lifts a stop-work order: work may resume on {@code resumptionDay}. */
	Stoppage liftOrderedStoppage(long projectId, long stoppageId, LocalDate resumptionDay);

	Project complete(long projectId, LocalDate completionDate);

	/**
	 * The stoppages awaiting a decision on the projects the caller oversees, oldest request first: an officer's
	 * queue of back-dated stoppages. Anyone else oversees nothing and gets an empty page.
	 */
	Page<Stoppage> pendingStoppages(int page, int size);
}
