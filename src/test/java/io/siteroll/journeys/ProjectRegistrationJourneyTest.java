package io.siteroll.journeys;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.SelectOption;
import io.siteroll.identity.Role;
import io.siteroll.support.ApiClient;
import io.siteroll.support.BrowserTest;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Journey 8: the general contractor's administrator registers a project, adds a participating unit, appoints the
 * project manager, asks to replace them, declares a back-dated stoppage (a request an officer decides on) and
 * the completion, all in the browser; and the project calendar starts on Monday and counts no day to come.
 */
class ProjectRegistrationJourneyTest extends BrowserTest {

	private Locator button(String name) {
		return page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(name).setExact(true));
	}

	private String notice() {
		return page.locator("[role=status]").innerText();
	}

	@Test
	void theGeneralContractorRegistersAProjectAndRunsIt() {
		ApiClient province = as(province());
		long contractor = enterprise(province, "220102");
		long labour = enterprise(province, "220102");
		String labourCode = province.get("/api/enterprises/" + labour).json().get("creditCode").asString();
		String labourName = province.get("/api/enterprises/" + labour).json().get("name").asString();
		String admin = account(Role.ENTERPRISE_ADMIN, null, contractor, null, false);
		LocalDate start = today().minusDays(30);
		String projectName = "浏览器登记项目" + System.nanoTime() % 100000;

		signIn(admin);
		page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("项目").setExact(true)).click();
		page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("登记项目")).first().click();
		// a refused registration keeps what was typed and says what is missing next to the field
		page.getByLabel("项目名称").fill(projectName);
		button("登记项目").click();
		assertThat(page.locator(".invalid-feedback").allInnerTexts()).contains("地址：必填，不能为空 / Address: is required");
		assertThat(page.getByLabel("项目名称").inputValue()).isEqualTo(projectName);

		page.getByLabel("所在地区").selectOption("220102");
		page.getByLabel("项目地址").fill("长春市南关区人民大街100号");
		page.getByLabel("经度").fill("125.32");
		page.getByLabel("纬度").fill("43.88");
		page.getByLabel("项目分类").selectOption(new SelectOption().setIndex(1));
		page.getByLabel("建设性质").selectOption(new SelectOption().setIndex(1));
		page.getByLabel("开工日期").fill(start.toString());
		page.getByLabel("计划竣工日期").fill(today().plusMonths(10).toString());
		button("登记项目").click();
		assertThat(page.url()).matches(".*/projects/\\d+$");
		assertThat(notice()).contains("已登记项目", projectName);
		assertThat(page.locator("table.units").innerText()).contains("总承包单位");

		page.getByLabel("参建企业（统一社会信用代码或名称）").fill(labourCode);
		page.getByLabel("参建单位类型").selectOption("006");
		page.getByLabel("进场日期").fill(start.plusDays(1).toString());
		button("添加参建单位").click();
		assertThat(notice()).contains("已添加参建单位", labourName, "劳务分包");
		assertThat(page.locator("table.units").innerText()).contains(labourName, "劳务分包").doesNotContain("LABOUR_SUBCONTRACTOR");

		page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("管理人员").setExact(true)).click();
		String manager = IDS.name();
		String managerId = IDS.idNumber(1970, 1990);
		page.locator("#appoint-post").selectOption("PROJECT_MANAGER");
		page.locator("#appoint-unit").selectOption(new SelectOption().setLabel(
				page.locator("#appoint-unit option", new Page.LocatorOptions().setHasText("总承包单位")).innerText()));
		page.locator("#appoint-idNumber").fill(managerId);
		page.locator("#appoint-name").fill(manager);
		page.getByLabel("任职开始日期").fill(start.toString());
		button("委派管理人员").click();
		assertThat(notice()).contains("已委派", manager, "项目经理");
		assertThat(page.locator("table.posts").innerText()).contains(manager, "项目经理", "在岗").doesNotContain(managerId);

		String successor = IDS.name();
		page.locator("#change-post").selectOption("PROJECT_MANAGER");
		page.locator("#change-unit").selectOption(new SelectOption().setLabel(
				page.locator("#change-unit option", new Page.LocatorOptions().setHasText("总承包单位")).innerText()));
		page.getByLabel("拟任人员证件号码").fill(IDS.idNumber(1975, 1992));
		page.getByLabel("拟任人员姓名").fill(successor);
		page.getByLabel("生效日期").fill(today().toString());
		page.getByLabel("变更原因").fill("原项目经理调任其他项目");
		button("提交变更申请").click();
		assertThat(notice()).contains("已提交项目经理变更申请", successor, "待主管部门审批");
		assertThat(page.locator("table.requests").innerText()).contains(manager, successor, "待审批", admin)
			.doesNotContain("PENDING");

		page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("← " + projectName)).click();
		page.getByLabel("停工开始日期").fill(today().minusDays(5).toString());
		page.getByLabel("停工结束日期（可空，复工时填写）").fill(today().minusDays(3).toString());
		page.getByLabel("停工原因").fill("暴雨停工");
		button("申报停工").click();
		assertThat(notice()).contains("已提交补报停工", "待主管部门审批");
		assertThat(page.locator("ul.stoppages").innerText()).contains("暴雨停工", "待审批", admin).doesNotContain("PENDING");

		page.getByLabel("竣工日期").fill(today().toString());
		button("申报竣工").click();
		assertThat(notice()).contains("已申报竣工", today().toString());
		String text = mainText();
		assertThat(text).contains("竣工 " + today()).doesNotContain("{", "UNDER_CONSTRUCTION", "COMPLETED", "IN_FORCE");
	}

	@Test
	void theCalendarStartsOnMondayNavigatesMonthsAndCountsNoDayToCome() {
		ApiClient province = as(province());
		Site site = site(province, "220102", today().minusMonths(2));
		String admin = account(Role.ENTERPRISE_ADMIN, null, site.contractorId(), null, false);

		signIn(admin);
		open("/projects/" + site.projectId());
		YearMonth month = YearMonth.from(today());
		List<String> cells = page.locator(".calendar > div").allInnerTexts();
		assertThat(cells.subList(0, 7)).containsExactly("一", "二", "三", "四", "五", "六", "日");
		int blanks = month.atDay(1).getDayOfWeek().getValue() - 1;
		assertThat(cells.subList(7, 7 + blanks)).allSatisfy(c -> assertThat(c).isBlank());
		assertThat(cells.get(7 + blanks)).isEqualTo("1");
		int past = today().getDayOfMonth();
		assertThat(page.locator(".calendar .work").count()).isEqualTo(past);
		assertThat(page.locator(".calendar .future").count()).isEqualTo(month.lengthOfMonth() - past);
		assertThat(page.locator("#construction-days").innerText()).contains(String.valueOf(past));

		page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("下月 ›")).click();
		YearMonth next = month.plusMonths(1);
		assertThat(page.locator("#calendar-month").innerText()).isEqualTo(next.getYear() + "年" + next.getMonthValue() + "月");
		assertThat(page.locator(".calendar .work").count()).isZero();
		assertThat(page.locator(".calendar .future").count()).isEqualTo(next.lengthOfMonth());
		assertThat(page.locator("#construction-days").innerText()).contains("施工日 0 天");

		page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("‹ 上月")).click();
		page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("‹ 上月")).click();
		YearMonth previous = month.minusMonths(1);
		assertThat(page.locator("#calendar-month").innerText())
			.isEqualTo(previous.getYear() + "年" + previous.getMonthValue() + "月");
		assertThat(page.locator(".calendar .future").count()).isZero();
		assertThat(page.locator(".calendar .work").count()).isEqualTo(previous.lengthOfMonth());
	}
}
