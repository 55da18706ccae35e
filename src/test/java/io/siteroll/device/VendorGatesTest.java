package io.siteroll.device;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

import io.siteroll.support.ApiClient;
import io.siteroll.support.DahuaDevice;
import io.siteroll.support.HikvisionTerminal;
import io.siteroll.support.IntegrationTest;
import io.siteroll.support.Jpegs;
import io.siteroll.support.PushGate;
import io.siteroll.support.PushGate.Punch;
import io.siteroll.support.UfaceCloud;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import tools.jackson.databind.JsonNode;

/**
 * The acceptance of issue 16, the same for every vendor push protocol, each driven by its simulator:
 * a day of passes with photos is counted exactly in daily presence, resending it changes nothing, a
 * backlog after an outage is counted on its own day and marked offline, an unknown or
 * unauthenticated device changes nothing, and a malformed event is refused alone (kept raw).
 */
class VendorGatesTest extends IntegrationTest {

	enum Vendor {
		HIKVISION("HIKVISION_ISAPI", (g) -> new HikvisionTerminal(g[0], g[1], g[2])),
		DAHUA("DAHUA", (g) -> new DahuaDevice(g[0], g[1], g[2])),
		UFACE("UFACE", (g) -> new UfaceCloud(g[0], g[1], g[2]));

		final String protocol;

		final Function<String[], PushGate> simulator;

		Vendor(String protocol, Function<String[], PushGate> simulator) {
			this.protocol = protocol;
			this.simulator = simulator;
		}
	}

	private static final AtomicLong SEQ = new AtomicLong(1000);

	@ParameterizedTest
	@EnumSource(Vendor.class)
	void aDayOfPassesIsCountedOnceAndBadRequestsChangeNothing(Vendor vendor) {
		ApiClient api = as(province());
		Site site = site(api, "220102", today().minusMonths(2));
		List<Long> workers = List.of(engagedWorker(api, site), engagedWorker(api, site), engagedWorker(api, site));
		RegisteredDevice registered = device(api, site.projectId(), vendor.protocol, "BOTH");
		PushGate unconfigured = vendor.simulator.apply(new String[] { baseUrl(), registered.serial(), null });
		Punch probe = punch(workers.get(0), today().minusDays(1), 6, 0, true, false);
		assertThat(unconfigured.send(List.of(probe), false)).as("deny by default: no key, no networks")
			.allMatch(r -> r.status() == 401 && r.body().contains("device.gate-unconfigured"));
		String key = issueKey(api, registered.id());
		PushGate gate = vendor.simulator.apply(new String[] { baseUrl(), registered.serial(), key });

		LocalDate day = today().minusDays(1);
		List<Punch> punches = new ArrayList<>();
		for (int i = 0; i < workers.size(); i++) {
			punches.add(punch(workers.get(i), day, 7, 30 + i, true, true));
			punches.add(punch(workers.get(i), day, 17, 40 + i, false, true));
		}
		assertThat(gate.send(punches, false)).allMatch(gate::acknowledged);
		assertPresence(api, site, day, workers, 2);
		long stored = passCount(registered.id());
		assertThat(stored).isEqualTo(punches.size());
		assertThat(jdbc.sql("select count(*) from pass where device_id = ? and photo_id is not null").param(registered.id())
			.query(Long.class).single()).as("every pass keeps its photo").isEqualTo(punches.size());

		assertThat(gate.send(punches, false)).as("a replayed upload is acknowledged").allMatch(gate::acknowledged);
		assertThat(passCount(registered.id())).as("resending changes nothing").isEqualTo(stored);
		assertPresence(api, site, day, workers, 2);

		LocalDate outage = today().minusDays(3);
		List<Punch> backlog = List.of(punch(workers.get(0), outage, 8, 0, true, false),
				punch(workers.get(0), outage, 16, 0, false, false));
		assertThat(gate.send(backlog, true)).allMatch(gate::acknowledged);
		assertPresence(api, site, outage, List.of(workers.get(0)), 2);
		assertThat(jdbc.sql("select bool_and(offline) from pass where device_id = ? and (passed_at at time zone 'Asia/Shanghai')::date = ?")
			.params(registered.id(), outage).query(Boolean.class).single()).as("backlog is marked offline").isTrue();

		long uploads = uploadCount();
		List<PushGate.Reply> refused = new ArrayList<>();
		refused.addAll(gate.with("NOT-REGISTERED-" + SEQ.incrementAndGet(), key).send(List.of(probe), false));
		refused.addAll(gate.with(registered.serial(), key.substring(1) + "x").send(List.of(probe), false));
		refused.addAll(gate.with(registered.serial(), null).send(List.of(probe), false));
		assertThat(refused).extracting(PushGate.Reply::status).containsOnly(401);
		assertThat(refused).noneMatch(gate::acknowledged);
		assertThat(passCount(registered.id())).isEqualTo(stored + 2);
		assertThat(uploadCount()).as("a refused device leaves no trace but the log").isEqualTo(uploads);

		LocalDate later = today().minusDays(2);
		List<Punch> mixed = List.of(punch(workers.get(1), later, 7, 0, true, false),
				punch(workers.get(2), later, 7, 1, true, false));
		gate.sendWithOneMalformed(mixed);
		assertPresence(api, site, later, List.of(workers.get(1), workers.get(2)), 1);
		assertThat(jdbc.sql("select outcome from device_upload where device_id = ? and outcome like 'REFUSED: %'")
			.param(registered.id()).query(String.class).list()).as("the malformed event alone, kept raw with its reason")
			.hasSize(1);
		assertThat(jdbc.sql("select bool_and(encrypted) from device_upload where device_id = ?").param(registered.id())
			.query(Boolean.class).single()).isTrue();
	}

	@ParameterizedTest
	@EnumSource(Vendor.class)
	void sourceNetworksAreEnforced(Vendor vendor) {
		ApiClient api = as(province());
		Site site = site(api, "220102", today().minusMonths(2));
		long worker = engagedWorker(api, site);
		RegisteredDevice registered = device(api, site.projectId(), vendor.protocol, "IN");
		String key = issueKey(api, registered.id());
		ApiClient.Response networks = api.put("/api/devices/" + registered.id() + "/zkteco-access/networks",
				Map.of("allowedNetworks", List.of("203.0.113.0/24")));
		assertThat(networks.status()).as(networks.body()).isEqualTo(200);
		PushGate gate = vendor.simulator.apply(new String[] { baseUrl(), registered.serial(), key });
		Punch p = punch(worker, today().minusDays(1), 8, 0, true, false);
		assertThat(gate.send(List.of(p), false)).extracting(PushGate.Reply::status).containsOnly(403);
		assertThat(passCount(registered.id())).isZero();

		api.put("/api/devices/" + registered.id() + "/zkteco-access/networks", Map.of("allowedNetworks", List.of("127.0.0.0/8", "::1")));
		assertThat(gate.send(List.of(p), false)).allMatch(gate::acknowledged);
		assertThat(passCount(registered.id())).isEqualTo(1);
	}

	static Punch punch(long person, LocalDate day, int hour, int minute, boolean in, boolean photo) {
		long seq = SEQ.incrementAndGet();
		return new Punch(seq, Long.toString(person), OffsetDateTime.of(day.atTime(hour, minute, 12), ZoneOffset.ofHours(8)),
				in, photo ? Jpegs.scene(seq) : null);
	}

	String issueKey(ApiClient api, long deviceId) {
		ApiClient.Response issued = api.post("/api/devices/" + deviceId + "/zkteco-access/key", Map.of());
		assertThat(issued.status()).as(issued.body()).isEqualTo(200);
		return issued.json().get("commKey").asString();
	}

	void assertPresence(ApiClient api, Site site, LocalDate day, List<Long> persons, int passesEach) {
		JsonNode presence = api.get("/api/projects/" + site.projectId() + "/presence?day=" + day).json();
		assertThat(presence.get("total").asInt()).isEqualTo(persons.size());
		for (JsonNode row : presence.get("items")) {
			assertThat(persons).contains(row.get("personId").asLong());
			assertThat(row.get("passCount").asInt()).isEqualTo(passesEach);
		}
	}

	long passCount(long deviceId) {
		return jdbc.sql("select count(*) from pass where device_id = ?").param(deviceId).query(Long.class).single();
	}

	long uploadCount() {
		return jdbc.sql("select count(*) from device_upload").query(Long.class).single();
	}
}
