package io.siteroll.journeys;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import io.siteroll.support.BrowserTest;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Journey 5 (part): a province officer creates a county officer's account and disables it. */
class AccountJourneyTest extends BrowserTest {

	@Test
	void aProvinceOfficerCreatesACountyOfficerAndDisablesTheAccount() {
		String officer = province();
		String username = "nanguan." + System.nanoTime();

		signIn(officer);
		page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("账户管理")).first().click();
		assertThat(page.locator("nav[aria-label='分页']").innerText()).contains("共");
		page.getByLabel("用户名", new Page.GetByLabelOptions().setExact(true)).fill(username);
		page.getByLabel("姓名", new Page.GetByLabelOptions().setExact(true)).fill("王建国");
		page.getByLabel("角色").selectOption("COUNTY_OFFICER");
		page.getByLabel("所在地区（主管部门账户）").selectOption("220102");
		page.getByLabel("密码", new Page.GetByLabelOptions().setExact(true)).fill("short1");
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("新建账户")).click();
		assertThat(page.locator(".invalid-feedback").innerText()).as("the refusal next to the password")
			.contains("密码至少 10 位");
		assertThat(page.getByLabel("用户名", new Page.GetByLabelOptions().setExact(true)).inputValue()).isEqualTo(username);
		assertThat(page.getByLabel("密码", new Page.GetByLabelOptions().setExact(true)).inputValue()).isEmpty();
		assertThat(accounts.find(username)).isEmpty();

		page.getByLabel("密码", new Page.GetByLabelOptions().setExact(true)).fill("Nanguan-2026-secure");
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("新建账户")).click();
		assertThat(page.locator("[role=status]").innerText()).contains("账户 " + username + " 已创建");
		page.getByLabel("搜索用户名或姓名").fill(username);
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("搜索").setExact(true)).click();
		Locator row = page.locator("tr", new Page.LocatorOptions().setHasText(username));
		assertThat(row.innerText()).contains("王建国", "县市区住建局", "南关区住房和城乡建设局", "吉林省 长春市 南关区", "启用")
			.doesNotContain("COUNTY_OFFICER", "220102", "{");

		row.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("停用 " + username)).click();
		assertThat(page.locator("[role=status]").innerText()).contains(username, "王建国", "已停用");
		row = page.locator("tr", new Page.LocatorOptions().setHasText(username));
		assertThat(row.innerText()).contains("已停用");
		assertThat(row.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("启用 " + username)).isVisible())
			.isTrue();
		assertThat(accounts.find(username).orElseThrow().enabled()).isFalse();
	}
}
