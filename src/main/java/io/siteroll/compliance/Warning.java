package io.siteroll.compliance;

import java.time.LocalDate;
import java.util.Map;

/** 预警: a condition the platform watches every day, raised with its evidence and cleared when it ends. */
public record Warning(long id, String kind, long projectId, String projectName, String subject, String status,
		LocalDate raisedOn, LocalDate clearedOn, Long personId, String personName, Long deviceId,
		Map<String, Object> evidence, String review, String reviewReason, String reviewedBy) {
}
