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
			int withdrawn, int unchanged, Duration took, boolean full) {
	}

	/** The month's evaluation judging only the projects whose facts changed since its previous one (the default). */
	default Result evaluate(YearMonth month) {
		return evaluate(month, false);
	}

	/**
	 * The month's evaluation; {@code full}: every project judged again, else only those whose facts changed since
	 * the month's previous evaluation (its first evaluation, or one under another rule set, judges all). Both give the
	 * same findings; {@link Result#projects()} counts the projects judged.
	 */
	Result evaluate(YearMonth month, boolean full);
}
