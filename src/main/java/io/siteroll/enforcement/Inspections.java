package io.siteroll.enforcement;

import java.time.LocalDate;
import java.util.List;

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

	Inspection record(long projectId, Record record);

	Inspection require(long inspectionId);

	List<Inspection> forProject(long projectId);

	/** Adds a photo or document (stored encrypted). */
	long attach(long inspectionId, String fileName, String contentType, byte[] content);
}
