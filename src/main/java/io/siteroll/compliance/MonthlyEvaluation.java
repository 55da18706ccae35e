package io.siteroll.compliance;

import java.time.Duration;
import java.time.YearMonth;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * 月度检查: evaluates R1, R2 and R3 for every project with construction days in a month, under the
 * rule set in force for it. Runs by itself after each month ends and on demand for any past month;
 * re-running gives the same findings, and a corrected input updates them with a visible history.
 */
public interface MonthlyEvaluation {

	@Schema(name = "EvaluationResult")
	record Result(long evaluationId, YearMonth month, long ruleSetId, int projects, int raised, int updated,
			int withdrawn, int unchanged, Duration took) {
	}

	Result evaluate(YearMonth month);
}
