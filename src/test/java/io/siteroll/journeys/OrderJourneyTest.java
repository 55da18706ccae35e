package io.siteroll.journeys;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.Map;

import com.microsoft.playwright.Download;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.FilePayload;
import io.siteroll.identity.Role;
import io.siteroll.support.ApiClient;
import io.siteroll.support.BrowserTest;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Journey 7: the enterprise answers a rectification order with its report and a photo note, and follows it; the
 * officer who re-checks it opens the file from the order's page.
 */
class OrderJourneyTest extends BrowserTest {

	@Test
	void theEnterpriseAnswersAnOrderInTheBrowser() throws IOException {
		ApiClient officer = as(province());
		Site site = site(officer, "220102", today().minusMonths(2));
		refreshWarnings(officer);
		long warningId = openWarnings(officer, site.projectId(), "NO_DEVICE").get(0).get("id").asLong();
		long orderId = officer.post("/api/orders/from-warning", Map.of("warningId", warningId)).id();
		String clerk = account(Role.ENTERPRISE_ADMIN, null, site.contractorId(), null, false);

		signIn(clerk);
		page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("整改通知")).first().click();
		page.locator("tr", new Page.LocatorOptions().setHasText(String.valueOf(orderId)))
			.getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("详情"))
			.click();
		assertThat(page.url()).endsWith("/orders/" + orderId);
		page.locator("textarea[name=report]").fill("已于本周安装人脸识别闸机两台并接入平台，附验收照片。");
		byte[] note = "闸机验收记录：两台闸机已于本周接入省平台。".getBytes(StandardCharsets.UTF_8);
		page.getByLabel("附件（整改照片、凭证等，可选，不超过 10 MB）")
			.setInputFiles(new FilePayload("闸机验收记录.txt", "text/plain", note));
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("提交整改报告")).click();

		String text = mainText();
		assertThat(text).contains("已于本周安装人脸识别闸机两台并接入平台", "报告附件", "闸机验收记录.txt");
		assertThat(page.locator("textarea[name=report]").count()).as("an answered order takes no second report").isZero();
		assertThat(text).doesNotContain("ANSWERED", "ISSUED", "{");

		context.clearCookies();
		signIn(province());
		page.navigate(url("/orders/" + orderId));
		Download download = page.waitForDownload(() -> page.getByRole(AriaRole.LINK,
				new Page.GetByRoleOptions().setName("闸机验收记录.txt")).click());
		assertThat(download.suggestedFilename()).isEqualTo("闸机验收记录.txt");
		assertThat(Files.readAllBytes(download.path())).as("the file as the enterprise uploaded it").isEqualTo(note);
		assertThat(jdbc.sql("select count(*) from audit_entry where action = 'OPENED' and subject_type = 'order_attachment'")
			.query(Long.class).single()).as("the opening is audited").isGreaterThanOrEqualTo(1);
	}
}
