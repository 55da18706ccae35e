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
 * Journey 11: one search box finds a worker by exact ID number and by name, a project by its code and an enterprise
 * by its unified social credit code, within the officer's region; an officer of another city does not find the
 * worker.
 */
class SearchJourneyTest extends BrowserTest {

	@Test
	void aCityOfficerFindsAWorkerAProjectAndAnEnterpriseFromTheSearchBox() {
		ApiClient province = as(province());
		Site site = site(province, "220102", today().minusMonths(1));
		EngagedWorker worker = engage(province, site);
		String projectCode = province.get("/api/projects/" + site.projectId()).json().get("code").asString();
		String creditCode = province.get("/api/enterprises/" + site.contractorId()).json().get("creditCode").asString();
		String contractor = province.get("/api/enterprises/" + site.contractorId()).json().get("name").asString();

		signIn(account(Role.CITY_OFFICER, "220100", null, null, false));
		searchFor(worker.idNumber());
		assertThat(page.url()).as("an ID number never travels in an address").doesNotContain(worker.idNumber());
		Locator persons = group("人员");
		assertThat(persons.innerText()).contains(worker.name(), worker.idNumberMasked(), site.projectName()).doesNotContain(worker.idNumber());

		searchFor(worker.name());
		assertThat(group("人员").locator("tr", new Locator.LocatorOptions().setHasText(worker.idNumberMasked())).innerText()).contains(worker.name());

		searchFor(projectCode);
		Locator projects = group("项目");
		assertThat(projects.innerText()).contains(site.projectName(), projectCode, contractor);

		searchFor(creditCode.toLowerCase());
		assertThat(group("企业").innerText()).contains(contractor, creditCode);
		group("企业").getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("相关项目")).first().click();
		assertThat(mainText()).contains(site.projectName());

		searchFor(worker.name());
		group("人员").locator("tr", new Locator.LocatorOptions().setHasText(worker.idNumberMasked()))
			.getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("查看 " + worker.name()))
			.click();
		assertThat(mainText()).contains(worker.name(), worker.idNumberMasked()).doesNotContain(worker.idNumber(), "{");
	}

	@Test
	void anOfficerOfAnotherCityDoesNotFindTheWorker() {
		ApiClient province = as(province());
		Site site = site(province, "220102", today().minusMonths(1));
		String idNumber = IDS.idNumber(1975, 1995);
		String name = "孙" + IDS.name();
		assertThat(province.post("/api/projects/" + site.projectId() + "/workers",
				worker(site.teamId(), idNumber, name, IDS.bankCard())).status()).isEqualTo(201);

		signIn(account(Role.CITY_OFFICER, "220200", null, null, false));
		searchFor(idNumber);
		assertThat(page.locator("main [role=status]").innerText()).contains("没有找到");
		assertThat(mainText()).doesNotContain(name);
		searchFor(name);
		assertThat(page.locator("main h2").allInnerTexts()).noneMatch(h -> h.startsWith("人员"));

		searchFor("孙");
		assertThat(mainText()).contains("请至少输入 2 个字");
	}

	/**
	 * Types into the search box of the top bar and submits it; the results page is the one the box's post redirects to.
	 */
	private void searchFor(String text) {
		Locator box = page.locator("nav form[role=search] input[name=q]");
		box.fill(text);
		page.waitForResponse(r -> r.url().contains("/search") && "GET".equals(r.request().method()), () -> box.press("Enter"));
		page.waitForLoadState();
	}

	/** One group of results: its heading and its table. */
	private Locator group(String heading) {
		Locator h2 = page.locator("main h2", new Page.LocatorOptions().setHasText(heading));
		assertThat(h2.count()).as("a group %s", heading).isEqualTo(1);
		return h2.locator("xpath=following-sibling::table[1]");
	}
}
