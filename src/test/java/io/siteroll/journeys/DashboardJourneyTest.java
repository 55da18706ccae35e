package io.siteroll.journeys;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import io.siteroll.identity.Role;
import io.siteroll.personnel.Post;
import io.siteroll.support.ApiClient;
import io.siteroll.support.BrowserTest;
import io.siteroll.support.Facts;
import org.junit.jupiter.api.Test;

/**
 * Issue 12's dashboard journeys: a province officer drills from the dashboard (charts drawn) through the city and
 * the county to a project and a worker's attendance, by clicks only; a city officer sees its own region only, on the
 * dashboard and in the project list's region filter.
 */
class DashboardJourneyTest extends BrowserTest {

	private static final List<String> CHARTS = List.of("chart-divisions", "chart-daily", "chart-monthly", "chart-coverage",
			"chart-warnings", "chart-orders");

	private void chartsDrawn() {
		for (String chart : CHARTS) {
			page.locator("#" + chart + " canvas").first().waitFor();
		}
	}

	private void wordsOnly() {
		String text = mainText();
		assertThat(text).doesNotContain("{", "}", "null", "UNDER_CONSTRUCTION", "LOW_ATTENDANCE", "OVERDUE", "NaN");
	}

	@Test
	void aProvinceOfficerDrillsFromTheDashboardToAWorkersAttendance() throws Exception {
		ApiClient api = as(province());
		LocalDate start = today().withDayOfMonth(1).minusDays(15);
		Site site = site(api, "220102", start);
		List<Long> workers = importedWorkers(api, site, 2, start.minusDays(5), start);
		facts.present(site.projectId(), workers.get(0), start, today());
		Facts.Appointment manager = facts.appoint(api, site.projectId(), site.gcUnitId(), Post.PROJECT_MANAGER, start);
		facts.present(site.projectId(), manager.personId(), start, today().minusDays(3));
		String project = jdbc.sql("select name from project where id = ?").param(site.projectId()).query(String.class).single();
		String worker = jdbc.sql("select name from person where id = ?").param(workers.get(0)).query(String.class).single();

		signIn(account(Role.PROVINCE_OFFICER, "220000", null, null, false));
		open("/dashboard");
		assertThat(page.locator("h1").innerText()).contains("驾驶舱 · 吉林省");
		chartsDrawn();
		wordsOnly();
		assertThat(mainText()).contains("工人考勤率", "关键岗位人员到岗率", "项目覆盖", "吉林市", "整改通知办理情况");
		page.screenshot(new Page.ScreenshotOptions().setPath(Path.of("target", "journeys", "DashboardJourneyTest-province.png"))
			.setFullPage(true));

		page.locator("#tiles a").filter(new Locator.FilterOptions().setHasText("长春市")).click();
		assertThat(page.locator("h1").innerText()).contains("长春市");
		chartsDrawn();
		page.locator("#division-table").getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("南关区")).click();
		assertThat(page.locator("h1").innerText()).contains("南关区");
		chartsDrawn();
		wordsOnly();
		page.screenshot(new Page.ScreenshotOptions().setPath(Path.of("target", "journeys", "DashboardJourneyTest-county.png"))
			.setFullPage(true));
		page.locator("#division-table").getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName(project).setExact(true))
			.click();
		page.waitForURL(u -> u.endsWith("/projects/" + site.projectId()));
		page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("考勤表")).first().click();
		page.waitForURL(u -> u.contains("/projects/" + site.projectId() + "/attendance-sheet"));
		Locator row = page.locator("#attendance-sheet tbody tr").filter(new Locator.FilterOptions().setHasText(worker));
		assertThat(row.innerText()).contains("√");
		wordsOnly();
	}

	@Test
	void aCityOfficerSeesOnlyItsRegion() {
		String officer = account(Role.CITY_OFFICER, "220200", null, null, false);
		signIn(officer);
		open("/dashboard");
		assertThat(page.locator("h1").innerText()).contains("吉林市");
		chartsDrawn();
		wordsOnly();
		String tiles = page.locator("#tiles").innerText();
		assertThat(tiles).contains("昌邑区").doesNotContain("长春市", "南关区");
		assertThat(page.locator("nav[aria-label='breadcrumb']").innerText()).doesNotContain("吉林省");

		page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("项目").setExact(true)).first().click();
		List<String> offered = page.locator("#project-region option").allInnerTexts();
		assertThat(offered).anyMatch(o -> o.contains("吉林市")).anyMatch(o -> o.contains("昌邑区"))
			.noneMatch(o -> o.contains("长春市") || o.contains("南关区") || o.contains("四平市"));
		page.locator("#project-region").selectOption("220202");
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("查询")).click();
		page.waitForURL(u -> u.contains("region=220202"));
		assertThat(page.locator("#project-region").inputValue()).isEqualTo("220202");
	}
}
