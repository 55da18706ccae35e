package io.siteroll.payroll;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.YearMonth;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import io.siteroll.identity.Role;
import io.siteroll.support.ApiClient;
import io.siteroll.support.IntegrationTest;
import io.siteroll.support.Workbooks;
import org.junit.jupiter.api.Test;

/** The wage pages refuse bad input field by field and change nothing, and keep the API's scope with error pages. */
class PayrollPagesTest extends IntegrationTest {

	@Test
	void refusedFormsNameTheFieldAndChangeNothing() {
		ApiClient province = as(province());
		Site site = site(province, "220102", today().minusMonths(2));
		ApiClient contractor = as(account(Role.ENTERPRISE_ADMIN, null, site.contractorId(), null, false));
		String wages = "/projects/" + site.projectId() + "/wages";

		ApiClient.Response noAgreement = contractor.form(wages + "/account",
				Map.of("bankName", "工商银行", "bankCode", "1x", "accountNumber", "62170000111122223333"));
		assertThat(noAgreement.status()).isEqualTo(200);
		assertThat(noAgreement.body()).contains("未保存", "银行代码应为3至12位数字", "须上传三方协议")
			.doesNotContain("62170000111122223333");
		assertThat(contractor.get("/api/projects/" + site.projectId() + "/wage-account").status()).isEqualTo(404);

		assertThat(contractor.post("/api/projects/" + site.projectId() + "/wage-account", Map.of("bankName", "工商银行",
				"bankCode", "102", "accountNumber", "62170000111122223333", "agreementType", "application/pdf", "agreement",
				Base64.getEncoder().encodeToString("%PDF".getBytes(StandardCharsets.UTF_8)))).status()).isEqualTo(201);
		ApiClient.Response badAmount = contractor.form(wages + "/allocations",
				Map.of("amount", "12万", "receivedOn", today().toString(), "month", YearMonth.from(today()).toString()));
		assertThat(badAmount.status()).isEqualTo(200);
		assertThat(badAmount.body()).contains("金额应为正数，最多两位小数", "is-invalid").contains("12万");
		ApiClient.Response future = contractor.form(wages + "/allocations",
				Map.of("amount", "1000", "receivedOn", today().plusDays(1).toString()));
		assertThat(future.body()).contains("到账日期", "不能晚于今天");
		assertThat(contractor.get("/api/projects/" + site.projectId() + "/wage-allocations").json().size()).isZero();

		ApiClient.Response low = contractor.form(wages + "/guarantees", Map.of("kind", "CASH_DEPOSIT", "amount", "100",
				"contractValue", "50000000", "providedOn", today().toString()));
		assertThat(low.body()).contains("保证金低于按合同额比例应缴的1000000.00元");
		assertThat(contractor.get("/api/projects/" + site.projectId() + "/wage-guarantees").json().size()).isZero();

		ApiClient.Response noFile = contractor.form(wages + "/tables", Map.of("unitId", String.valueOf(site.labourUnitId())));
		assertThat(noFile.status()).isEqualTo(200);
		assertThat(noFile.body()).contains("未保存");
		ApiClient.Response badRow = contractor.upload(wages + "/tables?unitId=" + site.labourUnitId(), "file", "工资表.xlsx",
				sheet(new String[] { "张三", IDS.idNumber(1970, 1995), IDS.bankCard(), "5000" },
						new String[] { "李四", IDS.idNumber(1970, 1995), "6222000000000000001", "五千" }));
		assertThat(badRow.status()).isEqualTo(200);
		assertThat(badRow.body()).contains("第 3 行", "金额应为正数");
		ApiClient.Response badCard = contractor.upload(wages + "/tables?unitId=" + site.labourUnitId(), "file", "工资表.xlsx",
				sheet(new String[] { "张三", IDS.idNumber(1970, 1995), IDS.bankCard(), "5000" },
						new String[] { "李四", IDS.idNumber(1970, 1995), "6222000000000000001", "5000" }));
		assertThat(badCard.body()).contains("第 3 行", "Luhn");
		ApiClient.Response noDays = contractor.form(wages + "/tables/from-attendance",
				Map.of("unitId", String.valueOf(site.labourUnitId()), "dailyWage", "300"));
		assertThat(noDays.body()).contains("该参建单位本月没有有效考勤的工人");
		assertThat(contractor.get("/api/projects/" + site.projectId() + "/wage-tables").json().size()).isZero();
	}

	/** A filled wage table template: name, ID, card, basic pay. */
	static byte[] sheet(String[]... rows) {
		return Workbooks.wageTable(Arrays.stream(rows).map(r -> new String[] { r[0], r[1], r[2], null, r[3] }).toList());
	}

	@Test
	void thePagesKeepTheApisScope() {
		ApiClient province = as(province());
		Site site = site(province, "220102", today().minusMonths(2));
		EngagedWorker worker = engage(province, site);
		ApiClient clerk = as(account(Role.LABOUR_CLERK, null, null, site.projectId(), false));
		long tableId = clerk.post("/api/projects/" + site.projectId() + "/wage-tables", Map.of("unitId", site.labourUnitId(),
				"month", YearMonth.from(today()).toString(), "lines",
				List.of(Map.of("idNumber", worker.idNumber(), "name", "张三", "bankCardNumber", worker.card(), "basicPay", "5000")))).id();
		String wages = "/projects/" + site.projectId() + "/wages";

		ApiClient otherCity = as(account(Role.CITY_OFFICER, "220200", null, null, false));
		ApiClient.Response unseen = otherCity.get(wages);
		assertThat(unseen.status()).as("another region's project does not exist for them").isEqualTo(404);
		assertThat(unseen.contentType()).startsWith("text/html");
		assertThat(otherCity.get("/wage-tables/" + tableId).status()).isEqualTo(404);

		ApiClient city = as(account(Role.CITY_OFFICER, "220100", null, null, false));
		ApiClient.Response status = city.get(wages);
		assertThat(status.status()).isEqualTo(200);
		assertThat(status.body()).contains("本项目尚未开设农民工工资专用账户", "草稿").doesNotContain("上传工资表", "按考勤生成工资表");
		ApiClient.Response table = city.get("/wage-tables/" + tableId);
		assertThat(table.body()).contains("张三", "未校验").doesNotContain("逐行校验", worker.card());
		long lineId = clerk.get("/api/wage-tables/" + tableId + "/lines").json().get(0).get("id").asLong();
		ApiClient.Response slip = city.get("/wage-tables/" + tableId + "/lines/" + lineId + "/slip");
		assertThat(slip.status()).isEqualTo(200);
		assertThat(slip.body()).contains("张三", "工资条", "5,000.00", "尚未到账", "未确认").doesNotContain(worker.card(), worker.idNumber());
		assertThat(otherCity.get("/wage-tables/" + tableId + "/lines/" + lineId + "/slip").status()).isEqualTo(404);
		ApiClient.Response officerCheck = city.form("/wage-tables/" + tableId + "/check", Map.of());
		assertThat(officerCheck.status()).isEqualTo(403);
		assertThat(officerCheck.contentType()).startsWith("text/html");

		assertThat(clerk.form("/wage-tables/" + tableId + "/check", Map.of()).status()).isIn(200, 302);
		ApiClient.Response clerkApproves = clerk.form("/wage-tables/" + tableId + "/approval", Map.of());
		assertThat(clerkApproves.status()).as("only the general contractor approves").isEqualTo(403);
		assertThat(clerkApproves.body()).contains("只有施工总承包单位的企业管理员");
		ApiClient.Response subcontractor = as(account(Role.ENTERPRISE_ADMIN, null, site.contractorId() + 2, null, false))
			.form("/wage-tables/" + tableId + "/approval", Map.of());
		assertThat(subcontractor.status()).isIn(403, 404);
		assertThat(clerk.get("/api/wage-tables/" + tableId).json().get("state").asString()).isEqualTo("CHECKED");
	}
}
