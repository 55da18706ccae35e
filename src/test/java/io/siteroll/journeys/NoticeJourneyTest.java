package io.siteroll.journeys;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.SelectOption;
import io.siteroll.identity.Role;
import io.siteroll.notice.NoticeFigures;
import io.siteroll.notice.Notices;
import io.siteroll.support.ApiClient;
import io.siteroll.support.BrowserTest;
import io.siteroll.support.PdfText;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The monthly notice (通报): the province drafts last month's, edits its narrative, previews and issues it, and the
 * published page and the PDF carry the issued figures and the document number; a city officer drafts its own and
 * cannot open the province's.
 */
class NoticeJourneyTest extends BrowserTest {

	@Autowired
	Notices notices;

	/** Last month on a project in 延吉市: two workers on site, one attending every day. */
	private void lastMonth() {
		YearMonth month = YearMonth.from(today()).minusMonths(1);
		ApiClient province = as(province());
		Site site = site(province, "222401", month.atDay(1));
		List<Long> workers = importedWorkers(province, site, 2, month.atDay(1).minusDays(10), month.atDay(1));
		facts.present(site.projectId(), workers.get(0), month.atDay(1), month.atEndOfMonth());
	}

	@Test
	void theProvinceDraftsEditsIssuesAndPublishesTheMonthlyNotice() throws IOException {
		lastMonth();
		String month = YearMonth.from(today()).minusMonths(1).toString();
		String officer = province();

		signIn(officer);
		open("/notices");
		page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("起草通报")).click();
		page.getByLabel("通报月份").fill(month);
		page.getByLabel("通报地区").selectOption(new SelectOption().setLabel("吉林省"));
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("起草")).click();
		page.waitForURL(Pattern.compile(".*/notices/\\d+$"));
		page.getByText("通报正文（可编辑部分）").waitFor();
		assertThat(mainText()).contains("草稿：尚未印发", "延边朝鲜族自治州", "人员考勤率");
		long id = Long.parseLong(page.url().replaceAll(".*/notices/(\\d+).*", "$1"));

		page.getByLabel("导语").fill("为推进建筑工人实名制管理，现将本月全省情况通报如下：");
		page.getByLabel("结束语").fill("特此通报。请各地认真对照整改。");
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("保存")).click();
		page.getByText("通报草稿已保存").waitFor();
		page.getByText("通报正文（可编辑部分）").waitFor();
		page.screenshot(new Page.ScreenshotOptions().setPath(Path.of("target", "journeys", "NoticeJourneyTest-draft.png"))
			.setFullPage(true));

		page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("预览")).click();
		page.waitForURL(Pattern.compile(".*/preview$"));
		page.getByText("人员考勤率未达标项目名单").first().waitFor();
		assertThat(mainText()).contains("为推进建筑工人实名制管理，现将本月全省情况通报如下：", "（草稿，印发时编号）", "一、考勤设备配备和联网情况",
				"附件1");
		page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("返回编辑")).click();
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("印发")).click();
		page.getByText("印发时的数据（已冻结）").waitFor();
		page.locator("article.notice-document").waitFor();
		String issuedText = mainText();
		String number = issuedText.replaceAll("(?s).*通报已印发，文号(吉住建通〔\\d+〕\\d+号).*", "$1");
		assertThat(number).matches("吉住建通〔" + today().getYear() + "〕\\d+号");
		assertThat(issuedText).contains("印发时的数据（已冻结）", "特此通报。请各地认真对照整改。").doesNotContain("ISSUED", "{");
		assertThat(page.locator("textarea").count()).as("an issued notice is not edited").isZero();

		NoticeFigures figures = notices.require(id).figures();
		ApiClient api = as(officer);
		ApiClient.Response pdf = api.get("/notices/" + id + "/document.pdf");
		assertThat(pdf.contentType()).startsWith("application/pdf");
		Files.createDirectories(Path.of("target", "journeys"));
		Files.write(Path.of("target", "journeys", "NoticeJourneyTest.pdf"), pdf.bytes());
		String text = PdfText.of(pdf.bytes());
		NoticeFigures.Division total = figures.total();
		assertThat(text).contains(number, "吉林省住房和城乡建设厅", "为推进建筑工人实名制管理", "特此通报。请各地认真对照整改。",
				"在建项目" + total.startedProjects() + "个", "已配备考勤设备" + total.equippedProjects() + "个",
				"已联网" + total.connectedProjects() + "个", "在岗" + total.registeredWorkerDays() + "人日",
				"有效考勤" + total.attendedWorkerDays() + "人日",
				figures.warningsRaised() == 0 ? "本月平台未发出预警" : "发出预警" + figures.warningsRaised() + "条",
				"全省在建项目" + total.startedProjects() + "个", "现场监督检查" + figures.enforcement().inspections() + "次",
				"下发责令限期整改通知书" + figures.enforcement().ordersIssued() + "份", "附件1");

		page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("公开页面")).click();
		page.waitForURL(Pattern.compile(".*/public/notices/\\d+$"));
		page.getByText("人员考勤率未达标项目名单").first().waitFor();
		String published = page.locator("body").innerText();
		assertThat(published).contains(number, "关于" + LocalDate.parse(month + "-01").getYear() + "年", "全省建筑工人实名制管理工作情况的通报",
				"为推进建筑工人实名制管理", "人员考勤率未达标项目名单").doesNotContain("{", "ISSUED");
	}

	@Test
	void aCityOfficerDraftsForItsRegionAndCannotOpenTheProvinces() {
		ApiClient province = as(province());
		String month = YearMonth.from(today()).minusMonths(1).toString();
		province.form("/notices", Map.of("month", month, "regionCode", "220000"));
		long provinces = jdbc.sql("select max(id) from notice").query(Long.class).single();
		String city = account(Role.CITY_OFFICER, "222400", null, null, false);

		signIn(city);
		open("/notices");
		page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("起草通报")).click();
		assertThat(page.getByLabel("通报地区").locator("option").allInnerTexts()).contains("延边朝鲜族自治州", "延吉市")
			.doesNotContain("吉林省", "长春市");
		page.getByLabel("通报月份").fill(month);
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("起草")).click();
		page.getByText("通报正文（可编辑部分）").waitFor();
		assertThat(mainText()).contains("延边朝鲜族自治州建筑工人实名制管理工作情况的通报", "延吉市", "草稿：尚未印发");
		assertThat(page.locator("main table").first().innerText()).doesNotContain("长春市");

		page.navigate(url("/notices/" + provinces));
		assertThat(mainText()).contains("无权访问");
		open("/notices");
		assertThat(mainText()).contains("延边朝鲜族自治州").doesNotContain("吉林省");
	}
}
