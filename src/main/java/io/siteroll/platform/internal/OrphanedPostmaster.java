package io.siteroll.platform.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded PostgreSQL runs as its own process. When the platform is killed without a chance to stop
 * it ({@code kill -9}, a power cut of the JVM only), the postmaster outlives it and keeps its lock file, and
 * the next start would fail with "lock file postmaster.pid already exists". Before starting, this finds
 * such an orphan by the lock file of our own data directory, checks that the process really is a
 * postmaster serving that directory, and stops it with a fast shutdown (SIGINT: running transactions
 * roll back, committed ones are on disk), escalating to SIGKILL only if it does not stop in time. A
 * lock file left by a process that is gone is left to PostgreSQL, which removes a stale one itself.
 */
final class OrphanedPostmaster {

	private static final Logger log = LoggerFactory.getLogger(OrphanedPostmaster.class);

	private static final Duration FAST_SHUTDOWN_WAIT = Duration.ofSeconds(30);

	private OrphanedPostmaster() {
	}

	static void stopIfRunning(Path pgData) {
		Optional<ProcessHandle> orphan = find(pgData);
		if (orphan.isEmpty()) {
			return;
		}
		ProcessHandle postmaster = orphan.get();
		log.warn("An embedded PostgreSQL (pid {}) outlived the previous platform process; stopping it before starting again",
				postmaster.pid());
		try {
			new ProcessBuilder("kill", "-INT", Long.toString(postmaster.pid())).inheritIO().start().waitFor(5, TimeUnit.SECONDS);
			postmaster.onExit().get(FAST_SHUTDOWN_WAIT.toSeconds(), TimeUnit.SECONDS);
			log.info("Orphaned PostgreSQL (pid {}) stopped", postmaster.pid());
		}
		catch (Exception e) {
			if (e instanceof InterruptedException) {
				Thread.currentThread().interrupt();
			}
			log.warn("Orphaned PostgreSQL (pid {}) did not stop with a fast shutdown; killing it", postmaster.pid());
			postmaster.destroyForcibly();
			postmaster.onExit().join();
		}
	}

	/** The live postmaster whose lock file is in {@code pgData}, if any. */
	static Optional<ProcessHandle> find(Path pgData) {
		Path lockFile = pgData.resolve("postmaster.pid");
		if (!Files.isRegularFile(lockFile)) {
			return Optional.empty();
		}
		List<String> lines;
		try {
			lines = Files.readAllLines(lockFile, StandardCharsets.UTF_8);
		}
		catch (IOException e) {
			return Optional.empty();
		}
		if (lines.size() < 2) {
			return Optional.empty();
		}
		long pid;
		try {
			pid = Long.parseLong(lines.get(0).strip());
		}
		catch (NumberFormatException e) {
			return Optional.empty();
		}
		Path servedDirectory = Path.of(lines.get(1).strip());
		return ProcessHandle.of(pid)
			.filter(ProcessHandle::isAlive)
			.filter(p -> p.info().command().map(c -> c.endsWith("postgres")).orElse(false))
			.filter(p -> sameDirectory(servedDirectory, pgData));
	}

	private static boolean sameDirectory(Path a, Path b) {
		try {
			return Files.isSameFile(a, b);
		}
		catch (IOException e) {
			return a.toAbsolutePath().normalize().equals(b.toAbsolutePath().normalize());
		}
	}
}
