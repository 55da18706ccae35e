package io.siteroll.device;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.siteroll.identity.Role;
import io.siteroll.support.ApiClient;
import io.siteroll.support.IntegrationTest;
import org.junit.jupiter.api.Test;

/** The pages: registering a device shows its secret once; the passes page lists refused passes with their reason. */
class DevicePagesTest extends IntegrationTest {

	@Test
	void registeringADeviceOnThePageShowsTheSecretOnceAndErrorsInChinese() {
		ApiClient api = as(province());
		Site site = site(api, "220102", today().minusMonths(2));
		assertThat(api.get("/projects/" + site.projectId() + "/devices/new").status()).isEqualTo(200);
		Map<String, String> form = new LinkedHashMap<>();
		form.put("serialNumber", "PAGE" + System.nanoTime());
		form.put("vendor", "海康威视");
		form.put("model", "DS-K5671");
		form.put("protocol", "SITEROLL");
		form.put("kind", "FACE_TURNSTILE");
		form.put("direction", "IN");
		form.put("channelName", "东门");
		form.put("registeredOn", today().toString());
		ApiClient.Response page = api.form("/projects/" + site.projectId() + "/devices/new", form);
		long id = jdbc.sql("select id from device where serial_number = ?").param(form.get("serialNumber"))
			.query(Long.class).single();
		assertThat(page.status()).as("Post/Redirect/Get: the secret travels in the flash to the gate's page").isEqualTo(302);
		assertThat(page.body()).doesNotContain("只显示这一次");
		String gates = api.get("/projects/" + site.projectId() + "/gates").body();
		assertThat(gates).contains("平台设备接口（签名）", "进场").doesNotContain(">SITEROLL<", ">IN<");
		assertThat(as(province()).english().get("/projects/" + site.projectId() + "/gates").body())
			.contains("Platform device API (signed)");

		assertThat(api.get("/devices/" + id).body()).contains(form.get("serialNumber"), "东门", "尚未联网")
			.doesNotContain("只显示这一次");

		ApiClient.Response again = api.form("/projects/" + site.projectId() + "/devices/new", form);
		assertThat(again.status()).isEqualTo(200);
		assertThat(again.body()).contains("该序列号的设备已登记 / Serial number: a device with this serial number is already registered")
			.contains("is-invalid").doesNotContain("只显示这一次");
		assertThat(again.input("reg-registeredOn"))
			.as("the refused form keeps the declared day (fragments/form :: labelledInput, from the form object)")
			.contains("type=\"date\"", "name=\"registeredOn\"", "value=\"" + today() + "\"");
		assertThat(again.body()).as("and nothing of the fragment file beside the field").doesNotContain("name=\"note\"");

		ApiClient.Response outsider = as(account(Role.ENTERPRISE_ADMIN, null, site(api, "220102", today()).contractorId(),
				null, false)).get("/projects/" + site.projectId() + "/devices/new");
		assertThat(outsider.status()).isIn(403, 404);
	}

	@Test
	void thePassesPageListsRefusedPassesWithTheirReason() {
		ApiClient api = as(province());
		Site site = site(api, "220102", today().minusMonths(2));
		long worker = engagedWorker(api, site);
		RegisteredDevice device = device(api, site.projectId(), "SITEROLL", "IN");
		String at = OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.ofHours(8)).minusHours(1).withNano(0).toString();
		gate(device).post("/api/device/v1/passes", Map.of("passes", List.of(
				Map.of("eventId", "pg-1", "personId", worker, "time", at, "attendType", "001", "liveness", "PASS"),
				Map.of("eventId", "pg-2", "personId", "31415926", "time", at, "attendType", "001", "liveness", "FAIL"))));
		ApiClient.Response page = api.get("/projects/" + site.projectId() + "/passes?outcome=REFUSED");
		assertThat(page.status()).isEqualTo(200);
		assertThat(page.body()).contains("共 1 条", "拒绝：未实名登记", "未登记（31415926）", "未通过", "进场")
			.doesNotContain(">NOT_REGISTERED<", ">IN<", ">FAIL<");
		assertThat(api.get("/projects/" + site.projectId() + "/passes").body()).contains("共 2 条", "放行");
	}

	@Test
	void gateActionsKeepTheApiScopeAndRefusedFormsChangeNothing() {
		ApiClient api = as(province());
		Site site = site(api, "220102", today().minusMonths(2));
		Site other = site(api, "220102", today().minusMonths(1));
		RegisteredDevice device = device(api, site.projectId(), "SITEROLL", "IN");
		ApiClient cityOfficer = as(account(Role.CITY_OFFICER, "220100", null, null, false));
		ApiClient elsewhere = as(account(Role.CITY_OFFICER, "220200", null, null, false));

		ApiClient.Response seen = cityOfficer.get("/projects/" + site.projectId() + "/gates");
		assertThat(seen.status()).as("officers of the region read the gates").isEqualTo(200);
		assertThat(seen.body()).contains("尚未联网", "R1").doesNotContain("登记考勤设备</a>", ">NEVER_HEARD<");
		assertThat(cityOfficer.get("/devices/" + device.id()).body()).doesNotContain("签发新密钥");
		ApiClient.Response refused = cityOfficer.form("/devices/" + device.id() + "/disable", Map.of("reason", "试图停用"));
		assertThat(refused.status()).isEqualTo(403);
		assertThat(refused.contentType()).contains("text/html");
		assertThat(elsewhere.get("/devices/" + device.id()).status()).as("another region's officer").isEqualTo(404);
		assertThat(elsewhere.get("/projects/" + site.projectId() + "/gates").status()).isEqualTo(404);
		assertThat(elsewhere.form("/devices/" + device.id() + "/secret", Map.of()).status()).isEqualTo(404);

		ApiClient.Response blank = api.form("/devices/" + device.id() + "/disable", Map.of("reason", " "));
		assertThat(blank.status()).isEqualTo(200);
		assertThat(blank.body()).contains("原因：必填，不能为空 / Reason: is required").contains("is-invalid");
		ApiClient.Response future = api.form("/devices/" + device.id() + "/move", Map.of("projectId",
				Long.toString(other.projectId()), "fromDay", today().plusDays(3).toString(), "channelName", ""));
		assertThat(future.status()).isEqualTo(200);
		assertThat(future.body()).contains("is-invalid", "起始日：");
		assertThat(api.get("/api/devices/" + device.id()).json().get("enabled").asBoolean()).isTrue();
		assertThat(api.get("/api/devices/" + device.id()).json().get("projectId").asLong()).isEqualTo(site.projectId());

		ApiClient.Response moved = api.form("/devices/" + device.id() + "/move", Map.of("projectId",
				Long.toString(other.projectId()), "fromDay", today().plusDays(0).toString(), "channelName", "北门"));
		assertThat(moved.status()).as("same day as the assignment: refused, next to the move day").isEqualTo(200);
		assertThat(moved.body()).contains("is-invalid");
		assertThat(api.get("/devices/" + device.id() + "/move?q=").body()).contains("移至项目");
	}
}
