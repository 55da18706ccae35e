package io.siteroll.device;

import io.siteroll.identity.Role;
import java.util.regex.Pattern;
import java.util.regex.Matcher;
import java.nio.charset.StandardCharsets;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;

import io.siteroll.support.ApiClient;
import io.siteroll.support.IntegrationTest;
import io.siteroll.support.RawHttp;
import io.siteroll.support.ZktecoDevice;
import org.junit.jupiter.api.Test;

/**
 * ZKTeco PUSH devices authenticate, deny by default: a communication key (or the session it opened
 * from the same address) and, where configured, a source network; refused before the body is read.
 */
class ZktecoAuthenticationTest extends IntegrationTest {

	@Test
	void aKnownSerialWithoutCredentialOrFromOutsideTheAllowListChangesNothingAndReceivesNothing() {
		ApiClient api = as(province());
		Site site = site(api, "220102", today().minusMonths(2));
		long worker = engagedWorker(api, site);
		String name = jdbc.sql("select name from person where id = ?").param(worker).query(String.class).single();
		RegisteredDevice registered = device(api, site.projectId(), "ZKTECO_ATT", "IN");
		String serial = registered.serial();
		ZktecoDevice bare = new ZktecoDevice(baseUrl(), serial);
		String poll = "/iclock/getrequest?SN=" + serial + "&INFO=Ver%208.0.4.2,12,0,345,192.168.1.20";
		List<String> lines = List.of(ZktecoDevice.attlogLine(Long.toString(worker), LocalDateTime.now(clock).minusHours(1)
			.withNano(0), 0, 15));
		ApiClient.Response queued = api.post("/api/devices/" + registered.id() + "/provisioning", Map.of());
		assertThat(queued.json().get("users").asInt()).isEqualTo(1);

		// registered with neither key nor networks: refused whatever it sends
		assertThat(bare.handshake()).containsEntry("_status", "401");
		assertThat(bare.get(poll)).satisfies(r -> {
			assertThat(r.status()).isEqualTo(401);
			assertThat(r.body()).isEqualTo("ERROR: device.zkteco-unconfigured").doesNotContain(name);
		});
		assertThat(bare.attlog(lines, "1").status()).isEqualTo(401);

		// a key is issued: a request without it, or with a wrong one, is refused
		ApiClient.Response issued = api.post("/api/devices/" + registered.id() + "/zkteco-access/key", Map.of());
		assertThat(issued.status()).as(issued.body()).isEqualTo(200);
		String key = issued.json().get("commKey").asString();
		assertThat(key).hasSize(32);
		assertThat(api.get("/api/devices/" + registered.id() + "/zkteco-access").body()).doesNotContain(key)
			.contains("\"keyIssued\":true");
		ZktecoDevice device = bare.withKey(key);
		assertThat(bare.get(poll)).satisfies(r -> {
			assertThat(r.status()).isEqualTo(401);
			assertThat(r.body()).isEqualTo("ERROR: device.key-missing").doesNotContain("DATA");
		});
		assertThat(bare.attlog(lines, "2").status()).isEqualTo(401);
		// one character changed (the key is random: "x" + the rest would be the key itself when it begins with x)
		ZktecoDevice wrongKey = bare.withKey((key.charAt(0) == 'x' ? "y" : "x") + key.substring(1));
		assertThat(wrongKey.handshake()).containsEntry("_status", "401");
		assertThat(wrongKey.get(poll + wrongKey.keyParameter()).body()).isEqualTo("ERROR: device.key-invalid");

		// the right key from outside the allow-list is refused too
		ApiClient.Response outside = api.put("/api/devices/" + registered.id() + "/zkteco-access/networks",
				Map.of("allowedNetworks", List.of("10.20.0.0/16", "192.0.2.7")));
		assertThat(outside.status()).as(outside.body()).isEqualTo(200);
		assertThat(outside.json().get("allowedNetworks").valueStream().map(n -> n.asString()).toList())
			.containsExactly("10.20.0.0/16", "192.0.2.7/32");
		assertThat(device.handshake()).containsEntry("_status", "403");
		assertThat(device.get(poll + device.keyParameter())).satisfies(r -> {
			assertThat(r.status()).isEqualTo(403);
			assertThat(r.body()).isEqualTo("ERROR: device.source-not-allowed").doesNotContain(name);
		});
		assertThat(device.post("/iclock/cdata?SN=" + serial + "&table=ATTLOG&Stamp=3" + device.keyParameter(),
				(String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8)).status()).isEqualTo(403);

		// nothing changed, nothing was handed out
		assertThat(count("select count(*) from pass where device_id = ?", registered.id())).isZero();
		assertThat(count("select count(*) from device_upload where device_id = ?", registered.id())).isZero();
		assertThat(count("select count(*) from zk_stamp where device_id = ?", registered.id())).isZero();
		assertThat(count("select count(*) from zk_command where device_id = ? and state <> 'QUEUED'", registered.id()))
			.isZero();
		assertThat(count("select count(*) from device where id = ? and last_heard_at is not null", registered.id())).isZero();
		assertThat(count("select count(*) from device_day where device_id = ?", registered.id())).isZero();

		// from an allowed network with the key: the handshake opens a session for that address
		api.put("/api/devices/" + registered.id() + "/zkteco-access/networks", Map.of("allowedNetworks", List.of("127.0.0.0/8")));
		assertThat(device.handshake()).containsEntry("_status", "200");
		List<String> commands = device.pollAndExecute(null);
		assertThat(commands).hasSize(1);
		assertThat(device.users).containsOnlyKeys(Long.toString(worker));
		assertThat(device.attlog(lines, "4").body()).isEqualTo("OK: 1");
		assertThat(count("select count(*) from device where id = ? and last_heard_at is not null", registered.id())).isOne();

		// a new key closes the session: the old session's address needs the key again
		api.post("/api/devices/" + registered.id() + "/zkteco-access/key", Map.of());
		assertThat(device.get(poll).status()).isEqualTo(401);
		assertThat(device.handshake()).containsEntry("_status", "401");
		assertThat(api.get("/api/devices/" + registered.id() + "/events").body()).contains("ZK_KEY_ISSUED", "ZK_NETWORKS_SET");
	}

	@Test
	void onlyWhoManagesTheProjectConfiguresAccessAndNetworksMustBeNarrow() {
		ApiClient api = as(province());
		Site site = site(api, "220102", today().minusMonths(2));
		RegisteredDevice zk = device(api, site.projectId(), "ZKTECO_ATT", "IN");
		RegisteredDevice own = device(api, site.projectId(), "SITEROLL", "IN");
		ApiClient enterprise = as(account(Role.ENTERPRISE_ADMIN, null, site.contractorId(), null, false));
		assertThat(enterprise.post("/api/devices/" + zk.id() + "/zkteco-access/key", Map.of()).status()).isEqualTo(200);
		ApiClient stranger = as(account(Role.ENTERPRISE_ADMIN, null,
				enterprise(api, "220102"), null, false));
		assertThat(stranger.post("/api/devices/" + zk.id() + "/zkteco-access/key", Map.of()).status())
			.isIn(403, 404);
		assertThat(rules(api.post("/api/devices/" + own.id() + "/zkteco-access/key", Map.of()))).containsExactly("device.not-zkteco");
		String path = "/api/devices/" + zk.id() + "/zkteco-access/networks";
		assertThat(rules(api.put(path, Map.of("allowedNetworks", List.of("0.0.0.0/0"))))).containsExactly("device.network-too-wide");
		assertThat(rules(api.put(path, Map.of("allowedNetworks", List.of("example.org"))))).containsExactly("device.network-format");
		assertThat(rules(api.put(path, Map.of("allowedNetworks", List.of("10.0.0.0/33"))))).containsExactly("device.network-format");
		assertThat(api.put(path, Map.of("allowedNetworks", List.of("2001:db8::/48"))).status()).isEqualTo(200);
	}

	@Test
	void theDevicePageIssuesTheKeyOnceAndSetsTheNetworks() {
		ApiClient api = as(province());
		Site site = site(api, "220102", today().minusMonths(2));
		RegisteredDevice registered = device(api, site.projectId(), "ZKTECO_ATT", "IN");
		assertThat(api.get("/projects/" + site.projectId() + "/gates").body())
			.contains("/devices/" + registered.id() + "/zkteco-access");
		String path = "/devices/" + registered.id() + "/zkteco-access";
		assertThat(api.get(path).body()).contains("尚未配置");
		ApiClient.Response issued = api.form(path + "/key", Map.of());
		assertThat(issued.status()).as("Post/Redirect/Get: the key is shown once, after the redirect (GateJourneyTest reads it)")
			.isEqualTo(302);
		assertThat(issued.body()).doesNotContainPattern("<code[^>]*>[A-Za-z0-9]{32}</code>");
		assertThat(api.get(path).body()).contains("已签发");
		Matcher key = Pattern.compile("([A-Za-z0-9]{32})").matcher(
				api.post("/api/devices/" + registered.id() + "/zkteco-access/key", Map.of()).json().get("commKey").asString());
		assertThat(key.find()).isTrue();
		assertThat(api.get(path).body()).doesNotContain(key.group(1));
		ApiClient.Response tooWide = api.form(path + "/networks", Map.of("networks", "10.0.0.0/0"));
		assertThat(tooWide.body()).contains("网络范围过大", "is-invalid");
		assertThat(api.form(path + "/networks", Map.of("networks", "127.0.0.1\n10.8.0.0/16")).status()).isEqualTo(302);
		assertThat(api.get(path).body()).contains("10.8.0.0/16");
		assertThat(new ZktecoDevice(baseUrl(), registered.serial(), key.group(1)).handshake()).containsEntry("_status", "200");
		assertThat(new ZktecoDevice(baseUrl(), registered.serial()).handshake())
			.as("the session the key opened covers later requests from the same address").containsEntry("_status", "200");
		clock.advance(Duration.ofMinutes(31));
		assertThat(new ZktecoDevice(baseUrl(), registered.serial()).handshake())
			.as("an idle session closes").containsEntry("_status", "401");
	}

	@Test
	void bodiesOverTheLimitAreRefusedBeforeTheyAreRead() {
		ApiClient api = as(province());
		Site site = site(api, "220102", today().minusMonths(2));
		RegisteredDevice registered = device(api, site.projectId(), "ZKTECO_ATT", "IN");
		api.put("/api/devices/" + registered.id() + "/zkteco-access/networks", Map.of("allowedNetworks", List.of("127.0.0.1")));
		int port = environment.getRequiredProperty("local.server.port", Integer.class);
		String attlog = "/iclock/cdata?SN=" + registered.serial() + "&table=ATTLOG&Stamp=9";

		// answered at once although the declared body never arrives: nothing of it was read
		assertThat(RawHttp.declaredOnly(port, "POST", attlog, 60L * 1024 * 1024)).isEqualTo(413);
		assertThat(RawHttp.declaredOnly(port, "POST", "/iclock/cdata?SN=NOT-REGISTERED-9&table=ATTLOG", 1024 * 1024))
			.isEqualTo(401);
		assertThat(RawHttp.declaredOnly(port, "POST", "/api/device/v1/passes", 60L * 1024 * 1024)).isEqualTo(413);
		assertThat(RawHttp.declaredOnly(port, "POST", "/api/device/v1/passes", 1024 * 1024))
			.as("an unsigned request to the signed API is refused before its body is read").isEqualTo(401);
		// no declared length: the read stops at the limit
		assertThat(RawHttp.chunked(port, "POST", attlog, 6 * 1024 * 1024)).isEqualTo(413);
		assertThat(count("select count(*) from pass where device_id = ?", registered.id())).isZero();
		assertThat(count("select count(*) from device_upload where device_id = ?", registered.id())).isZero();
		// under the limit it is read as usual
		assertThat(new ZktecoDevice(baseUrl(), registered.serial()).attlog(List.of(), "9").body()).isEqualTo("OK: 0");
	}

	@Test
	void aDisabledDeviceIsSentNoCommandsAndIsNotHeard() {
		ApiClient api = as(province());
		Site site = site(api, "220102", today().minusMonths(2));
		long worker = engagedWorker(api, site);
		RegisteredDevice registered = device(api, site.projectId(), "ZKTECO_ATT", "IN");
		api.put("/api/devices/" + registered.id() + "/zkteco-access/networks", Map.of("allowedNetworks", List.of("127.0.0.1")));
		ZktecoDevice zk = new ZktecoDevice(baseUrl(), registered.serial());
		assertThat(zk.handshake()).containsEntry("_status", "200");
		api.post("/api/devices/" + registered.id() + "/provisioning", Map.of());
		api.post("/api/devices/" + registered.id() + "/disable", Map.of("reason", "镜头损坏"));
		assertThat(rules(api.post("/api/devices/" + registered.id() + "/provisioning", Map.of())))
			.containsExactly("device.disabled");

		clock.advance(Duration.ofDays(1));
		assertThat(zk.pollAndExecute(null)).isEmpty();
		assertThat(zk.users).isEmpty();
		assertThat(count("select count(*) from zk_command where device_id = ? and state <> 'QUEUED'", registered.id()))
			.isZero();
		LocalDateTime at = LocalDateTime.now(clock).minusMinutes(5).withNano(0);
		assertThat(zk.attlog(List.of(ZktecoDevice.attlogLine(Long.toString(worker), at, 0, 15)), "1").body())
			.isEqualTo("OK: 1");
		assertThat(jdbc.sql("select refusal_reason from pass where device_id = ?").param(registered.id())
			.query(String.class).single()).isEqualTo("DEVICE_DISABLED");
		assertThat(count("select count(*) from device_day where device_id = ? and day = ?", registered.id(), today()))
			.as("a disabled device does not keep the project connected").isZero();
		assertThat(api.get("/api/projects/" + site.projectId() + "/connected-days?from=" + today() + "&to=" + today())
			.json().size()).isZero();
	}

	private long count(String sql, Object... params) {
		return jdbc.sql(sql).params(params).query(Long.class).single();
	}
}
