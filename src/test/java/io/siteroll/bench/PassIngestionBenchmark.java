package io.siteroll.bench;

import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;

import java.util.function.BiFunction;
import javax.sql.DataSource;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;

import io.siteroll.support.ApiClient;
import io.siteroll.support.DeviceClient;
import io.siteroll.support.DahuaDevice;
import io.siteroll.support.HikvisionTerminal;
import io.siteroll.support.IntegrationTest;
import io.siteroll.support.PushGate;
import io.siteroll.support.UfaceCloud;
import io.siteroll.support.Waits;
import io.siteroll.support.RosterFile;
import org.junit.jupiter.api.Test;
import org.postgresql.PGConnection;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.json.JsonMapper;

/**
 * Pass ingestion at provincial scale. Prints, in one run on this machine:
 * <ul>
 * <li>passes per second through the signed HTTP device API into PostgreSQL, in batches of 500 from
 * several gates at once (dedupe, the right-to-pass judgement, daily presence and the
 * impossible-travel check included);</li>
 * <li>a bare {@code COPY} of the same rows into the same table on one connection, and the ratio;</li>
 * <li>where the CPU went, per pass: PostgreSQL, the server's threads, the benchmark's client, the JIT compiler, the
 * garbage collector and the rest of the JVM, and PostgreSQL's per row of the COPY; and the two compared
 * in CPU rather than time (COPY on one connection uses one core at most, the API's requests both).</li>
 * </ul>
 * The measured runs come after warm-up runs that last until the JIT compiler has settled (at most
 * {@link #MAX_WARM_UP_RUNS}); the warm-up's rows are then truncated and one run's worth uploaded again, so the
 * table the runs and the COPY write into is as large as it was with a single warm-up run.
 * {@link #decideAtTheGate} prints gate-decision latency under an open-loop load from an asynchronous client
 * (1,000 per second after warm-ups at that rate until the JIT compiler has settled, then stepped up to the highest
 * rate whose p99 stays under 50 ms) and one lane back to back, with the CPU per decision by the same kinds,
 * each beside the liveness probe under the same load in the same run:
 * {@code ./mvnw test -Dtest='PassIngestionBenchmark#decideAtTheGate' -Dsurefire.failIfNoSpecifiedTests=false}.
 * A second run ({@link #vendorFormatsBesideThePlatformApi}) prints passes per second for each vendor push
 * format (Hikvision ISAPI one event per request, Dahua {@code Events[]} batches, Uface one callback per
 * record), driven by the vendor simulators, beside the signed API in the same run; its size is
 * {@code -Dbench.vendor.passes=N} (default 20,000 per format).
 * Not part of the default suite; run on demand:
 * {@code ./mvnw test -Dtest=PassIngestionBenchmark -Dsurefire.failIfNoSpecifiedTests=false}. Prints
 * figures, asserts nothing about time.
 */
class PassIngestionBenchmark extends IntegrationTest {

	static final int WORKERS = 2_000;

	static final int GATES = 8;

	static final int BATCH = 500;

	static final int PASSES_PER_RUN = 200_000;

	static final int RUNS = 5;

	/** At most this many warm-up runs of {@link #PASSES_PER_RUN} before the measured ones. */
	static final int MAX_WARM_UP_RUNS = 8;

	/** The JIT compiler counts as settled once a warm-up run costs it less CPU than this per pass. */
	static final double JIT_SETTLED_MICROS_PER_PASS = 5.0;

	static final int CLIENT_THREADS = 4;

	static final int DECISIONS_PER_SECOND = 1_000;

	static final int DECISION_SECONDS = 10;

	static final int STEP_SECONDS = 5;

	/** At most this many warm-ups of {@link #DECISION_SECONDS} at the measured rate before the measured load. */
	static final int MAX_DECISION_WARM_UPS = 6;

	/** The JIT compiler counts as settled once a decision warm-up costs it less CPU than this per decision. */
	static final double JIT_SETTLED_MICROS_PER_DECISION = 50.0;

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@Autowired
	DataSource dataSource;

	@Autowired
	MeterRegistry meters;

	record Gate(long id, String serial, String secret) {
	}

	@Test
	void ingestPasses() throws Exception {
		ApiClient api = as(province());
		Site site = siteWithImportedRoster(api);
		List<Gate> gates = new ArrayList<>();
		for (int g = 0; g < GATES; g++) {
			RegisteredDevice d = device(api, site.projectId(), "SITEROLL", "BOTH");
			gates.add(new Gate(d.id(), d.serial(), d.secret()));
		}
		HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
		List<Long> people = new DeviceClient(http, baseUrl(), gates.get(0).serial(), gates.get(0).secret())
			.get("/api/device/v1/roster?since=0").json().get("entries").valueStream().map(e -> e.get("personId").asLong())
			.toList();

		// Warm-up until the JIT compiler has settled, as on a server that has run for days: a run's 400 requests run the
		// request path (HTTP client and server, Spring MVC, JDBC) only 400 times, so C2 (on the same 2 cores) went on
		// compiling it through the first measured runs, 17 to 23 µs of CPU per pass, more than the request threads' own
		// 12 µs. Printed, not counted.
		for (int warm = 1; warm <= MAX_WARM_UP_RUNS; warm++) {
			CpuSpent before = CpuSpent.now(this);
			long warmMillis = upload(http, gates, people, "warmup" + warm, PASSES_PER_RUN);
			CpuSpent spent = CpuSpent.now(this).minus(before);
			System.out.printf("warm-up %d (not counted): HTTP API %,d passes in %,d ms (%,.0f passes/s); %s%n", warm,
					PASSES_PER_RUN, warmMillis, PASSES_PER_RUN * 1000.0 / warmMillis, spent.per("pass", PASSES_PER_RUN));
			if (spent.compiler() * 1e6 / PASSES_PER_RUN < JIT_SETTLED_MICROS_PER_PASS) {
				break;
			}
		}
		// The warm-up's rows go, and one run's worth comes back: the measured runs (and COPY, whose cost grows with the
		// table's indexes) meet the table as they met it with a warm-up of one run.
		jdbc.sql("truncate pass").update();
		long refillMillis = upload(http, gates, people, "warmup", PASSES_PER_RUN);
		System.out.printf("warm-up rows truncated; %,d passes uploaded again in %,d ms (not counted)%n", PASSES_PER_RUN,
				refillMillis);
		List<Double> apiRates = new ArrayList<>();
		List<Double> copyRates = new ArrayList<>();
		List<Double> apiCpu = new ArrayList<>();
		List<Double> copyCpu = new ArrayList<>();
		for (int run = 1; run <= RUNS; run++) {
			String tag = "run" + run;
			CpuSpent before = CpuSpent.now(this);
			Wal walBefore = Wal.now(jdbc);
			long millis = upload(http, gates, people, tag, PASSES_PER_RUN);
			CpuSpent spent = CpuSpent.now(this).minus(before);
			Wal wal = Wal.now(jdbc).minus(walBefore);
			double apiRate = PASSES_PER_RUN * 1000.0 / millis;
			Copied copied = copySameRows(tag);
			long copyMillis = copied.millis();
			double copyDatabaseMicros = copied.databaseSeconds() * 1e6 / PASSES_PER_RUN;
			double copyRate = PASSES_PER_RUN * 1000.0 / copyMillis;
			apiRates.add(apiRate);
			copyRates.add(copyRate);
			apiCpu.add(spent.total() * 1e6 / PASSES_PER_RUN);
			copyCpu.add(copyDatabaseMicros);
			System.out.printf("run %d: HTTP API %,d passes in %,d ms (%,.0f passes/s; %s; %s); COPY of the same rows %,d ms "
					+ "(%,.0f rows/s; PostgreSQL %.0f µs of CPU per row; %s); ratio %.2f%n", run, PASSES_PER_RUN, millis, apiRate,
					spent.per("pass", PASSES_PER_RUN), wal.per(PASSES_PER_RUN), copyMillis, copyRate, copyDatabaseMicros,
					copied.wal().per(PASSES_PER_RUN), apiRate / copyRate);
		}
		double api50 = median(apiRates), copy50 = median(copyRates);
		System.out.printf("PASS INGESTION BENCHMARK: %d cores, batches of %d from %d gates (%d client threads): median %,.0f passes/s "
				+ "via the HTTP API vs %,.0f rows/s by COPY: ratio %.2f (target >= 20,000 passes/s)%n",
				Runtime.getRuntime().availableProcessors(), BATCH, GATES, CLIENT_THREADS, api50, copy50, api50 / copy50);
		// COPY runs on one connection, so one server process and at most one core; the API's requests use both cores.
		// In CPU, not wall-clock time:
		double apiCpu50 = median(apiCpu), copyCpu50 = median(copyCpu);
		System.out.printf("CPU per pass, medians: the HTTP API %.0f µs (PostgreSQL and all of the JVM) vs COPY %.0f µs of "
				+ "PostgreSQL per row: ratio %.2f%n", apiCpu50, copyCpu50, copyCpu50 / apiCpu50);

		long stored = jdbc.sql("select count(*) from pass where project_id = ?").param(site.projectId()).query(Long.class).single();
		System.out.printf("stored rows on the project (API + COPY + warm-up): %,d%n", stored);
	}

	@Test
	void vendorFormatsBesideThePlatformApi() throws Exception {
		int total = Integer.getInteger("bench.vendor.passes", 20_000);
		ApiClient api = as(province());
		Site site = siteWithImportedRoster(api);
		RegisteredDevice own = device(api, site.projectId(), "SITEROLL", "BOTH");
		List<Gate> gates = List.of(new Gate(own.id(), own.serial(), own.secret()));
		HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
		List<Long> people = new DeviceClient(http, baseUrl(), own.serial(), own.secret())
			.get("/api/device/v1/roster?since=0").json().get("entries").valueStream().map(e -> e.get("personId").asLong())
			.toList();
		Map<String, PushGate> vendors = new LinkedHashMap<>();
		vendors.put("Hikvision ISAPI (one event per request)",
				vendorGate(api, site, "HIKVISION_ISAPI", (serial, key) -> new HikvisionTerminal(baseUrl(), serial, key)));
		vendors.put("Dahua Events[] (" + BATCH + " per request)",
				vendorGate(api, site, "DAHUA", (serial, key) -> new DahuaDevice(baseUrl(), serial, key)));
		vendors.put("Uface UStar (one callback per record)",
				vendorGate(api, site, "UFACE", (serial, key) -> new UfaceCloud(baseUrl(), serial, key)));

		upload(http, gates, people, "vwarm", 2 * BATCH);
		long apiMillis = upload(http, gates, people, "vapi", total);
		double apiRate = total * 1000.0 / apiMillis;
		System.out.printf("VENDOR FORMATS: signed API %,d passes in %,d ms (%,.0f passes/s)%n", total, apiMillis, apiRate);
		long seq = 0;
		for (Map.Entry<String, PushGate> vendor : vendors.entrySet()) {
			List<PushGate.Punch> punches = new ArrayList<>(total);
			OffsetDateTime first = today().minusDays(20).atTime(6, 0).atOffset(ZoneOffset.ofHours(8));
			for (int n = 0; n < total; n++) {
				long person = people.get(n % people.size());
				int round = n / people.size();
				punches.add(new PushGate.Punch(++seq, Long.toString(person),
						first.plusDays(round % 18).plusMinutes(round / 18 * 7L + person % 60), round % 2 == 0, null));
			}
			long millis = push(vendor.getValue(), punches);
			double rate = total * 1000.0 / millis;
			System.out.printf("VENDOR FORMATS: %s %,d passes in %,d ms (%,.0f passes/s): %.2f of the signed API%n",
					vendor.getKey(), total, millis, rate, rate / apiRate);
		}
	}

	/** Registers a vendor gate, issues its key and returns its simulator. */
	private PushGate vendorGate(ApiClient api, Site site, String protocol,
			BiFunction<String, String, PushGate> simulator) {
		RegisteredDevice device = device(api, site.projectId(), protocol, "BOTH");
		ApiClient.Response issued = api.post("/api/devices/" + device.id() + "/zkteco-access/key", Map.of());
		return simulator.apply(device.serial(), issued.json().get("commKey").asString());
	}

	/** Sends the punches in chunks of a batch from several client threads; returns wall-clock milliseconds. */
	private long push(PushGate gate, List<PushGate.Punch> punches) throws Exception {
		ExecutorService pool = Executors.newFixedThreadPool(CLIENT_THREADS);
		long started = System.nanoTime();
		List<Future<?>> futures = new ArrayList<>();
		for (int from = 0; from < punches.size(); from += BATCH) {
			List<PushGate.Punch> chunk = punches.subList(from, Math.min(punches.size(), from + BATCH));
			futures.add(pool.submit(() -> {
				for (PushGate.Reply r : gate.send(chunk, false)) {
					if (!gate.acknowledged(r)) {
						throw new IllegalStateException(r.status() + " " + r.body());
					}
				}
			}));
		}
		for (Future<?> f : futures) {
			Waits.result(f, Duration.ofMinutes(10), "a client thread pushing vendor punches");
		}
		long millis = (System.nanoTime() - started) / 1_000_000;
		pool.shutdown();
		return millis;
	}

	/** Uploads {@code total} passes with fresh event ids; returns wall-clock milliseconds. */
	private long upload(HttpClient http, List<Gate> gates, List<Long> people, String tag, int total) throws Exception {
		OffsetDateTime first = today().minusDays(25).atTime(6, 0).atOffset(ZoneOffset.ofHours(8));
		List<byte[]> bodies = new ArrayList<>();
		List<Gate> owners = new ArrayList<>();
		for (int from = 0; from < total; from += BATCH) {
			List<Map<String, Object>> batch = new ArrayList<>(BATCH);
			for (int n = from; n < Math.min(total, from + BATCH); n++) {
				long person = people.get(n % people.size());
				int round = n / people.size();
				Map<String, Object> pass = new LinkedHashMap<>();
				pass.put("eventId", tag + "-" + person + "-" + round);
				pass.put("personId", Long.toString(person));
				pass.put("time", first.plusDays(round % 24).plusMinutes(round / 24 * 7L + person % 60).toString());
				pass.put("direction", round % 2 == 0 ? "IN" : "OUT");
				pass.put("attendType", "001");
				pass.put("liveness", "PASS");
				pass.put("livenessScore", 0.93);
				batch.add(pass);
			}
			bodies.add(JSON.writeValueAsBytes(Map.of("passes", batch)));
			owners.add(gates.get(bodies.size() % gates.size()));
		}
		ExecutorService pool = Executors.newFixedThreadPool(CLIENT_THREADS);
		long started = System.nanoTime();
		List<Future<?>> futures = new ArrayList<>();
		for (int i = 0; i < bodies.size(); i++) {
			byte[] body = bodies.get(i);
			Gate gate = owners.get(i);
			futures.add(pool.submit(() -> {
				ApiClient.Response r = new DeviceClient(http, baseUrl(), gate.serial(), gate.secret()).post("/api/device/v1/passes", body);
				if (r.status() != 200) {
					throw new IllegalStateException(r.body());
				}
			}));
		}
		for (Future<?> f : futures) {
			Waits.result(f, Duration.ofMinutes(10), "an uploading client thread");
		}
		long millis = (System.nanoTime() - started) / 1_000_000;
		pool.shutdown();
		return millis;
	}

	/** The middle of an odd number of measured runs. */
	private static double median(List<Double> runs) {
		List<Double> sorted = new ArrayList<>(runs);
		Collections.sort(sorted);
		return sorted.get(sorted.size() / 2);
	}

	/** A COPY's wall-clock milliseconds, the CPU seconds of the database's processes during it, and its WAL. */
	record Copied(long millis, double databaseSeconds, Wal wal) {
	}

	/**
	 * The database's write-ahead log so far: bytes from the insert position, exact; full-page images from
	 * {@code pg_stat_wal}, where each backend adds its counts at most once a second, so a window's last second may
	 * show in the next one.
	 */
	record Wal(long fullPages, long bytes) {

		static Wal now(JdbcClient jdbc) {
			return jdbc.sql("select wal_fpi, pg_wal_lsn_diff(pg_current_wal_insert_lsn(), '0/0')::int8 from pg_stat_wal")
				.query((rs, n) -> new Wal(rs.getLong(1), rs.getLong(2)))
				.single();
		}

		Wal minus(Wal before) {
			return new Wal(fullPages - before.fullPages, bytes - before.bytes);
		}

		/** Per row (pass): WAL bytes, and full-page images per thousand rows. */
		String per(int rows) {
			return String.format("WAL %,.0f bytes per row, %.0f full-page images per 1,000 rows", (double) bytes / rows,
					fullPages * 1000.0 / rows);
		}
	}

	/**
	 * COPY the rows the API stored in this run again (with another key) into the same table, on one connection (one
	 * server process, as the baseline has always been). Timed and counted around the COPY alone: the rows are read
	 * out and written as CSV text before.
	 */
	private Copied copySameRows(String tag) throws Exception {
		StringBuilder csv = new StringBuilder();
		jdbc.sql("""
				select device_id, project_id, source_key, person_ref, person_id, passed_at, device_local_time, utc_offset_min,
				       received_at, direction, attend_type, liveness, liveness_score, offline, outcome, source
				from pass where source_key like ?""")
			.param(tag + "-%")
			.query(rs -> {
				csv.append(rs.getLong(1)).append(',').append(rs.getLong(2)).append(",copy-").append(rs.getString(3)).append(',')
					.append(rs.getString(4)).append(',').append(rs.getLong(5)).append(',')
					.append(rs.getTimestamp(6).toInstant()).append(',').append(rs.getTimestamp(7).toLocalDateTime()).append(',')
					.append(rs.getInt(8)).append(',').append(rs.getTimestamp(9).toInstant()).append(',').append(rs.getString(10))
					.append(',').append(rs.getString(11)).append(',').append(rs.getString(12)).append(',')
					.append(rs.getFloat(13)).append(',').append(rs.getBoolean(14)).append(',').append(rs.getString(15))
					.append(',').append(rs.getString(16)).append('\n');
			});
		String rows = csv.toString();
		try (Connection c = dataSource.getConnection()) {
			PGConnection pg = c.unwrap(PGConnection.class);
			double databaseBefore = databaseCpuNanos();
			Wal walBefore = Wal.now(jdbc);
			long started = System.nanoTime();
			pg.getCopyAPI().copyIn("""
					copy pass (device_id, project_id, source_key, person_ref, person_id, passed_at, device_local_time,
					           utc_offset_min, received_at, direction, attend_type, liveness, liveness_score, offline, outcome,
					           source) from stdin with (format csv)""", new StringReader(rows));
			long millis = (System.nanoTime() - started) / 1_000_000;
			return new Copied(millis, (databaseCpuNanos() - databaseBefore) / 1e9, Wal.now(jdbc).minus(walBefore));
		}
	}

	/** A project begun three months ago whose roster of {@link #WORKERS} workers was imported from a spreadsheet. */
	private Site siteWithImportedRoster(ApiClient api) {
		LocalDate start = today().minusMonths(3);
		Site site = site(api, "220102", start);
		ApiClient.Response imported = api.upload("/api/projects/" + site.projectId() + "/teams/" + site.teamId() + "/roster",
				"file", "bench.xlsx", RosterFile.of(IDS, WORKERS, start, start.plusDays(1)));
		if (imported.status() != 201) {
			throw new IllegalStateException(imported.body());
		}
		return site;
	}

	/**
	 * One lane asking 2,000 times back to back (closed loop, one connection): the latency of a decision on an
	 * otherwise idle platform, beside the same lane asking the liveness probe.
	 */
	private void oneLane(HttpClient client, Lane decision, Lane floor) throws Exception {
		double[] floorFigures = backToBack(client, floor);
		Spent before = spent();
		double[] figures = backToBack(client, decision);
		String spent = spentSince(before, 2_500);
		System.out.printf("GATE DECISION, ONE LANE BACK TO BACK: 2,000 requests in %.1f s (%,.0f/s): p50 %.2f ms, p99 %.2f ms%s "
				+ "| baseline, the liveness probe on the same lane: %,.0f/s, p50 %.2f ms, p99 %.2f ms | p50 ratio %.1f%n",
				figures[0], 2_000 / figures[0], figures[1], figures[2], spent, 2_000 / floorFigures[0], floorFigures[1],
				floorFigures[2], figures[1] / floorFigures[1]);
	}

	/** Seconds, p50 ms, p99 ms of 2,000 requests sent one after the other on one connection. */
	private double[] backToBack(HttpClient client, Lane lane) throws Exception {
		for (int i = 0; i < 500; i++) {
			client.send(lane.request(i), HttpResponse.BodyHandlers.discarding());
		}
		long[] latencies = new long[2_000];
		long started = System.nanoTime();
		for (int i = 0; i < latencies.length; i++) {
			HttpRequest request = lane.request(i);
			long sent = System.nanoTime();
			HttpResponse<Void> r = client.send(request, HttpResponse.BodyHandlers.discarding());
			latencies[i] = System.nanoTime() - sent;
			if (r.statusCode() != 200) {
				throw new IllegalStateException("answer " + r.statusCode());
			}
		}
		double seconds = (System.nanoTime() - started) / 1e9;
		Arrays.sort(latencies);
		return new double[] { seconds, latencies[1_000] / 1e6, latencies[1_980] / 1e6 };
	}

	/**
	 * What the platform has spent so far: the decisions that asked for a roster version and the shared reads that
	 * answered them (NaN where not counted), and the CPU of the database and of this JVM's threads by kind.
	 */
	private Spent spent() {
		FunctionCounter questions = meters.find("siteroll.gate.version.questions").functionCounter();
		FunctionCounter reads = meters.find("siteroll.gate.version.reads").functionCounter();
		return new Spent(questions == null ? Double.NaN : questions.count(), reads == null ? Double.NaN : reads.count(),
				CpuSpent.now(this));
	}

	/** Version questions and reads counted so far, and the CPU spent so far. */
	private record Spent(double questions, double reads, CpuSpent cpu) {
	}

	/** Reads, decisions per read, and CPU per decision since {@code before}, for {@code decisions} decisions. */
	private String spentSince(Spent before, int decisions) {
		return spentBetween(before, spent(), decisions);
	}

	/** Reads, decisions per read, and CPU per decision from {@code before} to {@code now}. */
	private static String spentBetween(Spent before, Spent now, int decisions) {
		String counted = Double.isNaN(now.questions()) ? ""
				: String.format("; roster version reads %,.0f for %,.0f decisions (%.1f per read)", now.reads() - before.reads(),
						now.questions() - before.questions(), (now.questions() - before.questions())
								/ Math.max(now.reads() - before.reads(), 1));
		return counted + "; " + now.cpu().minus(before.cpu()).per("decision", decisions);
	}

	/**
	 * CPU seconds spent so far (user and system, from /proc; NaN where that cannot be read): the database's server
	 * processes, and this JVM's threads by kind: the JIT compilers; the server (Tomcat's request, poller and acceptor
	 * threads, and the platform's own threads that serve gate decisions); the benchmark's client (the asynchronous
	 * HTTP client's threads and the common pool's, where the JDK hands on every answer of {@code sendAsync}, the
	 * ingestion's client pools, and the test's own thread, named {@code java} as the process, which schedules the load
	 * and builds and signs each request); the garbage collector; and the rest (the JVM's own threads, Spring's
	 * schedulers).
	 */
	record CpuSpent(double database, double compiler, double server, double client, double collector,
			double restOfJvm) {

		/** The platform's own threads that serve requests beside Tomcat's (names as /proc shows them, 15 characters). */
		static final Set<String> SERVER_HELPERS = Set.of("roster-version-", "right-to-pass-l");

		/**
		 * Each thread seen so far, by its id and start time: its kind and its CPU seconds when last seen. A thread that
		 * has ended (an idle request thread Tomcat let go, a client pool's) keeps counting in its kind with what it had
		 * spent when last seen, so the kinds' sums never go down; what it spent after that falls to the rest.
		 */
		private static final Map<String, Seen> SEEN = new ConcurrentHashMap<>();

		private record Seen(Kind kind, double seconds) {
		}

		private enum Kind {
			COMPILER, SERVER, CLIENT, COLLECTOR, OTHER;

			static Kind of(String thread) {
				if (thread.startsWith("C1 CompilerThre") || thread.startsWith("C2 CompilerThre")) {
					return COMPILER;
				}
				if (thread.startsWith("http-nio") || SERVER_HELPERS.contains(thread)) {
					return SERVER;
				}
				if (thread.startsWith("HttpClient-") || thread.startsWith("ForkJoinPool.co") || thread.startsWith("pool-")
						|| thread.equals("java")) {
					return CLIENT;
				}
				if (thread.startsWith("GC Thread") || thread.startsWith("G1 ")) {
					return COLLECTOR;
				}
				return OTHER;
			}
		}

		static CpuSpent now(PassIngestionBenchmark bench) {
			double[] byKind = new double[Kind.values().length];
			double rest;
			try (DirectoryStream<Path> threads = Files.newDirectoryStream(Path.of("/proc/self/task"))) {
				for (Path thread : threads) {
					ProcStat stat = ProcStat.of(thread);
					if (stat != null) {
						// keyed by id and start time: the system may give an ended thread's id to a new one
						SEEN.put(thread.getFileName() + "@" + stat.startTicks(), new Seen(Kind.of(stat.name()), stat.seconds()));
					}
				}
				SEEN.values().forEach(seen -> byKind[seen.kind().ordinal()] += seen.seconds());
				// the process's own counters include the threads that have ended
				ProcStat jvm = ProcStat.of(Path.of("/proc/self"));
				rest = jvm == null ? Double.NaN : jvm.seconds() - Arrays.stream(byKind).sum() + byKind[Kind.OTHER.ordinal()];
			}
			catch (IOException | RuntimeException e) {
				Arrays.fill(byKind, Double.NaN);
				rest = Double.NaN;
			}
			return new CpuSpent(bench.databaseCpuNanos() / 1e9, byKind[Kind.COMPILER.ordinal()], byKind[Kind.SERVER.ordinal()],
					byKind[Kind.CLIENT.ordinal()], byKind[Kind.COLLECTOR.ordinal()], rest);
		}

		double total() {
			return database + compiler + server + client + collector + restOfJvm;
		}

		CpuSpent minus(CpuSpent before) {
			return new CpuSpent(database - before.database, compiler - before.compiler, server - before.server,
					client - before.client, collector - before.collector, restOfJvm - before.restOfJvm);
		}

		/** The CPU per {@code what} ("pass", "decision") over {@code n} of them, by kind. */
		String per(String what, int n) {
			return String.format("CPU per %s: PostgreSQL %.0f µs, server threads %.0f µs, benchmark client %.0f µs, JIT "
					+ "compiler %.0f µs, garbage collector %.0f µs, rest of the JVM %.0f µs", what, database * 1e6 / n,
					server * 1e6 / n, client * 1e6 / n, compiler * 1e6 / n, collector * 1e6 / n, restOfJvm * 1e6 / n);
		}
	}

	/**
	 * A process's or a thread's name, parent and CPU time (user and system) from its /proc stat file, and the CPU time
	 * of its children that have ended and been waited for.
	 */
	record ProcStat(String name, long parentPid, double seconds, double endedChildrenSeconds, long startTicks) {

		/** The stat of the process or thread whose /proc directory this is; null if it has ended. */
		static ProcStat of(Path dir) {
			String stat;
			try {
				stat = Files.readString(dir.resolve("stat"));
			}
			catch (IOException gone) {
				return null;
			}
			String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
			return new ProcStat(stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')')), Long.parseLong(f[1]),
					(Long.parseLong(f[11]) + Long.parseLong(f[12])) / 100.0, // USER_HZ is 100 on Linux
					(Long.parseLong(f[13]) + Long.parseLong(f[14])) / 100.0, Long.parseLong(f[19]));
		}
	}

	private Long postmaster;

	/**
	 * CPU time of the database's server processes (user and system), those running and those ended, in nanoseconds;
	 * NaN if unknown.
	 */
	private double databaseCpuNanos() {
		try {
			if (postmaster == null) {
				String dataDir = jdbc.sql("show data_directory").query(String.class).single();
				postmaster = Long.parseLong(Files.readAllLines(Path.of(dataDir, "postmaster.pid")).get(0).trim());
			}
			double seconds = 0;
			try (DirectoryStream<Path> procs = Files.newDirectoryStream(Path.of("/proc"), "[0-9]*")) {
				for (Path proc : procs) {
					ProcStat stat = ProcStat.of(proc);
					long pid = Long.parseLong(proc.getFileName().toString());
					if (stat != null && pid == postmaster) {
						// server processes that have ended (autovacuum workers, connections closed) count too
						seconds += stat.seconds() + stat.endedChildrenSeconds();
					}
					else if (stat != null && stat.parentPid() == postmaster) {
						seconds += stat.seconds();
					}
				}
			}
			return seconds * 1e9;
		}
		catch (Exception e) {
			return Double.NaN;
		}
	}

	/** What one request of a load is: the {@code n}th request, built (and signed) when it is due. */
	interface Lane {

		HttpRequest request(int n) throws Exception;
	}

	/** The figures of one open-loop load. */
	record Load(int offered, int requests, double achieved, double p50, double p99, double max, int failures,
			String firstFailure, boolean finished) {

		boolean within(double p99Limit) {
			return finished && failures == 0 && p99 < p99Limit;
		}

		String figures() {
			return String.format("achieved %,.0f/s, p50 %.2f ms, p99 %.2f ms, max %.1f ms, failures %d%s", achieved, p50, p99,
					max, failures, (failures == 0 ? "" : " (first: " + firstFailure + ")") + (finished ? "" : " (unanswered after 60 s)"));
		}
	}

	/**
	 * Offers {@code rate} requests per second for {@code seconds}, open loop: one scheduler thread issues each
	 * request at its due time through the asynchronous client ({@link HttpClient#sendAsync}), whatever the
	 * earlier ones are doing, and the latency is measured from the due time, so a slow answer (or a
	 * scheduler that fell behind) counts against every request queued behind it. Throughput is the
	 * requests answered over the time from the first due time to the last answer.
	 */
	private static Load openLoop(HttpClient client, Lane lane, int rate, int seconds) throws Exception {
		int total = rate * seconds;
		long[] latencies = new long[total];
		AtomicInteger failures = new AtomicInteger();
		CountDownLatch answered = new CountDownLatch(total);
		AtomicLong last = new AtomicLong();
		AtomicReference<String> firstFailure = new AtomicReference<>();
		long start = System.nanoTime() + 20_000_000L;
		for (int i = 0; i < total; i++) {
			long due = start + (long) i * 1_000_000_000L / rate;
			long wait;
			while ((wait = due - System.nanoTime()) > 0) {
				LockSupport.parkNanos(wait);
			}
			int n = i;
			client.sendAsync(lane.request(i), HttpResponse.BodyHandlers.discarding()).whenComplete((response, error) -> {
				long now = System.nanoTime();
				latencies[n] = now - due;
				last.accumulateAndGet(now, Math::max);
				if (error != null || response.statusCode() != 200) {
					failures.incrementAndGet();
					firstFailure.compareAndSet(null, error != null ? error.toString() : "HTTP " + response.statusCode());
				}
				answered.countDown();
			});
		}
		boolean finished = answered.await(60, TimeUnit.SECONDS);
		long[] sorted = latencies.clone();
		Arrays.sort(sorted);
		double took = (Math.max(last.get(), start) - start) / 1e9;
		return new Load(rate, total, total / Math.max(took, 1e-9), sorted[total / 2] / 1e6,
				sorted[(int) (total * 0.99)] / 1e6, sorted[total - 1] / 1e6, failures.get(), firstFailure.get(), finished);
	}

	/**
	 * Gate decisions under an open-loop load from an asynchronous client (no thread per lane): after warm-ups at
	 * the measured rate until the JIT compiler has settled (printed, not counted) and one lane back to back, 1,000 per
	 * second for {@link #DECISION_SECONDS} seconds, then the offered rate stepped up until p99 reaches 50 ms
	 * (or a request fails); each figure beside the same load on the liveness probe (no signature, no
	 * database), measured just before it. One asked person in 50 is not registered (a refusal, whose evidence
	 * is written).
	 */
	@Test
	void decideAtTheGate() throws Exception {
		ApiClient api = as(province());
		Site site = siteWithImportedRoster(api);
		RegisteredDevice d = device(api, site.projectId(), "SITEROLL", "BOTH");
		HttpClient setup = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
		List<Long> people = new DeviceClient(setup, baseUrl(), d.serial(), d.secret())
			.get("/api/device/v1/roster?since=0").json().get("entries").valueStream().map(e -> e.get("personId").asLong())
			.toList();
		// The client's own completion stages run on its selector thread (a direct executor) instead of its thread pool,
		// and the common pool, which the JDK hands every sendAsync answer on to, has two workers (the pom's argLine: with
		// one, every sendAsync started a thread). At 1,000/s (18:20 UTC) the client cost 547 µs of CPU per request on its
		// own threads and 489 µs more, mostly in the thread started for each; now 260 to 320 µs on its threads and the
		// test's, and 20 to 35 µs in the common pool's: CPU the server under test shares its two cores with.
		HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(10))
			.executor(Runnable::run).build();
		DeviceClient device = new DeviceClient(client, baseUrl(), d.serial(), d.secret());
		Lane decision = n -> {
			long person = n % 50 == 49 ? 900_000_000_000L + n : people.get(n % people.size());
			byte[] body = ("{\"personId\":" + person + "}").getBytes(StandardCharsets.UTF_8);
			return device.request("POST", "/api/device/v1/gate-decisions", body, body, DeviceClient.nonce());
		};
		URI liveness = URI.create(baseUrl() + "/actuator/health/liveness");
		Lane floor = n -> HttpRequest.newBuilder(liveness).timeout(Waits.REQUEST).GET().build();

		openLoop(client, floor, 500, 5);
		openLoop(client, decision, 500, 5);
		// Warm-up at the measured rate for the measured time, as a benchmark harness warms up before it counts, until the
		// JIT compiler has settled: the first seconds at 1,000/s are C2 compiling the decision path on the same two cores
		// (570 to 750 µs of compiler CPU per decision in the first two warm-ups). Its figures are printed, not hidden,
		// and not counted.
		for (int warm = 1; warm <= MAX_DECISION_WARM_UPS; warm++) {
			Load warmFloor = openLoop(client, floor, DECISIONS_PER_SECOND, DECISION_SECONDS);
			Spent warming = spent();
			Load warmLoad = openLoop(client, decision, DECISIONS_PER_SECOND, DECISION_SECONDS);
			Spent warmed = spent();
			CpuSpent cpu = warmed.cpu().minus(warming.cpu());
			System.out.printf("GATE DECISION WARM-UP %d (not counted): %,d requests offered at %,d/s over %d s: %s%s | the "
					+ "liveness probe: %s%n", warm, warmLoad.requests(), DECISIONS_PER_SECOND, DECISION_SECONDS,
					warmLoad.figures(), spentBetween(warming, warmed, warmLoad.requests()), warmFloor.figures());
			if (cpu.compiler() * 1e6 / warmLoad.requests() < JIT_SETTLED_MICROS_PER_DECISION) {
				break;
			}
		}
		// one lane on the settled JIT, as the open-loop figures (before it, its CPU was mostly the compiler's), on a
		// client of its own so that it keeps to one connection
		oneLane(HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build(), decision, floor);

		Load floorLoad = openLoop(client, floor, DECISIONS_PER_SECOND, DECISION_SECONDS);
		Spent counted = spent();
		Load load = openLoop(client, decision, DECISIONS_PER_SECOND, DECISION_SECONDS);
		System.out.printf("GATE DECISION BENCHMARK: %,d requests offered at %,d/s over %d s, open loop (async client): %s%s "
				+ "| baseline, the liveness probe at the same rate: %s | p99 ratio %.1f%n", load.requests(), DECISIONS_PER_SECOND,
				DECISION_SECONDS, load.figures(), spentSince(counted, load.requests()), floorLoad.figures(), load.p99() / floorLoad.p99());

		int highest = 0;
		for (int rate : new int[] { 100, 250, 500, 1_000, 2_000, 3_000, 4_000, 5_000, 6_000, 8_000, 10_000, 12_000, 15_000 }) {
			Load floorStep = openLoop(client, floor, rate, STEP_SECONDS);
			Spent before = spent();
			Load step = openLoop(client, decision, rate, STEP_SECONDS);
			System.out.printf("GATE DECISION STEP %,d/s for %d s: %s%s | baseline, the liveness probe: %s%n", rate, STEP_SECONDS,
					step.figures(), spentSince(before, step.requests()), floorStep.figures());
			if (!step.within(50)) {
				break;
			}
			highest = rate;
		}
		System.out.printf("GATE DECISION HIGHEST OFFERED RATE WITH p99 < 50 ms: %,d/s%n", highest);
	}
}
