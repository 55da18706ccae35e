package io.siteroll.journeys;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.Media;
import io.siteroll.campaign.DepartmentContacts;
import io.siteroll.identity.Actor;
import io.siteroll.identity.Role;
import io.siteroll.support.ApiClient;
import io.siteroll.support.BrowserTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Journey: the general contractor's administrator opens the project's wages, follows the link to the rights-information
 * board (维权信息告示牌, 条例 art. 34) and prints it: on paper the platform's header and links are gone and the board
 * stands alone on an A4 page with its large heading. Screenshots in target/journeys.
 */
class RightsBoardJourneyTest extends BrowserTest {

	@Autowired
	DepartmentContacts contacts;

	@Test
	void theContractorPrintsTheRightsBoard() {
		ApiClient province = as(province());
		Site site = site(province, "220303", today().minusMonths(2));
		String contractor = account(Role.ENTERPRISE_ADMIN, null, site.contractorId(), null, true);
		ApiClient api = as(contractor);
		String officerPhone = IDS.phone();
		long officer = province.post("/api/persons", Map.of("idNumber", IDS.idNumber(1975, 1990), "name", "韩秀英", "phone",
				officerPhone)).id();
		assertThat(api.post("/api/projects/" + site.projectId() + "/managers", Map.of("personId", officer, "post",
				"LABOUR_OFFICER", "unitId", site.gcUnitId(), "tenureFrom", today().minusMonths(1))).status()).isEqualTo(201);
		String contactPhone = "0434-" + (3_000_000 + IDS.nextInt(999_999));
		contacts.name("220303", new DepartmentContacts.Details("刘建华", "劳务管理科科长", contactPhone, "liu@tiedong.gov.cn"),
				Actor.SYSTEM);

		signIn(contractor);
		open("/projects/" + site.projectId() + "/wages");
		page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("维权信息告示牌")).click();
		assertThat(page.url()).endsWith("/projects/" + site.projectId() + "/rights-board");
		assertThat(page.locator(".rights-board h1").innerText()).isEqualTo("维权信息告示牌");
		assertThat(page.locator(".board-labour-officer").innerText()).contains("韩秀英", officerPhone);
		assertThat(page.locator(".board-account").innerText()).isEqualTo("尚未开设");
		assertThat(page.locator(".board-complaint-line").innerText()).isEqualTo("12333");
		assertThat(page.locator(".board-department").innerText()).contains("住房和城乡建设局", "刘建华", contactPhone);
		assertThat(page.locator(".board-project-manager").count()).as("no project manager appointed").isZero();
		assertThat(mainText()).contains("项目经理", "未登记");
		page.screenshot(new Page.ScreenshotOptions().setPath(Path.of("target", "journeys", "RightsBoardJourneyTest-screen.png"))
			.setFullPage(true));

		page.emulateMedia(new Page.EmulateMediaOptions().setMedia(Media.PRINT));
		assertThat(page.locator(".siteroll-header").isVisible()).as("no platform header on paper").isFalse();
		assertThat(page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("打印")).isVisible()).isFalse();
		assertThat(page.locator(".rights-board").isVisible()).isTrue();
		double heading = Double.parseDouble(page.locator(".rights-board h1")
			.evaluate("h => getComputedStyle(h).fontSize").toString().replace("px", ""));
		assertThat(heading).as("a heading read from across the site entrance").isGreaterThanOrEqualTo(36);
		page.screenshot(new Page.ScreenshotOptions().setPath(Path.of("target", "journeys", "RightsBoardJourneyTest-print.png"))
			.setFullPage(true));
	}
}
