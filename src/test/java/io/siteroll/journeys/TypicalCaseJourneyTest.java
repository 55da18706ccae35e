package io.siteroll.journeys;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import io.siteroll.support.ApiClient;
import io.siteroll.support.BrowserTest;
import io.siteroll.support.Decisions;
import org.junit.jupiter.api.Test;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/** Journey 5 (typical cases): a province officer publishes a penalty as a typical case and finds it listed. */
class TypicalCaseJourneyTest extends BrowserTest {

	@Test
	void aProvinceOfficerPublishesAPenaltyAsATypicalCase() {
		String officer = province();
		ApiClient api = as(officer);
		Site site = site(api, "220102", today().minusMonths(2));
		refreshWarnings(api);
		long warningId = openWarnings(api, site.projectId(), "NO_DEVICE").get(0).get("id").asLong();
		long orderId = api.post("/api/orders/from-warning", Map.of("warningId", warningId)).id();
		clock.advance(Duration.ofDays(9));
		ApiClient.Response overdue = api.post("/api/orders/" + orderId + "/recheck", Map.of());
		assertThat(overdue.status()).as(overdue.body()).isEqualTo(200);
		String documentNumber = "吉建罚〔2026〕" + System.nanoTime() % 1_000_000 + "号";
		Map<String, Object> decision = Decisions.penalty(orderId, "CONSTRUCTION_ENTERPRISE", List.of("FINE"), 30_000, today());
		decision.put("documentNumber", documentNumber);
		ApiClient.Response penalty = api.post("/api/penalties", decision);
		assertThat(penalty.status()).as(penalty.body()).isEqualTo(201);

		signIn(officer);
		page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("典型案例").setExact(true)).click();
		Locator row = page.locator("tr", new Page.LocatorOptions().setHasText(documentNumber));
		assertThat(row.innerText()).contains(site.projectName(), "施工企业", "罚款", "30,000.00 元").doesNotContain("FINE", "{");
		row.getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("发布为典型案例")).click();

		String title = "未按期配备考勤设备被罚款（" + documentNumber + "）";
		page.getByLabel("案例标题").fill(title);
		page.getByLabel("案情摘要").fill("项目开工后未配备实名制考勤设备，逾期未整改，对施工企业罚款三万元。");
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("发布")).click();

		assertThat(page.locator("[role=status]")).containsText("已发布典型案例：" + title);
		Locator card = page.locator(".card", new Page.LocatorOptions().setHasText(title));
		assertThat(card.innerText()).contains(site.projectName(), "罚款", documentNumber, "对施工企业罚款三万元")
			.doesNotContain("FINE", "{");
		assertThat(page.locator("tr", new Page.LocatorOptions().setHasText(documentNumber)).count())
			.as("a published penalty is no longer offered").isZero();
		assertThat(mainText()).doesNotContain("CONSTRUCTION_ENTERPRISE", "{");
	}
}
