package io.siteroll.attendance.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.siteroll.attendance.Gate;
import io.siteroll.attendance.RefusalReason;
import io.siteroll.attendance.Rosters;
import io.siteroll.personnel.Persons;
import io.siteroll.support.ApiClient;
import io.siteroll.support.DeviceClient;
import io.siteroll.support.IntegrationTest;
import io.siteroll.support.Waits;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;

/**
 * The gates' in-memory right to pass answers exactly as the SQL rule ({@code gate_refusals}) after every kind
 * of registry change and as the platform's days go by: a named walk through exit, a contract ending by the
 * calendar, blacklisting and a disabled device over the signed API, and random corrections compared person by
 * person with the rule itself, both right after the change (the snapshot is then stale and must not answer)
 * and once the snapshot has caught up. Decisions on many threads while the registry changes each see every
 * change committed before they started; a failed or late version read is answered by the rule.
 */
class RightToPassTest extends IntegrationTest {

	@Autowired
	RightToPass rightToPass;

	@Autowired
	GateDecider decider;

	@Autowired
	RefusalEvidence evidence;

	@Autowired
	Rosters rosters;

	@Autowired
	Persons persons;

	@Autowired
	TransactionTemplate tx;

	@Test
	void theGateAnswersAsTheRuleThroughRegistryChangesAndTheCalendar() throws Exception {
		ApiClient api = as(province());
		Site site = site(api, "220102", today().minusMonths(2));
		RegisteredDevice device = device(api, site.projectId(), "SITEROLL", "BOTH");
		DeviceClient gate = gate(device);
		long worker = engagedWorker(api, site);
		long leaving = engagedWorker(api, site);
		Map<String, Object> shortContract = worker(site.teamId(), IDS.idNumber(1970, 2000), IDS.name(), IDS.bankCard());
		shortContract.put("contractPeriodType", "0");
		shortContract.put("contractEnd", today().plusDays(1));
		ApiClient.Response contracted = api.post("/api/projects/" + site.projectId() + "/workers", shortContract);
		assertThat(contracted.status()).as(contracted.body()).isEqualTo(201);
		long ending = contracted.json().get("personId").asLong();

		caughtUp(site.projectId(), worker);
		assertThat(decide(gate, worker)).isEqualTo("ALLOW");
		assertThat(decide(gate, ending)).isEqualTo("ALLOW");

		api.post("/api/projects/" + site.projectId() + "/workers/" + engagementOf(site.projectId(), leaving) + "/exit",
				Map.of("date", today().minusDays(1)));
		assertThat(rightToPass.standing(site.projectId(), leaving).known()).as("stale after the exit").isFalse();
		assertThat(decide(gate, leaving)).as("right after the exit, by the rule").isEqualTo("EXITED");
		caughtUp(site.projectId(), leaving);
		assertThat(decide(gate, leaving)).as("from the snapshot").isEqualTo("EXITED");

		clock.advance(Duration.ofDays(2));
		DeviceClient later = gate; // the gate keeps the platform clock, two days on now
		assertThat(rightToPass.standing(site.projectId(), ending).known()).as("no change, only the calendar").isTrue();
		assertThat(decide(later, ending)).as("the contract ended yesterday by the platform clock").isEqualTo("NO_CONTRACT");
		assertThat(decide(later, worker)).isEqualTo("ALLOW");
		clock.reset();

		ApiClient.Response listing = api.post("/api/gate-blacklist", Map.of("personId", worker, "reason", "冒用他人身份"));
		assertThat(listing.status()).as(listing.body()).isEqualTo(201);
		assertThat(decide(gate, worker)).isEqualTo("BLACKLISTED");
		caughtUp(site.projectId(), worker);
		assertThat(decide(gate, worker)).isEqualTo("BLACKLISTED");
		api.post("/api/gate-blacklist/" + listing.id() + "/lift", Map.of());
		assertThat(decide(gate, worker)).isEqualTo("ALLOW");
		caughtUp(site.projectId(), worker);
		assertThat(decide(gate, worker)).isEqualTo("ALLOW");

		api.post("/api/devices/" + device.id() + "/disable", Map.of("reason", "镜头损坏"));
		assertThat(decide(gate, worker)).isEqualTo("DEVICE_DISABLED");

		Instant before = clock.instant();
		evidence.writeBehind();
		List<String> kept = jdbc.sql("select reason from gate_refusal where device_id = ? order by id").param(device.id())
			.query(String.class).list();
		assertThat(kept).containsExactly("EXITED", "EXITED", "NO_CONTRACT", "BLACKLISTED", "BLACKLISTED", "DEVICE_DISABLED");
		List<Instant> at = jdbc.sql("select at from gate_refusal where device_id = ? order by id").param(device.id())
			.query((rs, n) -> rs.getTimestamp(1).toInstant()).list();
		assertThat(at.get(5)).as("the decision's instant").isBeforeOrEqualTo(before).isAfter(before.minusSeconds(60));
		assertThat(at.get(2)).as("by the platform clock, then two days ahead").isAfter(before.plus(Duration.ofDays(1)));
	}

	@Test
	void theShortLaneAnswersAsTheController() throws Exception {
		ApiClient api = as(province());
		Site site = site(api, "220102", today().minusMonths(2));
		DeviceClient gate = gate(device(api, site.projectId(), "SITEROLL", "BOTH"));
		long worker = engagedWorker(api, site);
		for (Object person : List.of(worker, 987_654_321_012L)) {
			byte[] asked = ("{\"personId\":" + person + "}").getBytes(StandardCharsets.UTF_8);
			ApiClient.Response lane = gate.post("/api/device/v1/gate-decisions", asked);
			ApiClient.Response controller = gate.post("/api/device/v1/gate-decisions?via=controller", asked);
			assertThat(lane.status()).as(lane.body()).isEqualTo(200);
			assertThat(controller.status()).as(controller.body()).isEqualTo(200);
			assertThat(lane.body()).as("the short lane's answer is the controller's").isEqualTo(controller.body());
			assertThat(lane.contentType()).startsWith("application/json");
			assertThat(controller.contentType()).startsWith("application/json");
		}
		byte[] body = ("{\"personId\":" + worker + "}").getBytes(StandardCharsets.UTF_8);
		for (String nonce : List.of("abc", "abcdefghijklmno!", "x".repeat(65), "é".repeat(16))) {
			ApiClient.Response refused = gate.send("POST", "/api/device/v1/gate-decisions", body, body, nonce);
			assertThat(refused.status()).as(nonce).isEqualTo(401);
			assertThat(refused.json().get("rule").asString()).isEqualTo("device.nonce-format");
		}
		String shortest = ("A_-" + System.nanoTime() + "0000000000000").substring(0, 16);
		assertThat(gate.send("POST", "/api/device/v1/gate-decisions", body, body, shortest).status()).isEqualTo(200);
		assertThat(gate.send("POST", "/api/device/v1/gate-decisions", body, body, "z".repeat(63) + System.nanoTime() % 10)
			.status()).isEqualTo(200);
		ApiClient.Response nobody = gate.post("/api/device/v1/gate-decisions", "{}".getBytes(StandardCharsets.UTF_8));
		assertThat(nobody.status()).as("a missing person goes to the controller: %s", nobody.body()).isEqualTo(400);
		assertThat(nobody.body()).contains("personId");
		ApiClient.Response fraction = gate.post("/api/device/v1/gate-decisions",
				"{\"personId\":1.5}".getBytes(StandardCharsets.UTF_8));
		assertThat(fraction.status()).as(fraction.body()).isEqualTo(400);
	}

	@Test
	void randomCorrectionsAgreeWithTheRule() throws Exception {
		long seed = System.nanoTime();
		Random random = new Random(seed);
		ApiClient api = as(province());
		GateCrowd crowd = gateCrowd(api, 8);
		long project = crowd.site().projectId();
		List<Long> workers = crowd.workers();
		List<Long> managers = crowd.managers();
		List<Long> asked = crowd.everyone();
		asked.add(987_654_321_012L);
		List<Long> everyone = new ArrayList<>(asked);
		everyone.remove(987_654_321_012L);

		int fromSnapshot = 0;
		int compared = 0;
		Set<String> answers = new TreeSet<>();
		for (int round = 0; round < 120; round++) {
			String change = new RosterCorrections(jdbc, clock, RosterCorrections.Spread.WIDE).correct(random, project, workers, managers, everyone);
			LocalDate day = clock.today();
			for (long person : asked) {
				compared++;
				assertThat(decider.judge(project, person, day)).as("seed %d round %d (%s), person %d, right after", seed,
						round, change, person).isEqualTo(decider.bySql(project, person, day));
			}
			caughtUp(project, workers.get(0));
			for (long person : asked) {
				compared++;
				if (rightToPass.standing(project, person).known()) {
					fromSnapshot++;
				}
				GateDecider.Judgement bySql = decider.bySql(project, person, day);
				assertThat(decider.judge(project, person, day)).as("seed %d round %d (%s), person %d, caught up", seed, round,
						change, person).isEqualTo(bySql);
				answers.add(bySql.reason() == null ? "ALLOW" : bySql.reason().name());
			}
		}
		assertThat(fromSnapshot).as("answers the snapshot gave, of %d", compared).isGreaterThan(compared / 3);
		// the walk compared more than one kind of answer (any single round may not show them all: a blacklisting
		// outranks "not engaged", and the corrections are random)
		assertThat(answers).as("seed %d: the answers compared over the rounds", seed).contains("ALLOW",
				RefusalReason.NOT_REGISTERED.name(), RefusalReason.NOT_ENGAGED.name(), RefusalReason.BLACKLISTED.name());
	}

	@Test
	void everyDecisionStartedAfterACommitSeesIt() throws Exception {
		ApiClient api = as(province());
		Site site = site(api, "220102", today().minusMonths(2));
		long project = site.projectId();
		long worker = engagedWorker(api, site);
		caughtUp(project, worker);
		LocalDate day = clock.today();
		// Writes begun and writes returned; write n blacklists the worker when n is odd and lifts it when even.
		AtomicLong begun = new AtomicLong();
		AtomicLong returned = new AtomicLong();
		AtomicBoolean stop = new AtomicBoolean();
		AtomicInteger checked = new AtomicInteger();
		List<String> wrong = new CopyOnWriteArrayList<>();
		List<Thread> deciders = new ArrayList<>();
		for (int t = 0; t < 8; t++) {
			Thread thread = new Thread(() -> {
				while (!stop.get()) {
					long before = returned.get();
					GateDecider.Judgement j = decider.judge(project, worker, day);
					if (begun.get() == before) {
						// No write was under way at any moment of this decision: it must see write number `before`.
						checked.incrementAndGet();
						RefusalReason expected = before % 2 == 1 ? RefusalReason.BLACKLISTED : null;
						if (j.reason() != expected && wrong.size() < 20) {
							wrong.add("after write " + before + ": " + j.reason());
						}
					}
				}
			}, "decider-" + t);
			thread.setDaemon(true);
			thread.start();
			deciders.add(thread);
		}
		Random random = new Random();
		try {
			// at least 30 writes, and more (up to 300) until the deciders have checked enough quiet moments on a slow machine
			for (int write = 1; write <= 30 || checked.get() <= 300 && write <= 300; write++) {
				Thread.sleep(random.nextInt(15));
				begun.incrementAndGet();
				if (write % 2 == 1) {
					jdbc.sql("insert into gate_blacklist (person_id, reason, listed_by) values (?, 'test', 'test')").param(worker)
						.update();
				}
				else {
					jdbc.sql("update gate_blacklist set lifted_at = now(), lifted_by = 'test', lift_reason = 'test' "
							+ "where person_id = ? and lifted_at is null").param(worker).update();
				}
				returned.incrementAndGet();
				caughtUp(project, worker);
			}
		}
		finally {
			stop.set(true);
			for (Thread t : deciders) {
				t.join(10_000);
			}
		}
		assertThat(wrong).as("decisions that missed a change committed before they started, of %d", checked.get()).isEmpty();
		assertThat(checked.get()).as("decisions checked").isGreaterThan(300);
	}

	@Test
	void aFailedOrLateVersionReadIsAnsweredByTheRule() throws Exception {
		ApiClient api = as(province());
		Site site = site(api, "220102", today().minusMonths(2));
		long project = site.projectId();
		long worker = engagedWorker(api, site);
		LocalDate day = clock.today();
		FaultyRosters faulty = new FaultyRosters(rosters);
		RosterVersionReads reads = new RosterVersionReads(faulty, Duration.ofSeconds(2));
		RightToPass own = new RightToPass(jdbc, tx, clock, faulty, reads);
		GateDecider ownDecider = new GateDecider(jdbc, persons, clock, own, evidence);
		try {
			Waits.until("the snapshot answers", Duration.ofSeconds(20), () -> own.standing(project, worker).known(),
					() -> false);
			assertThat(ownDecider.judge(project, worker, day).reason()).isNull();

			faulty.failing = true;
			ApiClient.Response listing = api.post("/api/gate-blacklist", Map.of("personId", worker, "reason", "冒用他人身份"));
			assertThat(listing.status()).as(listing.body()).isEqualTo(201);
			assertThat(own.standing(project, worker).known()).as("the version could not be read").isFalse();
			assertThat(ownDecider.judge(project, worker, day).reason()).as("a failed read: by the rule")
				.isEqualTo(RefusalReason.BLACKLISTED);
			faulty.failing = false;

			faulty.hanging = true;
			long started = System.nanoTime();
			assertThat(ownDecider.judge(project, worker, day).reason()).as("a late read: by the rule")
				.isEqualTo(RefusalReason.BLACKLISTED);
			assertThat(Duration.ofNanos(System.nanoTime() - started)).as("waited about the bound")
				.isBetween(Duration.ofSeconds(2), Duration.ofSeconds(5));
			started = System.nanoTime();
			assertThat(ownDecider.judge(project, worker, day).reason()).as("while the read is stuck: by the rule")
				.isEqualTo(RefusalReason.BLACKLISTED);
			assertThat(Duration.ofNanos(System.nanoTime() - started)).as("without queueing behind it (that waits the 2 s bound)")
				.isLessThan(Duration.ofMillis(1_500));
			faulty.hanging = false;

			Waits.until("the snapshot answers again", Duration.ofSeconds(30), () -> own.standing(project, worker).known(),
					() -> false);
			assertThat(ownDecider.judge(project, worker, day).reason()).isEqualTo(RefusalReason.BLACKLISTED);
		}
		finally {
			reads.destroy();
			own.destroy();
		}
	}

	@Test
	void theSharedReadsAreCountedForPrometheus() {
		ApiClient api = as(province());
		Site site = site(api, "220102", today().minusMonths(2));
		DeviceClient gate = gate(device(api, site.projectId(), "SITEROLL", "BOTH"));
		long worker = engagedWorker(api, site);
		double[] before = versionCounters(api);
		for (int i = 0; i < 3; i++) {
			assertThat(decide(gate, worker)).isEqualTo("ALLOW");
		}
		double[] after = versionCounters(api);
		assertThat(after[0] - before[0]).as("questions").isGreaterThanOrEqualTo(3);
		assertThat(after[1] - before[1]).as("reads").isBetween(1.0, after[0] - before[0]);
		assertThat(after[2]).as("unanswered").isGreaterThanOrEqualTo(0);
	}

	private static double[] versionCounters(ApiClient api) {
		String metrics = api.get("/actuator/prometheus").body();
		double[] counters = new double[3];
		String[] names = { "siteroll_gate_version_questions_total", "siteroll_gate_version_reads_total",
				"siteroll_gate_version_unanswered_total" };
		for (int i = 0; i < names.length; i++) {
			Matcher m = Pattern.compile("(?m)^" + names[i] + "(\\{[^}]*})? (\\S+)$").matcher(metrics);
			assertThat(m.find()).as(names[i]).isTrue();
			counters[i] = Double.parseDouble(m.group(2));
		}
		return counters;
	}

	/** The platform's rosters, whose shared version reads can be made to fail or to hang for two seconds. */
	static final class FaultyRosters implements Rosters {

		final Rosters rosters;

		volatile boolean failing;

		volatile boolean hanging;

		FaultyRosters(Rosters rosters) {
			this.rosters = rosters;
		}

		@Override
		public Map<Long, Long> versions(Collection<Long> projectIds) {
			if (failing) {
				throw new IllegalStateException("the version read failed");
			}
			if (hanging) {
				try {
					Thread.sleep(6_000);
				}
				catch (InterruptedException e) {
					Thread.currentThread().interrupt();
					throw new IllegalStateException(e);
				}
			}
			return rosters.versions(projectIds);
		}

		@Override
		public long version(long projectId) {
			return rosters.version(projectId);
		}

		@Override
		public Changes changesSince(long projectId, long since) {
			return rosters.changesSince(projectId, since);
		}

		@Override
		public Optional<byte[]> faceForGate(Gate gate, long personId) {
			return rosters.faceForGate(gate, personId);
		}
	}


	/** Waits until the project's snapshot is as current as its committed roster. */
	private void caughtUp(long project, long person) throws InterruptedException {
		Waits.until("the right to pass of project " + project + " caught up", Duration.ofSeconds(20),
				() -> rightToPass.standing(project, person).known(), () -> false);
	}

	private long engagementOf(long project, long person) {
		return jdbc.sql("select id from worker_engagement where project_id = ? and person_id = ? and exit_date is null")
			.params(project, person)
			.query(Long.class)
			.single();
	}

	private static String decide(DeviceClient gate, long person) {
		ApiClient.Response r = gate.post("/api/device/v1/gate-decisions", Map.of("personId", person));
		assertThat(r.status()).as(r.body()).isEqualTo(200);
		JsonNode json = r.json();
		return json.get("allow").asBoolean() ? "ALLOW" : json.get("reason").asString();
	}
}
