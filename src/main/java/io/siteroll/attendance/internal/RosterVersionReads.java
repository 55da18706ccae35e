package io.siteroll.attendance.internal;

import java.time.Duration;
import java.util.HashSet;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.LongAdder;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import io.siteroll.attendance.Rosters;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Shared reads of the committed roster versions for gate decisions, in the manner of a group commit: a
 * question joins the next read that has not yet begun, and one read ({@link Rosters#versions}) answers every
 * question that joined it, for all their projects at once. One daemon thread issues the reads back to back
 * while questions wait, so under load there are a few reads per millisecond instead of one per decision,
 * and when it is quiet a question's read begins at once.
 * <p>
 * Exact: a read answers only the questions that joined it before it began (it is taken out of reach of new
 * questions, under the same lock, before its statement is sent), so its statement starts after each of them
 * arrived and sees every roster change committed before that. A question that arrives while a read is in
 * flight waits for the next one. A question whose read fails or does not answer within {@link #BOUND} is
 * told nothing ({@link OptionalLong#empty()}), and so is one that arrives while the oldest question still
 * waiting has waited the bound (it does not queue behind a stuck read): the caller then asks the SQL rule. That
 * wait counts from when the question was asked, including any time its read spent queued behind the read before
 * it: after two slow reads in a row, decisions go to the SQL rule sooner than after one.
 * <p>
 * Counted for Prometheus: {@code siteroll_gate_version_questions_total} (questions asked),
 * {@code siteroll_gate_version_reads_total} (reads issued; questions over reads is how many a read served) and
 * {@code siteroll_gate_version_unanswered_total} (questions told nothing, sent to the SQL rule).
 */
@Component
class RosterVersionReads implements DisposableBean, MeterBinder {

	private static final Logger log = LoggerFactory.getLogger(RosterVersionReads.class);

	/** How long a question waits for its read before the caller asks the SQL rule instead. */
	static final Duration BOUND = Duration.ofSeconds(1);

	/** How often at most a failing read is logged. */
	private static final long WARN_EVERY_NANOS = TimeUnit.MINUTES.toNanos(1);

	/** One read: the projects asked about before it began, and its answer. */
	private static final class Read {

		/** Guarded by {@link RosterVersionReads#lock} until the read is taken; read-only after. */
		final Set<Long> projects = new HashSet<>();

		final CompletableFuture<Map<Long, Long>> answer = new CompletableFuture<>();

		/**
		 * When its first question joined ({@link System#nanoTime()}); guarded by {@link RosterVersionReads#lock}.
		 * The read is late once that question has waited the bound, however long the reader took to begin it.
		 */
		long firstAsked;
	}

	private final Rosters rosters;

	private final long boundNanos;

	private final Object lock = new Object();

	/** The read questions join now; it has not begun. Guarded by {@link #lock}. */
	private Read next = new Read();

	/**
	 * When the first question of the read in flight joined it ({@link System#nanoTime()}); meaningful while
	 * {@link #inFlight}. Not when the reader began it: that question gives up the bound after it joined, and a
	 * question asked after that must not wait for the same stuck read again. Guarded by {@link #lock}.
	 */
	private long inFlightFirstAsked;

	/** Guarded by {@link #lock}. */
	private boolean inFlight;

	/** Guarded by {@link #lock}. */
	private boolean stopped;

	private long lastWarned = System.nanoTime() - WARN_EVERY_NANOS;

	private final Thread reader;

	private final LongAdder questions = new LongAdder();

	private final LongAdder reads = new LongAdder();

	private final LongAdder unanswered = new LongAdder();

	@Autowired
	RosterVersionReads(Rosters rosters) {
		this(rosters, BOUND);
	}

	RosterVersionReads(Rosters rosters, Duration bound) {
		this.rosters = rosters;
		this.boundNanos = bound.toNanos();
		this.reader = new Thread(this::readWhileAsked, "roster-version-reads");
		this.reader.setDaemon(true);
		this.reader.start();
	}

	/**
	 * The project's greatest committed roster version, read by a read that began after this call; empty when
	 * that read failed, did not answer within the bound, or could not be waited for (the caller asks SQL).
	 */
	OptionalLong version(long projectId) {
		questions.increment();
		OptionalLong version = answer(projectId);
		if (version.isEmpty()) {
			unanswered.increment();
		}
		return version;
	}

	private OptionalLong answer(long projectId) {
		Read read;
		synchronized (lock) {
			long now = System.nanoTime();
			if (stopped || oldestWaitingSince(now) >= boundNanos) {
				return OptionalLong.empty();
			}
			read = next;
			if (read.projects.add(projectId) && read.projects.size() == 1) {
				read.firstAsked = now;
				lock.notifyAll();
			}
		}
		try {
			Long version = read.answer.get(boundNanos, TimeUnit.NANOSECONDS).get(projectId);
			return version == null ? OptionalLong.empty() : OptionalLong.of(version);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			return OptionalLong.empty();
		}
		catch (ExecutionException | TimeoutException | RuntimeException e) {
			return OptionalLong.empty();
		}
	}

	/**
	 * How long the oldest question still waiting has waited: the first question of the read in flight, or, when the
	 * reader has not begun the waiting read (a reader thread that did not get the processor), that read's first
	 * question; 0 when nobody waits. Under {@link #lock}.
	 */
	private long oldestWaitingSince(long now) {
		if (inFlight) {
			return now - inFlightFirstAsked;
		}
		return next.projects.isEmpty() ? 0 : now - next.firstAsked;
	}

	/** The reader: takes the waiting read out of reach of new questions, then issues it; again while asked. */
	private void readWhileAsked() {
		while (true) {
			Read read;
			synchronized (lock) {
				inFlight = false;
				while (!stopped && next.projects.isEmpty()) {
					try {
						lock.wait();
					}
					catch (InterruptedException e) {
						stopped = true;
					}
				}
				if (stopped) {
					next.answer.completeExceptionally(new IllegalStateException("stopped"));
					return;
				}
				read = next;
				next = new Read();
				inFlight = true;
				inFlightFirstAsked = read.firstAsked;
			}
			reads.increment();
			try {
				read.answer.complete(rosters.versions(read.projects));
			}
			catch (RuntimeException | Error e) {
				read.answer.completeExceptionally(e);
				long now = System.nanoTime();
				if (now - lastWarned >= WARN_EVERY_NANOS) {
					lastWarned = now;
					log.warn("Could not read the roster versions of projects {}; gate decisions ask SQL meanwhile", read.projects,
							e);
				}
			}
		}
	}

	@Override
	public void bindTo(MeterRegistry registry) {
		FunctionCounter.builder("siteroll.gate.version.questions", questions, LongAdder::doubleValue)
			.description("Gate decisions that asked for their project's committed roster version")
			.register(registry);
		FunctionCounter.builder("siteroll.gate.version.reads", reads, LongAdder::doubleValue)
			.description("Shared reads of committed roster versions issued for gate decisions")
			.register(registry);
		FunctionCounter.builder("siteroll.gate.version.unanswered", unanswered, LongAdder::doubleValue)
			.description("Gate decisions whose roster version read failed or was late (answered by the SQL rule)")
			.register(registry);
	}

	@Override
	public void destroy() throws InterruptedException {
		synchronized (lock) {
			stopped = true;
			lock.notifyAll();
		}
		reader.interrupt();
		reader.join(TimeUnit.SECONDS.toMillis(5));
	}
}
