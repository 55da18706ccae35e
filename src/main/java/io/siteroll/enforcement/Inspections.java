package io.siteroll.enforcement;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;

import io.siteroll.platform.Page;

/**
 * Inspections by officers of the project's region. A failed device function test issues a
 * rectification order to the construction enterprise with the rule set's deadline; an officer
 * re-inspects after it.
 */
public interface Inspections {

	record Record(LocalDate day, String inspectors, Boolean devicesEquipped, Boolean devicesConnected,
			List<String> managersPresent, Integer headcount, String notes, List<TestRecord> functionTests) {
	}

	/**
	 * One function test as the inspectors record it: the attack as its code ({@link Inspection.Attack}), so that an
	 * unknown one is refused by name together with the record's other mistakes.
	 */
	record TestRecord(Long deviceId, String attack, Boolean passed, String evidence) {
	}

	/** A file the inspectors bring back (a photo, a signed checklist), as a form uploads it. */
	record Upload(String fileName, String contentType, byte[] content) {
	}

	/** An inspection on file: when and by whom it was recorded, and what was attached to it. */
	record Filed(Inspection inspection, Instant recordedAt, List<Attachment> attachments) {
	}

	Inspection record(long projectId, Record record);

	/** One of the inspection's attachments, opened in clear (audited); for whoever sees the inspection. */
	Attachment.File attachment(long inspectionId, long attachmentId);

	/**
	 * Records an inspection and its attachments in one transaction, as the inspection form sends them: a refused
	 * attachment saves nothing, neither the inspection nor the order a failed test would issue.
	 */
	Inspection record(long projectId, Record record, List<Upload> attachments);

	/** One page of the project's inspections, the latest first. */
	Page<Inspection> forProject(long projectId, int page, int size);

	Filed filed(long inspectionId);

	Inspection require(long inspectionId);

	List<Inspection> forProject(long projectId);

	/** Inspections across projects: of projects in {@code region} or below it, held on a day of {@code heldIn}. */
	record Search(String region, YearMonth heldIn) {
	}

	/** An inspection in a list across projects, with the name of its project. */
	record Listed(Inspection inspection, String projectName) {
	}

	/**
	 * The inspections of the projects an officer oversees, the latest first: the list a notice's count of a month's
	 * inspections and function tests opens. Only officers: the enterprise side reads them per project.
	 */
	Page<Listed> search(Search search, int page, int size);

	/** Adds a photo or document (stored encrypted). */
	long attach(long inspectionId, String fileName, String contentType, byte[] content);
}
