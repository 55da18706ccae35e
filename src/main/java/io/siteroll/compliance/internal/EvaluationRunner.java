package io.siteroll.compliance.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicInteger;

import io.siteroll.compliance.EvaluationRuns;
import io.siteroll.compliance.MonthlyEvaluation;
import io.siteroll.identity.CurrentActor;
import io.siteroll.platform.NotFound;
import io.siteroll.platform.Page;
import io.siteroll.platform.RuleViolation;
import jakarta.annotation.PreDestroy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Runs the monthly evaluations officers start from the page, in the background, and keeps each run's row up to date
 * as {@link MonthlyEvaluator} reports its steps. The progress is written in a transaction of its own, so that the
 * page sees it while the evaluation's single transaction is still open. A run belongs to the platform instance that
 * started it: when the platform starts, the runs still marked as running were cut off by the stop and are kept as
 * interrupted.
 */
@Service
class EvaluationRunner implements EvaluationRuns {

	private static final Logger log = LoggerFactory.getLogger(EvaluationRunner.class);

	private static final String COLUMNS = """
			id, month, state, step, started_by, started_at, finished_at, projects_total, projects_done, evaluation_id,
			raised, updated, withdrawn, unchanged,
			(select e.full_evaluation from evaluation e where e.id = evaluation_run.evaluation_id) as full_evaluation""";

	private final JdbcClient jdbc;

	private final MonthlyEvaluator evaluator;

	private final CurrentActor actors;

	private final Clock clock;

	/** Progress and outcome are written outside the evaluation's transaction, so that the page sees them at once. */
	private final TransactionTemplate apart;

	/** Two months may be evaluated at once; a month's second run is refused before it gets here. */
	private final ExecutorService workers;

	/** The runs this instance is executing; any other run marked as running was cut off by a stop. */
	private final Set<Long> mine = ConcurrentHashMap.newKeySet();

	EvaluationRunner(JdbcClient jdbc, MonthlyEvaluator evaluator, CurrentActor actors, Clock clock,
			PlatformTransactionManager transactions) {
		this.jdbc = jdbc;
		this.evaluator = evaluator;
		this.actors = actors;
		this.clock = clock;
		this.apart = new TransactionTemplate(transactions);
		this.apart.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
		AtomicInteger threads = new AtomicInteger();
		this.workers = Executors.newFixedThreadPool(2, task -> {
			Thread thread = new Thread(task, "monthly-evaluation-" + threads.incrementAndGet());
			thread.setDaemon(true);
			return thread;
		});
	}

	@Override
	public Run start(YearMonth month, boolean full) {
		MonthlyEvaluator.requireMayEvaluate(actors, month, clock);
		String by = actors.get().username();
		long id;
		try {
			id = jdbc.sql("""
					insert into evaluation_run (month, state, started_by, started_at) values (?, 'RUNNING', ?, ?) returning id""")
				.params(month.atDay(1), by, Timestamp.from(clock.instant()))
				.query(Long.class)
				.single();
		}
		catch (DuplicateKeyException e) {
			throw RuleViolation.of("month", "evaluation.already-running", month.toString());
		}
		mine.add(id);
		try {
			workers.execute(() -> execute(id, month, by, full));
		}
		catch (RejectedExecutionException e) {
			mine.remove(id);
			end(id, State.INTERRUPTED);
		}
		return require(id);
	}

	private void execute(long id, YearMonth month, String by, boolean full) {
		try {
			MonthlyEvaluation.Result result = evaluator.run(month, by, full,
					(step, projects) -> progress(id, step, projects));
			apart.executeWithoutResult(s -> jdbc.sql("""
					update evaluation_run set state = 'DONE', finished_at = :at, step = :step, projects_total = :projects,
					       projects_done = :projects, evaluation_id = :evaluation, raised = :raised, updated = :updated,
					       withdrawn = :withdrawn, unchanged = :unchanged
					where id = :id""")
				.params(Map.of("at", Timestamp.from(clock.instant()), "step", Step.FINDINGS.name(), "projects",
						result.projects(), "evaluation", result.evaluationId(), "raised", result.raised(), "updated",
						result.updated(), "withdrawn", result.withdrawn(), "unchanged", result.unchanged(), "id", id))
				.update());
		}
		catch (RuntimeException e) {
			log.error("Monthly evaluation run {} of {} failed", id, month, e);
			end(id, State.FAILED);
		}
		finally {
			mine.remove(id);
		}
	}

	/**
	 * Records a finished step; the projects count as judged once all three rules have run over them. Progress is only
	 * shown: a failure to record it is logged and never stops the evaluation.
	 */
	private void progress(long id, Step step, int projects) {
		try {
			apart.executeWithoutResult(s -> jdbc
				.sql("update evaluation_run set step = ?, projects_total = ?, projects_done = ? where id = ?")
				.params(step.name(), projects, step.compareTo(Step.DEVICES) >= 0 ? projects : 0, id)
				.update());
		}
		catch (RuntimeException e) {
			log.warn("Could not record step {} of evaluation run {}", step, id, e);
		}
	}

	private void end(long id, State state) {
		apart.executeWithoutResult(s -> jdbc
			.sql("update evaluation_run set state = ?, finished_at = ? where id = ? and state = 'RUNNING'")
			.params(state.name(), Timestamp.from(clock.instant()), id)
			.update());
	}

	/** On start: the runs left marked as running were cut off when the platform stopped. */
	@EventListener(ApplicationReadyEvent.class)
	void interruptLeftovers() {
		int cut = interruptAbandoned();
		if (cut > 0) {
			log.warn("{} monthly evaluation run(s) were cut off by a stop and are kept as interrupted", cut);
		}
	}

	/** Marks as interrupted every run marked as running that this instance is not executing; returns how many. */
	int interruptAbandoned() {
		List<Long> running = jdbc.sql("select id from evaluation_run where state = 'RUNNING'").query(Long.class).list();
		int cut = 0;
		for (long id : running) {
			if (!mine.contains(id)) {
				end(id, State.INTERRUPTED);
				cut++;
			}
		}
		return cut;
	}

	@PreDestroy
	void stop() {
		workers.shutdownNow();
	}

	@Override
	public Run require(long id) {
		return jdbc.sql("select " + COLUMNS + " from evaluation_run where id = ?").param(id).query(EvaluationRunner::run)
			.optional()
			.orElseThrow(() -> new NotFound("evaluation run", id));
	}

	@Override
	public Page<Run> recent(int page, int size) {
		long total = jdbc.sql("select count(*) from evaluation_run").query(Long.class).single();
		List<Run> items = jdbc.sql("select " + COLUMNS + " from evaluation_run order by started_at desc, id desc limit ? offset ?")
			.params(size, (long) page * size)
			.query(EvaluationRunner::run)
			.list();
		return new Page<>(items, page, size, total);
	}

	private static Run run(ResultSet rs, int n) throws SQLException {
		String step = rs.getString("step");
		return new Run(rs.getLong("id"), YearMonth.from(rs.getObject("month", LocalDate.class)),
				State.valueOf(rs.getString("state")), step == null ? null : Step.valueOf(step), rs.getString("started_by"),
				instant(rs.getTimestamp("started_at")), instant(rs.getTimestamp("finished_at")),
				(Integer) rs.getObject("projects_total"), rs.getInt("projects_done"), (Long) rs.getObject("evaluation_id"),
				(Integer) rs.getObject("raised"), (Integer) rs.getObject("updated"), (Integer) rs.getObject("withdrawn"),
				(Integer) rs.getObject("unchanged"), (Boolean) rs.getObject("full_evaluation"));
	}

	private static Instant instant(Timestamp t) {
		return t == null ? null : t.toInstant();
	}
}
