package io.siteroll.compliance.internal;

import io.siteroll.compliance.EvaluationRuns.Step;

/**
 * What a monthly evaluation tells whoever watches it: each step as it finishes, with the month's projects.
 * The evaluation is a handful of set-based statements in one transaction, so progress is reported between
 * them (five times a run), which costs nothing measurable; a watcher that wants others to see it must write
 * outside the evaluation's transaction.
 */
interface EvaluationProgress {

	/** Nobody watches (the nightly run, the API, a retroactive adoption). */
	EvaluationProgress NONE = (step, projects) -> {
	};

	/** {@code step} has finished; {@code projects}: the month's projects with construction days. */
	void finished(Step step, int projects);
}
