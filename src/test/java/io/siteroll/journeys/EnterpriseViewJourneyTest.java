package io.siteroll.journeys;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Map;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import io.siteroll.identity.Role;
import io.siteroll.support.ApiClient;
import io.siteroll.support.BrowserTest;
import io.siteroll.support.Sites;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Journey 6: the enterprise's own view. Its administrator signs in and lands on the workbench, where the project
 * with an open order comes before the one with only findings and warnings; the order's count opens the list behind
 * it and the order itself.
 */
class EnterpriseViewJourneyTest extends BrowserTest {

	@Test
	void anEnterpriseAdministratorSeesTheProjectWithAnOpenOrderFirstAndFollowsItsCountToTheOrder() {
		ApiClient officer = as(province());
		YearMonth last = YearMonth.from(today()).minusMonths(1);
		Site site = site(officer, "220102", last.atDay(1).minusMonths(1));
		long quieter = project(officer, site.contractorId(), last.atDay(1).minusMonths(1));
		refreshWarnings(officer);
		ApiClient.Response evaluated = officer.post("/api/evaluations", Map.of("month", last.toString()));
		assertThat(evaluated.status()).as(evaluated.body()).isEqualTo(200);
		long warningId = openWarnings(officer, site.projectId(), "NO_DEVICE").get(0).get("id").asLong();
		long orderId = officer.post("/api/orders/from-warning", Map.of("warningId", warningId)).id();
		String pressing = site.projectName();
		String other = officer.get("/api/projects/" + quieter).json().get("name").asString();
		String admin = account(Role.ENTERPRISE_ADMIN, null, site.contractorId(), null, false);

		signIn(admin);
		assertThat(page.url()).as("the enterprise lands on its workbench").endsWith("/workbench");
		Locator rows = page.locator("main tbody tr");
		assertThat(rows.count()).isEqualTo(2);
		assertThat(rows.nth(0).innerText()).as("the project with an open order first").contains(pressing);
		assertThat(rows.nth(1).innerText()).contains(other);
		assertThat(rows.nth(0).getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("未结检查发现：1 件")).count())
			.as("the open R1 finding is counted").isEqualTo(1);
		assertThat(mainText()).doesNotContain("ISSUED", "OVERDUE", "NO_DEVICE", "{");

		rows.nth(0).getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("待提交整改报告：1 件")).click();
		assertThat(page.url()).contains("/workbench/projects/" + site.projectId());
		assertThat(page.locator("main h1").innerText()).isEqualTo(pressing);
		page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("整改通知第 " + orderId + " 号")).click();

		assertThat(page.url()).endsWith("/orders/" + orderId);
		assertThat(mainText()).contains(pressing, "开工未配备考勤设备", "已下达").doesNotContain("ISSUED", "NO_DEVICE", "{");
	}

	@Test
	void officersLandOnTheDashboardOfTheirRegion() {
		signIn(account(Role.CITY_OFFICER, "220100", null, null, false));
		assertThat(page.url()).endsWith("/dashboard");
		assertThat(mainText()).contains("长春市").doesNotContain("吉林市");
	}

	/** Another project of the same general contractor, registered through the API. */
	private static long project(ApiClient officer, long contractorId, LocalDate start) {
		ApiClient.Response created = officer.post("/api/projects",
				Sites.registration("工作台对照项目" + System.nanoTime() % 100000, "220102", contractorId, start));
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		return created.id();
	}
}
