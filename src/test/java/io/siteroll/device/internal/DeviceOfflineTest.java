package io.siteroll.device.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import io.siteroll.device.DeviceWentOffline;
import io.siteroll.identity.Role;
import io.siteroll.support.ApiClient;
import io.siteroll.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/** A device silent for more than 24 hours goes offline once, and comes back when heard from. */
class DeviceOfflineTest extends IntegrationTest {

	@Autowired
	OfflineWatch watch;

	@Test
	void silenceOverADayRaisesOneOfflineEventAndHearingFromItClearsIt() {
		ApiClient api = as(province());
		Site site = site(api, "220102", today().minusMonths(2));
		RegisteredDevice quiet = device(api, site.projectId(), "SITEROLL", "IN");
		RegisteredDevice recent = device(api, site.projectId(), "SITEROLL", "OUT");
		jdbc.sql("update device set last_heard_at = ? where id = ?")
			.params(java.sql.Timestamp.from(clock.instant().minus(Duration.ofHours(25))), quiet.id()).update();
		jdbc.sql("update device set last_heard_at = ? where id = ?")
			.params(java.sql.Timestamp.from(clock.instant().minus(Duration.ofHours(23))), recent.id()).update();

		List<DeviceWentOffline> first = watch.markOffline();
		assertThat(first).extracting(DeviceWentOffline::deviceId).contains(quiet.id()).doesNotContain(recent.id());
		assertThat(watch.markOffline()).extracting(DeviceWentOffline::deviceId).doesNotContain(quiet.id());
		JsonNode device = api.get("/api/devices/" + quiet.id()).json();
		assertThat(device.get("online").asBoolean()).isFalse();
		assertThat(device.get("offlineSince").isNull()).isFalse();

		ApiClient.Response beat = gate(quiet).post("/api/device/v1/heartbeat", Map.of("status", "OK"));
		assertThat(beat.status()).as(beat.body()).isEqualTo(200);
		JsonNode back = api.get("/api/devices/" + quiet.id()).json();
		assertThat(back.get("online").asBoolean()).isTrue();
		assertThat(back.get("offlineSince").isNull()).isTrue();
		List<String> kinds = api.get("/api/devices/" + quiet.id() + "/events").json().valueStream()
			.map(e -> e.get("kind").asString()).toList();
		assertThat(kinds).containsExactly("REGISTERED", "OFFLINE", "BACK_ONLINE");
	}

	@Test
	void movingKeepsTheHistoryAndDisablingNeedsAReason() {
		ApiClient api = as(province());
		Site from = site(api, "220102", today().minusMonths(2));
		Site to = site(api, "220102", today().minusMonths(2));
		RegisteredDevice device = device(api, from.projectId(), "SITEROLL", "IN");
		clock.advance(Duration.ofDays(1));
		ApiClient.Response moved = api.post("/api/devices/" + device.id() + "/move",
				Map.of("projectId", to.projectId(), "fromDay", today()));
		assertThat(moved.status()).as(moved.body()).isEqualTo(200);
		assertThat(moved.json().get("projectId").asLong()).isEqualTo(to.projectId());
		JsonNode assignments = api.get("/api/devices/" + device.id() + "/assignments").json();
		assertThat(assignments.size()).isEqualTo(2);
		assertThat(assignments.get(0).get("toDay").asString()).isEqualTo(today().minusDays(1).toString());
		ApiClient.Response noReason = api.english().post("/api/devices/" + device.id() + "/disable", Map.of());
		assertThat(noReason.status()).isEqualTo(400);
		assertThat(rules(noReason)).containsExactly("required");
		assertThat(api.post("/api/devices/" + device.id() + "/disable", Map.of("reason", "维修")).json().get("enabled").asBoolean())
			.isFalse();
		assertThat(rules(api.post("/api/devices/" + device.id() + "/disable", Map.of("reason", "again")))).containsExactly(
				"device.already-disabled");
		ApiClient.Response stranger = as(account(Role.ENTERPRISE_ADMIN, null, from.contractorId(), null,
				false)).get("/api/devices/" + device.id());
		assertThat(stranger.status()).as("the old project's contractor no longer sees a device moved away").isEqualTo(404);
	}
}
