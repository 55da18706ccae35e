package io.siteroll.bench;

import java.io.IOException;
import java.io.StringReader;
import java.lang.management.ManagementFactory;
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
import tools.jackson.databind.json.JsonMapper;

/**
 * Pass ingestion at provincial scale. Prints, in one run on this machine:
 * <ul>
 * <li>passes per second through the signed HTTP device API into PostgreSQL, in batches of 500 from
 * several gates at once (dedupe, the right-to-pass judgement, daily presence and the
 * impossible-travel check included);</li>
 * <li>a bare {@code COPY} of the same rows into the same table on one connection, and the ratio;</li>
 * <li>where the CPU went, per pass: PostgreSQL, the server's request threads, the JIT compiler and the rest of the JVM
 * (the benchmark's own client, the garbage collector), and PostgreSQL's per row of the COPY; and the two compared
 * in CPU rather than time (COPY on one connection uses one core at most, the API's requests both).</li>
 * </ul>
 * The measured runs come after warm-up runs that last until the JIT compiler has settled (at most
 * {@link #MAX_WARM_UP_RUNS}); the warm-up's rows are then truncated and one run's worth uploaded again, so the
 * table the runs and the COPY write into is as large as it was with a single warm-up run.
 * {@link #decideAtTheGate} prints gate-decision latency under an open-loop load from an asynchronous client
 * (1,000 per second after as long a warm-up at that rate, then stepped up to the highest rate whose p99 stays under
 * 50 ms) and one lane back to back,
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
					PASSES_PER_RUN, warmMillis, PASSES_PER_RUN * 1000.0 / warmMillis, spent.perPass(PASSES_PER_RUN));
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
			long millis = upload(http, gates, people, tag, PASSES_PER_RUN);
			CpuSpent spent = CpuSpent.now(this).minus(before);
			double apiRate = PASSES_PER_RUN * 1000.0 / millis;
			Copied copied = copySameRows(tag);
			long copyMillis = copied.millis();
			double copyDatabaseMicros = copied.databaseSeconds() * 1e6 / PASSES_PER_RUN;
			double copyRate = PASSES_PER_RUN * 1000.0 / copyMillis;
			apiRates.add(apiRate);
			copyRates.add(copyRate);
			apiCpu.add(spent.total() * 1e6 / PASSES_PER_RUN);
			copyCpu.add(copyDatabaseMicros);
			System.out.printf("run %d: HTTP API %,d passes in %,d ms (%,.0f passes/s; %s); COPY of the same rows %,d ms "
					+ "(%,.0f rows/s; PostgreSQL %.0f µs of CPU per row); ratio %.2f%n", run, PASSES_PER_RUN, millis, apiRate,
					spent.perPass(PASSES_PER_RUN), copyMillis, copyRate, copyDatabaseMicros, apiRate / copyRate);
		}
		double api50 = median(apiRates), copy50 = median(copyRates);
		System.out.printf("PASS INGESTION BENCHMARK: %d cores, batches of %d from %d gates (%d client threads): median %,.0f passes/s "
				+ "via the HTTP API vs %,.0f rows/s by COPY: ratio %.2f (target >= 20,000 passes/s)%n",
				Runtime.getRuntime().availableProcessors(), BATCH, GATES, CLIENT_THREADS, api50, copy50, api50 / copy50);
		// COPY runs on one connection, so one server process and at most one core; the API's requests use both cores.
		// In CPU, not wall-clock time:
		double apiCpu50 = median(apiCpu), copyCpu50 = median(copyCpu);
		System.out.printf("CPU per pass, medians: the HTTP API %.0f µs (PostgreSQL, server, JIT, client) vs COPY %.0f µs of "
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

	/** A COPY's wall-clock milliseconds and the CPU seconds of the database's processes during it. */
	record Copied(long millis, double databaseSeconds) {
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
			long started = System.nanoTime();
			pg.getCopyAPI().copyIn("""
					copy pass (device_id, project_id, source_key, person_ref, person_id, passed_at, device_local_time,
					           utc_offset_min, received_at, direction, attend_type, liveness, liveness_score, offline, outcome,
					           source) from stdin with (format csv)""", new StringReader(rows));
			long millis = (System.nanoTime() - started) / 1_000_000;
			return new Copied(millis, (databaseCpuNanos() - databaseBefore) / 1e9);
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
	private void oneLane(Lane decision, Lane floor) throws Exception {
		double[] floorFigures = backToBack(floor);
		double[] before = spent();
		double[] figures = backToBack(decision);
		String spent = spentSince(before, 2_500);
		System.out.printf("GATE DECISION, ONE LANE BACK TO BACK: 2,000 requests in %.1f s (%,.0f/s): p50 %.2f ms, p99 %.2f ms%s "
				+ "| baseline, the liveness probe on the same lane: %,.0f/s, p50 %.2f ms, p99 %.2f ms | p50 ratio %.1f%n",
				figures[0], 2_000 / figures[0], figures[1], figures[2], spent, 2_000 / floorFigures[0], floorFigures[1],
				floorFigures[2], figures[1] / floorFigures[1]);
	}

	/** Seconds, p50 ms, p99 ms of 2,000 requests sent one after the other on one connection. */
	private double[] backToBack(Lane lane) throws Exception {
		HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
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
	 * answered them (NaN where not counted), CPU nanoseconds of this JVM (client and server) and of this
	 * database's server processes (the postmaster's children, from /proc; NaN where that cannot be read).
	 */
	private double[] spent() {
		FunctionCounter questions = meters.find("siteroll.gate.version.questions").functionCounter();
		FunctionCounter reads = meters.find("siteroll.gate.version.reads").functionCounter();
		double jvm = ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os
				? os.getProcessCpuTime() : Double.NaN;
		return new double[] { questions == null ? Double.NaN : questions.count(), reads == null ? Double.NaN : reads.count(),
				jvm, databaseCpuNanos() };
	}

	/** Reads, decisions per read, and CPU per decision since {@code before}, for {@code decisions} decisions. */
	private String spentSince(double[] before, int decisions) {
		double[] now = spent();
		String counted = Double.isNaN(now[0]) ? ""
				: String.format("; roster version reads %,.0f for %,.0f decisions (%.1f per read)", now[1] - before[1],
						now[0] - before[0], (now[0] - before[0]) / Math.max(now[1] - before[1], 1));
		return counted + String.format("; CPU per decision: JVM (client and server) %.0f µs, PostgreSQL %.0f µs",
				(now[2] - before[2]) / 1e3 / decisions, (now[3] - before[3]) / 1e3 / decisions);
	}

	/**
	 * CPU seconds spent so far (user and system, from /proc; NaN where that cannot be read): the database's server
	 * processes, and this JVM's threads by kind: the JIT compilers, the server's request threads, and the rest (the
	 * benchmark's HTTP client, the garbage collector).
	 */
	record CpuSpent(double database, double compiler, double requests, double restOfJvm) {

		static CpuSpent now(PassIngestionBenchmark bench) {
			double compiler = 0, requests = 0, rest;
			try (DirectoryStream<Path> threads = Files.newDirectoryStream(Path.of("/proc/self/task"))) {
				for (Path thread : threads) {
					ProcStat stat = ProcStat.of(thread);
					if (stat == null) {
						continue;
					}
					if (stat.name().startsWith("C1 CompilerThre") || stat.name().startsWith("C2 CompilerThre")) {
						compiler += stat.seconds();
					}
					else if (stat.name().startsWith("http-nio")) {
						requests += stat.seconds();
					}
				}
				// the process's own counters include the threads that have ended (each upload's client pool)
				ProcStat jvm = ProcStat.of(Path.of("/proc/self"));
				rest = jvm == null ? Double.NaN : jvm.seconds() - compiler - requests;
			}
			catch (IOException | RuntimeException e) {
				compiler = requests = rest = Double.NaN;
			}
			return new CpuSpent(bench.databaseCpuNanos() / 1e9, compiler, requests, rest);
		}

		double total() {
			return database + compiler + requests + restOfJvm;
		}

		CpuSpent minus(CpuSpent before) {
			return new CpuSpent(database - before.database, compiler - before.compiler, requests - before.requests,
					restOfJvm - before.restOfJvm);
		}

		String perPass(int passes) {
			return String.format("CPU per pass: PostgreSQL %.0f µs, request threads %.0f µs, JIT compiler %.0f µs, "
					+ "rest of the JVM (client, GC) %.0f µs", database * 1e6 / passes, requests * 1e6 / passes,
					compiler * 1e6 / passes, restOfJvm * 1e6 / passes);
		}
	}

	/**
	 * A process's or a thread's name, parent and CPU time (user and system) from its /proc stat file, and the CPU time
	 * of its children that have ended and been waited for.
	 */
	record ProcStat(String name, long parentPid, double seconds, double endedChildrenSeconds) {

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
					(Long.parseLong(f[13]) + Long.parseLong(f[14])) / 100.0);
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
	 * Gate decisions under an open-loop load from an asynchronous client (no thread per lane): after a warm-up at
	 * the same rate for the same time (printed, not counted), 1,000 per
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
		HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(10))
			.build();
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
		oneLane(decision, floor);
		// Warm-up at the measured rate for the measured time, as a benchmark harness warms up before it counts: the
		// first seconds at 1,000/s are the JIT compiling the decision path (the CPU per decision is higher there). Its
		// figures are printed, not hidden, and not counted.
		Load warmFloor = openLoop(client, floor, DECISIONS_PER_SECOND, DECISION_SECONDS);
		double[] warming = spent();
		Load warm = openLoop(client, decision, DECISIONS_PER_SECOND, DECISION_SECONDS);
		System.out.printf("GATE DECISION WARM-UP (not counted): %,d requests offered at %,d/s over %d s: %s%s | the liveness "
				+ "probe: %s%n", warm.requests(), DECISIONS_PER_SECOND, DECISION_SECONDS, warm.figures(),
				spentSince(warming, warm.requests()), warmFloor.figures());

		Load floorLoad = openLoop(client, floor, DECISIONS_PER_SECOND, DECISION_SECONDS);
		double[] counted = spent();
		Load load = openLoop(client, decision, DECISIONS_PER_SECOND, DECISION_SECONDS);
		System.out.printf("GATE DECISION BENCHMARK: %,d requests offered at %,d/s over %d s, open loop (async client): %s%s "
				+ "| baseline, the liveness probe at the same rate: %s | p99 ratio %.1f%n", load.requests(), DECISIONS_PER_SECOND,
				DECISION_SECONDS, load.figures(), spentSince(counted, load.requests()), floorLoad.figures(), load.p99() / floorLoad.p99());

		int highest = 0;
		for (int rate : new int[] { 100, 250, 500, 1_000, 2_000, 3_000, 4_000, 5_000, 6_000, 8_000, 10_000, 12_000, 15_000 }) {
			Load floorStep = openLoop(client, floor, rate, STEP_SECONDS);
			double[] before = spent();
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
