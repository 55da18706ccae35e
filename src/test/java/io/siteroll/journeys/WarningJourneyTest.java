package io.siteroll.journeys;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import io.siteroll.identity.Role;
import io.siteroll.support.ApiClient;
import io.siteroll.support.BrowserTest;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Journey 1: a city officer reviews the day's warnings, filtered by kind, confirms one with a reason and issues a
 * rectification order from it in one click; the order reads in words, with the legal basis and the deadline.
 */
class WarningJourneyTest extends BrowserTest {

	@Test
	void aCityOfficerConfirmsAWarningAndIssuesAnOrderFromIt() {
		ApiClient province = as(province());
		Site site = site(province, "220102", today().minusMonths(2));
		refreshWarnings(province);
		String officer = account(Role.CITY_OFFICER, "220100", null, null, false);

		signIn(officer);
		page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("检查与预警")).first().click();
		page.getByLabel("预警类型").selectOption("NO_DEVICE");
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("查询")).click();
		assertThat(page.url()).contains("kind=NO_DEVICE");
		Locator row = page.locator("tr", new Page.LocatorOptions().setHasText(site.projectName()));
		assertThat(row.innerText()).contains("开工未配备考勤设备").doesNotContain("NO_DEVICE", "{");

		row.getByLabel("核查理由").fill("现场核实：项目已开工，闸机尚未安装");
		row.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("确认")).click();
		assertThat(page.locator("[role=status]").innerText()).contains("已核查预警", site.projectName(), "已确认");
		assertThat(page.url()).contains("kind=NO_DEVICE");

		row = page.locator("tr", new Page.LocatorOptions().setHasText(site.projectName()));
		assertThat(row.innerText()).contains("已确认");
		row.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("下达整改通知")).click();

		assertThat(page.url()).matches(".*/orders/\\d+$");
		assertThat(page.locator("[role=status]").innerText()).contains("已下达整改通知第", "整改期限");
		String order = mainText();
		assertThat(page.locator("table").last().innerText()).as("who acted, by name; no raw notes")
			.contains(officer).doesNotContain("deadline");
		assertThat(order).contains(site.projectName(), "开工未配备考勤设备", "《保障农民工工资支付条例》", today().plusDays(7).toString(), "已下达")
			.doesNotContain("NO_DEVICE", "ISSUED", "{");
	}
}
