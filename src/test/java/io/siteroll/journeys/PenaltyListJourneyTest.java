package io.siteroll.journeys;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Map;
import java.util.regex.Pattern;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import io.siteroll.identity.Actor;
import io.siteroll.identity.Role;
import io.siteroll.notice.Notice;
import io.siteroll.notice.Notices;
import io.siteroll.support.ApiClient;
import io.siteroll.support.BrowserTest;
import io.siteroll.support.Decisions;
import io.siteroll.support.RosterFile;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A city officer traces a notice's count of the month's penalties: from the notice to the penalties decided in the
 * city that month, across its projects, and narrows the list to another county of the city (none there).
 */
class PenaltyListJourneyTest extends BrowserTest {

	@Autowired
	Notices notices;

	@Test
	void aCityOfficerOpensTheMonthsPenaltiesFromTheNotice() {
		YearMonth month = YearMonth.from(today()).minusMonths(1);
		LocalDate first = month.minusMonths(1).atDay(1);
		ApiClient province = as(province());
		String officer = account(Role.CITY_OFFICER, "220800", null, null, false);
		ApiClient city = as(officer);
		Site site = site(province, "220802", first);
		assertThat(province.upload("/api/projects/" + site.projectId() + "/teams/" + site.teamId() + "/roster", "file",
				"w.xlsx", RosterFile.of(IDS, 1, first.minusDays(10), first)).status()).isEqualTo(201);
		long inspection = city.post("/api/projects/" + site.projectId() + "/inspections", inspectionRecord(month.atDay(10), 3)).id();
		long order = city.post("/api/orders/from-inspection", Map.of("inspectionId", inspection)).id();
		jdbc.sql("update rectification_order set issued_on = ?, deadline = ? where id = ?")
			.params(month.atDay(10), month.atDay(17), order).update();
		assertThat(city.post("/api/orders/" + order + "/recheck", Map.of()).json().get("status").asString()).isEqualTo("OVERDUE");
		assertThat(city.form("/orders/" + order + "/penalties", Decisions.fineOnThePage("60000", month.atDay(20))).status())
			.isEqualTo(302);
		String project = jdbc.sql("select name from project where id = ?").param(site.projectId()).query(String.class).single();
		Notice notice = notices.draft(Actor.SYSTEM, month, "220800");

		signIn(officer);
		page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("通报").setExact(true)).first().click();
		page.locator("a[href='/notices/" + notice.id() + "']").click();
		page.locator("a[href^='/penalties?']").first().click();
		page.waitForURL(Pattern.compile(".*/penalties\\?region=220800&month=" + month + "$"));
		assertThat(page.getByLabel("决定月份").inputValue()).isEqualTo(month.toString());
		String list = mainText();
		assertThat(list).contains("行政处罚决定", project, "施工企业", "罚款", "60000", month.atDay(20).toString());
		assertThat(list).doesNotContain("CONSTRUCTION_ENTERPRISE", "FINE", "DECIDED", "{");

		page.getByLabel("地区").selectOption("220821");
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("查询")).click();
		page.waitForURL(Pattern.compile(".*region=220821.*"));
		assertThat(mainText()).contains("没有处罚决定").doesNotContain(project);

		page.getByLabel("地区").selectOption("220800");
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("查询")).click();
		page.waitForURL(Pattern.compile(".*region=220800.*"));
		assertThat(mainText()).contains(project, "60000");
	}
}
