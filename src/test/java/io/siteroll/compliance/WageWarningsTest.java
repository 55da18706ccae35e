package io.siteroll.compliance;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.siteroll.identity.Role;
import io.siteroll.support.ApiClient;
import io.siteroll.support.Decisions;
import io.siteroll.support.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The wage warnings (issue 14, docs/payroll.md) through the API, on the platform clock: 欠薪 raised the day after the
 * month's pay date and cleared when the bank says paid; no wage account and no guarantee on a started project, with
 * the article-55 chain (order, overdue, penalty within the article's range); no allocation in a completed month; pay
 * without attendance, a failed payment not re-paid and a table its workers have not confirmed, each raised and cleared.
 */
class WageWarningsTest extends IntegrationTest {

	ApiClient province;

	ApiClient contractor;

	Site site;

	/** The month judged: the one before the platform's current month. */
	YearMonth month;

	@BeforeEach
	void project() {
		province = as(province());
		month = YearMonth.from(today()).minusMonths(1);
		site = site(province, "220102", month.minusMonths(1).atDay(1));
		contractor = as(account(Role.ENTERPRISE_ADMIN, null, site.contractorId(), null, true));
	}

	@Test
	void aWorkerWithAttendanceAndNoPayIsInArrearsTheDayAfterThePayDateNotOnItAndTheWarningClearsWhenPaid() {
		EngagedWorker worker = engage(month.atDay(1));
		facts.present(site.projectId(), worker.personId(), month.atDay(3), month.atDay(5));
		LocalDate payDate = month.plusMonths(1).atDay(15);
		moveClockTo(payDate);

		refresh(today());
		assertThat(openWarnings(province, site.projectId(), "WAGE_ARREARS")).as("not on the pay date itself").isEmpty();

		moveClockTo(payDate.plusDays(1));
		refresh(today());
		List<JsonNode> arrears = openWarnings(province, site.projectId(), "WAGE_ARREARS");
		assertThat(arrears).hasSize(1);
		JsonNode warning = arrears.get(0);
		assertThat(warning.get("raisedOn").asString()).isEqualTo(payDate.plusDays(1).toString());
		assertThat(warning.get("subject").asString()).isEqualTo("month:" + month);
		JsonNode evidence = warning.get("evidence");
		assertThat(evidence.get("workerCount").asInt()).isEqualTo(1);
		assertThat(evidence.get("validDayCount").asInt()).isEqualTo(3);
		assertThat(evidence.get("payDate").asString()).isEqualTo(payDate.toString());
		String masked = worker.name().charAt(0) + "*".repeat(worker.name().length() - 1);
		assertThat(evidence.get("workers").get(0).asString()).isEqualTo(masked);
		assertThat(warning.toString()).doesNotContain(worker.name()).doesNotContain(worker.idNumber());
		ApiClient.Response page = province.get("/compliance?kind=WAGE_ARREARS&project=" + site.projectId());
		assertThat(page.status()).isEqualTo(200);
		assertThat(page.body()).contains("欠薪预警", "1 名工人（共 3 个有效考勤日）", masked);

		refresh(today());
		assertThat(openWarnings(province, site.projectId(), "WAGE_ARREARS")).as("not raised twice").hasSize(1);

		openAccount();
		long tableId = approvedTable(List.of(line(worker, "6000")));
		List<String[]> file = paymentFile(tableId);
		importResults(tableId, result(file.get(0), "成功"));
		refresh(today());
		assertThat(openWarnings(province, site.projectId(), "WAGE_ARREARS")).isEmpty();
		JsonNode cleared = province.get("/api/warnings?projectId=" + site.projectId() + "&kind=WAGE_ARREARS&status=CLEARED")
			.json().get("items").get(0);
		assertThat(cleared.get("clearedOn").asString()).isEqualTo(today().toString());
	}

	@Test
	void aStartedProjectWithoutWageAccountOrGuaranteeIsWarnedAndTheArticle55CaseGoesToAnOrderAndAPenalty() {
		refresh(today());
		List<JsonNode> account = openWarnings(province, site.projectId(), "NO_WAGE_ACCOUNT");
		assertThat(account).hasSize(1);
		assertThat(account.get(0).get("evidence").get("startDate").asString()).isEqualTo(month.minusMonths(1).atDay(1).toString());
		assertThat(openWarnings(province, site.projectId(), "NO_WAGE_GUARANTEE")).hasSize(1);
		ApiClient.Response page = province.get("/compliance?kind=NO_WAGE_ACCOUNT&project=" + site.projectId());
		assertThat(page.body()).contains("未开设农民工工资专用账户", "未开设农民工工资专用账户</option>", "未存储工资保证金</option>");
		assertThat(page.body()).as("an officer issues the order from the page as from any warning")
			.contains("/warnings/" + account.get(0).get("id").asLong() + "/order");
		ApiClient.Response english = province.english().get("/compliance?kind=NO_WAGE_ACCOUNT&project=" + site.projectId());
		assertThat(english.body()).contains("no wage account as of");

		ApiClient.Response order = province.post("/api/orders/from-warning", Map.of("warningId", account.get(0).get("id").asLong()));
		assertThat(order.status()).as(order.body()).isEqualTo(201);
		assertThat(order.json().get("rule").asString()).isEqualTo("WAGES");
		assertThat(order.json().get("addressee").asString()).isEqualTo("CONSTRUCTION_ENTERPRISE");
		assertThat(order.json().get("addresseeEnterpriseId").asLong()).isEqualTo(site.contractorId());
		assertThat(order.json().get("legalBasis").asString()).contains("第五十五条");
		assertThat(order.json().get("items").asString()).contains("未开设农民工工资专用账户");
		long orderId = order.id();

		clock.advance(Duration.ofDays(9));
		ApiClient.Response withoutVerdict = province.post("/api/orders/" + orderId + "/recheck", Map.of());
		assertThat(withoutVerdict.status()).as("the platform does not judge a wage order itself").isEqualTo(400);
		ApiClient.Response overdue = province.post("/api/orders/" + orderId + "/recheck",
				Map.of("rectified", false, "note", "现场核查：仍未开设工资专用账户"));
		assertThat(overdue.status()).as(overdue.body()).isEqualTo(200);
		assertThat(overdue.json().get("status").asString()).isEqualTo("OVERDUE");
		JsonNode due = overdue.json().get("escalation").get("penalties").get(0);
		assertThat(due.get("party").asString()).isEqualTo("CONSTRUCTION_ENTERPRISE");
		assertThat(due.get("legalBasis").asString()).isEqualTo(Escalation.WAGE_REGULATION_55);
		assertThat(province.post("/api/penalties", penalty(orderId, 30_000)).status())
			.as("below the article's 50 000").isEqualTo(400);
		ApiClient.Response penalty = province.post("/api/penalties", penalty(orderId, 60_000));
		assertThat(penalty.status()).as(penalty.body()).isEqualTo(201);

		openAccount();
		ApiClient.Response guarantee = contractor.post("/api/projects/" + site.projectId() + "/wage-guarantees",
				Map.of("kind", "BANK_GUARANTEE", "amount", "200000", "contractValue", "10000000", "providedOn", today()));
		assertThat(guarantee.status()).as(guarantee.body()).isEqualTo(201);
		refresh(today());
		assertThat(openWarnings(province, site.projectId(), "NO_WAGE_ACCOUNT")).isEmpty();
		assertThat(openWarnings(province, site.projectId(), "NO_WAGE_GUARANTEE")).isEmpty();
	}

	@Test
	void aCompletedMonthWithConstructionDaysAndNoAllocationIsWarnedUntilTheAllocationIsRecorded() {
		moveClockTo(month.atDay(2));
		openAccount();
		clock.reset();
		refresh(today());
		List<JsonNode> missing = openWarnings(province, site.projectId(), "NO_ALLOCATION");
		assertThat(missing).extracting(w -> w.get("subject").asString()).containsExactly("month:" + month);
		assertThat(missing.get(0).get("evidence").get("constructionDayCount").asInt()).isEqualTo(month.lengthOfMonth());
		assertThat(openWarnings(province, site.projectId(), "NO_ALLOCATION")).as("the month before had no account")
			.noneMatch(w -> w.get("subject").asString().equals("month:" + month.minusMonths(1)));

		ApiClient.Response allocation = contractor.post("/api/projects/" + site.projectId() + "/wage-allocations",
				Map.of("amount", "80000.00", "receivedOn", month.atDay(20)));
		assertThat(allocation.status()).as(allocation.body()).isEqualTo(201);
		refresh(today());
		assertThat(openWarnings(province, site.projectId(), "NO_ALLOCATION")).isEmpty();
	}

	@Test
	void payWithoutAttendanceAFailedPaymentAndAnUnconfirmedTableAreWarnedAndClearedWhenPutRight() {
		EngagedWorker present = engage(month.atDay(1));
		EngagedWorker absent = engage(month.atDay(1));
		facts.present(site.projectId(), present.personId(), month.atDay(2), month.atDay(4));
		openAccount();
		long tableId = approvedTable(List.of(line(present, "5000"), line(absent, "4000")));
		// fixture: the table as an approval under siteroll.payroll.approval-requires-confirmation=false leaves it,
		// its lines not confirmed by the workers (with the default, approval waits for them)
		jdbc.sql("update wage_line set confirmed_at = null, confirmed_by = null where table_id = ?").param(tableId).update();
		LocalDate payDate = month.plusMonths(1).atDay(15);
		moveClockTo(payDate);

		refresh(today());
		List<JsonNode> unattended = openWarnings(province, site.projectId(), "PAY_WITHOUT_ATTENDANCE");
		assertThat(unattended).hasSize(1);
		assertThat(unattended.get(0).get("evidence").get("workerCount").asInt()).isEqualTo(1);
		assertThat(unattended.get(0).get("evidence").get("netTotal").decimalValue()).isEqualByComparingTo("4100");
		assertThat(openWarnings(province, site.projectId(), "TABLE_UNCONFIRMED")).as("the pay date has not passed").isEmpty();

		List<String[]> file = paymentFile(tableId);
		importResults(tableId, result(file.get(0), "成功") + result(file.get(1), "退回"));
		moveClockTo(payDate.plusDays(1));
		refresh(today());
		List<JsonNode> failed = openWarnings(province, site.projectId(), "PAYMENT_FAILED");
		assertThat(failed).hasSize(1);
		assertThat(failed.get(0).get("evidence").get("returnedCount").asInt()).isEqualTo(1);
		assertThat(failed.get(0).get("evidence").get("lineCount").asInt()).isEqualTo(1);
		List<JsonNode> unconfirmed = openWarnings(province, site.projectId(), "TABLE_UNCONFIRMED");
		assertThat(unconfirmed).hasSize(1);
		assertThat(unconfirmed.get(0).get("subject").asString()).isEqualTo("table:" + tableId);
		assertThat(unconfirmed.get(0).get("evidence").get("unconfirmedCount").asInt()).isEqualTo(2);
		assertThat(province.get("/compliance?project=" + site.projectId()).body())
			.contains("无考勤发放工资", "工资代发失败未重发", "工资表未经工人确认", "2 行中有 2 行未经工人确认");

		facts.present(site.projectId(), absent.personId(), month.atDay(6), month.atDay(6));
		List<String[]> again = paymentFile(tableId);
		assertThat(again).hasSize(1);
		importResults(tableId, result(again.get(0), "成功"));
		for (JsonNode line : contractor.get("/api/wage-tables/" + tableId + "/lines").json()) {
			ApiClient.Response confirmed = contractor.post("/api/wage-tables/" + tableId + "/lines/" + line.get("id").asLong()
					+ "/confirmation", "{}");
			assertThat(confirmed.status()).as(confirmed.body()).isEqualTo(200);
		}
		refresh(today());
		assertThat(openWarnings(province, site.projectId(), "PAY_WITHOUT_ATTENDANCE")).isEmpty();
		assertThat(openWarnings(province, site.projectId(), "PAYMENT_FAILED")).isEmpty();
		assertThat(openWarnings(province, site.projectId(), "TABLE_UNCONFIRMED")).isEmpty();
	}

	@Test
	void theDashboardShowsTheRegionsOpenArrearsAndLinksToThem() {
		EngagedWorker worker = engage(month.atDay(1));
		facts.present(site.projectId(), worker.personId(), month.atDay(3), month.atDay(3));
		moveClockTo(month.plusMonths(1).atDay(16));
		refresh(today());
		ApiClient county = as(account(Role.COUNTY_OFFICER, "220102", null, null, false));
		long open = county.get("/api/warnings?kind=WAGE_ARREARS&region=220102&size=1").json().get("total").asLong();
		assertThat(open).isPositive();
		ApiClient.Response dashboard = county.get("/dashboard?region=220102");
		assertThat(dashboard.status()).isEqualTo(200);
		assertThat(dashboard.body()).contains("欠薪预警 " + open + " 条", "/compliance?region=220102&amp;kind=WAGE_ARREARS");
		ApiClient elsewhere = as(account(Role.COUNTY_OFFICER, "220103", null, null, false));
		long there = elsewhere.get("/api/warnings?kind=WAGE_ARREARS&region=220103&size=1").json().get("total").asLong();
		assertThat(elsewhere.get("/dashboard?region=220103").body()).contains("欠薪预警 " + there + " 条");
	}

	// ---------------------------------------------------------------------------------------------------------

	private void refresh(LocalDate asOf) {
		ApiClient.Response r = province.post("/api/warnings/refresh", Map.of("asOf", asOf));
		assertThat(r.status()).as(r.body()).isEqualTo(200);
	}

	private void moveClockTo(LocalDate day) {
		clock.advance(Duration.ofDays(ChronoUnit.DAYS.between(today(), day)));
	}

	private EngagedWorker engage(LocalDate entry) {
		return engage(province, site, site.teamId(), entry);
	}

	private static Map<String, Object> line(EngagedWorker w, String basicPay) {
		Map<String, Object> line = new LinkedHashMap<>();
		line.put("idNumber", w.idNumber());
		line.put("name", w.name());
		line.put("bankCardNumber", w.card());
		line.put("bankCode", "102");
		line.put("basicPay", basicPay);
		line.put("otherPay", "200");
		line.put("deductions", "100");
		return line;
	}

	private void openAccount() {
		String number = "6217" + System.nanoTime() % 1_000_000_000_000L;
		ApiClient.Response opened = contractor.post("/api/projects/" + site.projectId() + "/wage-account",
				Map.of("bankName", "中国工商银行长春分行", "bankCode", "102", "accountNumber", number, "agreementFileName",
						"三方协议.pdf", "agreementType", "application/pdf", "agreement",
						Base64.getEncoder().encodeToString("%PDF-1.4 三方协议".getBytes(StandardCharsets.UTF_8))));
		assertThat(opened.status()).as(opened.body()).isEqualTo(201);
	}

	/** The month's table of the labour subcontractor, uploaded, checked and approved. */
	private long approvedTable(List<Map<String, Object>> lines) {
		ApiClient.Response uploaded = contractor.post("/api/projects/" + site.projectId() + "/wage-tables",
				Map.of("unitId", site.labourUnitId(), "month", month.toString(), "lines", lines));
		assertThat(uploaded.status()).as(uploaded.body()).isEqualTo(201);
		long tableId = uploaded.id();
		ApiClient.Response checked = contractor.post("/api/wage-tables/" + tableId + "/check", "{}");
		assertThat(checked.json().get("allowedLines").asInt()).as(checked.body()).isEqualTo(lines.size());
		List<Long> lineIds = new ArrayList<>();
		contractor.get("/api/wage-tables/" + tableId + "/lines").json().forEach(l -> lineIds.add(l.get("id").asLong()));
		ApiClient.Response confirmed = contractor.post("/api/wage-tables/" + tableId + "/confirmations", Map.of("lineIds", lineIds));
		assertThat(confirmed.status()).as(confirmed.body()).isEqualTo(200);
		ApiClient.Response approved = contractor.post("/api/wage-tables/" + tableId + "/approval", "{}");
		assertThat(approved.json().path("state").asString()).as(approved.body()).isEqualTo("APPROVED");
		return tableId;
	}

	private List<String[]> paymentFile(long tableId) {
		ApiClient.Response file = contractor.post("/api/wage-tables/" + tableId + "/payment-file", "{}");
		assertThat(file.status()).as(file.body()).isEqualTo(200);
		List<String[]> rows = new ArrayList<>();
		file.body().lines().skip(2).filter(l -> !l.isBlank()).forEach(l -> rows.add(l.split(",", -1)));
		return rows;
	}

	private void importResults(long tableId, String rows) {
		ApiClient.Response imported = contractor.upload("/api/wage-tables/" + tableId + "/results", "file", "回单.csv",
				("业务参考号,户名,卡号,金额,结果,说明\n" + rows).getBytes(StandardCharsets.UTF_8));
		assertThat(imported.status()).as(imported.body()).isEqualTo(200);
	}

	private static String result(String[] row, String outcome) {
		return row[0] + "," + row[1] + "," + row[2] + "," + row[4] + "," + outcome + ",\n";
	}

	private Map<String, Object> penalty(long orderId, int fine) {
		Map<String, Object> decision = Decisions.penalty(orderId, "CONSTRUCTION_ENTERPRISE", List.of("FINE"), fine, today());
		decision.put("decisionMaker", "长春市人力资源和社会保障局");
		return decision;
	}
}
