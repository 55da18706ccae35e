package io.siteroll.attendance.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;

import io.siteroll.attendance.Gate;
import io.siteroll.attendance.Rosters;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The shared version reads answer a question only by a read that began after it was asked: a question that
 * arrives while a read is in flight waits for the next one, which answers every project asked meanwhile; a
 * failed, late or stuck read answers nothing (the caller asks the SQL rule).
 */
class RosterVersionReadsTest {

	/** A roster whose reads wait until the test lets each one go; read n answers n for every project. */
	static final class HeldRosters implements Rosters {

		final List<Set<Long>> reads = new CopyOnWriteArrayList<>();

		final Semaphore go = new Semaphore(0);

		volatile RuntimeException failure;

		@Override
		public Map<Long, Long> versions(Collection<Long> projectIds) {
			reads.add(Set.copyOf(projectIds));
			long n = reads.size();
			go.acquireUninterruptibly();
			if (failure != null) {
				throw failure;
			}
			Map<Long, Long> answer = new HashMap<>();
			projectIds.forEach(p -> answer.put(p, n));
			return answer;
		}

		@Override
		public long version(long projectId) {
			return versions(List.of(projectId)).get(projectId);
		}

		@Override
		public Changes changesSince(long projectId, long since) {
			throw new UnsupportedOperationException();
		}

		@Override
		public Optional<byte[]> faceForGate(Gate gate, long personId) {
			throw new UnsupportedOperationException();
		}
	}

	/** A question asked on its own thread. */
	static final class Question {

		final AtomicReference<OptionalLong> answer = new AtomicReference<>();

		final Thread thread;

		Question(RosterVersionReads reads, long project) {
			thread = new Thread(() -> answer.set(reads.version(project)));
			thread.setDaemon(true);
			thread.start();
		}

		/** Waits until the question is waiting for its read's answer (parked with a time-out). */
		Question waiting() throws InterruptedException {
			until(() -> thread.getState() == Thread.State.TIMED_WAITING || !thread.isAlive());
			return this;
		}

		OptionalLong answered() throws InterruptedException {
			thread.join(TimeUnit.SECONDS.toMillis(10));
			assertThat(thread.isAlive()).as("answered").isFalse();
			return answer.get();
		}
	}

	final HeldRosters rosters = new HeldRosters();

	RosterVersionReads reads;

	@AfterEach
	void stop() throws InterruptedException {
		rosters.go.release(1000);
		if (reads != null) {
			reads.destroy();
		}
	}

	@Test
	void aQuestionArrivingWhileAReadIsInFlightWaitsForTheNextRead() throws Exception {
		reads = new RosterVersionReads(rosters, Duration.ofSeconds(10));
		Question first = new Question(reads, 7).waiting();
		until(() -> rosters.reads.size() == 1);
		assertThat(rosters.reads.get(0)).as("a quiet moment: the read begins at once").containsExactly(7L);

		Question sameProject = new Question(reads, 7).waiting();
		Question otherProject = new Question(reads, 8).waiting();
		Question third = new Question(reads, 8).waiting();
		assertThat(rosters.reads).as("no read begins while one is in flight").hasSize(1);

		rosters.go.release();
		assertThat(first.answered()).hasValue(1);
		until(() -> rosters.reads.size() == 2);
		assertThat(sameProject.thread.isAlive()).as("not answered by the read that began before it arrived").isTrue();
		assertThat(rosters.reads.get(1)).as("one read for everything asked meanwhile").containsExactlyInAnyOrder(7L, 8L);

		rosters.go.release();
		assertThat(sameProject.answered()).hasValue(2);
		assertThat(otherProject.answered()).hasValue(2);
		assertThat(third.answered()).hasValue(2);
		assertThat(rosters.reads).hasSize(2);
	}

	@Test
	void aFailedReadAnswersNothingAndTheNextOneDoes() throws Exception {
		reads = new RosterVersionReads(rosters, Duration.ofSeconds(10));
		rosters.failure = new IllegalStateException("the database went away");
		rosters.go.release();
		long started = System.nanoTime();
		assertThat(reads.version(7)).as("failed read").isEmpty();
		assertThat(Duration.ofNanos(System.nanoTime() - started)).as("told at once, not after the bound")
			.isLessThan(Duration.ofSeconds(5));
		rosters.failure = null;
		rosters.go.release();
		assertThat(reads.version(7)).as("the reader goes on").hasValue(2);
	}

	@Test
	void aLateReadAnswersNothingAndNobodyQueuesBehindIt() throws Exception {
		reads = new RosterVersionReads(rosters, Duration.ofSeconds(2));
		long started = System.nanoTime();
		assertThat(reads.version(7)).as("late read").isEmpty();
		assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofSeconds(2));

		started = System.nanoTime();
		assertThat(reads.version(7)).as("asked while the stuck read is older than the bound").isEmpty();
		assertThat(Duration.ofNanos(System.nanoTime() - started))
			.as("told at once (queued behind the stuck read, it would wait the 2 s bound)")
			.isLessThan(Duration.ofMillis(1_500));
		assertThat(rosters.reads).as("no second read queued behind the stuck one").hasSize(1);

		rosters.go.release();
		// Until the reader is back from the stuck read a question is refused at once; then one joins a new read.
		AtomicReference<Question> after = new AtomicReference<>(new Question(reads, 7));
		until(() -> {
			if (!after.get().thread.isAlive() && rosters.reads.size() < 2) {
				after.set(new Question(reads, 7));
			}
			return rosters.reads.size() == 2;
		});
		rosters.go.release();
		assertThat(after.get().answered()).as("the reader is free again").hasValue(2);
	}

	@Test
	void aReadBegunLateIsLateFromItsFirstQuestionNotFromItsStart() throws Exception {
		reads = new RosterVersionReads(rosters, Duration.ofSeconds(2));
		Question before = new Question(reads, 7).waiting();
		until(() -> rosters.reads.size() == 1);
		long joined = System.nanoTime();
		Question waiting = new Question(reads, 8).waiting();
		Thread.sleep(500);
		rosters.go.release(); // the first read answers; the second, begun only now, hangs
		before.answered();
		until(() -> rosters.reads.size() == 2);
		assertThat(waiting.answered()).as("its read kept it waiting the bound").isEmpty();
		assertThat(Duration.ofNanos(System.nanoTime() - joined)).isGreaterThanOrEqualTo(Duration.ofSeconds(2));

		long started = System.nanoTime();
		assertThat(reads.version(9)).as("asked after a question gave up on the read in flight").isEmpty();
		assertThat(Duration.ofNanos(System.nanoTime() - started))
			.as("told at once (counted from the read's start, it would wait the bound again)")
			.isLessThan(Duration.ofMillis(1_500));
		assertThat(rosters.reads).as("nothing queued behind the stuck read").hasSize(2);
	}

	@Test
	void stoppedReadsAnswerNothingAtOnce() throws Exception {
		reads = new RosterVersionReads(rosters, Duration.ofSeconds(10));
		rosters.go.release();
		assertThat(reads.version(7)).hasValue(1);
		reads.destroy();
		long started = System.nanoTime();
		assertThat(reads.version(9)).isEmpty();
		assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(1));
		assertThat(rosters.reads).hasSize(1);
	}

	static void until(BooleanSupplier condition) throws InterruptedException {
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
		while (!condition.getAsBoolean()) {
			assertThat(System.nanoTime()).as("waited 10 s").isLessThan(deadline);
			Thread.sleep(2);
		}
	}
}
