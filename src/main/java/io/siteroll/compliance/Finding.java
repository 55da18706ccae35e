package io.siteroll.compliance;

import java.time.Instant;
import java.time.YearMonth;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.siteroll.personnel.Post;

/**
 * 检查发现: a rule broken by a project (for R2: by the holder of one post) in one month, with the
 * party responsible, the measure the checklist prescribes, the legal basis and the evidence.
 *
 * @param measure what the checklist prescribes for this finding (an order or a penalty)
 * @param prescribedMeasures the rule set's text of the measures (处理措施) for the rule, as the checklist words it;
 *        {@code measures} in the API
 * @param evidence what the evaluation observed, of the record {@link FindingEvidence#typeOf(Rule)} names
 */
public record Finding(long id, YearMonth month, Rule rule, long projectId, String projectName, String subject,
		Status status, Measure measure, Party responsible, Long responsibleEnterpriseId, Long responsiblePersonId,
		Long personId, String personName, Post post, long ruleSetId, String ruleSetCode, String legalBasis,
		@JsonProperty("measures") String prescribedMeasures, FindingEvidence evidence, Instant firstFoundAt,
		Instant updatedAt) {

	/** A finding stays OPEN while the month's facts break the rule; WITHDRAWN when corrected facts no longer do. */
	public enum Status {
		OPEN, WITHDRAWN
	}

	/** What an evaluation did to a finding. Labels: {@code label.Finding.Change.<name>}. */
	public enum Change {
		RAISED, UPDATED, WITHDRAWN, REINSTATED
	}

	/** A finding as one evaluation left it: what changed, the measure and the evidence then. */
	public record Revision(long id, long evaluationId, Change change, Measure measure, FindingEvidence evidence,
			Instant at) {
	}
}
