package io.siteroll.tools;

import java.net.http.HttpClient;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

import io.siteroll.demo.SyntheticIdentities;
import io.siteroll.support.ApiClient;
import io.siteroll.support.DeviceClient;
import io.siteroll.support.IntegrationTest.Site;
import io.siteroll.support.RosterFile;
import io.siteroll.support.Sites;
import tools.jackson.databind.JsonNode;

/**
 * Drives N gates and M workers through a working day of passes over the platform's signed device
 * API, for demos and load tests. It registers its own projects, workers (roster import) and devices
 * through the HTTP API with an officer account, lets each gate download its roster (as a real gate
 * learns who may pass), then uploads the day in batches at a chosen rate.
 *
 * <pre>
 * ./mvnw -q test-compile exec:java -Dexec.classpathScope=test \
 *   -Dexec.mainClass=io.siteroll.tools.DeviceSimulator \
 *   -Dexec.args="--url http://localhost:8080 --user province --password siteroll-demo --devices 10 --workers 500 --rate 2000"
 * </pre>
 */
public final class DeviceSimulator {

	private static final ZoneOffset CST = ZoneOffset.ofHours(8);

	/** What to simulate. {@code rate}: passes per second across all gates (0: as fast as possible). */
	public record Options(String url, String user, String password, int projects, int devices, int workers, LocalDate day,
			int rate, int batch, int threads, long seed) {

		public static Options parse(String[] args) {
			Map<String, String> a = new LinkedHashMap<>();
			for (int i = 0; i + 1 < args.length; i += 2) {
				a.put(args[i].replaceFirst("^--", ""), args[i + 1]);
			}
			return new Options(a.getOrDefault("url", "http://localhost:8080"), a.getOrDefault("user", "province"),
					a.getOrDefault("password", "siteroll-demo"), Integer.parseInt(a.getOrDefault("projects", "2")),
					Integer.parseInt(a.getOrDefault("devices", "10")), Integer.parseInt(a.getOrDefault("workers", "500")),
					LocalDate.parse(a.getOrDefault("day", LocalDate.now(CST).minusDays(1).toString())),
					Integer.parseInt(a.getOrDefault("rate", "0")), Integer.parseInt(a.getOrDefault("batch", "500")),
					Integer.parseInt(a.getOrDefault("threads", "4")), Long.parseLong(a.getOrDefault("seed", "20261124")));
		}
	}

	/** One simulated gate: its registration and the people its roster lets through. */
	public record Gate(long deviceId, long projectId, String serial, String secret, List<Long> roster) {
	}

	public record Totals(long sent, long stored, long duplicates, long refused, long rejected, long batches, long failedBatches,
			long millis) {

		public double perSecond() {
			return millis == 0 ? 0 : sent * 1000.0 / millis;
		}
	}

	private final Options options;

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	/** The gates' clock: the system's, or the platform's movable clock when the platform runs in the caller's JVM. */
	private java.time.Clock gateClock = java.time.Clock.systemUTC();

	/** The simulated gates keep this clock when they sign their requests. */
	public DeviceSimulator keepingTime(java.time.Clock clock) {
		this.gateClock = clock;
		return this;
	}

	public DeviceSimulator(Options options) {
		this.options = options;
	}

	/** Projects, workers and gates, registered through the API. */
	public List<Gate> setUp() {
		ApiClient api = new ApiClient(options.url(), options.user(), options.password());
		SyntheticIdentities ids = new SyntheticIdentities(options.seed() ^ System.nanoTime());
		List<Gate> gates = new ArrayList<>();
		LocalDate start = options.day().minusMonths(2);
		int serial = 0;
		for (int p = 0; p < options.projects(); p++) {
			Site site = Sites.site(api, ids, "220102", start);
			int workers = options.workers() / options.projects() + (p < options.workers() % options.projects() ? 1 : 0);
			ApiClient.Response roster = api.upload("/api/projects/" + site.projectId() + "/teams/" + site.teamId() + "/roster",
					"file", "simulator.xlsx", RosterFile.of(ids, workers, start, start.plusDays(1)));
			if (roster.status() != 201) {
				throw new IllegalStateException("roster import failed: " + roster.body());
			}
			int devices = options.devices() / options.projects() + (p < options.devices() % options.projects() ? 1 : 0);
			for (int d = 0; d < devices; d++) {
				String sn = "SIM" + Long.toString(System.nanoTime(), 36).toUpperCase() + (serial++);
				Map<String, Object> body = new LinkedHashMap<>();
				body.put("serialNumber", sn);
				body.put("vendor", "SiteRoll Simulator");
				body.put("model", "SIM-1");
				body.put("protocol", "SITEROLL");
				body.put("kind", "FACE_TURNSTILE");
				body.put("direction", "BOTH");
				body.put("channelName", "模拟闸机" + (d + 1));
				body.put("registeredOn", start.minusDays(1));
				ApiClient.Response r = api.post("/api/projects/" + site.projectId() + "/devices", body);
				if (r.status() != 201) {
					throw new IllegalStateException("device registration failed: " + r.body());
				}
				String secret = r.json().get("secret").asString();
				long deviceId = r.json().get("device").get("id").asLong();
				DeviceClient gate = new DeviceClient(http, options.url(), sn, secret).keepingTime(gateClock);
				JsonNode list = gate.get("/api/device/v1/roster?since=0").json();
				List<Long> people = list.get("entries").valueStream().map(e -> e.get("personId").asLong()).toList();
				gates.add(new Gate(deviceId, site.projectId(), sn, secret, people));
			}
		}
		return gates;
	}

	/**
	 * A working day: most workers come in between 06:30 and 08:30 and leave between 16:30 and 18:30
	 * through a gate of their project; some go out for lunch; a few are absent; a few fail liveness
	 * once. Event ids are stable, so uploading the same day twice sends the same events.
	 */
	public Map<Gate, List<Map<String, Object>>> day(List<Gate> gates) {
		Random random = new Random(options.seed());
		Map<Long, List<Gate>> byProject = new LinkedHashMap<>();
		gates.forEach(g -> byProject.computeIfAbsent(g.projectId(), k -> new ArrayList<>()).add(g));
		Map<Gate, List<Map<String, Object>>> passes = new LinkedHashMap<>();
		gates.forEach(g -> passes.put(g, new ArrayList<>()));
		for (List<Gate> projectGates : byProject.values()) {
			for (long person : projectGates.get(0).roster()) {
				if (random.nextInt(100) < 5) {
					continue;
				}
				List<LocalTime> times = new ArrayList<>();
				times.add(LocalTime.of(6, 30).plusSeconds(random.nextInt(7200)));
				if (random.nextInt(100) < 10) {
					times.add(LocalTime.of(11, 30).plusSeconds(random.nextInt(1800)));
					times.add(LocalTime.of(12, 30).plusSeconds(random.nextInt(1800)));
				}
				times.add(LocalTime.of(16, 30).plusSeconds(random.nextInt(7200)));
				for (int i = 0; i < times.size(); i++) {
					Gate gate = projectGates.get(random.nextInt(projectGates.size()));
					Map<String, Object> pass = new LinkedHashMap<>();
					pass.put("eventId", "sim-" + options.day() + "-" + person + "-" + i);
					pass.put("personId", Long.toString(person));
					pass.put("time", OffsetDateTime.of(options.day(), times.get(i), CST).toString());
					pass.put("direction", i % 2 == 0 ? "IN" : "OUT");
					pass.put("attendType", "001");
					pass.put("liveness", random.nextInt(1000) < 5 ? "FAIL" : "PASS");
					pass.put("livenessScore", 0.9f);
					pass.put("offline", false);
					passes.get(gate).add(pass);
				}
			}
		}
		passes.values().forEach(list -> list.sort(Comparator.comparing(p -> (String) p.get("time"))));
		return passes;
	}

	/** Uploads the passes, each gate in batches, several gates at once, at the chosen overall rate. */
	public Totals upload(Map<Gate, List<Map<String, Object>>> passes) {
		AtomicLong sent = new AtomicLong(), stored = new AtomicLong(), duplicates = new AtomicLong(),
				refused = new AtomicLong(), rejected = new AtomicLong(), batches = new AtomicLong(), failed = new AtomicLong();
		List<Runnable> work = new ArrayList<>();
		List<Integer> sizes = new ArrayList<>();
		passes.forEach((gate, list) -> {
			DeviceClient client = new DeviceClient(http, options.url(), gate.serial(), gate.secret()).keepingTime(gateClock);
			for (int from = 0; from < list.size(); from += options.batch()) {
				List<Map<String, Object>> batch = list.subList(from, Math.min(list.size(), from + options.batch()));
				sizes.add(batch.size());
				work.add(() -> {
					ApiClient.Response r = client.post("/api/device/v1/passes", Map.of("passes", batch));
					batches.incrementAndGet();
					if (r.status() != 200) {
						failed.incrementAndGet();
						return;
					}
					JsonNode report = r.json();
					sent.addAndGet(batch.size());
					stored.addAndGet(report.get("stored").asLong());
					duplicates.addAndGet(report.get("duplicates").asLong());
					refused.addAndGet(report.get("refused").asLong());
					rejected.addAndGet(report.get("rejected").asLong());
				});
			}
		});
		long started = System.nanoTime();
		ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, options.threads()));
		try {
			List<Future<?>> futures = new ArrayList<>();
			long submitted = 0;
			for (int j = 0; j < work.size(); j++) {
				Runnable job = work.get(j);
				if (options.rate() > 0) {
					long due = started + submitted * 1_000_000_000L / options.rate();
					long wait = due - System.nanoTime();
					if (wait > 0) {
						Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
					}
				}
				futures.add(pool.submit(job));
				submitted += sizes.get(j);
			}
			for (Future<?> f : futures) {
				f.get();
			}
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(e);
		}
		catch (ExecutionException e) {
			throw new IllegalStateException(e.getCause());
		}
		finally {
			pool.shutdown();
		}
		long millis = (System.nanoTime() - started) / 1_000_000;
		return new Totals(sent.get(), stored.get(), duplicates.get(), refused.get(), rejected.get(), batches.get(),
				failed.get(), millis);
	}

	public static void main(String[] args) {
		Options options = Options.parse(args);
		DeviceSimulator simulator = new DeviceSimulator(options);
		System.out.printf("Setting up %d project(s), %d workers, %d gates on %s ...%n", options.projects(), options.workers(),
				options.devices(), options.url());
		List<Gate> gates = simulator.setUp();
		Map<Gate, List<Map<String, Object>>> day = simulator.day(gates);
		long total = day.values().stream().mapToLong(List::size).sum();
		System.out.printf("Uploading %,d passes of %s in batches of %d (%s) ...%n", total, options.day(), options.batch(),
				options.rate() > 0 ? options.rate() + " passes/s" : "as fast as possible");
		Totals t = simulator.upload(day);
		System.out.printf("Sent %,d passes in %,d ms (%,.0f passes/s): stored %,d, duplicates %,d, refused %,d, rejected %,d, "
				+ "failed batches %d%n", t.sent(), t.millis(), t.perSecond(), t.stored(), t.duplicates(), t.refused(),
				t.rejected(), t.failedBatches());
		gates.stream().map(Gate::projectId).distinct().forEach(p -> System.out.printf(
				"  project %d: %s/api/projects/%d/presence?day=%s%n", p, options.url(), p, options.day()));
	}
}
