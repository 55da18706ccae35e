package io.siteroll.device;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.siteroll.support.ApiClient;
import io.siteroll.support.DahuaDevice;
import io.siteroll.support.HikvisionTerminal;
import io.siteroll.support.IntegrationTest;
import io.siteroll.support.PushGate;
import io.siteroll.support.PushGate.Punch;
import io.siteroll.support.UfaceCloud;
import org.junit.jupiter.api.Test;

/** What each vendor protocol has of its own: heartbeats, Basic authentication, compression, event codes, liveness. */
class VendorProtocolsTest extends IntegrationTest {

	@Test
	void hikvisionHeartbeatsBasicAuthenticationAndEventCodes() {
		ApiClient api = as(province());
		Site site = site(api, "220102", today().minusMonths(2));
		long alice = engagedWorker(api, site);
		long bob = engagedWorker(api, site);
		RegisteredDevice registered = device(api, site.projectId(), "HIKVISION_ISAPI", "BOTH");
		HikvisionTerminal terminal = new HikvisionTerminal(baseUrl(), registered.serial(), key(api, registered.id()));

		PushGate.Reply beat = terminal.heartbeat(clock.instant().atOffset(ZoneOffset.ofHours(8)));
		assertThat(beat.status()).isEqualTo(200);
		assertThat(api.get("/api/devices/" + registered.id()).json().get("online").asBoolean()).isTrue();
		assertThat(passes(registered.id())).isZero();

		LocalDate day = today().minusDays(1);
		HikvisionTerminal basic = terminal.withBasicAuth();
		assertThat(basic.event(VendorGatesTest.punch(alice, day, 7, 0, true, true), 75, true).status())
			.as("the key as the Basic password of the listening host").isEqualTo(200);
		assertThat(((HikvisionTerminal) basic.with(registered.serial(), "wrong")).event(
				VendorGatesTest.punch(alice, day, 7, 1, true, false), 75, true).status()).isEqualTo(401);

		PushGate.Reply spoof = terminal.event(VendorGatesTest.punch(bob, day, 7, 5, true, true), 104, true);
		assertThat(spoof.status()).isEqualTo(200);
		PushGate.Reply door = terminal.event(VendorGatesTest.punch(bob, day, 7, 6, true, false), 21, true);
		assertThat(door.status()).as("a door event is kept, not a pass").isEqualTo(200);
		assertThat(passes(registered.id())).isEqualTo(2);
		assertThat(jdbc.sql("select liveness from pass where device_id = ? and person_id = ?").params(registered.id(), bob)
			.query(String.class).single()).isEqualTo("FAIL");
		assertThat(presentPersons(site, day)).containsExactly(alice);
		assertThat(jdbc.sql("select count(*) from fraud_signal where device_id = ? and kind = 'LIVENESS_FAILURES'")
			.param(registered.id()).query(Long.class).single()).isEqualTo(1);
		assertThat(jdbc.sql("select outcome from device_upload where device_id = ? and outcome like 'NOT_A_PASS: %'")
			.param(registered.id()).query(String.class).list()).containsExactly("NOT_A_PASS: major 5 minor 21");
	}

	@Test
	void dahuaCompressedUploadsAreInflatedAndUnreadableEncodingsRefused() {
		ApiClient api = as(province());
		Site site = site(api, "220102", today().minusMonths(2));
		long alice = engagedWorker(api, site);
		RegisteredDevice registered = device(api, site.projectId(), "DAHUA", "IN");
		DahuaDevice dahua = new DahuaDevice(baseUrl(), registered.serial(), key(api, registered.id()));
		LocalDate day = today().minusDays(1);
		List<Punch> punches = List.of(VendorGatesTest.punch(alice, day, 7, 0, true, true),
				VendorGatesTest.punch(alice, day, 17, 0, false, true));
		assertThat(dahua.deflating().send(punches, false)).extracting(PushGate.Reply::status).containsOnly(200);
		assertThat(passes(registered.id())).isEqualTo(2);
		assertThat(presentPersons(site, day)).containsExactly(alice);

		long uploads = jdbc.sql("select count(*) from device_upload where device_id = ?").param(registered.id())
			.query(Long.class).single();
		PushGate.Reply garbled = dahua.uploadEncoded("not deflated at all".getBytes(StandardCharsets.UTF_8), "deflate");
		assertThat(garbled.status()).isEqualTo(400);
		assertThat(garbled.body()).contains("device.body-encoding");
		assertThat(jdbc.sql("select count(*) from device_upload where device_id = ?").param(registered.id())
			.query(Long.class).single()).isEqualTo(uploads);
	}

	@Test
	void ufaceKeepsOtherMessagesAndRefusesAnotherDevicesRecords() {
		ApiClient api = as(province());
		Site site = site(api, "220102", today().minusMonths(2));
		long alice = engagedWorker(api, site);
		long bob = engagedWorker(api, site);
		RegisteredDevice registered = device(api, site.projectId(), "UFACE", "IN");
		UfaceCloud cloud = new UfaceCloud(baseUrl(), registered.serial(), key(api, registered.id()));
		LocalDate day = today().minusDays(1);

		PushGate.Reply added = cloud.message("m-emp-1", 2, "{\"empNo\":\"" + alice + "\"}");
		assertThat(cloud.acknowledged(added)).isTrue();
		PushGate.Reply spoof = cloud.recognition(VendorGatesTest.punch(bob, day, 7, 0, true, true), 2);
		assertThat(cloud.acknowledged(spoof)).isTrue();
		PushGate.Reply other = ((UfaceCloud) cloud.with(registered.serial(), keyOf(registered.id())))
			.message("m-other", 1, "{\"recordId\":\"r-o\",\"empNo\":\"" + alice + "\",\"deviceKey\":\"SOMEONE-ELSE\","
					+ "\"recTime\":\"" + day + " 08:00:00\",\"recMode\":1,\"aliveBody\":1,\"identifyType\":1}");
		assertThat(cloud.acknowledged(other)).isTrue();

		assertThat(passes(registered.id())).isEqualTo(1);
		assertThat(presentPersons(site, day)).isEmpty();
		assertThat(jdbc.sql("select count(*) from fraud_signal where device_id = ? and kind = 'LIVENESS_FAILURES'")
			.param(registered.id()).query(Long.class).single()).isEqualTo(1);
		assertThat(jdbc.sql("select outcome from device_upload where device_id = ? and table_name = 'recognition:event' order by id")
			.param(registered.id()).query(String.class).list())
			.containsExactly("NOT_A_PASS: type 2", "REFUSED: uface.device-key");
	}

	@Test
	void theCredentialsPageServesVendorGates() {
		ApiClient api = as(province());
		Site site = site(api, "220102", today().minusMonths(2));
		long alice = engagedWorker(api, site);
		RegisteredDevice registered = device(api, site.projectId(), "HIKVISION_ISAPI", "IN");
		String path = "/devices/" + registered.id() + "/zkteco-access";
		assertThat(api.get("/projects/" + site.projectId() + "/gates").body()).contains(path);
		assertThat(api.get(path).body()).contains("/gates/&lt;厂商&gt;/&lt;序列号&gt;/&lt;密钥&gt;");
		// the page issues the key through Post/Redirect/Get (shown once, from the flash); the API issues the same key
		ApiClient.Response issued = api.post("/api/devices/" + registered.id() + "/zkteco-access/key", Map.of());
		assertThat(issued.status()).as(issued.body()).isEqualTo(200);
		String key = issued.json().get("commKey").asString();
		assertThat(key).hasSize(32);
		HikvisionTerminal terminal = new HikvisionTerminal(baseUrl(), registered.serial(), key);
		assertThat(terminal.event(VendorGatesTest.punch(alice, today().minusDays(1), 7, 0, true, false), 75, true).status())
			.isEqualTo(200);
		assertThat(passes(registered.id())).isEqualTo(1);
	}

	@Test
	void aPersonNamedByIdNumberIsKeptOnlyAsBlindIndexAndMaskedForm() {
		ApiClient api = as(province());
		Site site = site(api, "220102", today().minusMonths(2));
		String id = IDS.idNumber(1970, 2000);
		ApiClient.Response engaged = api.post("/api/projects/" + site.projectId() + "/workers",
				worker(site.teamId(), id, IDS.name(), IDS.bankCard()));
		assertThat(engaged.status()).as(engaged.body()).isEqualTo(201);
		long personId = engaged.json().get("personId").asLong();
		RegisteredDevice registered = device(api, site.projectId(), "DAHUA", "IN");
		DahuaDevice dahua = new DahuaDevice(baseUrl(), registered.serial(), key(api, registered.id()));
		Punch p = new Punch(77, id, today().minusDays(1).atTime(7, 0).atOffset(ZoneOffset.ofHours(8)), true, null);
		assertThat(dahua.send(List.of(p), false)).extracting(PushGate.Reply::status).containsOnly(200);
		assertThat(dahua.send(List.of(p), false)).extracting(PushGate.Reply::status).containsOnly(200);
		List<Map<String, Object>> rows = jdbc.sql("select person_id, person_ref, source_key from pass where device_id = ?")
			.param(registered.id()).query().listOfRows();
		assertThat(rows).as("deduplicated as before").hasSize(1);
		assertThat(rows.get(0).get("person_id")).isEqualTo(personId);
		assertThat(rows.get(0).get("person_ref")).isEqualTo(id.substring(0, 6) + "********" + id.substring(14));
		assertThat(rows.get(0).get("source_key").toString()).doesNotContain(id);
	}

	private final Map<Long, String> keys = new HashMap<>();

	private String key(ApiClient api, long deviceId) {
		ApiClient.Response issued = api.post("/api/devices/" + deviceId + "/zkteco-access/key", Map.of());
		assertThat(issued.status()).as(issued.body()).isEqualTo(200);
		keys.put(deviceId, issued.json().get("commKey").asString());
		return keys.get(deviceId);
	}

	private String keyOf(long deviceId) {
		return keys.get(deviceId);
	}

	private long passes(long deviceId) {
		return jdbc.sql("select count(*) from pass where device_id = ?").param(deviceId).query(Long.class).single();
	}

	private List<Long> presentPersons(Site site, LocalDate day) {
		return jdbc.sql("select person_id from daily_presence where project_id = ? and day = ? order by person_id")
			.params(site.projectId(), day).query(Long.class).list();
	}
}
