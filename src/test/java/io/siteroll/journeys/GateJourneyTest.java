package io.siteroll.journeys;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import io.siteroll.identity.Role;
import io.siteroll.support.ApiClient;
import io.siteroll.support.BrowserTest;
import io.siteroll.support.DeviceClient;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Journey 9: the general contractor's administrator registers a gate from the project's page and reads its secret
 * once; the gates page says the gate has never been heard and what R1 still misses; the gate sends a heartbeat and
 * passes through the signed device API; the page then shows it online with today's passes. Disable, enable and a new
 * secret through the gate's page.
 */
class GateJourneyTest extends BrowserTest {

	@Test
	void theContractorRegistersAGateAndSeesItComeOnline() {
		ApiClient province = as(province());
		Site site = site(province, "220102", today().minusMonths(2));
		long worker = engagedWorker(province, site);
		String admin = account(Role.ENTERPRISE_ADMIN, null, site.contractorId(), null, false);
		String serial = "GJ" + System.nanoTime();

		signIn(admin);
		page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("项目").setExact(true)).first().click();
		page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(site.projectName())).click();
		page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("登记考勤设备")).click();
		page.getByLabel("设备序列号").fill(serial);
		page.getByLabel("厂商").fill("海康威视");
		page.getByLabel("型号").fill("DS-K5671");
		page.getByLabel("通道名称").fill("东门1号闸");
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("登记")).click();

		assertThat(page.url()).matches(".*/devices/\\d+$");
		assertThat(page.locator("[role=status]").innerText()).contains("已登记设备 " + serial);
		String secret = page.locator(".secret-shown code").innerText().strip();
		assertThat(secret).hasSizeGreaterThan(20);
		page.reload();
		assertThat(mainText()).as("the secret is shown once").doesNotContain(secret);

		page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("返回考勤设备")).click();
		Locator row = page.locator("tr.gate-row", new Page.LocatorOptions().setHasText(serial));
		assertThat(row.innerText()).contains("尚未联网", "海康威视 / DS-K5671").doesNotContain("从未");
		assertThat(page.locator(".gates-r1").innerText()).contains("还缺", "尚未与平台联网");

		DeviceClient gate = new DeviceClient(baseUrl(), serial, secret).keepingTime(clock);
		assertThat(gate.post("/api/device/v1/heartbeat", Map.of("status", "OK", "firmware", "V5.1")).status()).isEqualTo(200);
		OffsetDateTime now = OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.ofHours(8));
		// both passes today in Shanghai even in the first minutes after midnight (a gate clock may run 5 min ahead)
		OffsetDateTime at = latest(now.minusMinutes(3), now.truncatedTo(ChronoUnit.DAYS).plusMinutes(2));
		assertThat(gate.post("/api/device/v1/passes", Map.of("passes", List.of(
				DeviceClient.pass("gj-1", worker, at.minusMinutes(1)), DeviceClient.pass("gj-2", worker, at)))).status())
			.isEqualTo(200);

		page.reload();
		row = page.locator("tr.gate-row", new Page.LocatorOptions().setHasText(serial));
		String online = row.innerText();
		assertThat(online).contains("在线", "最后通讯").doesNotContain("尚未联网", "从未");
		assertThat(row.locator("td").nth(4).innerText().strip()).as("passes today").isEqualTo("2");
		assertThat(row.locator("td").nth(6).innerText().strip()).as("connected days this month").isEqualTo("1");
		assertThat(page.locator(".gates-r1").innerText()).doesNotContain("尚未与平台联网");

		row.getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("东门1号闸")).click();
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("停用")).click();
		assertThat(page.locator(".invalid-feedback").innerText()).as("a reason is required, next to its field")
			.contains("必填");
		page.getByLabel("停用理由").fill("闸机更换");
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("停用")).click();
		assertThat(page.locator("[role=status]").innerText()).contains("已停用设备 " + serial);
		assertThat(page.locator(".device-facts").innerText()).contains("已停用");
		assertThat(page.locator(".device-history").innerText()).contains("停用", "闸机更换", admin);

		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("启用")).click();
		assertThat(page.locator("[role=status]").innerText()).contains("已启用设备 " + serial);

		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("签发新密钥")).click();
		assertThat(page.locator("[role=status]").innerText()).contains("旧密钥立即失效");
		String renewed = page.locator(".secret-shown code").innerText().strip();
		assertThat(renewed).isNotEqualTo(secret);
		assertThat(new DeviceClient(baseUrl(), serial, secret).keepingTime(clock).post("/api/device/v1/heartbeat", Map.of("status", "OK"))
			.status()).as("the old secret stops at once").isEqualTo(401);
		assertThat(new DeviceClient(baseUrl(), serial, renewed).keepingTime(clock).post("/api/device/v1/heartbeat", Map.of("status", "OK"))
			.status()).isEqualTo(200);
		assertThat(mainText()).doesNotContain("SITEROLL", "FACE_TURNSTILE", "SECRET_ROTATED", "{");
	}

	@Test
	void theContractorGivesAZktecoGateItsCredentialsAndQueuesTheRoster() {
		ApiClient province = as(province());
		Site site = site(province, "220102", today().minusMonths(2));
		engagedWorker(province, site);
		RegisteredDevice zk = device(province, site.projectId(), "ZKTECO_ATT", "IN");
		String admin = account(Role.ENTERPRISE_ADMIN, null, site.contractorId(), null, false);

		signIn(admin);
		page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("项目").setExact(true)).first().click();
		page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(site.projectName())).click();
		Locator row = page.locator("tr.gate-row", new Page.LocatorOptions().setHasText(zk.serial()));
		assertThat(row.innerText()).contains("中控", "尚未联网");
		row.getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("接入凭据")).click();

		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("签发通信密钥")).click();
		assertThat(page.locator("[role=status]").innerText()).contains("已签发新的通信密钥");
		String key = page.locator("code").first().innerText().strip();
		assertThat(key).hasSize(32);
		page.reload();
		assertThat(mainText()).as("the key is shown once").doesNotContain(key).contains("已签发于");

		page.getByLabel("允许的来源网络").fill("10.0.0.0/0");
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("保存")).click();
		assertThat(page.locator(".invalid-feedback").innerText()).contains("网络范围过大");
		page.getByLabel("允许的来源网络").fill("127.0.0.1\n10.8.0.0/16");
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("保存")).click();
		assertThat(page.locator("[role=status]").innerText()).contains("已保存允许的来源网络");

		page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("返回设备")).click();
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("下发名册变更")).click();
		assertThat(page.locator("[role=status]").innerText()).contains("已排队下发：1 名人员");
		assertThat(page.locator(".provisioning").innerText()).contains("待下发 1", "人员信息")
			.doesNotContain("QUEUED", "USER", "{");
	}

	private static OffsetDateTime latest(OffsetDateTime a, OffsetDateTime b) {
		return a.isAfter(b) ? a : b;
	}
}
