package io.siteroll.journeys;

import java.nio.file.Path;
import java.util.Map;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import io.siteroll.identity.Accounts;
import io.siteroll.identity.Role;
import io.siteroll.support.ApiClient;
import io.siteroll.support.BrowserTest;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Journey 3: a county officer works the order queue. The order due for its re-check comes first; the re-check's
 * verdict reads in words; the officer decides the fine and the stop-work order the escalation table proposes, sees
 * the credit record it writes, opens the 行政处罚决定书 and lifts the stop-work order — all in the browser.
 */
class PenaltyJourneyTest extends BrowserTest {

	private static final String OFFICER_NAME = "王敏（二道区住房和城乡建设局）";

	/** A screenshot of an intermediate step beside the last one, to look at what an officer prints and reads. */
	private void keep(String step) {
		page.screenshot(new Page.ScreenshotOptions().setPath(Path.of("target", "journeys", getClass().getSimpleName() + "-" + step + ".png"))
			.setFullPage(true));
	}

	@Test
	void anOfficerDecidesTheProposedPenaltiesOfAnOverdueOrderAndLiftsTheStopWorkOrder() {
		String officer = "erdao-" + System.nanoTime();
		accounts.create(new Accounts.NewAccount(officer, PASSWORD, OFFICER_NAME, Role.COUNTY_OFFICER, "220105", null, null,
				false));
		ApiClient erdao = as(officer);
		ApiClient province = as(province());
		Site site = site(province, "220105", today().minusMonths(2));
		for (int i = 0; i < 3; i++) {
			engagedWorker(province, site);
		}
		long inspectionId = erdao.post("/api/projects/" + site.projectId() + "/inspections", inspectionRecord(today().minusDays(1), 3))
			.id();
		long orderId = erdao.post("/api/orders/from-inspection", Map.of("inspectionId", inspectionId)).id();
		jdbc.sql("update rectification_order set issued_on = ?, deadline = ? where id = ?")
			.params(today().minusDays(9), today().minusDays(2), orderId).update();
		String contractor = erdao.get("/api/enterprises/" + site.contractorId()).json().get("name").asString();

		signIn(officer);
		page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("整改通知")).first().click();
		Locator first = page.locator("tbody tr").first();
		assertThat(first.innerText()).as("the order due for its re-check comes first").contains(String.valueOf(orderId), "待复查");
		first.getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("详情")).click();

		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("整改期满复查")).click();
		String verdict = mainText();
		assertThat(verdict).contains("复查完成：逾期未整改", "复查结论：逾期未整改", "缺少考勤 3 人", "复查人 " + OFFICER_NAME,
				"《保障农民工工资支付条例》第五十五条");

		page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("对施工企业作出处罚决定")).click();
		assertThat(mainText()).contains("法定幅度：50,000 元至 100,000 元", "二道区住房和城乡建设局");
		page.getByLabel("罚款", new Page.GetByLabelOptions().setExact(true)).check();
		page.getByLabel("责令停工", new Page.GetByLabelOptions().setExact(true)).check();
		page.getByLabel("罚款金额（元）").fill("60000");
		page.getByLabel("停工起始日（责令停工时填写）").fill(today().toString());
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("作出处罚决定")).click();

		String decided = mainText();
		assertThat(decided).contains("已作出行政处罚决定（二道住建罚〔" + today().getYear() + "〕", "已记入不良行为记录",
				"罚款、责令停工", "60000 元", "施工企业　" + contractor, "经办人", OFFICER_NAME, "不良行为记录");
		assertThat(page.locator("table").last().innerText()).as("the credit record the decision wrote")
			.contains("施工企业", contractor, "《保障农民工工资支付条例》第五十五条");
		String penaltyUrl = page.url();
		keep("decision");

		page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("决定书（打印页）")).click();
		String document = page.locator("main").innerText();
		assertThat(document).contains("二道区住房和城乡建设局", "行政处罚决定书", "二道住建罚〔" + today().getYear() + "〕",
				contractor + "：", "缺少考勤 3 人", "逾期未整改", "罚款人民币60000元", "责令停工整改", "申请行政复议");
		keep("document");
		assertThat(document).doesNotContain("FINE", "STOP_WORK", "CONSTRUCTION_ENTERPRISE", "{", "=");
		page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("返回处罚决定")).click();
		assertThat(page.url()).isEqualTo(penaltyUrl);
		Page pdf = context.waitForPage(() -> page.getByText("打印决定书（PDF）").click());
		assertThat(pdf.url()).endsWith("/document.pdf");
		pdf.close();

		page.getByLabel("复工日期").fill(today().plusDays(1).toString());
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("解除停工")).click();
		String lifted = mainText();
		assertThat(lifted).contains("已解除停工，", "已解除停工", today().plusDays(1).toString());
		assertThat(page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("解除停工")).count()).isZero();

		page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("本项目的处罚决定")).click();
		assertThat(mainText()).contains("二道住建罚〔", OFFICER_NAME, "已解除停工").doesNotContain(officer);
		page.goBack();
		page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("本项目的不良行为记录")).click();
		String credits = mainText();
		assertThat(credits).contains("诚信不良行为记录", contractor, "施工企业", "共");
		for (String text : new String[] { decided, lifted, credits, verdict }) {
			assertThat(text).doesNotContain("OVERDUE", "ESCALATED", "CONSTRUCTION_ENTERPRISE", "FINE", "STOP_WORK", "DECIDED",
					"LIFTED", "{", officer);
		}
	}
}
