package io.siteroll.device;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import io.siteroll.support.ApiClient;
import io.siteroll.support.IntegrationTest;
import io.siteroll.support.Jpegs;
import io.siteroll.support.ZktecoDevice;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Drives the ZKTeco PUSH server with a device simulator written from the protocol description. */
class ZktecoPushTest extends IntegrationTest {

	@Test
	void attendanceDeviceHandshakesUploadsPhotosAndIsProvisioned() {
		ApiClient api = as(province());
		Site site = site(api, "220102", today().minusMonths(2));
		long alice = engagedWorker(api, site);
		long bob = engagedWorker(api, site);
		ApiClient.Response face = api.upload("PUT", "/api/persons/" + alice + "/face", "file", "alice.jpg", Jpegs.scene(alice));
		assertThat(face.status()).as(face.body()).isEqualTo(200);
		RegisteredDevice registered = device(api, site.projectId(), "ZKTECO_ATT", "BOTH");
		ZktecoDevice zk = keyed(api, registered);

		assertThat(new ZktecoDevice(baseUrl(), "NOT-REGISTERED-1").handshake().get("_status")).isEqualTo("401");
		Map<String, String> options = zk.handshake();
		assertThat(options.get("_header")).isEqualTo("GET OPTION FROM: " + registered.serial());
		assertThat(options).containsEntry("ATTLOGStamp", "None").containsEntry("TimeZone", "8")
			.containsEntry("Realtime", "1").containsEntry("PushProtVer", "2.4.1").containsEntry("ATTPHOTOBase64", "1");

		LocalDateTime morning = today().minusDays(1).atTime(6, 0); // its passes on one calendar day whatever the hour
		List<String> lines = List.of(ZktecoDevice.attlogLine(Long.toString(alice), morning, 0, 15),
				ZktecoDevice.attlogLine(Long.toString(bob), morning.plusMinutes(1), 0, 15),
				ZktecoDevice.attlogLine(Long.toString(alice), morning.plusHours(5), 1, 15),
				ZktecoDevice.attlogLine("99999", morning.plusMinutes(2), 0, 15), "garbage-line");
		ZktecoDevice.Reply upload = zk.attlog(lines, "1001");
		assertThat(upload.status()).isEqualTo(200);
		assertThat(upload.body()).isEqualTo("OK: 4");
		assertThat(zk.attlog(lines, "1001").body()).as("a re-upload is acknowledged, stored once").isEqualTo("OK: 4");
		assertThat(jdbc.sql("select count(*) from pass where device_id = ?").param(registered.id()).query(Long.class).single())
			.isEqualTo(4);
		assertThat(zk.handshake()).containsEntry("ATTLOGStamp", "1001");

		ZktecoDevice.Reply photo = zk.photo(Long.toString(alice), morning, Jpegs.scene(7));
		assertThat(photo.status()).as(photo.body()).isEqualTo(200);
		assertThat(photo.body()).isEqualTo("OK");
		assertThat(zk.photo(Long.toString(bob), morning.minusHours(1), Jpegs.scene(8)).status())
			.as("a photo without its attendance record is not acknowledged").isEqualTo(409);

		LocalDate day = morning.toLocalDate();
		JsonNode presence = api.get("/api/projects/" + site.projectId() + "/presence?day=" + day).json();
		assertThat(presence.get("total").asInt()).isEqualTo(2);
		JsonNode passes = api.get("/api/projects/" + site.projectId() + "/passes?personId=" + alice).json();
		assertThat(passes.get("total").asInt()).isEqualTo(2);
		assertThat(passes.get("items").valueStream().filter(p -> !p.get("photoId").isNull()).count()).isEqualTo(1);
		assertThat(passes.get("items").get(0).get("attendType").asString()).isEqualTo("001");
		assertThat(passes.get("items").get(0).get("direction").asString()).isEqualTo("OUT");
		JsonNode refused = api.get("/api/projects/" + site.projectId() + "/passes?outcome=REFUSED").json();
		assertThat(refused.get("items").get(0).get("refusalReason").asString()).isEqualTo("NOT_REGISTERED");

		ZktecoDevice.Reply unknown = zk.table("FINGERTMP_X", "PIN=1\tFID=0\n");
		assertThat(unknown.status()).isEqualTo(400);
		assertThat(unknown.body()).doesNotStartWith("OK");
		assertThat(jdbc.sql("select outcome from device_upload where device_id = ? and table_name = 'FINGERTMP_X'")
			.param(registered.id()).query(String.class).single()).isEqualTo("REFUSED_UNKNOWN_TABLE");

		JsonNode queued = api.post("/api/devices/" + registered.id() + "/provisioning", Map.of()).json();
		assertThat(queued.get("users").asInt()).isEqualTo(2);
		assertThat(queued.get("faces").asInt()).isEqualTo(1);
		List<String> commands = zk.pollAndExecute(null);
		assertThat(commands).hasSize(3);
		assertThat(zk.users).containsOnlyKeys(Long.toString(alice), Long.toString(bob));
		assertThat(zk.faces.get(Long.toString(alice))).isEqualTo(Jpegs.scene(alice));
		assertThat(zk.pollAndExecute(null)).isEmpty();
		JsonNode states = api.get("/api/devices/" + registered.id() + "/commands").json();
		assertThat(states.valueStream().map(c -> c.get("state").asString()).distinct().toList()).containsExactly("CONFIRMED");
		assertThat(states.toString()).doesNotContain(Base64.getEncoder().encodeToString(Jpegs.scene(alice)));

		ApiClient.Response bobEngagement = api.get("/api/projects/" + site.projectId() + "/workers?q=");
		long bobEngagementId = bobEngagement.json().get("items").valueStream()
			.filter(e -> e.get("personId").asLong() == bob).findFirst().orElseThrow().get("id").asLong();
		api.post("/api/projects/" + site.projectId() + "/workers/" + bobEngagementId + "/exit",
				Map.of("date", today().minusDays(1)));
		JsonNode delta = api.post("/api/devices/" + registered.id() + "/provisioning", Map.of()).json();
		assertThat(delta.get("deletes").asInt()).isEqualTo(1);
		assertThat(delta.get("users").asInt()).isZero();
		assertThat(zk.pollAndExecute(null)).containsExactly("DATA DELETE USERINFO PIN=" + bob);
		assertThat(zk.users).containsOnlyKeys(Long.toString(alice));

		long faceReleases = jdbc.sql("select count(*) from audit_entry where action = 'PERSONAL_DATA_RELEASED_TO_GATE' and subject_id = ?")
			.param(Long.toString(alice)).query(Long.class).single();
		assertThat(faceReleases).isEqualTo(1);
	}

	@Test
	void busyDevicesGetTheCommandAgain() {
		ApiClient api = as(province());
		Site site = site(api, "220102", today().minusMonths(2));
		long worker = engagedWorker(api, site);
		RegisteredDevice registered = device(api, site.projectId(), "ZKTECO_ATT", "IN");
		ZktecoDevice zk = keyed(api, registered);
		zk.handshake();
		api.post("/api/devices/" + registered.id() + "/provisioning", Map.of());
		assertThat(zk.pollAndExecute(-1005)).hasSize(1);
		assertThat(zk.users).isEmpty();
		assertThat(zk.pollAndExecute(null)).hasSize(1);
		assertThat(zk.users).containsOnlyKeys(Long.toString(worker));
		JsonNode command = api.get("/api/devices/" + registered.id() + "/commands").json().get(0);
		assertThat(command.get("state").asString()).isEqualTo("CONFIRMED");
		assertThat(command.get("attempts").asInt()).isEqualTo(2);
	}

	@Test
	void securityDeviceRegistersAndItsRealTimeEventsBecomePasses() {
		ApiClient api = as(province());
		Site site = site(api, "220102", today().minusMonths(2));
		long worker = engagedWorker(api, site);
		RegisteredDevice registered = device(api, site.projectId(), "ZKTECO_ACC", "BOTH");
		ZktecoDevice zk = keyed(api, registered);

		assertThat(zk.get("/iclock/cdata?SN=" + registered.serial() + "&options=all&pushver=3.1.2&DeviceType=acc"
				+ zk.keyParameter()).body()).isEqualTo("OK");
		ZktecoDevice.Reply registry = zk.post("/iclock/registry?SN=" + registered.serial(),
				"DeviceType=acc,~DeviceName=SpeedFace-V5L,FirmVer=ZAM180-NF-1.2.3,PushVersion=3.1.2,MAC=00:17:61:00:00:01"
					.getBytes(StandardCharsets.UTF_8));
		assertThat(registry.body()).startsWith("RegistryCode=").doesNotEndWith("\n");
		String code = registry.body().substring("RegistryCode=".length());
		assertThat(zk.get("/iclock/cdata?SN=" + registered.serial() + "&options=all&pushver=3.1.2").body())
			.isEqualTo("registry=ok\nRegistryCode=" + code);
		assertThat(zk.post("/iclock/push?SN=" + registered.serial(), new byte[0]).body()).contains("TimeZone=8");

		LocalDateTime t = today().minusDays(1).atTime(8, 0);
		String time = t.format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss"));
		List<String> events = List.of(
				"time=" + time + "\tpin=" + worker + "\tcardno=0\teventaddr=1\tevent=0\tinoutstatus=0\tverifytype=15\tindex=83",
				"time=" + time + "\tpin=0\tcardno=0\teventaddr=1\tevent=27\tinoutstatus=0\tverifytype=15\tindex=84",
				"time=" + time + "\tpin=" + worker + "\tcardno=0\teventaddr=1\tevent=0\tinoutstatus=1\tverifytype=15\tindex=85");
		assertThat(zk.rtlog(events).body()).isEqualTo("OK");
		assertThat(zk.rtlog(events).body()).isEqualTo("OK");
		JsonNode passes = api.get("/api/projects/" + site.projectId() + "/passes").json();
		assertThat(passes.get("total").asInt()).isEqualTo(3);
		assertThat(passes.get("items").valueStream().filter(p -> "REFUSED".equals(p.get("outcome").asString()))
			.map(p -> p.get("refusalReason").asString()).toList()).containsExactly("REFUSED_BY_DEVICE");
		assertThat(passes.get("items").valueStream().map(p -> p.get("direction").asString()).toList()).contains("IN", "OUT");
		JsonNode presence = api.get("/api/projects/" + site.projectId() + "/presence?day=" + t.toLocalDate()).json();
		assertThat(presence.get("items").get(0).get("passCount").asInt()).isEqualTo(2);
		assertThat(api.get("/api/devices/" + registered.id()).json().get("firmware").asString()).isEqualTo("ZAM180-NF-1.2.3");
	}

	/** A ZKTeco device holding a communication key issued through the API (as its enterprise or an officer would). */
	private ZktecoDevice keyed(ApiClient api, RegisteredDevice registered) {
		ApiClient.Response issued = api.post("/api/devices/" + registered.id() + "/zkteco-access/key", Map.of());
		assertThat(issued.status()).as(issued.body()).isEqualTo(200);
		return new ZktecoDevice(baseUrl(), registered.serial(), issued.json().get("commKey").asString());
	}
}
