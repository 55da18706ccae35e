package io.siteroll.journeys;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;

import io.siteroll.identity.Role;
import io.siteroll.support.ApiClient;
import io.siteroll.support.BrowserTest;

/**
 * Journey: the general contractor looks at what its project owes the national platform (reporting is not switched on
 * in this platform, so everything waits, in the upload order's words), and issues the interface key for its labour
 * system: the secret is shown once, and afterwards only that a key is active.
 */
class NationalReportingJourneyTest extends BrowserTest {

	@Test
	void theContractorSeesTheReportingStatusAndIssuesTheLabourSystemsKey() {
		ApiClient province = as(province());
		Site site = site(province, "220102", today().minusDays(15));
		String contractor = account(Role.ENTERPRISE_ADMIN, null, site.contractorId(), null, false);

		signIn(contractor);
		open("/projects/" + site.projectId());
		page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("全国平台上报")).click();
		assertThat(page.url()).endsWith("/projects/" + site.projectId() + "/national");
		assertThat(mainText()).contains("本平台尚未开启向全国平台上报", "项目", "参建单位", "班组", "待上报", "本项目尚未签发接口密钥")
			.doesNotContain("PENDING", "PROJECT", "{");
		assertThat(page.locator("#national-pending").innerText()).isEqualTo("5");
		assertThat(page.locator("table.national-reports tbody tr").count()).isEqualTo(5);

		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("签发密钥")).click();
		String secret = page.locator("#national-appsecret").innerText();
		assertThat(secret).matches("[0-9a-f]{32}");
		assertThat(page.locator("#national-appid").innerText()).isNotBlank();
		assertThat(mainText()).contains("仅显示这一次", "接口密钥已于");
		page.screenshot(new Page.ScreenshotOptions().setPath(Path.of("target", "journeys", "NationalReportingJourneyTest.png"))
			.setFullPage(true));

		open("/projects/" + site.projectId() + "/national");
		assertThat(mainText()).contains("接口密钥已于").doesNotContain(secret);
		assertThat(page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("重新签发（原密钥作废）")).count()).isEqualTo(1);
	}
}
