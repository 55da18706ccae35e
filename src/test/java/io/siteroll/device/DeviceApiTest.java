package io.siteroll.device;

import io.siteroll.identity.Role;
import io.siteroll.support.Jpegs;
import java.time.Duration;
import static io.siteroll.support.DeviceClient.pass;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.siteroll.support.ApiClient;
import io.siteroll.support.DeviceClient;
import io.siteroll.support.IntegrationTest;
import io.siteroll.support.Waits;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The platform's own device API: signatures, gate decisions, roster, pass upload. */
class DeviceApiTest extends IntegrationTest {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	OffsetDateTime hoursAgo(int hours) {
		return OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.ofHours(8)).minusHours(hours);
	}

	private long storedPasses(long deviceId) {
		return jdbc.sql("select count(*) from pass where device_id = ?").param(deviceId).query(Long.class).single();
	}

	@Test
	void registrationShowsTheSecretOnceAndKeepsItEncrypted() {
		ApiClient api = as(province());
		Site site = site(api, "220102", today().minusMonths(2));
		RegisteredDevice device = device(api, site.projectId(), "SITEROLL", "IN");
		assertThat(device.secret()).hasSizeGreaterThanOrEqualTo(40);
		ApiClient.Response shown = api.get("/api/devices/" + device.id());
		assertThat(shown.status()).isEqualTo(200);
		assertThat(shown.body()).doesNotContain(device.secret());
		assertThat(shown.json().get("registeredByStart").asBoolean())
			.as("registered on the platform today, two months after the start (R1 rests on the observation)").isFalse();
		assertThat(shown.json().get("equippedOn").isNull()).as("not heard yet").isTrue();
		byte[] stored = jdbc.sql("select secret_cipher from device where id = ?").param(device.id()).query(byte[].class)
			.single();
		assertThat(new String(stored, StandardCharsets.ISO_8859_1)).doesNotContain(device.secret());

		ApiClient.Response again = api.english().post("/api/projects/" + site.projectId() + "/devices",
				Map.of("serialNumber", device.serial(), "vendor", "v", "model", "m", "protocol", "SITEROLL", "kind",
						"FACE_TERMINAL", "direction", "BOTH", "channelName", "c", "registeredOn", today()));
		assertThat(again.status()).isEqualTo(409);
		assertThat(rules(again)).containsExactly("device.serial-taken");
		ApiClient.Response docs = api.get("/v3/api-docs");
		assertThat(docs.status()).isEqualTo(200);
		assertThat(docs.body()).contains("/api/device/v1/passes", "/api/device/v1/gate-decisions", "/api/device/v1/roster",
				"/api/device/v1/heartbeat", "X-Signature");
		ApiClient.Response bad = api.english().post("/api/projects/" + site.projectId() + "/devices",
				Map.of("serialNumber", "a b", "protocol", "SITEROLL"));
		assertThat(bad.status()).isEqualTo(400);
		assertThat(rules(bad)).contains("device.serial-format", "required");
	}

	@Test
	void badSignaturesAreRefusedAndChangeNothing() {
		ApiClient api = as(province());
		Site site = site(api, "220102", today().minusMonths(2));
		long person = engagedWorker(api, site);
		RegisteredDevice device = device(api, site.projectId(), "SITEROLL", "IN");
		DeviceClient gate = gate(device);
		byte[] body = JSON.writeValueAsBytes(Map.of("passes", List.of(pass("e1", person, hoursAgo(1)))));

		ApiClient.Response wrongSecret = gate.withSecret("not-the-secret").post("/api/device/v1/passes", body);
		assertThat(wrongSecret.status()).isEqualTo(401);
		assertThat(wrongSecret.json().get("rule").asString()).isEqualTo("device.signature-invalid");

		ApiClient.Response stale = gate.shiftedClock(-301).post("/api/device/v1/passes", body);
		assertThat(stale.status()).isEqualTo(401);
		assertThat(stale.json().get("rule").asString()).isEqualTo("device.timestamp-stale");
		ApiClient.Response future = gate.shiftedClock(301).post("/api/device/v1/passes", body);
		assertThat(future.json().get("rule").asString()).isEqualTo("device.timestamp-stale");

		byte[] tampered = JSON.writeValueAsBytes(Map.of("passes", List.of(pass("e2", person, hoursAgo(1)))));
		ApiClient.Response tamper = gate.send("POST", "/api/device/v1/passes", body, tampered, DeviceClient.nonce());
		assertThat(tamper.status()).isEqualTo(401);
		assertThat(tamper.json().get("rule").asString()).isEqualTo("device.signature-invalid");

		ApiClient.Response unsigned = as(province()).post("/api/device/v1/passes", Map.of("passes", List.of()));
		assertThat(unsigned.status()).isEqualTo(401);
		assertThat(storedPasses(device.id())).isZero();

		String nonce = DeviceClient.nonce();
		ApiClient.Response first = gate.send("POST", "/api/device/v1/passes", body, body, nonce);
		assertThat(first.status()).isEqualTo(200);
		assertThat(storedPasses(device.id())).isEqualTo(1);
		byte[] other = JSON.writeValueAsBytes(Map.of("passes", List.of(pass("e3", person, hoursAgo(1)))));
		ApiClient.Response replay = gate.send("POST", "/api/device/v1/passes", other, other, nonce);
		assertThat(replay.status()).isEqualTo(401);
		assertThat(replay.json().get("rule").asString()).isEqualTo("device.nonce-replayed");
		assertThat(storedPasses(device.id())).isEqualTo(1);

		ApiClient.Response rotated = api.post("/api/devices/" + device.id() + "/secret", Map.of());
		String newSecret = rotated.json().get("secret").asString();
		assertThat(gate.post("/api/device/v1/passes", other).status()).isEqualTo(401);
		assertThat(gate.withSecret(newSecret).post("/api/device/v1/passes", other).status()).isEqualTo(200);
		assertThat(storedPasses(device.id())).isEqualTo(2);
	}

	private String decide(DeviceClient gate, Object person) {
		ApiClient.Response r = gate.post("/api/device/v1/gate-decisions",
				person instanceof Long id ? Map.of("personId", id) : Map.of("idNumber", person));
		assertThat(r.status()).as(r.body()).isEqualTo(200);
		JsonNode json = r.json();
		return json.get("allow").asBoolean() ? "ALLOW" : json.get("reason").asString();
	}

	@Test
	void gateDecisionsGiveEachDenyReason() throws InterruptedException {
		ApiClient api = as(province());
		Site site = site(api, "220102", today().minusMonths(2));
		Site elsewhere = site(api, "220102", today().minusMonths(2));
		RegisteredDevice device = device(api, site.projectId(), "SITEROLL", "BOTH");
		DeviceClient gate = gate(device);

		long engaged = engagedWorker(api, site);
		assertThat(decide(gate, engaged)).isEqualTo("ALLOW");

		String idNumber = IDS.idNumber(1970, 2000);
		api.post("/api/projects/" + site.projectId() + "/workers", worker(site.teamId(), idNumber, IDS.name(), IDS.bankCard()));
		assertThat(decide(gate, idNumber)).as("an ID-card reader").isEqualTo("ALLOW");
		String unknownId = IDS.idNumber(1970, 2000);
		assertThat(decide(gate, unknownId)).isEqualTo("NOT_REGISTERED");
		for (String table : jdbc.sql("select tablename from pg_tables where schemaname = current_schema()").query(String.class).list()) {
			long clear = jdbc.sql("select count(*) from \"" + table + "\" t where t::text like ? or t::text like ?")
				.params("%" + idNumber + "%", "%" + unknownId + "%").query(Long.class).single();
			assertThat(clear).as("clear ID numbers in table %s", table).isZero();
		}

		assertThat(decide(gate, 987_654_321_012L)).isEqualTo("NOT_REGISTERED");
		assertThat(decide(gate, IDS.idNumber(1970, 2000))).isEqualTo("NOT_REGISTERED");
		assertThat(decide(gate, "not-an-id-number")).isEqualTo("NOT_REGISTERED");

		long other = engagedWorker(api, elsewhere);
		assertThat(decide(gate, other)).isEqualTo("NOT_ENGAGED");

		ApiClient.Response exited = api.post("/api/projects/" + site.projectId() + "/workers",
				worker(site.teamId(), IDS.idNumber(1970, 2000), IDS.name(), IDS.bankCard()));
		api.post("/api/projects/" + site.projectId() + "/workers/" + exited.id() + "/exit",
				Map.of("date", today().minusDays(1)));
		assertThat(decide(gate, exited.json().get("personId").asLong())).isEqualTo("EXITED");

		Map<String, Object> expiredContract = worker(site.teamId(), IDS.idNumber(1970, 2000), IDS.name(), IDS.bankCard());
		expiredContract.put("contractPeriodType", "0");
		expiredContract.put("contractStart", today().minusDays(30));
		expiredContract.put("contractEnd", today().minusDays(2));
		expiredContract.put("entryDate", today().minusDays(20));
		ApiClient.Response noContract = api.post("/api/projects/" + site.projectId() + "/workers", expiredContract);
		assertThat(noContract.status()).as(noContract.body()).isEqualTo(201);
		assertThat(decide(gate, noContract.json().get("personId").asLong())).isEqualTo("NO_CONTRACT");

		long listed = engagedWorker(api, site);
		ApiClient.Response listing = api.post("/api/gate-blacklist", Map.of("personId", listed, "reason", "冒用他人身份"));
		assertThat(listing.status()).as(listing.body()).isEqualTo(201);
		assertThat(decide(gate, listed)).isEqualTo("BLACKLISTED");
		api.post("/api/gate-blacklist/" + listing.id() + "/lift", Map.of());
		assertThat(decide(gate, listed)).isEqualTo("ALLOW");

		ApiClient.Response clerkListing = as(account(Role.ENTERPRISE_ADMIN, null, site.contractorId(),
				null, false)).post("/api/gate-blacklist", Map.of("personId", listed, "reason", "x"));
		assertThat(clerkListing.status()).isEqualTo(403);

		api.post("/api/devices/" + device.id() + "/disable", Map.of("reason", "镜头损坏"));
		assertThat(decide(gate, engaged)).isEqualTo("DEVICE_DISABLED");

		// the evidence is written behind the answers (within a quarter second), never before them
		Waits.until("nine refusals kept", Duration.ofSeconds(10),
				() -> jdbc.sql("select count(*) from gate_refusal where device_id = ?").param(device.id())
					.query(Long.class).single() >= 9, () -> false);
		Thread.sleep(600);
		long refusals = jdbc.sql("select count(*) from gate_refusal where device_id = ?").param(device.id())
			.query(Long.class).single();
		assertThat(refusals).isEqualTo(9);
	}

	@Test
	void passUploadStoresOnceKeepsRefusedPassesAndRejectsOutOfWindowTimes() {
		ApiClient api = as(province());
		Site site = site(api, "220102", today().minusMonths(2));
		long worker = engagedWorker(api, site);
		long stranger = engagedWorker(api, site(api, "220102", today().minusMonths(2)));
		RegisteredDevice device = device(api, site.projectId(), "SITEROLL", "BOTH");
		DeviceClient gate = gate(device);
		// yesterday morning: both passes (and the 90 minutes between them) on one day of the platform's calendar, whatever the hour
		OffsetDateTime morning = today().minusDays(1).atTime(7, 0).atOffset(ZoneOffset.ofHours(8));
		List<Map<String, Object>> passes = List.of(pass("p-1", worker, morning), pass("p-2", worker, morning.plusMinutes(90)),
				pass("p-3", stranger, morning), pass("p-4", 987_654_321_099L, morning),
				pass("p-old", worker, OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.ofHours(8)).minusDays(33)),
				pass("p-future", worker, OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.ofHours(8)).plusMinutes(10)));
		Map<String, Object> badTime = new LinkedHashMap<>(pass("p-bad", worker, morning));
		badTime.put("time", "yesterday");
		List<Object> batch = new ArrayList<>(passes);
		batch.add(badTime);

		ApiClient.Response first = gate.post("/api/device/v1/passes", Map.of("passes", batch));
		assertThat(first.status()).as(first.body()).isEqualTo(200);
		JsonNode report = first.json();
		assertThat(report.get("stored").asInt()).isEqualTo(4);
		assertThat(report.get("refused").asInt()).isEqualTo(2);
		assertThat(report.get("rejected").asInt()).isEqualTo(3);
		assertThat(report.get("results").get(2).get("reason").asString()).isEqualTo("NOT_ENGAGED");
		assertThat(report.get("results").get(3).get("reason").asString()).isEqualTo("NOT_REGISTERED");
		assertThat(report.get("results").get(4).get("reason").asString()).isEqualTo("pass.too-old");
		assertThat(report.get("results").get(5).get("reason").asString()).isEqualTo("pass.in-future");
		assertThat(report.get("results").get(6).get("reason").asString()).isEqualTo("pass.time-format");

		ApiClient.Response second = gate.post("/api/device/v1/passes", Map.of("passes", batch));
		assertThat(second.json().get("stored").asInt()).isZero();
		assertThat(second.json().get("duplicates").asInt()).isEqualTo(4);
		assertThat(storedPasses(device.id())).isEqualTo(4);

		LocalDate day = morning.atZoneSameInstant(ZoneId.of("Asia/Shanghai")).toLocalDate();
		ApiClient.Response presence = api.get("/api/projects/" + site.projectId() + "/presence?day=" + day);
		assertThat(presence.json().get("total").asInt()).isEqualTo(1);
		JsonNode row = presence.json().get("items").get(0);
		assertThat(row.get("personId").asLong()).isEqualTo(worker);
		assertThat(row.get("passCount").asInt()).isEqualTo(2);
		assertThat(row.get("valid").asBoolean()).isTrue();

		ApiClient.Response refused = api.get("/api/projects/" + site.projectId() + "/passes?outcome=REFUSED");
		assertThat(refused.json().get("total").asInt()).isEqualTo(2);

		ApiClient.Response tooMany = gate.post("/api/device/v1/passes",
				Map.of("passes", Collections.nCopies(1001, pass("x", worker, morning))));
		assertThat(tooMany.status()).isEqualTo(400);
		assertThat(rules(tooMany)).containsExactly("pass.batch-too-large");
	}

	@Test
	void rosterIsIncrementalAndDropsPeopleWhoLeave() {
		ApiClient api = as(province());
		Site site = site(api, "220102", today().minusMonths(2));
		long stays = engagedWorker(api, site);
		ApiClient.Response leaving = api.post("/api/projects/" + site.projectId() + "/workers",
				worker(site.teamId(), IDS.idNumber(1970, 2000), IDS.name(), IDS.bankCard()));
		long leaves = leaving.json().get("personId").asLong();
		RegisteredDevice device = device(api, site.projectId(), "SITEROLL", "IN");
		DeviceClient gate = gate(device);

		JsonNode full = gate.get("/api/device/v1/roster?since=0").json();
		assertThat(full.get("complete").asBoolean()).isTrue();
		assertThat(full.get("entries").valueStream().map(e -> e.get("personId").asLong()).toList())
			.containsExactlyInAnyOrder(stays, leaves);
		long version = full.get("version").asLong();
		assertThat(gate.get("/api/device/v1/roster?since=" + version).json().get("entries").size()).isZero();

		api.post("/api/projects/" + site.projectId() + "/workers/" + leaving.id() + "/exit",
				Map.of("date", today().minusDays(1)));
		long joined = engagedWorker(api, site);
		JsonNode changes = gate.get("/api/device/v1/roster?since=" + version).json();
		assertThat(changes.get("version").asLong()).isGreaterThan(version);
		Map<Long, JsonNode> byPerson = new LinkedHashMap<>();
		changes.get("entries").valueStream().forEach(e -> byPerson.put(e.get("personId").asLong(), e));
		assertThat(byPerson.keySet()).containsExactlyInAnyOrder(leaves, joined);
		assertThat(byPerson.get(leaves).get("allowed").asBoolean()).isFalse();
		assertThat(byPerson.get(leaves).get("reason").asString()).isEqualTo("EXITED");
		assertThat(byPerson.get(joined).get("allowed").asBoolean()).isTrue();

		long current = changes.get("version").asLong();
		api.post("/api/gate-blacklist", Map.of("personId", stays, "reason", "冒名顶替"));
		JsonNode barred = gate.get("/api/device/v1/roster?since=" + current).json();
		assertThat(barred.get("entries").size()).isEqualTo(1);
		assertThat(barred.get("entries").get(0).get("personId").asLong()).isEqualTo(stays);
		assertThat(barred.get("entries").get(0).get("reason").asString()).isEqualTo("BLACKLISTED");

		ApiClient.Response heartbeat = gate.post("/api/device/v1/heartbeat",
				Map.of("status", "OK", "firmware", "1.2.3", "deviceTime", OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.ofHours(8)).toString()));
		assertThat(heartbeat.status()).as(heartbeat.body()).isEqualTo(200);
		assertThat(heartbeat.json().get("rosterVersion").asLong()).isEqualTo(barred.get("version").asLong());
		JsonNode shown = api.get("/api/devices/" + device.id()).json();
		assertThat(shown.get("online").asBoolean()).isTrue();
		assertThat(shown.get("firmware").asString()).isEqualTo("1.2.3");
		ApiClient.Response page = api.get("/projects/" + site.projectId() + "/gates");
		assertThat(page.status()).isEqualTo(200);
		assertThat(page.body()).contains(device.serial(), "在线", "本月联网 1 天");
		assertThat(api.get("/api/projects/" + site.projectId() + "/connected-days?from=" + today().minusDays(1)
				+ "&to=" + today()).json().get(0).asString()).isEqualTo(today().toString());
	}

	@Test
	void aDisabledDeviceGetsNoRosterNoFacesAndIsNotHeard() {
		ApiClient api = as(province());
		Site site = site(api, "220102", today().minusMonths(2));
		long worker = engagedWorker(api, site);
		api.upload("PUT", "/api/persons/" + worker + "/face", "file", "face.jpg", Jpegs.scene(worker));
		RegisteredDevice device = device(api, site.projectId(), "SITEROLL", "IN");
		DeviceClient gate = gate(device);
		assertThat(gate.get("/api/device/v1/roster?since=0").status()).isEqualTo(200);
		assertThat(gate.get("/api/device/v1/faces/" + worker).status()).isEqualTo(200);
		api.post("/api/devices/" + device.id() + "/disable", Map.of("reason", "镜头损坏"));

		clock.advance(Duration.ofDays(1));
		DeviceClient tomorrow = gate; // the gate keeps the platform clock, moved with it
		ApiClient.Response roster = tomorrow.get("/api/device/v1/roster?since=0");
		assertThat(roster.status()).as(roster.body()).isEqualTo(403);
		assertThat(roster.json().get("rule").asString()).isEqualTo("device.disabled");
		assertThat(tomorrow.get("/api/device/v1/faces/" + worker).status()).isEqualTo(403);
		ApiClient.Response heartbeat = tomorrow.post("/api/device/v1/heartbeat", Map.of("status", "OK"));
		assertThat(heartbeat.status()).as(heartbeat.body()).isEqualTo(200);
		assertThat(heartbeat.json().get("enabled").asBoolean()).isFalse();
		assertThat(api.get("/api/projects/" + site.projectId() + "/connected-days?from=" + today() + "&to=" + today())
			.json().size()).as("a disabled device does not keep the project connected").isZero();
		assertThat(api.get("/api/devices/" + device.id()).json().get("online").asBoolean()).isFalse();
	}
}
