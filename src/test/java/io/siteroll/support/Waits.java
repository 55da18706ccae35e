package io.siteroll.support;

import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;

/**
 * Every wait in a test has a bound. A test that waits for something that never happens fails with a
 * sentence saying what it waited for and how long, instead of hanging the build until someone kills it.
 */
public final class Waits {

	/** How long one HTTP exchange with the platform under test may take (the longest is a bulk upload). */
	public static final Duration REQUEST = Duration.ofSeconds(120);

	private Waits() {
	}

	/**
	 * Polls {@code done} every few milliseconds until it holds; fails when {@code bound} has passed or
	 * when {@code hopeless} holds first (nothing can make {@code done} true any more).
	 */
	public static void until(String what, Duration bound, BooleanSupplier done, BooleanSupplier hopeless)
			throws InterruptedException {
		long deadline = System.nanoTime() + bound.toNanos();
		while (!done.getAsBoolean()) {
			if (hopeless.getAsBoolean()) {
				throw new AssertionError("gave up waiting for " + what + ": it can no longer happen");
			}
			if (System.nanoTime() - deadline > 0) {
				throw new AssertionError(what + " did not happen within " + bound.toSeconds() + " s");
			}
			Thread.sleep(5);
		}
	}

	/** Waits for {@code process} to exit. */
	public static void exit(Process process, Duration bound, String what) throws InterruptedException {
		if (!process.waitFor(bound.toMillis(), TimeUnit.MILLISECONDS)) {
			throw new AssertionError(what + " did not exit within " + bound.toSeconds() + " s");
		}
	}

	/** Waits for {@code thread} to end. */
	public static void join(Thread thread, Duration bound, String what) throws InterruptedException {
		thread.join(bound.toMillis());
		if (thread.isAlive()) {
			throw new AssertionError(what + " still running after " + bound.toSeconds() + " s");
		}
	}

	/** The result of {@code future}; its failure is rethrown as the cause of an {@link AssertionError}. */
	public static <T> T result(Future<T> future, Duration bound, String what) throws InterruptedException {
		try {
			return future.get(bound.toMillis(), TimeUnit.MILLISECONDS);
		}
		catch (TimeoutException e) {
			future.cancel(true);
			throw new AssertionError(what + " did not finish within " + bound.toSeconds() + " s");
		}
		catch (ExecutionException e) {
			throw new AssertionError(what + " failed: " + e.getCause(), e.getCause());
		}
	}
}
