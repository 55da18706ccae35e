package io.siteroll.attendance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import io.siteroll.demo.SyntheticIdentities;
import io.siteroll.support.ApiClient;
import io.siteroll.support.DeviceClient;
import io.siteroll.support.IntegrationTest.Site;
import io.siteroll.support.PlatformProcess;
import io.siteroll.support.RosterFile;
import io.siteroll.support.Sites;
import io.siteroll.support.TestClock;
import io.siteroll.support.Waits;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Losing the database server (issue 17): the platform runs as a separate process on a pg_auto_failover formation (a
 * monitor, a primary and a synchronous standby) through the multi-host JDBC URL; gates upload passes through the signed
 * device API without pause; the primary's PostgreSQL and its pg_auto_failover keeper are killed with SIGKILL in the
 * middle of the upload. The gates behave as gates do: a batch that was not acknowledged is sent again, with the same
 * event ids, until it is. After the standby took over: every acknowledged pass is stored exactly once, no retry doubled
 * a pass, and the seconds until the platform accepted passes again are printed.
 * <p>
 * Runs only where {@code scripts/failover-test.sh} built the formation and named it in {@code SITEROLL_FAILOVER_URL};
 * elsewhere it is skipped, unless {@code SITEROLL_FAILOVER_TESTS=required} (set by that script) makes it fail instead.
 */
class FailoverTest {

	private static final int WORKERS = 200;

	private static final int GATES = 4;

	private static final int BATCH = 25;

	/** A gate's pause between two batches, and before sending a batch again after a failure. */
	private static final Duration PAUSE = Duration.ofMillis(100);

	private static final Duration RETRY = Duration.ofMillis(250);

	/** Batches acknowledged (all gates together) before the primary is killed. */
	private static final int BEFORE_KILL = 40;

	/** Batches each gate has acknowledged, sent after the kill, before the upload stops. */
	private static final int AFTER_KILL = 15;

	private static final String READ_ONLY_APPLICATION = "siteroll-read-only";

	private Process platform;

	@AfterEach
	void stop() throws InterruptedException {
		if (platform != null) {
			platform.destroyForcibly();
			Waits.exit(platform, Duration.ofSeconds(30), "the platform at the end of the test");
		}
	}

	@Test
	void acknowledgedPassesSurviveTheLossOfThePrimaryExactlyOnce() throws Exception {
		Formation formation = Formation.fromEnvironment();
		Path work = Path.of("target", "failover-test").toAbsolutePath();
		Files.createDirectories(work);
		Files.deleteIfExists(work.resolve("platform.log"));
		Node primary = formation.primary();
		Node standby = formation.nodes().stream().filter(n -> n != primary).findFirst().orElseThrow();
		try (Connection db = formation.administer(primary.address())) {
			assertThat(text(db, "show synchronous_commit")).as("commits wait for the standby").isIn("on", "remote_apply");
			assertThat(count(db, "select count(*) from pg_stat_replication where state = 'streaming' "
					+ "and sync_state in ('sync', 'quorum')")).as("a streaming synchronous standby").isEqualTo(1);
		}
		say("primary %s, synchronous standby %s", primary.address(), standby.address());

		int port;
		try (ServerSocket socket = new ServerSocket(0)) {
			port = socket.getLocalPort();
		}
		String base = "http://localhost:" + port;
		// Read-only work goes to the standby while there is one (preferSecondary), to the primary otherwise.
		String readOnlyUrl = formation.url().replace("targetServerType=primary", "targetServerType=preferSecondary")
				+ "&ApplicationName=" + READ_ONLY_APPLICATION;
		platform = PlatformProcess.start(port, formation.url(), formation.username(), formation.password(), work,
				"--siteroll.datasource.read-only.url=" + readOnlyUrl);
		PlatformProcess.awaitReady(platform, base, work);

		ApiClient officer = new ApiClient(base, "province", "siteroll-demo");
		assertThat(officer.get("/dashboard").status()).isEqualTo(200);
		try (Connection db = formation.administer(standby.address())) {
			assertThat(count(db, "select count(*) from pg_stat_activity where application_name = '" + READ_ONLY_APPLICATION
					+ "'")).as("the dashboard was read on the standby").isPositive();
		}
		SyntheticIdentities ids = new SyntheticIdentities(17);
		LocalDate start = TestClock.platformToday().minusMonths(2);
		Site site = Sites.site(officer, ids, "220102", start);
		ApiClient.Response roster = officer.upload("/api/projects/" + site.projectId() + "/teams/" + site.teamId()
				+ "/roster", "file", "failover.xlsx", RosterFile.of(ids, WORKERS, start, start.plusDays(1)));
		assertThat(roster.status()).as(roster.body()).isEqualTo(201);
		List<Gate> gates = new ArrayList<>();
		List<Long> people = null;
		for (int g = 0; g < GATES; g++) {
			ApiClient.Response device = officer.post("/api/projects/" + site.projectId() + "/devices",
					Map.of("serialNumber", "FAILOVER" + g + "X" + System.nanoTime(), "vendor", "v", "model", "m", "protocol",
							"SITEROLL", "kind", "FACE_TURNSTILE", "direction", "BOTH", "channelName", (g + 1) + "号闸",
							"registeredOn", start));
			assertThat(device.status()).as(device.body()).isEqualTo(201);
			DeviceClient client = new DeviceClient(HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build(),
					base, device.json().get("device").get("serialNumber").asString(), device.json().get("secret").asString());
			if (people == null) {
				people = client.get("/api/device/v1/roster?since=0").json().get("entries").valueStream()
					.map(e -> e.get("personId").asLong())
					.toList();
				assertThat(people).hasSize(WORKERS);
			}
			gates.add(new Gate(g, device.json().get("device").get("id").asLong(), client, people));
		}

		List<Thread> threads = new ArrayList<>();
		for (Gate g : gates) {
			Thread thread = new Thread(g, "gate-" + g.number);
			thread.start();
			threads.add(thread);
		}
		Waits.until(BEFORE_KILL + " acknowledged batches before the kill", Duration.ofSeconds(120),
				() -> gates.stream().mapToInt(Gate::acknowledgedCount).sum() >= BEFORE_KILL,
				() -> threads.stream().noneMatch(Thread::isAlive) || !platform.isAlive());
		int acknowledgedBeforeKill = gates.stream().mapToInt(Gate::acknowledgedCount).sum();
		Instant killedAt = Instant.now();
		int processes = primary.kill();
		// From the moment every process of the primary is gone: a batch sent earlier may still have been committed.
		long killed = System.nanoTime();
		say("killed the primary %s with SIGKILL (%d processes: PostgreSQL and its keeper) after %d acknowledged batches",
				primary.address(), processes, acknowledgedBeforeKill);

		Waits.until("every gate's " + AFTER_KILL + " batches sent after the kill acknowledged", Duration.ofSeconds(300),
				() -> gates.stream().allMatch(g -> g.acknowledgedSince(killed) >= AFTER_KILL),
				() -> threads.stream().anyMatch(t -> !t.isAlive()) || !platform.isAlive());
		gates.forEach(Gate::stop);
		for (Thread t : threads) {
			Waits.join(t, Duration.ofSeconds(150), "a gate finishing its upload");
		}
		for (Gate g : gates) {
			assertThat(g.failure).as("gate %d", g.number).isNull();
		}
		double acceptedAgain = gates.stream()
			.flatMap(g -> g.acknowledged.stream())
			.filter(a -> a.sentAt() - killed > 0)
			.mapToLong(a -> a.answeredAt() - killed)
			.min()
			.orElseThrow() / 1e9;
		int failedAttempts = gates.stream().mapToInt(g -> g.failedAttempts.get()).sum();
		long retriedBatches = gates.stream().flatMap(g -> g.acknowledged.stream()).filter(a -> a.attempts() > 1).count();
		long storedButUnanswered = gates.stream().flatMap(g -> g.acknowledged.stream()).mapToLong(Acknowledged::duplicates)
			.sum();
		formation.printEvents(killedAt);
		assertThat(officer.get("/dashboard").status()).as("read-only work on the new primary").isEqualTo(200);

		try (Connection db = formation.connect(formation.url())) {
			assertThat(text(db, "select inet_server_port()::text")).as("the standby took over")
				.isEqualTo(Integer.toString(standby.port()));
			long total = 0;
			for (Gate g : gates) {
				Map<String, Long> stored = stored(db, g.deviceId);
				assertThat(stored).as("gate %d: no pass stored twice", g.number).allSatisfy((key, n) -> assertThat(n).isEqualTo(1));
				Set<String> acknowledged = g.acknowledgedKeys();
				assertThat(stored.keySet()).as("gate %d: every acknowledged pass present", g.number).containsAll(acknowledged);
				assertThat(g.sentKeys()).as("gate %d: nothing stored that was never sent", g.number)
					.containsAll(stored.keySet());
				total += stored.size();
			}
			assertThat(count(db, "select coalesce(sum(pass_count), 0) from daily_presence where project_id = "
					+ site.projectId())).as("daily presence counts every stored pass once").isEqualTo(total);

			// The gates send every batch that needed a retry once more: all of it is already there.
			for (Gate g : gates) {
				for (Acknowledged a : g.acknowledged) {
					if (a.attempts() > 1) {
						ApiClient.Response r = g.client.post("/api/device/v1/passes", Map.of("passes", a.passes()));
						assertThat(r.status()).as(r.body()).isEqualTo(200);
						assertThat(r.json().get("duplicates").asInt()).as("a retried batch sent again").isEqualTo(BATCH);
					}
				}
			}
			long after = 0;
			for (Gate g : gates) {
				after += stored(db, g.deviceId).values().stream().mapToLong(Long::longValue).sum();
			}
			assertThat(after).as("no pass doubled by sending again").isEqualTo(total);

			long acknowledgedPasses = gates.stream().mapToLong(g -> g.acknowledgedKeys().size()).sum();
			say("%d passes acknowledged, %d stored, 0 lost, 0 duplicated", acknowledgedPasses, total);
			say("%d failed attempts during the failover; %d batches acknowledged after a retry; %d passes already stored "
					+ "by an attempt whose answer was lost (reported DUPLICATE on retry)", failedAttempts, retriedBatches,
					storedButUnanswered);
			say("the platform accepted passes again %.1f s after the primary was killed", acceptedAgain);
		}
	}

	private static void say(String format, Object... arguments) {
		System.out.println("failover: " + String.format(Locale.ROOT, format, arguments));
	}

	private static Map<String, Long> stored(Connection db, long deviceId) throws SQLException {
		Map<String, Long> stored = new HashMap<>();
		try (PreparedStatement s = db.prepareStatement(
				"select source_key, count(*) from pass where device_id = ? group by source_key")) {
			s.setLong(1, deviceId);
			try (ResultSet rs = s.executeQuery()) {
				while (rs.next()) {
					stored.put(rs.getString(1), rs.getLong(2));
				}
			}
		}
		return stored;
	}

	private static long count(Connection db, String sql) throws SQLException {
		return Long.parseLong(text(db, sql));
	}

	private static String text(Connection db, String sql) throws SQLException {
		try (PreparedStatement s = db.prepareStatement(sql); ResultSet rs = s.executeQuery()) {
			rs.next();
			return rs.getString(1);
		}
	}

	/** One batch a gate was told is stored: when it was (last) sent and answered, after how many attempts. */
	record Acknowledged(List<Map<String, Object>> passes, long sentAt, long answeredAt, int attempts, int duplicates) {
	}

	/**
	 * A gate uploading its passes in batches, one after the other, as long as the test runs: a batch that was not
	 * acknowledged (an error, a lost answer) is sent again unchanged after a short pause, until it is.
	 */
	static final class Gate implements Runnable {

		final int number;

		final long deviceId;

		final DeviceClient client;

		private final List<Long> people;

		final ConcurrentLinkedQueue<Acknowledged> acknowledged = new ConcurrentLinkedQueue<>();

		private final ConcurrentLinkedQueue<List<Map<String, Object>>> sent = new ConcurrentLinkedQueue<>();

		final AtomicInteger failedAttempts = new AtomicInteger();

		private volatile boolean stopped;

		volatile Throwable failure;

		Gate(int number, long deviceId, DeviceClient client, List<Long> people) {
			this.number = number;
			this.deviceId = deviceId;
			this.client = client;
			this.people = people;
		}

		@Override
		public void run() {
			try {
				for (int seq = 0; !stopped; seq++) {
					List<Map<String, Object>> batch = batch(seq);
					sent.add(batch);
					for (int attempt = 1;; attempt++) {
						long sentAt = System.nanoTime();
						int duplicates = upload(batch);
						if (duplicates >= 0) {
							acknowledged.add(new Acknowledged(batch, sentAt, System.nanoTime(), attempt, duplicates));
							break;
						}
						failedAttempts.incrementAndGet();
						Thread.sleep(RETRY.toMillis());
					}
					Thread.sleep(PAUSE.toMillis());
				}
			}
			catch (Throwable e) {
				failure = e;
			}
		}

		/** The duplicates reported when the platform acknowledged every pass of the batch, -1 when it did not. */
		private int upload(List<Map<String, Object>> batch) {
			try {
				ApiClient.Response r = client.post("/api/device/v1/passes", Map.of("passes", batch));
				if (r.status() != 200) {
					return -1;
				}
				JsonNode results = r.json().get("results");
				for (JsonNode result : results) {
					String status = result.get("status").asString();
					if (!"STORED".equals(status) && !"DUPLICATE".equals(status)) {
						throw new AssertionError("gate " + number + ": a pass was not taken: " + result);
					}
				}
				return results.size() == batch.size() ? r.json().get("duplicates").asInt() : -1;
			}
			catch (IllegalStateException e) {
				return -1; // connection refused or reset: the gate keeps the batch
			}
		}

		/** Passes of the day before, two seconds apart per gate, over the roster in turn. */
		private List<Map<String, Object>> batch(int seq) {
			OffsetDateTime first = TestClock.platformToday().minusDays(1).atTime(6, 0).atOffset(ZoneOffset.ofHours(8));
			List<Map<String, Object>> batch = new ArrayList<>(BATCH);
			for (int k = 0; k < BATCH; k++) {
				int n = seq * BATCH + k;
				Map<String, Object> pass = new LinkedHashMap<>();
				pass.put("eventId", "failover-" + number + "-" + n);
				pass.put("personId", Long.toString(people.get((n + number * 7) % people.size())));
				pass.put("time", first.plusSeconds(2L * n).toString());
				pass.put("attendType", "001");
				pass.put("liveness", "PASS");
				batch.add(pass);
			}
			return batch;
		}

		void stop() {
			stopped = true;
		}

		int acknowledgedCount() {
			return acknowledged.size();
		}

		long acknowledgedSince(long nanos) {
			return acknowledged.stream().filter(a -> a.sentAt() - nanos > 0).count();
		}

		Set<String> acknowledgedKeys() {
			return keys(acknowledged.stream().map(Acknowledged::passes));
		}

		Set<String> sentKeys() {
			return keys(sent.stream());
		}

		private static Set<String> keys(Stream<List<Map<String, Object>>> batches) {
			Set<String> keys = new HashSet<>();
			batches.forEach(b -> b.forEach(p -> keys.add((String) p.get("eventId"))));
			return keys;
		}
	}

	/** A data node of the formation: its address and the file holding the process id of its pg_autoctl keeper. */
	record Node(String host, int port, Path keeperPidFile) {

		String address() {
			return host + ":" + port;
		}

		/** SIGKILL to the keeper and every process under it (PostgreSQL's postmaster and backends) at once. */
		int kill() throws IOException, InterruptedException {
			long keeper = Long.parseLong(Files.readString(keeperPidFile).trim());
			ProcessHandle handle = ProcessHandle.of(keeper).orElseThrow(() -> new AssertionError("keeper " + keeper + " not running"));
			List<ProcessHandle> all = Stream.concat(Stream.of(handle), handle.descendants()).toList();
			List<String> command = new ArrayList<>(List.of("kill", "-KILL"));
			all.forEach(p -> command.add(Long.toString(p.pid())));
			Process kill = new ProcessBuilder(command).inheritIO().start();
			Waits.exit(kill, Duration.ofSeconds(10), "kill");
			Waits.until("the primary's processes gone", Duration.ofSeconds(30), () -> all.stream().noneMatch(ProcessHandle::isAlive),
					() -> false);
			return all.size();
		}
	}

	/** The pg_auto_failover formation named by the environment {@code scripts/failover-test.sh} sets. */
	record Formation(String url, String username, String password, String administrator, List<Node> nodes,
			String monitorUrl) {

		private static final Pattern DATABASE = Pattern.compile("^jdbc:postgresql://[^/]+/([^?]+)");

		static Formation fromEnvironment() {
			String url = System.getenv("SITEROLL_FAILOVER_URL");
			if (url == null || url.isBlank()) {
				String why = "no pg_auto_failover formation (SITEROLL_FAILOVER_URL unset; scripts/failover-test.sh builds one)";
				if ("required".equals(System.getenv("SITEROLL_FAILOVER_TESTS"))) {
					fail(why + "; the failover test is required here (SITEROLL_FAILOVER_TESTS=required)");
				}
				Assumptions.abort(why);
			}
			List<Node> nodes = new ArrayList<>();
			for (String entry : System.getenv("SITEROLL_FAILOVER_NODES").split(",")) {
				String[] addressAndPid = entry.split("=", 2);
				int colon = addressAndPid[0].lastIndexOf(':');
				nodes.add(new Node(addressAndPid[0].substring(0, colon), Integer.parseInt(addressAndPid[0].substring(colon + 1)),
						Path.of(addressAndPid[1])));
			}
			assertThat(nodes).as("SITEROLL_FAILOVER_NODES: a primary and a standby").hasSize(2);
			return new Formation(url, System.getenv("SITEROLL_FAILOVER_USERNAME"), System.getenv("SITEROLL_FAILOVER_PASSWORD"),
					System.getenv("SITEROLL_FAILOVER_ADMIN"), nodes, System.getenv("SITEROLL_FAILOVER_MONITOR"));
		}

		/** As the platform's role, to the URL or to one node's address. */
		Connection connect(String urlOrAddress) throws SQLException {
			String target = urlOrAddress.startsWith("jdbc:") ? urlOrAddress : jdbcUrl(urlOrAddress);
			Properties credentials = new Properties();
			credentials.setProperty("user", username);
			credentials.setProperty("password", password);
			return DriverManager.getConnection(target, credentials);
		}

		/** As the administrator (trusted on loopback), who may read the replication state of pg_stat_replication. */
		Connection administer(String address) throws SQLException {
			Properties credentials = new Properties();
			credentials.setProperty("user", administrator);
			return DriverManager.getConnection(jdbcUrl(address), credentials);
		}

		private String jdbcUrl(String address) {
			Matcher m = DATABASE.matcher(url);
			assertThat(m.find()).as("a database in %s", url).isTrue();
			return "jdbc:postgresql://" + address + "/" + m.group(1);
		}

		/** The node that is not in recovery: the one the multi-host URL writes to. */
		Node primary() throws SQLException {
			Node primary = null;
			for (Node n : nodes) {
				try (Connection db = connect(n.address())) {
					if ("f".equals(text(db, "select pg_is_in_recovery()"))) {
						assertThat(primary).as("one primary").isNull();
						primary = n;
					}
				}
			}
			assertThat(primary).as("a primary among %s", nodes).isNotNull();
			return primary;
		}

		/** What the monitor recorded since the kill, with the seconds since: how long each step of the failover took. */
		void printEvents(Instant since) throws SQLException {
			if (monitorUrl == null || monitorUrl.isBlank()) {
				return;
			}
			try (Connection monitor = DriverManager.getConnection(monitorUrl);
					PreparedStatement s = monitor.prepareStatement("""
							select eventtime, nodename, reportedstate, goalstate from pgautofailover.event
							where eventtime >= ? order by eventid""")) {
				s.setTimestamp(1, Timestamp.from(since));
				try (ResultSet rs = s.executeQuery()) {
					while (rs.next()) {
						double seconds = Duration.between(since, rs.getTimestamp(1).toInstant()).toMillis() / 1000.0;
						say("monitor +%5.1f s  %s reported %s, assigned %s", seconds, rs.getString(2), rs.getString(3),
								rs.getString(4));
					}
				}
			}
		}
	}
}
