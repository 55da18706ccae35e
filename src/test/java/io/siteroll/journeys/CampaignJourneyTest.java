package io.siteroll.journeys;

import java.util.concurrent.ThreadLocalRandom;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import io.siteroll.identity.Role;
import io.siteroll.support.BrowserTest;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The campaign (issue 12): a county officer reads the campaign in force, its phases, today's place in it and its
 * targets; the province adds the next campaign (a plan with overlapping phases is refused on the field), then raises
 * one of its targets.
 */
class CampaignJourneyTest extends BrowserTest {

	@Test
	void aCountyOfficerReadsTheCampaignInForce() {
		signIn(account(Role.COUNTY_OFFICER, "220102", null, null, false));
		open("/campaigns");
		assertThat(page.locator(".campaign").innerText()).contains("吉林省房屋建筑和市政公用工程施工现场人员实名制管理水平专项提升行动",
				"吉建管〔2021〕6号", "专项行动已于2021-09-10结束", "今天：" + today());
		assertThat(page.locator(".campaign-phases").innerText()).contains("宣传自查自纠阶段", "2021-06-01", "2021-06-30",
				"全面实施阶段", "2021-07-01", "2021-08-31", "总结阶段");
		assertThat(page.locator(".campaign-targets").innerText()).contains("人员考勤率", "80%", "100%", "关键岗位人员到岗履职率");
		assertThat(page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("新增专项行动")).count()).isZero();
		assertThat(mainText()).doesNotContain("{", "SELF_CHECK", "COVERAGE", "null");
	}

	@Test
	void theProvinceAddsTheNextCampaignAndRaisesATarget() {
		int year = 2200 + ThreadLocalRandom.current().nextInt(7000);
		String name = "第" + year + "年实名制管理巩固提升行动";
		signIn(province());
		open("/campaigns");
		page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("新增专项行动")).click();
		page.getByLabel("名称").fill(name);
		page.getByLabel("文号").fill("吉建管〔" + year + "〕8号");
		page.getByLabel("联络人报送截止日期").fill(year + "-03-31");
		page.getByLabel("宣传自查自纠阶段开始日期").fill(year + "-04-01");
		page.getByLabel("宣传自查自纠阶段结束日期").fill(year + "-04-30");
		page.getByLabel("全面实施阶段开始日期").fill(year + "-04-20");
		page.getByLabel("全面实施阶段结束日期").fill(year + "-08-31");
		page.getByLabel("总结阶段开始日期").fill(year + "-09-01");
		page.getByLabel("总结阶段结束日期").fill(year + "-09-10");
		page.getByLabel("人员考勤率目标（%）").fill("85");
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("保存")).click();
		assertThat(page.locator(".campaign-form .invalid-feedback").innerText())
			.contains("全面实施阶段开始日期：须晚于上一阶段的结束日期（" + year + "-04-30）");

		page.getByLabel("全面实施阶段开始日期").fill(year + "-05-01");
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("保存")).click();
		assertThat(page.locator("[role=status]").innerText()).contains("已新增专项行动：" + name);
		assertThat(page.locator(".campaign").innerText()).contains(name, "专项行动尚未开始", year + "-04-01", "宣传自查自纠阶段");
		assertThat(page.locator(".campaign-targets").innerText()).contains("85%");

		page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("修改专项行动")).click();
		page.getByLabel("人员考勤率目标（%）").fill("90");
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("保存")).click();
		assertThat(page.locator("[role=status]").innerText()).contains("已修改专项行动：" + name);
		Locator targets = page.locator(".campaign-targets");
		assertThat(targets.innerText()).contains("90%").doesNotContain("85%");
		assertThat(mainText()).doesNotContain("{", "FULL_IMPLEMENTATION", "null");
	}
}
