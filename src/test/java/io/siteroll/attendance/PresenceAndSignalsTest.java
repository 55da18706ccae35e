package io.siteroll.attendance;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.siteroll.identity.Role;
import io.siteroll.support.ApiClient;
import io.siteroll.support.DeviceClient;
import io.siteroll.support.IntegrationTest;
import io.siteroll.support.Jpegs;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Daily presence under the valid-day rules, and the fraud signals with their evidence. */
class PresenceAndSignalsTest extends IntegrationTest {

	private static final ZoneOffset CST = ZoneOffset.ofHours(8);

	private static Map<String, Object> pass(String id, long person, OffsetDateTime at, String liveness, byte[] photo) {
		Map<String, Object> p = new LinkedHashMap<>();
		p.put("eventId", id);
		p.put("personId", person);
		p.put("time", at.toString());
		p.put("attendType", "001");
		p.put("liveness", liveness);
		if (photo != null) {
			p.put("photo", Base64.getEncoder().encodeToString(photo));
		}
		return p;
	}

	private static JsonNode upload(DeviceClient gate, List<Map<String, Object>> passes) {
		ApiClient.Response r = gate.post("/api/device/v1/passes", Map.of("passes", passes));
		assertThat(r.status()).as(r.body()).isEqualTo(200);
		return r.json();
	}

	private Map<Long, JsonNode> presence(ApiClient api, long projectId, LocalDate day) {
		Map<Long, JsonNode> rows = new LinkedHashMap<>();
		api.get("/api/projects/" + projectId + "/presence?day=" + day).json().get("items").valueStream()
			.forEach(r -> rows.put(r.get("personId").asLong(), r));
		return rows;
	}

	@Test
	void jilin2023ValidDayNeedsTwoPassesFourHoursApartAndSwitchingRecomputes() {
		ApiClient api = as(province());
		Site site = site(api, "220102", today().minusMonths(2));
		LocalDate today = today();
		LocalDate day = today.getDayOfMonth() >= 2 ? today.withDayOfMonth(1) : today.minusMonths(1).withDayOfMonth(1);
		long short3h59 = engagedSince(api, site, day);
		long full4h = engagedSince(api, site, day);
		long single = engagedSince(api, site, day);
		DeviceClient gate = gate(device(api, site.projectId(), "SITEROLL", "BOTH"));
		OffsetDateTime eight = day.atTime(8, 0).atOffset(CST);
		long jilin2023 = ruleSet(api, "吉建规〔2023〕11号");
		long jilin2021 = ruleSet(api, "吉建管〔2021〕6号");
		try {
			ApiClient.Response set = api.post("/api/rule-sets/" + jilin2023 + "/adoption", Map.of("effectiveFrom", day, "retroactive", true, "reason", "测试：本月起切换有效考勤规则"));
			assertThat(set.status()).as(set.body()).isEqualTo(200);
			upload(gate, List.of(pass("a1", short3h59, eight, "PASS", null), pass("a2", short3h59, eight.plusMinutes(239), "PASS", null),
					pass("b1", full4h, eight, "PASS", null), pass("b2", full4h, eight.plusMinutes(240), "PASS", null),
					pass("c1", single, eight, "PASS", null)));
			Map<Long, JsonNode> rows = presence(api, site.projectId(), day);
			assertThat(rows.get(short3h59).get("valid").asBoolean()).as("3 h 59 min apart").isFalse();
			assertThat(rows.get(full4h).get("valid").asBoolean()).as("4 h 00 min apart").isTrue();
			assertThat(rows.get(single).get("valid").asBoolean()).as("one pass").isFalse();
			assertThat(rows.get(full4h).get("passCount").asInt()).isEqualTo(2);

			ApiClient.Response byCity = as(account(Role.CITY_OFFICER, "220100", null, null, false))
				.post("/api/rule-sets/" + jilin2021 + "/adoption", Map.of("effectiveFrom", day, "retroactive", true, "reason", "测试：本月起切换有效考勤规则"));
			assertThat(byCity.status()).isEqualTo(403);
		}
		finally {
			api.post("/api/rule-sets/" + jilin2021 + "/adoption", Map.of("effectiveFrom", day, "retroactive", true, "reason", "测试：本月起切换有效考勤规则"));
		}
		Map<Long, JsonNode> recomputed = presence(api, site.projectId(), day);
		assertThat(recomputed.values()).allMatch(r -> r.get("valid").asBoolean());
		assertThat(api.get("/api/valid-day-rules").json().valueStream()
			.filter(r -> r.get("effectiveFrom").asString().equals(day.toString())).findFirst().orElseThrow()
			.get("rule").asString()).isEqualTo("ANY_PASS");
	}

	private long engagedSince(ApiClient api, Site site, LocalDate entry) {
		Map<String, Object> body = worker(site.teamId(), IDS.idNumber(1970, 2000), IDS.name(), IDS.bankCard());
		body.put("contractStart", entry.minusDays(3));
		body.put("entryDate", entry.minusDays(1));
		ApiClient.Response r = api.post("/api/projects/" + site.projectId() + "/workers", body);
		assertThat(r.status()).as(r.body()).isEqualTo(201);
		return r.json().get("personId").asLong();
	}

	private static long ruleSet(ApiClient api, String code) {
		return api.get("/api/rule-sets").json().valueStream().filter(r -> r.get("code").asString().equals(code)).findFirst()
			.orElseThrow().get("id").asLong();
	}

	@Test
	void failedLivenessIsKeptButDoesNotCountAndIsTalliedPerDevice() {
		ApiClient api = as(province());
		Site site = site(api, "220102", today().minusMonths(2));
		long spoofed = engagedWorker(api, site);
		long genuine = engagedWorker(api, site);
		RegisteredDevice device = device(api, site.projectId(), "SITEROLL", "IN");
		DeviceClient gate = gate(device);
		OffsetDateTime at = today().minusDays(1).atTime(9, 0).atOffset(CST); // one calendar day whatever the hour
		upload(gate, List.of(pass("f1", spoofed, at, "FAIL", null), pass("f2", spoofed, at.plusMinutes(1), "FAIL", null),
				pass("g1", genuine, at, "PASS", null)));
		upload(gate, List.of(pass("f3", spoofed, at.plusMinutes(2), "FAIL", null)));
		LocalDate day = at.toLocalDate();
		Map<Long, JsonNode> rows = presence(api, site.projectId(), day);
		assertThat(rows).containsOnlyKeys(genuine);
		assertThat(api.get("/api/projects/" + site.projectId() + "/passes?personId=" + spoofed).json().get("total").asInt())
			.isEqualTo(3);
		JsonNode signals = api.get("/api/projects/" + site.projectId() + "/fraud-signals?kind=LIVENESS_FAILURES").json();
		assertThat(signals.get("total").asInt()).isEqualTo(1);
		JsonNode evidence = signals.get("items").get(0).get("evidence");
		assertThat(evidence.get("failures").asInt()).isEqualTo(3);
		assertThat(evidence.get("passIds").size()).isEqualTo(3);
		assertThat(signals.get("items").get(0).get("deviceId").asLong()).isEqualTo(device.id());
		assertThat(api.get("/projects/" + site.projectId() + "/gates").body()).contains("当日该设备活体检测未通过 3 次")
			.doesNotContain("passIds");
		assertThat(api.english().get("/projects/" + site.projectId() + "/gates").body())
			.contains("Liveness check failed 3 time(s) at this device that day");
	}

	@Test
	void theSameOrANearlyIdenticalPhotoForAnotherPassIsAReplay() {
		ApiClient api = as(province());
		Site site = site(api, "220102", today().minusMonths(2));
		long first = engagedWorker(api, site);
		long second = engagedWorker(api, site);
		long third = engagedWorker(api, site);
		DeviceClient gate = gate(device(api, site.projectId(), "SITEROLL", "IN"));
		// one calendar day whatever the hour; a fraction of a second, kept to the microsecond as the device sent it
		OffsetDateTime at = today().minusDays(1).atTime(10, 0, 7, 123_456_000).atOffset(CST);
		long seed = System.nanoTime();
		byte[] photo = Jpegs.scene(seed);
		JsonNode report = upload(gate, List.of(pass("r1", first, at, "PASS", photo),
				pass("r2", second, at.plusMinutes(5), "PASS", photo),
				pass("r3", third, at.plusMinutes(6), "PASS", Jpegs.scene(seed, 2)),
				pass("r4", first, at.plusMinutes(7), "PASS", Jpegs.scene(seed + 1))));
		assertThat(report.get("stored").asInt()).isEqualTo(4);
		JsonNode signals = api.get("/api/projects/" + site.projectId() + "/fraud-signals?kind=REPLAYED_PHOTO").json();
		List<Long> flagged = new ArrayList<>();
		signals.get("items").valueStream().forEach(s -> flagged.add(s.get("personId").asLong()));
		assertThat(flagged).containsExactlyInAnyOrder(second, third);
		JsonNode exact = signals.get("items").valueStream().filter(s -> s.get("personId").asLong() == second).findFirst()
			.orElseThrow();
		assertThat(exact.get("evidence").get("matches").get(0).get("identical").asBoolean()).isTrue();
		assertThat(exact.get("evidence").get("matches").get(0).get("differingBits").asInt()).isZero();
		assertThat(Instant.parse(exact.get("evidence").get("passedAt").asString())).isEqualTo(at.plusMinutes(5).toInstant());
		DateTimeFormatter minute = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
		assertThat(api.get("/projects/" + site.projectId() + "/gates").body())
			.contains(at.plusMinutes(5).format(minute) + " 通行的照片与此前 1 次通行的照片相同或近似，最相近的是 "
					+ at.format(minute) + " 在闸机" + gateName(exact.get("evidence").get("matches").get(0).get("deviceId").asLong())
					+ "的通行：照片完全相同")
			.doesNotContain("differingBits");

		assertThat(upload(gate, List.of(pass("r2", second, at.plusMinutes(5), "PASS", photo))).get("duplicates").asInt())
			.isEqualTo(1);
		assertThat(api.get("/api/projects/" + site.projectId() + "/fraud-signals?kind=REPLAYED_PHOTO").json().get("total")
			.asInt()).isEqualTo(2);
		long photosOnDisk = jdbc.sql("select count(*) from pass_photo where project_id = ?").param(site.projectId())
			.query(Long.class).single();
		assertThat(photosOnDisk).isEqualTo(4);
		byte[] stored = jdbc.sql("select sha256 from pass_photo where project_id = ? order by id limit 1")
			.param(site.projectId()).query(byte[].class).single();
		assertThat(stored).hasSize(32);
	}

	@Test
	void theSamePersonAtTwoFarApartProjectsTooSoonIsImpossibleTravel() {
		ApiClient api = as(province());
		Site changchun = site(api, "220102", today().minusMonths(2));
		Site yanji = site(api, "220102", today().minusMonths(2));
		jdbc.sql("update project set latitude = 43.880, longitude = 125.320 where id = ?").param(changchun.projectId()).update();
		jdbc.sql("update project set latitude = 42.906, longitude = 129.508 where id = ?").param(yanji.projectId()).update();
		String idNumber = IDS.idNumber(1970, 2000);
		String name = IDS.name();
		Map<String, Object> first = worker(changchun.teamId(), idNumber, name, IDS.bankCard());
		first.put("concurrentAllowed", true);
		long person = api.post("/api/projects/" + changchun.projectId() + "/workers", first).json().get("personId").asLong();
		Map<String, Object> second = worker(yanji.teamId(), idNumber, name, IDS.bankCard());
		second.put("concurrentAllowed", true);
		ApiClient.Response engaged = api.post("/api/projects/" + yanji.projectId() + "/workers", second);
		assertThat(engaged.status()).as(engaged.body()).isEqualTo(201);
		DeviceClient inChangchun = gate(device(api, changchun.projectId(), "SITEROLL", "IN"));
		DeviceClient inYanji = gate(device(api, yanji.projectId(), "SITEROLL", "IN"));
		OffsetDateTime at = today().minusDays(1).atTime(11, 0).atOffset(CST); // one calendar day whatever the hour
		upload(inChangchun, List.of(pass("t1", person, at, "PASS", null)));
		upload(inYanji, List.of(pass("t2", person, at.plusMinutes(40), "PASS", null)));
		JsonNode signals = api.get("/api/projects/" + yanji.projectId() + "/fraud-signals?kind=IMPOSSIBLE_TRAVEL").json();
		assertThat(signals.get("total").asInt()).isEqualTo(1);
		JsonNode evidence = signals.get("items").get(0).get("evidence");
		assertThat(evidence.get("otherProjectId").asLong()).isEqualTo(changchun.projectId());
		assertThat(evidence.get("distanceKm").asDouble()).isBetween(340.0, 380.0);
		assertThat(evidence.get("hoursBetween").asDouble()).isEqualTo(0.67);
		assertThat(evidence.get("passedAt").asString()).as("times shown as stored")
			.isEqualTo(jdbc.sql("select evidence ->> 'passedAt' from fraud_signal where project_id = ? and kind = 'IMPOSSIBLE_TRAVEL'")
				.param(yanji.projectId()).query(String.class).single());
		assertThat(api.get("/projects/" + yanji.projectId() + "/gates").body())
			.contains("公里的项目 " + jdbc.sql("select name from project where id = ?").param(changchun.projectId())
				.query(String.class).single() + " 有通行，相隔 0.67 小时");
	}

	/** A gate as a sentence names it: its channel and its serial number. */
	private String gateName(long deviceId) {
		return jdbc.sql("select channel_name || '（' || serial_number || '）' from device where id = ?")
			.param(deviceId).query(String.class).single();
	}
}
