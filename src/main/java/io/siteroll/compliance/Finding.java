package io.siteroll.compliance;

import java.time.Instant;
import java.time.YearMonth;
import java.util.Map;

/**
 * 检查发现: a rule broken by a project (for R2: by the holder of one post) in one month, with the
 * party responsible, the measure the checklist prescribes, the legal basis and the evidence.
 */
public record Finding(long id, YearMonth month, String rule, long projectId, String projectName, String subject,
		String status, String measure, String responsible, Long responsibleEnterpriseId, Long responsiblePersonId,
		Long personId, String personName, String post, long ruleSetId, String ruleSetCode, String legalBasis,
		String measures, Map<String, Object> evidence, Instant firstFoundAt, Instant updatedAt) {

	public record Revision(long id, long evaluationId, String change, String measure, Map<String, Object> evidence,
			Instant at) {
	}
}
