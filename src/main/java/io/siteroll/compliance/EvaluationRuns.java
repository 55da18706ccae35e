package io.siteroll.compliance;

import java.time.Instant;
import java.time.YearMonth;

import io.siteroll.platform.Page;

/**
 * Monthly evaluations a province officer starts from the workbench: each runs in the background as a
 * {@link Run} the page watches (its step, the month's projects, what it found), one run of a month at a
 * time. The evaluation itself is {@link MonthlyEvaluation}'s; a run only records its progress and outcome.
 * A run the platform could not finish because it stopped (a restart) is kept as {@link State#INTERRUPTED},
 * never lost: its month can simply be started again.
 */
public interface EvaluationRuns {

	enum State {
		RUNNING, DONE, FAILED, INTERRUPTED
	}

	/** The evaluation's steps in the order it takes them (its set-based statements). */
	enum Step {
		/** 施工日: the month's construction days of every started project. */
		CONSTRUCTION_DAYS,
		/** R2: the managers' attendance. */
		MANAGERS,
		/** R3: the workers' shortfall. */
		WORKERS,
		/** R1: the devices. */
		DEVICES,
		/** The candidates merged into the month's findings, each change a revision. */
		FINDINGS;

		/** Steps finished once this one has finished. */
		public int done() {
			return ordinal() + 1;
		}
	}

	/**
	 * A run. {@code step} is the last step finished (null before the first); {@code projectsTotal} the month's
	 * projects with construction days, known after the first step; {@code projectsDone} how many have been
	 * judged under all three rules. The counts of findings are set when the run is done. {@code full}: whether the
	 * evaluation judged every project or only those whose facts changed (null until the evaluation is recorded).
	 */
	record Run(long id, YearMonth month, State state, Step step, String startedBy, Instant startedAt, Instant finishedAt,
			Integer projectsTotal, int projectsDone, Long evaluationId, Integer raised, Integer updated, Integer withdrawn,
			Integer unchanged, Boolean full) {

		/** Percentage of the steps finished (100 once done). */
		public int percent() {
			if (state == State.DONE) {
				return 100;
			}
			return step == null ? 0 : step.done() * 100 / (Step.values().length + 1);
		}

		public boolean running() {
			return state == State.RUNNING;
		}
	}

	/**
	 * Starts the evaluation of an ended month in the background; province officers only. Refused for a month
	 * that has not ended ({@code month}) and while a run of the same month is under way.
	 */
	default Run start(YearMonth month) {
		return start(month, false);
	}

	/**
	 * As {@link #start(YearMonth)}; {@code full}: every project judged again, else only those whose facts changed since
	 * the month's previous evaluation (see {@link MonthlyEvaluation#evaluate(YearMonth, boolean)}).
	 */
	Run start(YearMonth month, boolean full);

	Run require(long id);

	/** The runs, newest first. */
	Page<Run> recent(int page, int size);
}
