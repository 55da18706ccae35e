package io.siteroll.journeys;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;

import com.microsoft.playwright.Download;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.FilePayload;
import io.siteroll.identity.Role;
import io.siteroll.support.ApiClient;
import io.siteroll.support.BrowserTest;
import io.siteroll.support.Workbooks;
import org.junit.jupiter.api.Test;

/**
 * Journey: the general contractor's month of wages. It opens the project's wage account with the three-party
 * agreement, uploads a unit's wage table from Excel, checks it (an unregistered person and a card not the worker's
 * own are refused, in words), records the worker's confirmation (approval is refused before it), approves it, downloads the payment file (only the allowed line) and imports the
 * bank's result, which marks the line paid.
 */
class WageJourneyTest extends BrowserTest {

	@Test
	void theGeneralContractorUploadsChecksApprovesPaysAndImportsTheBankResult() throws IOException {
		ApiClient province = as(province());
		YearMonth month = YearMonth.from(today());
		Site site = site(province, "220102", month.minusMonths(1).atDay(1));
		String id = IDS.idNumber(1970, 1995);
		String card = IDS.bankCard();
		Map<String, Object> worker = worker(site.teamId(), id, "王建国", card);
		worker.put("entryDate", month.atDay(1));
		worker.put("contractStart", month.atDay(1).minusDays(10));
		assertThat(province.post("/api/projects/" + site.projectId() + "/workers", worker).status()).isEqualTo(201);
		String other = IDS.idNumber(1970, 1995);
		Map<String, Object> second = worker(site.teamId(), other, "李卫东", IDS.bankCard());
		second.put("entryDate", month.atDay(1));
		second.put("contractStart", month.atDay(1).minusDays(10));
		assertThat(province.post("/api/projects/" + site.projectId() + "/workers", second).status()).isEqualTo(201);
		String contractor = account(Role.ENTERPRISE_ADMIN, null, site.contractorId(), null, true);
		String unregistered = IDS.idNumber(1970, 1995);
		String notHisCard = IDS.bankCard();

		signIn(contractor);
		open("/projects/" + site.projectId() + "/wages");
		assertThat(mainText()).contains("本项目尚未开设农民工工资专用账户");
		page.getByLabel("开户银行").fill("中国工商银行长春南关支行");
		page.getByLabel("银行代码").fill("102");
		page.getByLabel("账号").fill("6217000011112222333");
		page.getByLabel("三方协议").setInputFiles(new FilePayload("三方协议.pdf", "application/pdf",
				"%PDF-1.4 三方协议".getBytes(StandardCharsets.UTF_8)));
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("开户")).click();
		assertThat(page.locator("[role=status]").innerText()).contains("工资专用账户已登记");
		assertThat(mainText()).contains("6217***********2333", "已开户").doesNotContain("6217000011112222333");

		// the labour subcontractor's table: its team's workers (a line is checked against the table's unit)
		page.locator("#upload-unit").selectOption(String.valueOf(site.labourUnitId()));
		page.getByLabel("工资表文件 (.xlsx)").setInputFiles(new FilePayload("工资表.xlsx",
				"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
				table(List.of(new String[] { "王建国", id, card, "8000" }, new String[] { "赵无名", unregistered, IDS.bankCard(), "7000" },
						new String[] { "李卫东", other, notHisCard, "6000" }))));
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("上传工资表")).click();
		assertThat(page.url()).matches(".*/wage-tables/\\d+$");
		assertThat(page.locator("[role=status]").innerText()).contains("共 3 行");

		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("逐行校验")).click();
		assertThat(page.locator("[role=status]").innerText()).contains("可发放 1 行，被拒绝 2 行");
		Locator lines = page.locator("tr.wage-line");
		assertThat(lines.nth(0).innerText()).contains("王建国", "可发放");
		assertThat(lines.nth(1).innerText()).contains("赵无名", "未实名登记");
		assertThat(lines.nth(2).innerText()).contains("李卫东", "不是工人本人登记在册的工资卡");
		assertThat(mainText()).doesNotContain(card, notHisCard, "NOT_REGISTERED", "{");

		// approval waits for the workers' confirmations (条例 art. 31): refused, naming the unconfirmed line
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("总包审核通过")).click();
		assertThat(mainText()).contains("须经农民工本人签字确认", "1 王建国");
		assertThat(page.locator(".wage-table-state").innerText()).isEqualTo("已校验");
		page.getByLabel("王建国 已签字确认").check();
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("记录所选工人已签字确认")).click();
		assertThat(page.locator("[role=status]").innerText()).contains("1 / 3 行已确认");
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("总包审核通过")).click();
		assertThat(page.locator(".wage-table-state").innerText()).isEqualTo("总包已审核");
		Download download = page.waitForDownload(() -> page.getByRole(AriaRole.BUTTON,
				new Page.GetByRoleOptions().setName("生成代发文件")).click());
		String file = Files.readString(download.path(), StandardCharsets.UTF_8);
		List<String> rows = file.lines().skip(2).filter(l -> !l.isBlank()).toList();
		assertThat(rows).hasSize(1);
		assertThat(rows.get(0)).contains("王建国", card, "8100.00");
		assertThat(file).doesNotContain(notHisCard).doesNotContain("赵无名");

		String[] cells = rows.get(0).split(",");
		String result = "业务参考号,户名,卡号,金额,结果,说明\n" + cells[0] + "," + cells[1] + "," + cells[2] + "," + cells[4] + ",成功,\n";
		page.getByLabel("银行回单（CSV）").setInputFiles(new FilePayload("回单.csv", "text/csv",
				result.getBytes(StandardCharsets.UTF_8)));
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("导入回单")).click();
		assertThat(page.locator("[role=status]").innerText()).contains("到账 1 行");
		assertThat(page.locator(".wage-table-state").innerText()).isEqualTo("已发放");
		assertThat(lines.nth(0).locator(".wage-payment").innerText()).contains("已到账");
		assertThat(mainText()).doesNotContain("PAID", "APPROVED", "{");
	}

	/** A filled wage table template: name, ID, card, basic pay; 200 other pay and 100 deductions each. */
	static byte[] table(List<String[]> rows) {
		return Workbooks.wageTable(rows.stream().map(r -> new String[] { r[0], r[1], r[2], "102", r[3], "200", "100" }).toList());
	}
}
