package io.siteroll.journeys;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import io.siteroll.campaign.DepartmentContacts;
import io.siteroll.identity.Actor;
import io.siteroll.identity.Role;
import io.siteroll.support.BrowserTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The departments' contacts (issue 12): a county officer names its department's contact, then changes it and reads
 * the history; the province sees that county as named and another department as late against the deadline.
 */
class ContactJourneyTest extends BrowserTest {

	/** 永吉县, named only in this journey. */
	private static final String YONGJI = "220221";

	/** 通榆县, named only in the province's journey. */
	private static final String TONGYU = "220822";

	@Autowired
	DepartmentContacts contacts;

	@Test
	void aCountyOfficerNamesItsContactThenChangesItAndSeesTheHistory() {
		String officer = account(Role.COUNTY_OFFICER, YONGJI, null, null, false);

		signIn(officer);
		open("/contacts");
		Locator own = page.locator(".own-contact");
		assertThat(own.innerText()).contains("永吉县住房和城乡建设局", "本部门尚未指定联络人");
		own.getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("指定联络人")).click();

		page.getByLabel("联络人姓名").fill("孟庆华");
		page.getByLabel("职务").fill("建筑市场监管科科长");
		page.getByLabel("联系电话").fill("0432-6420");
		page.getByLabel("电子邮箱").fill("mengqh@yongji.gov.cn");
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("保存")).click();
		assertThat(page.locator(".contact-form .invalid-feedback").innerText()).as("the phone is refused next to it")
			.contains("联系电话：电话号码格式不正确", "Contact phone");
		assertThat(page.getByLabel("联络人姓名").inputValue()).as("what was typed stays").isEqualTo("孟庆华");
		page.getByLabel("联系电话").fill("0432-64202345");
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("保存")).click();
		assertThat(page.locator("[role=status]").innerText()).contains("已保存永吉县住房和城乡建设局的联络人：孟庆华");
		assertThat(page.locator(".current-contact").innerText()).contains("孟庆华", "0432-64202345", officer);

		page.getByLabel("联络人姓名").fill("刘晓东");
		page.getByLabel("职务").fill("质量安全监督站副站长");
		page.getByLabel("联系电话").fill("13904325678");
		page.getByLabel("电子邮箱").fill("liuxd@yongji.gov.cn");
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("保存")).click();
		assertThat(page.locator("[role=status]").innerText()).contains("刘晓东");
		Locator history = page.locator("tr.history-row");
		assertThat(history.count()).isEqualTo(2);
		assertThat(history.nth(0).innerText()).contains("刘晓东", "13904325678", "现任");
		assertThat(history.nth(1).innerText()).contains("孟庆华", "0432-64202345", officer).doesNotContain("现任");
		assertThat(mainText()).doesNotContain("{", "COUNTY", "null");
	}

	@Test
	void theProvinceSeesWhoHasNamedAContactAndWhoIsLate() {
		contacts.name(TONGYU, new DepartmentContacts.Details("白雪", "科员", "0436-4222333", "baixue@tongyu.gov.cn"), Actor.SYSTEM);
		String officer = province();

		signIn(officer);
		open("/contacts");
		assertThat(page.locator(".contacts-summary").innerText()).contains("报送截止日期：2021-05-30", "逾期未指定");
		page.getByLabel("部门或联络人姓名").fill("通榆");
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("查询")).click();
		Locator named = page.locator("tr.contact-row", new Page.LocatorOptions().setHasText("通榆县住房和城乡建设局"));
		assertThat(named.innerText()).contains("白雪", "0436-4222333", "已指定", "系统");

		page.getByLabel("部门或联络人姓名").fill("长白山");
		page.getByLabel("只看未指定").check();
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("查询")).click();
		Locator late = page.locator("tr.contact-row", new Page.LocatorOptions().setHasText("长白山管委会住房和城乡建设局"));
		assertThat(late.innerText()).contains("逾期未指定", "2021-05-30");
		late.getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("长白山管委会住房和城乡建设局")).click();
		assertThat(mainText()).contains("尚未指定联络人");
		page.goBack();
		assertThat(mainText()).doesNotContain("{", "SUPERVISORY", "null");
	}
}
