package io.siteroll.support;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import io.siteroll.demo.SyntheticIdentities;
import io.siteroll.identity.Accounts;
import io.siteroll.identity.Role;
import io.siteroll.personnel.Post;
import org.junit.jupiter.api.AfterEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.context.ActiveProfiles;
import tools.jackson.databind.JsonNode;

/**
 * Runs the whole platform on a random port (embedded PostgreSQL, or the server named by
 * {@code SPRING_DATASOURCE_URL}) and talks to it over HTTP. Tests never assume an empty database:
 * every test builds its own enterprises, projects and people with fresh synthetic identities.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@Import(TestClockConfiguration.class)
public abstract class IntegrationTest {

	/** A project built through the API: GC, supervision, labour subcontractor, one team. */
	public record Site(long projectId, String projectName, long contractorId, long gcUnitId, long supervisionUnitId,
			long labourUnitId, long teamId, String regionCode) {
	}

	public static final String PASSWORD = "test-password";

	private static final AtomicInteger SEQUENCE = new AtomicInteger();

	protected static final SyntheticIdentities IDS = new SyntheticIdentities(System.nanoTime());

	@Autowired
	protected Environment environment;

	@Autowired
	protected Accounts accounts;

	@Autowired
	protected JdbcClient jdbc;

	@Autowired
	private UserDetailsService userDetails;

	/**
	 * The movable clock; null only where the demo province is loaded (its loader wraps the platform's clock in the
	 * demo clock, and such a test does not move time).
	 */
	protected TestClock clock;

	@Autowired
	void clock(Clock platformClock) {
		clock = platformClock instanceof TestClock movable ? movable : null;
	}

	/** The facts the rules are judged on: appointments, presence, connected gates. */
	protected Facts facts;

	@Autowired
	void facts(JdbcClient jdbc) {
		facts = new Facts(jdbc, IDS);
	}

	/** Today on the platform's calendar (Asia/Shanghai), whatever the JVM's default zone. */
	/**
	 * Runs a step in this thread as if {@code username} had signed in, for the tests that call a module's service
	 * directly rather than over HTTP.
	 */
	protected <T> T signedIn(String username, Supplier<T> step) {
		UserDetails user = userDetails.loadUserByUsername(username);
		SecurityContextHolder.getContext()
			.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities()));
		try {
			return step.get();
		}
		finally {
			SecurityContextHolder.clearContext();
		}
	}

	protected LocalDate today() {
		return clock.today();
	}

	@AfterEach
	void resetClock() {
		if (clock != null) {
			clock.reset();
		}
	}

	protected ApiClient as(String username) {
		return new ApiClient(environment.getRequiredProperty("local.server.port", Integer.class), username, PASSWORD);
	}

	/** Creates an account and returns its username. */
	protected String account(Role role, String regionCode, Long enterpriseId, Long projectId, boolean mayReveal) {
		String username = role.name().toLowerCase() + "-" + SEQUENCE.incrementAndGet() + "-" + System.nanoTime();
		accounts.create(new Accounts.NewAccount(username, PASSWORD, username, role, regionCode, enterpriseId, projectId, mayReveal));
		return username;
	}

	protected String province() {
		return account(Role.PROVINCE_OFFICER, "220000", null, null, true);
	}

	protected long enterprise(ApiClient client, String region) {
		return Sites.enterprise(client, IDS, region);
	}

	protected Site site(ApiClient province, String regionCode, LocalDate start) {
		return Sites.site(province, IDS, regionCode, start);
	}

	/** A worker engagement body with a fresh valid identity and wage card. */
	protected Map<String, Object> worker(long teamId, String idNumber, String name, String bankCard) {
		Map<String, Object> person = new LinkedHashMap<>();
		person.put("idType", "01");
		person.put("idNumber", idNumber);
		person.put("name", name);
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("person", person);
		body.put("teamId", teamId);
		body.put("workType", "020");
		body.put("contractPeriodType", "1");
		body.put("contractStart", today().minusDays(10));
		body.put("entryDate", today().minusDays(5));
		body.put("bankCardNumber", bankCard);
		body.put("bankCode", bankCard == null ? null : "102");
		return body;
	}

	protected String baseUrl() {
		return "http://localhost:" + environment.getRequiredProperty("local.server.port", Integer.class);
	}

	/** A registered device: its id, serial number and the secret shown once at registration. */
	public record RegisteredDevice(long id, String serial, String secret) {
	}

	/**
	 * The registration of a plain inbound SiteRoll face turnstile, serial {@code serialPrefix} plus a fresh number;
	 * callers add what their scenario needs (a declared {@code registeredOn}).
	 */
	protected static Map<String, Object> gateRegistration(String serialPrefix) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("serialNumber", serialPrefix + System.nanoTime());
		body.put("vendor", "v");
		body.put("model", "m");
		body.put("protocol", "SITEROLL");
		body.put("kind", "FACE_TURNSTILE");
		body.put("direction", "IN");
		body.put("channelName", "1号闸");
		return body;
	}

	protected RegisteredDevice device(ApiClient api, long projectId, String protocol, String direction) {
		String serial = "SN" + SEQUENCE.incrementAndGet() + "X" + Long.toString(System.nanoTime(), 36).toUpperCase();
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("serialNumber", serial);
		body.put("vendor", protocol.startsWith("ZKTECO") ? "ZKTeco" : "SiteRoll Gate");
		body.put("model", "T-1");
		body.put("protocol", protocol);
		body.put("kind", "FACE_TURNSTILE");
		body.put("direction", direction);
		body.put("channelName", "东门" + SEQUENCE.get() + "号闸");
		ApiClient.Response r = api.post("/api/projects/" + projectId + "/devices", body);
		if (r.status() != 201) {
			throw new IllegalStateException(r.body());
		}
		return new RegisteredDevice(r.json().get("device").get("id").asLong(), serial, r.json().get("secret").asString());
	}

	/**
	 * Test fixture, not an API (no regulated party can do this): writes what the platform would have
	 * observed had the device been registered, assigned and first heard on {@code day} (08:00 in the
	 * platform's zone), for scenarios whose facts lie before the test runs. R1 rests on these facts.
	 */
	protected void fixtureDeviceObservedSince(long deviceId, LocalDate day) {
		fixtureDeviceRegisteredOn(deviceId, day);
		jdbc.sql("""
				update device set first_heard_at = (?::date + time '08:00') at time zone 'Asia/Shanghai', first_heard_day = ?
				where id = ?""")
			.params(day, day, deviceId)
			.update();
	}

	/**
	 * Test fixture, not an API: as {@link #fixtureDeviceObservedSince} but only the registration and
	 * assignment on {@code day}; the device has not been heard yet.
	 */
	protected void fixtureDeviceRegisteredOn(long deviceId, LocalDate day) {
		jdbc.sql("""
				update device set registered_at = (?::date + time '08:00') at time zone 'Asia/Shanghai', registered_day = ?
				where id = ?""")
			.params(day, day, deviceId)
			.update();
		jdbc.sql("update device_assignment set from_day = ?, recorded_on = ? where device_id = ? and to_day is null")
			.params(day, day, deviceId)
			.update();
	}

	protected DeviceClient gate(RegisteredDevice device) {
		DeviceClient gate = new DeviceClient(baseUrl(), device.serial(), device.secret());
		return clock == null ? gate : gate.keepingTime(clock);
	}

	/**
	 * Imports {@code count} fresh workers into the site's team through the roster import (the sheet's contract start and
	 * entry date as given) and returns the person ids of the project's engaged workers, in order.
	 */
	protected List<Long> importedWorkers(ApiClient api, Site site, int count, LocalDate contractStart, LocalDate entry) {
		ApiClient.Response r = api.upload("/api/projects/" + site.projectId() + "/teams/" + site.teamId() + "/roster", "file",
				"workers.xlsx", RosterFile.of(IDS, count, contractStart, entry));
		if (r.status() != 201) {
			throw new IllegalStateException(r.body());
		}
		return jdbc.sql("select person_id from worker_engagement where project_id = ? order by person_id")
			.param(site.projectId())
			.query(Long.class)
			.list();
	}

	/** A worker engaged through the API, with the identity the test registered them with. */
	protected record EngagedWorker(long personId, long engagementId, String idNumber, String idNumberMasked, String name,
			String card) {
	}

	/** A fresh worker engaged in the site's team, entered 5 days ago on a contract from 10 days ago. */
	protected EngagedWorker engage(ApiClient api, Site site) {
		String id = IDS.idNumber(1970, 1995);
		String name = IDS.name();
		String card = IDS.bankCard();
		return engaged(api, site, worker(site.teamId(), id, name, card), id, name, card);
	}

	/** A fresh worker engaged in {@code teamId} of the site from {@code entry}, on a contract from 30 days before. */
	protected EngagedWorker engage(ApiClient api, Site site, long teamId, LocalDate entry) {
		String id = IDS.idNumber(1970, 1995);
		String name = IDS.name();
		String card = IDS.bankCard();
		Map<String, Object> body = worker(teamId, id, name, card);
		body.put("contractStart", entry.minusDays(30));
		body.put("entryDate", entry);
		return engaged(api, site, body, id, name, card);
	}

	private EngagedWorker engaged(ApiClient api, Site site, Map<String, Object> body, String id, String name,
			String card) {
		ApiClient.Response r = api.post("/api/projects/" + site.projectId() + "/workers", body);
		if (r.status() != 201) {
			throw new IllegalStateException(r.body());
		}
		return new EngagedWorker(r.json().get("personId").asLong(), r.id(), id, r.json().get("idNumberMasked").asString(),
				name, card);
	}

	/**
	 * The people a site's gate may be asked about: {@code workers} of its own, two managers (a safety officer
	 * appointed 20 days ago, a labour officer 5 days ago), a worker of another site and a person engaged nowhere.
	 */
	protected record GateCrowd(Site site, List<Long> workers, List<Long> managers, long workerElsewhere, long nobody) {

		/** All of them, in that order. */
		public List<Long> everyone() {
			List<Long> everyone = new ArrayList<>(workers);
			everyone.addAll(managers);
			everyone.add(workerElsewhere);
			everyone.add(nobody);
			return everyone;
		}
	}

	/** A started site and its {@link GateCrowd}. */
	protected GateCrowd gateCrowd(ApiClient api, int workers) {
		Site site = site(api, "220102", today().minusMonths(3));
		Site elsewhere = site(api, "220102", today().minusMonths(3));
		List<Long> engaged = new ArrayList<>();
		for (int i = 0; i < workers; i++) {
			engaged.add(engagedWorker(api, site));
		}
		List<Long> managers = new ArrayList<>();
		managers.add(facts.appoint(api, site.projectId(), site.gcUnitId(), Post.SAFETY_OFFICER, today().minusDays(20)).personId());
		managers.add(facts.appoint(api, site.projectId(), site.gcUnitId(), Post.LABOUR_OFFICER, today().minusDays(5)).personId());
		long workerElsewhere = engagedWorker(api, elsewhere);
		ApiClient.Response nobody = api.post("/api/persons",
				Map.of("idType", "01", "idNumber", IDS.idNumber(1965, 1995), "name", IDS.name()));
		if (nobody.status() != 201) {
			throw new IllegalStateException(nobody.body());
		}
		return new GateCrowd(site, engaged, managers, workerElsewhere, nobody.id());
	}

	/** Engages a fresh worker on the site ({@link #engage(ApiClient, Site)}) and returns their person id. */
	protected long engagedWorker(ApiClient api, Site site) {
		return engage(api, site).personId();
	}

	/**
	 * An on-site inspection on {@code day} that found the devices equipped and connected, the project manager present
	 * and {@code headcount} workers, with no device function test; callers add what their scenario tests.
	 */
	protected static Map<String, Object> inspectionRecord(LocalDate day, int headcount) {
		Map<String, Object> record = new LinkedHashMap<>();
		record.put("day", day);
		record.put("inspectors", "王检查、李检查");
		record.put("devicesEquipped", true);
		record.put("devicesConnected", true);
		record.put("managersPresent", List.of("PROJECT_MANAGER"));
		record.put("headcount", headcount);
		record.put("notes", "现场抽查");
		record.put("functionTests", List.of());
		return record;
	}

	/** The early warnings refreshed as of yesterday on the platform's clock, by {@code api} (the province's officer). */
	protected void refreshWarnings(ApiClient api) {
		ApiClient.Response refreshed = api.post("/api/warnings/refresh", Map.of("asOf", today().minusDays(1)));
		if (refreshed.status() != 200) {
			throw new IllegalStateException(refreshed.body());
		}
	}

	/** The project's open warnings of {@code kind} (one page of up to 50, newest first). */
	protected static List<JsonNode> openWarnings(ApiClient api, long projectId, String kind) {
		return api.get("/api/warnings?projectId=" + projectId + "&kind=" + kind + "&size=50").json().get("items").valueStream()
			.toList();
	}

	protected static List<String> rules(ApiClient.Response response) {
		return response.json().get("errors").valueStream().map(e -> e.get("rule").asString()).toList();
	}
}
