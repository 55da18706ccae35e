package io.siteroll.journeys;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import io.siteroll.identity.Role;
import io.siteroll.privacy.Masking;
import io.siteroll.support.ApiClient;
import io.siteroll.support.BrowserTest;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Journey 5 (gate blacklist): a city officer lists a worker of a project in the city by ID number with a reason,
 * finds the listing by the number (shown masked), and lifts it with a reason; the listing stays, lifted, with who and
 * why.
 */
class BlacklistJourneyTest extends BrowserTest {

	@Test
	void aCityOfficerListsAWorkerAndLiftsTheListing() {
		ApiClient province = as(province());
		Site site = site(province, "220102", today().minusMonths(2));
		EngagedWorker worker = engage(province, site);
		String officer = account(Role.CITY_OFFICER, "220100", null, null, false);

		signIn(officer);
		page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("闸机黑名单").setExact(true)).click();
		page.getByLabel("证件号码", new Page.GetByLabelOptions().setExact(true)).fill(worker.idNumber());
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("列入")).click();
		assertThat(page.locator(".blacklist-add .invalid-feedback").innerText()).as("the reason is required, next to it")
			.contains("必填");
		assertThat(page.getByLabel("证件号码", new Page.GetByLabelOptions().setExact(true)).inputValue()).as("what was typed stays").isEqualTo(worker.idNumber());
		page.getByLabel("列入理由").fill("冒用他人身份进场，经查属实");
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("列入")).click();

		assertThat(page.locator("[role=status]").innerText()).contains("已将 " + worker.name(), "列入黑名单");
		Locator row = page.locator("tr.blacklist-row", new Page.LocatorOptions().setHasText(worker.name()));
		assertThat(row.innerText()).contains(Masking.idNumber(worker.idNumber()), "冒用他人身份进场", "在列", officer)
			.doesNotContain(worker.idNumber());

		page.getByLabel("姓名或完整证件号码").fill(worker.idNumber());
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("查询")).click();
		row = page.locator("tr.blacklist-row", new Page.LocatorOptions().setHasText(worker.name()));
		assertThat(row.count()).isEqualTo(1);

		row.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("解除")).click();
		assertThat(page.locator(".blacklist .invalid-feedback").innerText()).contains("必填");
		row = page.locator("tr.blacklist-row", new Page.LocatorOptions().setHasText(worker.name()));
		row.getByPlaceholder("解除理由").fill("经复核系误认，予以解除");
		row.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("解除")).click();
		assertThat(page.locator("[role=status]").innerText()).contains("已解除 " + worker.name());
		assertThat(page.locator("tr.blacklist-row", new Page.LocatorOptions().setHasText(worker.name())).count())
			.as("lifted listings leave the current list").isZero();

		page.getByLabel("姓名或完整证件号码").fill(worker.name());
		page.getByLabel("含已解除").check();
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("查询")).click();
		row = page.locator("tr.blacklist-row", new Page.LocatorOptions().setHasText(worker.name()));
		assertThat(row.innerText()).contains("已解除", "经复核系误认，予以解除", officer).doesNotContain(worker.idNumber());
		assertThat(mainText()).doesNotContain("{", "LIFTED");
	}
}
