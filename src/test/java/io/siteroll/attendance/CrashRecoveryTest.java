package io.siteroll.attendance;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Array;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import io.siteroll.demo.SyntheticIdentities;
import io.siteroll.support.ApiClient;
import io.siteroll.support.DeviceClient;
import io.siteroll.support.IntegrationTest.Site;
import io.siteroll.support.RosterFile;
import io.siteroll.support.Sites;
import io.siteroll.support.TestClock;
import io.siteroll.support.PlatformProcess;
import io.siteroll.support.Waits;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Runs the platform as a separate process, kills it with SIGKILL in the middle of a long upload,
 * starts it again on the same database, and checks that every pass a gate was told is stored is
 * there exactly once; then uploads everything again and checks nothing doubles.
 */
class CrashRecoveryTest {

	private static final int WORKERS = 1_000;

	private static final int BATCHES = 120;

	private static final int BATCH = 500;

	private EmbeddedPostgres postgres;

	private Process platform;

	@AfterEach
	void stop() throws IOException, InterruptedException {
		PlatformProcess.stop(platform, postgres);
	}

	@Test
	void everyAcknowledgedPassSurvivesSigkillExactlyOnce() throws Exception {
		Path work = Path.of("target", "crash-test").toAbsolutePath();
		Files.createDirectories(work);
		postgres = EmbeddedPostgres.builder().setDataDirectory(work.resolve("pg")).setCleanDataDirectory(true).start();
		int port;
		try (ServerSocket socket = new ServerSocket(0)) {
			port = socket.getLocalPort();
		}
		String base = "http://localhost:" + port;
		platform = start(port, work);
		PlatformProcess.awaitReady(platform, base, work);

		ApiClient officer = new ApiClient(base, "province", "siteroll-demo");
		SyntheticIdentities ids = new SyntheticIdentities(7);
		LocalDate start = TestClock.platformToday().minusMonths(2);
		Site site = Sites.site(officer, ids, "220102", start);
		ApiClient.Response roster = officer.upload("/api/projects/" + site.projectId() + "/teams/" + site.teamId() + "/roster",
				"file", "crash.xlsx", RosterFile.of(ids, WORKERS, start, start.plusDays(1)));
		assertThat(roster.status()).as(roster.body()).isEqualTo(201);
		ApiClient.Response device = officer.post("/api/projects/" + site.projectId() + "/devices",
				Map.of("serialNumber", "CRASH" + System.nanoTime(), "vendor", "v", "model", "m", "protocol", "SITEROLL", "kind",
						"FACE_TURNSTILE", "direction", "BOTH", "channelName", "1号闸", "registeredOn", start));
		assertThat(device.status()).as(device.body()).isEqualTo(201);
		long deviceId = device.json().get("device").get("id").asLong();
		String serial = device.json().get("device").get("serialNumber").asString();
		String secret = device.json().get("secret").asString();
		HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
		DeviceClient gate = new DeviceClient(http, base, serial, secret);
		List<Long> people = gate.get("/api/device/v1/roster?since=0").json().get("entries").valueStream()
			.map(e -> e.get("personId").asLong()).toList();
		assertThat(people).hasSize(WORKERS);
		List<List<Map<String, Object>>> batches = batches(people);

		Set<Integer> acknowledged = ConcurrentHashMap.newKeySet();
		AtomicInteger next = new AtomicInteger();
		List<Thread> uploaders = new ArrayList<>();
		for (int t = 0; t < 2; t++) {
			Thread thread = new Thread(() -> {
				int i;
				while ((i = next.getAndIncrement()) < batches.size()) {
					try {
						ApiClient.Response r = gate.post("/api/device/v1/passes", Map.of("passes", batches.get(i)));
						if (r.status() == 200 && r.json().get("stored").asInt() + r.json().get("duplicates").asInt() == BATCH) {
							acknowledged.add(i);
						}
					}
					catch (RuntimeException e) {
						return;
					}
				}
			});
			thread.start();
			uploaders.add(thread);
		}
		Waits.until("20 acknowledged batches before the kill", Duration.ofSeconds(120), () -> acknowledged.size() >= 20,
				() -> uploaders.stream().noneMatch(Thread::isAlive) && acknowledged.size() < 20);
		platform.destroyForcibly();
		Waits.exit(platform, Duration.ofSeconds(30), "the killed platform");
		for (Thread t : uploaders) {
			Waits.join(t, Duration.ofSeconds(30), "an uploader after the kill");
		}
		Set<Integer> acked = Set.copyOf(acknowledged);
		assertThat(acked.size()).as("killed in the middle of the upload").isLessThan(BATCHES);

		platform = start(port, work);
		PlatformProcess.awaitReady(platform, base, work);
		try (Connection db = DriverManager.getConnection(postgres.getJdbcUrl("postgres", "postgres"))) {
			for (int i : acked) {
				List<String> keys = batches.get(i).stream().map(p -> (String) p.get("eventId")).toList();
				assertThat(count(db, "select count(*) from pass where device_id = ? and source_key = any(?)", deviceId, keys))
					.as("acknowledged batch %d", i).isEqualTo(BATCH);
			}
			assertThat(count(db, "select count(*) - count(distinct source_key) from pass where device_id = ?", deviceId, null))
				.isZero();

			DeviceClient again = new DeviceClient(http, base, serial, secret);
			long duplicatesOfAcknowledged = 0;
			for (int i = 0; i < batches.size(); i++) {
				ApiClient.Response r = again.post("/api/device/v1/passes", Map.of("passes", batches.get(i)));
				assertThat(r.status()).as(r.body()).isEqualTo(200);
				if (acked.contains(i)) {
					duplicatesOfAcknowledged += r.json().get("duplicates").asLong();
				}
			}
			assertThat(duplicatesOfAcknowledged).isEqualTo((long) acked.size() * BATCH);
			assertThat(count(db, "select count(*) from pass where device_id = ?", deviceId, null)).isEqualTo((long) BATCHES * BATCH);
			assertThat(count(db, "select count(distinct source_key) from pass where device_id = ?", deviceId, null))
				.isEqualTo((long) BATCHES * BATCH);
			assertThat(count(db, "select coalesce(sum(pass_count), 0) from daily_presence where project_id = ?", site.projectId(), null))
				.as("daily presence counts every pass once").isEqualTo((long) BATCHES * BATCH);
		}
	}

	/** 120 batches of 500 passes: each worker passes 60 times over the last 12 days. */
	private static List<List<Map<String, Object>>> batches(List<Long> people) {
		List<List<Map<String, Object>>> batches = new ArrayList<>();
		List<Map<String, Object>> current = new ArrayList<>();
		OffsetDateTime first = TestClock.platformToday().minusDays(12).atTime(7, 0).atOffset(ZoneOffset.ofHours(8));
		for (int n = 0; n < BATCHES * BATCH; n++) {
			long person = people.get(n % people.size());
			int round = n / people.size();
			Map<String, Object> pass = new LinkedHashMap<>();
			pass.put("eventId", "crash-" + person + "-" + round);
			pass.put("personId", Long.toString(person));
			pass.put("time", first.plusDays(round / 5).plusMinutes(round % 5 * 97L).toString());
			pass.put("attendType", "001");
			pass.put("liveness", "PASS");
			current.add(pass);
			if (current.size() == BATCH) {
				batches.add(current);
				current = new ArrayList<>();
			}
		}
		return batches;
	}

	private static long count(Connection db, String sql, long id, List<String> keys) throws SQLException {
		try (PreparedStatement s = db.prepareStatement(sql)) {
			s.setLong(1, id);
			if (keys != null) {
				Array array = db.createArrayOf("text", keys.toArray());
				s.setArray(2, array);
			}
			try (ResultSet rs = s.executeQuery()) {
				rs.next();
				return rs.getLong(1);
			}
		}
	}

	private Process start(int port, Path work) throws IOException {
		return PlatformProcess.start(port, postgres.getJdbcUrl("postgres", "postgres"), work);
	}
}
