package io.siteroll.national;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.siteroll.national.simulator.NationalPlatformSimulator;
import io.siteroll.support.PlatformProcess;
import io.siteroll.support.Waits;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * Out, the hard way (issue 15): the platform runs as a separate process reporting its demo registry to the simulator,
 * is killed with SIGKILL while calls are in flight (the simulator holds each call's record before it answers, slowly),
 * and is started again on the same database: every change the platform counts as accepted reached the simulator
 * exactly once, and nothing reached it twice.
 */
class NationalCrashTest {

	private static final String APPID = "220000209912310009";

	private static final String SECRET = "fedcba9876543210fedcba9876543210";

	private EmbeddedPostgres postgres;

	private Process platform;

	private NationalPlatformSimulator simulator;

	@AfterEach
	void stop() throws IOException, InterruptedException {
		PlatformProcess.stop(platform, postgres);
		if (simulator != null) {
			simulator.close();
		}
	}

	@Test
	void everyAcceptedChangeReachesThePlatformOnceAfterSigkill() throws Exception {
		Path work = Path.of("target", "national-crash-test").toAbsolutePath();
		Files.createDirectories(work);
		postgres = EmbeddedPostgres.builder().setDataDirectory(work.resolve("pg")).setCleanDataDirectory(true).start();
		simulator = new NationalPlatformSimulator().register(APPID, SECRET).start(0);
		simulator.answerDelay(Duration.ofMillis(150));
		int port;
		try (ServerSocket socket = new ServerSocket(0)) {
			port = socket.getLocalPort();
		}
		platform = start(port, work);
		PlatformProcess.awaitReady(platform, "http://localhost:" + port, work);

		Waits.until("8 records on the national platform before the kill", Duration.ofSeconds(180),
				() -> simulator.received().size() >= 8, () -> !platform.isAlive());
		platform.destroyForcibly();
		Waits.exit(platform, Duration.ofSeconds(30), "the killed platform");
		int beforeRestart = simulator.received().size();
		try (Connection db = DriverManager.getConnection(postgres.getJdbcUrl("postgres", "postgres"))) {
			assertThat(count(db, "select count(*) from national_report where state in ('PENDING', 'SENDING', 'SENT')"))
				.as("killed in the middle of reporting").isPositive();
			System.out.printf("National crash test: killed with %d records on the platform, %d reports in flight (SENDING %d)%n",
					beforeRestart, count(db, "select count(*) from national_report where state in ('SENDING', 'SENT')"),
					count(db, "select count(*) from national_report where state = 'SENDING'"));
		}

		platform = start(port, work);
		PlatformProcess.awaitReady(platform, "http://localhost:" + port, work);
		try (Connection db = DriverManager.getConnection(postgres.getJdbcUrl("postgres", "postgres"))) {
			int[] last = { -1 };
			Waits.until("reporting to settle after the restart", Duration.ofSeconds(240), () -> {
				int now = simulator.received().size();
				boolean quiet = now == last[0] && inFlight(db) == 0;
				last[0] = now;
				sleep(Duration.ofSeconds(3));
				return quiet;
			}, () -> !platform.isAlive());
			List<NationalPlatformSimulator.Received> received = simulator.received();
			assertThat(received.size()).as("reporting went on after the restart").isGreaterThan(beforeRestart);
			Map<NationalPlatformSimulator.Received, Long> times = received.stream()
				.filter(r -> r.method().wireName().endsWith(".Add"))
				.collect(Collectors.groupingBy(r -> r, Collectors.counting()));
			assertThat(times.entrySet().stream().filter(e -> e.getValue() > 1).toList()).as("no record added twice").isEmpty();
			long accepted = count(db, "select count(*) from national_report where state = 'ACCEPTED'");
			assertThat(accepted).isPositive();
			assertThat(received).as("each accepted change arrived, once; nothing else did").hasSize((int) accepted);
			System.out.printf("National crash test: after the restart %d records on the platform, %d reports accepted, %d refused%n",
					received.size(), accepted, count(db, "select count(*) from national_report where state = 'REFUSED'"));
		}
	}

	private static long inFlight(Connection db) {
		try {
			return count(db, "select count(*) from national_report where state in ('SENDING', 'SENT')");
		}
		catch (SQLException e) {
			throw new IllegalStateException(e);
		}
	}

	private static void sleep(Duration duration) {
		try {
			Thread.sleep(duration.toMillis());
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
		}
	}

	private static long count(Connection db, String sql) throws SQLException {
		try (Statement s = db.createStatement(); ResultSet rs = s.executeQuery(sql)) {
			rs.next();
			return rs.getLong(1);
		}
	}

	private Process start(int port, Path work) throws IOException {
		return PlatformProcess.start(port, postgres.getJdbcUrl("postgres", "postgres"), work,
				"--siteroll.national.enabled=true", "--siteroll.national.endpoint=" + simulator.uri(),
				"--siteroll.national.appid=" + APPID, "--siteroll.national.appsecret=" + SECRET,
				"--siteroll.national.interval=PT0.2S", "--siteroll.national.retry-first=PT0S", "--siteroll.national.batch=4");
	}
}
