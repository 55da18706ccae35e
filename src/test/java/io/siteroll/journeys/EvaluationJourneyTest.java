package io.siteroll.journeys;

import java.time.YearMonth;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import io.siteroll.support.ApiClient;
import io.siteroll.support.BrowserTest;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Journey 5 (part): a province officer starts the evaluation of last month, watches it run in the background until
 * it is done, reads the outcome in words and follows the link to the month's findings.
 */
class EvaluationJourneyTest extends BrowserTest {

	@Test
	void aProvinceOfficerEvaluatesLastMonthAndReadsItsFindings() {
		String officer = province();
		ApiClient api = as(officer);
		Site site = site(api, "220102", today().minusMonths(2));
		YearMonth last = YearMonth.from(today()).minusMonths(1);
		String lastInWords = last.getYear() + "年" + last.getMonthValue() + "月";

		signIn(officer);
		page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("月度检查").setExact(true)).click();
		assertThat(page.getByLabel("检查月份").inputValue()).as("last month by the platform's calendar")
			.isEqualTo(last.toString());
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("开始检查")).click();

		assertThat(page.url()).matches(".*/evaluations/\\d+$");
		assertThat(page.locator("[role=status]").innerText()).contains("已开始" + lastInWords + "的月度检查");
		page.locator("#run-state", new Page.LocatorOptions().setHasText("已完成"))
			.waitFor(new Locator.WaitForOptions().setTimeout(120_000));
		String outcome = page.locator("#run-outcome").innerText();
		assertThat(outcome).startsWith(lastInWords + "检查完成：核查施工项目").contains("新发现问题", "撤销", "未变");
		String run = page.locator("#run").innerText();
		assertThat(run).contains("已核查", "个施工项目", "吉林省住房和城乡建设厅", officer)
			.doesNotContain("DONE", "RUNNING", "FINDINGS", "{");

		page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("查看" + lastInWords + "的检查发现")).click();
		assertThat(page.url()).contains("/compliance?month=" + last);
		page.waitForLoadState();
		page.locator("h1", new Page.LocatorOptions().setHasText("检查与预警")).waitFor();
		Locator row = page.locator("tr", new Page.LocatorOptions().setHasText(site.projectName()));
		// the month holds the findings of every project the suite made before this one: page on as an officer would
		for (int pages = 0; pages < 40 && row.count() == 0; pages++) {
			page.locator("a[rel=next]").first().click();
			page.waitForLoadState();
		}
		assertThat(row.first().innerText()).contains("R1").doesNotContain("{");

		open("/evaluations");
		assertThat(page.locator("table").innerText()).contains(lastInWords, "已完成").doesNotContain("DONE", "{");
	}
}
