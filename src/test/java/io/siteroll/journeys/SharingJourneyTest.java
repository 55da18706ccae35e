package io.siteroll.journeys;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;

import io.siteroll.device.DeviceSignature;
import io.siteroll.support.BrowserTest;
import io.siteroll.support.DeviceClient;

/**
 * Journey: the province enters a department's application for data, approves it (the consumer's credentials are
 * shown once), the department reads through the agreement, the usage and the access log show the read; the department
 * reports its secret leaked and the province reissues it (the old one is refused at once); the province suspends the
 * agreement, and the next read is refused and logged as such.
 */
class SharingJourneyTest extends BrowserTest {

	@Test
	void theProvinceApprovesAnAgreementSeesItsUseAndSuspendsIt() throws Exception {
		signIn(province());
		page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("数据共享")).click();
		page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("登记共享申请")).click();
		page.locator("#f-consumer").fill("吉林省公安厅治安管理总队");
		page.locator("#f-purpose").fill("掌握在建项目分布");
		page.locator("#f-basis").fill("吉建管〔2021〕6号");
		page.locator("#f-PROJECT_CODE").check();
		page.locator("#f-PROJECT_NAME").check();
		page.locator("#f-regions").fill("220102");
		page.locator("#f-from").fill(today().toString());
		page.locator("#f-to").fill(today().plusYears(1).toString());
		page.locator("#f-rate").fill("60");
		page.locator("#f-cname").fill("刘警官");
		page.locator("#f-cphone").fill("13804310009");
		page.locator("#f-cemail").fill("zagl@gat.jl.gov.cn");
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("登记申请")).click();
		assertThat(page.url()).matches(".*/sharing/\\d+$");
		String agreement = page.url().replaceAll(".*(/sharing/\\d+)$", "$1");
		assertThat(mainText()).contains("吉林省公安厅治安管理总队", "待审批", "项目编码", "项目名称");

		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("批准").setExact(true)).click();
		String clientId = page.locator("code.client-id").innerText();
		String secret = page.locator("code.client-secret").innerText();
		assertThat(secret).hasSize(32);
		assertThat(mainText()).contains("已批准", "只显示这一次");
		page.screenshot(new Page.ScreenshotOptions().setPath(Path.of("target", "journeys", "SharingJourneyTest-approved.png"))
			.setFullPage(true));

		assertThat(read(clientId, secret)).isEqualTo(200);
		open(agreement);
		assertThat(mainText()).doesNotContain(secret);
		assertThat(page.locator("body").innerText()).contains("已提供");

		// the department reports its secret leaked: a new one, the same client id, the old one refused at once
		page.getByPlaceholder("重置理由（必填）").fill("使用部门报告密钥泄露");
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("重置密钥")).click();
		assertThat(mainText()).contains("已重置密钥", "只显示这一次");
		assertThat(page.locator("code.client-id").innerText()).isEqualTo(clientId);
		String leaked = secret;
		secret = page.locator("code.client-secret").innerText();
		assertThat(secret).hasSize(32).isNotEqualTo(leaked);
		page.screenshot(new Page.ScreenshotOptions().setPath(Path.of("target", "journeys", "SharingJourneyTest-reissued.png"))
			.setFullPage(true));
		assertThat(read(clientId, leaked)).isEqualTo(401);
		assertThat(read(clientId, secret)).isEqualTo(200);
		open(agreement);
		assertThat(mainText()).doesNotContain(secret).contains("使用部门报告密钥泄露", "密钥签发时间");

		page.getByPlaceholder("理由（必填）", new Page.GetByPlaceholderOptions().setExact(true)).fill("超出约定用途，暂停核查");
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("暂停")).click();
		assertThat(mainText()).contains("已暂停");
		assertThat(read(clientId, secret)).isEqualTo(403);
		open(agreement);
		assertThat(mainText()).contains("已暂停");
		page.screenshot(new Page.ScreenshotOptions().setPath(Path.of("target", "journeys", "SharingJourneyTest-suspended.png"))
			.setFullPage(true));
	}

	private int read(String clientId, String secret) throws Exception {
		String path = "/api/sharing/projects?region=220102";
		String ts = Long.toString(clock.instant().getEpochSecond());
		String nonce = DeviceClient.nonce();
		HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl() + path))
			.header("X-Client-Id", clientId)
			.header("X-Timestamp", ts)
			.header("X-Nonce", nonce)
			.header("X-Signature", DeviceSignature.sign(secret, "GET", path, ts, nonce, new byte[0]))
			.GET()
			.build();
		return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString()).statusCode();
	}
}
