package io.siteroll.journeys;

import java.time.YearMonth;
import java.util.Map;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.SelectOption;
import io.siteroll.compliance.RuleSets;
import io.siteroll.support.BrowserTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Journey 5 (part): a province officer compares the two rule sets, defines a draft from one with a longer deadline,
 * adopts it from next month and sees it listed as adopted.
 */
class RuleSetJourneyTest extends BrowserTest {

	@Autowired
	RuleSets ruleSets;

	@Test
	void aProvinceOfficerComparesDraftsAndAdoptsARuleSet() {
		String officer = province();
		YearMonth next = YearMonth.from(today()).plusMonths(1);
		long before = ruleSets.inForce(next).id();
		String code = "测试规则集-" + System.nanoTime();
		try {
			signIn(officer);
			page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("规则集").setExact(true)).click();
			assertThat(mainText()).contains("关键岗位到岗率不低于", "80%", "现行").doesNotContain("ANY_PASS", "{");
			page.getByLabel("对比：规则集一").selectOption(new SelectOption().setLabel("吉建管〔2021〕6号"));
			page.getByLabel("规则集二").selectOption(new SelectOption().setLabel("吉建规〔2023〕11号"));
			page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("对比")).click();
			assertThat(mainText()).contains("处不同");
			Locator validDay = page.locator("tr", new Page.LocatorOptions().setHasText("有效考勤日的认定"));
			assertThat(validDay.getAttribute("class")).contains("table-warning");
			assertThat(validDay.innerText()).contains("不同", "当日有一次通过的考勤记录", "首末间隔不少于4小时");
			assertThat(page.locator("tr", new Page.LocatorOptions().setHasText("整改通知的默认期限")).innerText())
				.doesNotContain("不同");

			page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("吉建管〔2021〕6号")).first().click();
			page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("以此为基础新建草稿")).click();
			page.getByLabel("名称", new Page.GetByLabelOptions().setExact(true)).fill("测试：整改期限延长至10天");
			page.getByLabel("整改通知的默认期限").fill("10");
			page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("保存草稿")).click();
			assertThat(page.locator(".invalid-feedback").first().innerText()).as("the code is required, next to its field")
				.contains("必填");
			assertThat(page.getByLabel("整改通知的默认期限").inputValue()).as("what was typed stays").isEqualTo("10");
			page.getByLabel("规则集编号（文号）").fill(code);
			page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("保存草稿")).click();

			assertThat(page.url()).matches(".*/rule-sets/\\d+$");
			assertThat(page.locator("[role=status]").innerText()).contains(code, "尚未采用");
			assertThat(mainText()).contains("未采用", "10 天");
			assertThat(page.getByLabel("自该月1日起采用").inputValue()).isEqualTo(next.toString());
			page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("采用").setExact(true)).click();

			String nextInWords = next.getYear() + "年" + next.getMonthValue() + "月";
			assertThat(page.url()).endsWith("/rule-sets");
			assertThat(page.locator("[role=status]").innerText()).contains(code, "自" + nextInWords + "起采用");
			Locator card = page.locator(".card", new Page.LocatorOptions().setHasText(code));
			assertThat(card.innerText()).contains("已采用：自" + nextInWords + "起", "10 天");
			Locator adoption = page.locator("tr", new Page.LocatorOptions().setHasText(code));
			assertThat(adoption.innerText()).contains(nextInWords, "吉林省住房和城乡建设厅", "否").doesNotContain("{");
		}
		finally {
			as(province()).post("/api/rule-sets/" + before + "/adoption", Map.of("effectiveFrom", next.atDay(1)));
		}
		assertThat(ruleSets.inForce(next).id()).as("next month back under the rule set it had").isEqualTo(before);
	}
}
