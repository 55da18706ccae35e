package io.siteroll.payroll;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.siteroll.identity.Role;
import io.siteroll.support.ApiClient;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Issue 14's acceptance through the API: a wage table is refused line by line (an unregistered person, an exited
 * worker, a card not the worker's own, a team leader's card), an approved table gives a payment file with only the
 * allowed lines, and the bank's result marks lines paid, failed and returned.
 */
class WageScenarioTest extends PayrollProjectTest {

	@Test
	void aTableIsRefusedLineByLineAndOnlyAllowedLinesArePaidThenTheBankResultMarksEachLine() {
		EngagedWorker good = engage(site.teamId(), month.atDay(1));
		EngagedWorker other = engage(site.teamId(), month.atDay(1));
		EngagedWorker exited = engage(site.teamId(), month.minusMonths(1).atDay(1));
		assertThat(province.post("/api/projects/" + site.projectId() + "/workers/" + exited.engagementId() + "/exit",
				Map.of("date", month.minusMonths(1).atDay(5))).status()).isEqualTo(200);
		EngagedWorker leader = engage(site.teamId(), month.atDay(1));
		ApiClient.Response team = province.post("/api/projects/" + site.projectId() + "/teams", Map.of("unitId",
				site.labourUnitId(), "name", "木工班组", "leaderPersonId", leader.personId(), "entryDate", month.atDay(1)));
		assertThat(team.status()).as(team.body()).isEqualTo(201);
		EngagedWorker led = engage(team.id(), month.atDay(1));
		EngagedWorker third = engage(site.teamId(), month.atDay(1));
		facts.present(site.projectId(), good.personId(), month.atDay(1), today());
		String stranger = IDS.idNumber(1970, 1995);
		String strangersCard = IDS.bankCard();
		String notOthersCard = IDS.bankCard();

		List<Map<String, Object>> lines = List.of(line(good.idNumber(), good.name(), good.card(), "8000"),
				line(stranger, IDS.name(), strangersCard, "7000"), line(exited.idNumber(), exited.name(), exited.card(), "6000"),
				line(other.idNumber(), other.name(), notOthersCard, "5000"), line(led.idNumber(), led.name(), leader.card(), "4000"),
				line(leader.idNumber(), leader.name(), leader.card(), "9000"), line(third.idNumber(), third.name(), third.card(), "3000"));
		ApiClient clerk = as(account(Role.LABOUR_CLERK, null, null, site.projectId(), false));
		ApiClient.Response uploaded = clerk.post("/api/projects/" + site.projectId() + "/wage-tables",
				Map.of("unitId", site.labourUnitId(), "month", month.toString(), "lines", lines));
		assertThat(uploaded.status()).as(uploaded.body()).isEqualTo(201);
		long tableId = uploaded.id();
		assertThat(uploaded.json().get("state").asString()).isEqualTo("DRAFT");
		assertThat(uploaded.body()).doesNotContain(good.card()).doesNotContain(stranger);

		// approving or paying an unchecked table is refused
		assertThat(contractor.post("/api/wage-tables/" + tableId + "/approval", "{}").status()).isEqualTo(409);
		assertThat(contractor.post("/api/wage-tables/" + tableId + "/payment-file", "{}").status()).isEqualTo(409);

		ApiClient.Response checked = clerk.post("/api/wage-tables/" + tableId + "/check", "{}");
		assertThat(checked.status()).as(checked.body()).isEqualTo(200);
		assertThat(checked.json().get("state").asString()).isEqualTo("CHECKED");
		assertThat(checked.json().get("allowedLines").asInt()).isEqualTo(3);
		assertThat(checked.json().get("refusedLines").asInt()).isEqualTo(4);
		List<JsonNode> checkedLines = lines(tableId);
		assertThat(refusals(checkedLines.get(0))).isEmpty();
		assertThat(checkedLines.get(0).get("daysWorked").asInt()).as("days from attendance").isEqualTo(today().getDayOfMonth());
		assertThat(refusals(checkedLines.get(1))).containsExactly("NOT_REGISTERED");
		assertThat(refusals(checkedLines.get(2))).containsExactly("EXITED_BEFORE_MONTH");
		assertThat(refusals(checkedLines.get(3))).containsExactly("NOT_OWN_CARD");
		assertThat(refusals(checkedLines.get(4))).containsExactly("NOT_OWN_CARD", "TEAM_LEADER_CARD");
		assertThat(refusals(checkedLines.get(5))).as("a team leader paid to his own card").isEmpty();
		assertThat(refusals(checkedLines.get(6))).isEmpty();
		assertThat(checkedLines.get(1).get("allowed").asBoolean()).isFalse();

		// only the general contractor approves; a payment needs the wage account
		assertThat(clerk.post("/api/wage-tables/" + tableId + "/approval", "{}").status()).isEqualTo(403);
		// 条例 art. 31: approval waits for the workers' confirmations, and the refusal names the lines still open
		ApiClient.Response unconfirmed = contractor.post("/api/wage-tables/" + tableId + "/approval", "{}");
		assertThat(unconfirmed.status()).as(unconfirmed.body()).isEqualTo(409);
		assertThat(unconfirmed.body()).contains("wage-table.unconfirmed", "3 行未确认", "1 " + good.name(),
				"6 " + leader.name(), "7 " + third.name());
		long goodLine = checkedLines.get(0).get("id").asLong();
		assertThat(clerk.post("/api/wage-tables/" + tableId + "/confirmations", Map.of("lineIds", List.of(goodLine)))
			.json().get("confirmedLines").asInt()).isOne();
		ApiClient.Response stillOpen = contractor.english().post("/api/wage-tables/" + tableId + "/approval", "{}");
		assertThat(stillOpen.status()).isEqualTo(409);
		assertThat(stillOpen.body()).contains("2 lines are not confirmed", "6 " + leader.name(), "7 " + third.name())
			.doesNotContain("1 " + good.name());
		ApiClient.Response notInTable = clerk.post("/api/wage-tables/" + tableId + "/confirmations",
				Map.of("lineIds", List.of(checkedLines.get(5).get("id").asLong(), Long.MAX_VALUE)));
		assertThat(notInTable.status()).isEqualTo(400);
		assertThat(notInTable.body()).contains("lineIds[1]", "wage-line.not-in-table");
		assertThat(clerk.post("/api/wage-tables/" + tableId + "/confirmations", Map.of("lineIds",
				List.of(goodLine, checkedLines.get(5).get("id").asLong(), checkedLines.get(6).get("id").asLong())))
			.json().get("confirmedLines").asInt()).as("a line confirmed again stays as it was").isEqualTo(3);
		assertThat(contractor.post("/api/wage-tables/" + tableId + "/approval", "{}").json().get("state").asString())
			.isEqualTo("APPROVED");
		assertThat(contractor.post("/api/wage-tables/" + tableId + "/payment-file", "{}").status()).isEqualTo(409);
		String accountNumber = "6217" + System.nanoTime() % 1_000_000_000_000L;
		openAccount(accountNumber);

		ApiClient.Response file = contractor.post("/api/wage-tables/" + tableId + "/payment-file", "{}");
		assertThat(file.status()).as(file.body()).isEqualTo(200);
		List<String[]> rows = rows(file.body());
		assertThat(file.body()).contains(accountNumber);
		assertThat(rows).extracting(r -> r[0]).containsExactly("WL" + checkedLines.get(0).get("id").asLong(),
				"WL" + checkedLines.get(5).get("id").asLong(), "WL" + checkedLines.get(6).get("id").asLong());
		assertThat(rows).extracting(r -> r[2]).containsExactly(good.card(), leader.card(), third.card());
		assertThat(file.body()).doesNotContain(strangersCard).doesNotContain(notOthersCard).doesNotContain(exited.card());
		assertThat(contractor.get("/api/projects/" + site.projectId() + "/wage-account").json().get("state").asString())
			.isEqualTo("IN_USE");

		// the bank's result: paid, failed, returned; a result naming a refused line is refused whole
		String refusedLine = "WL" + checkedLines.get(1).get("id").asLong() + ",x," + strangersCard + ",7000,成功,\n";
		ApiClient.Response sneaky = contractor.upload("/api/wage-tables/" + tableId + "/results", "file", "回单.csv",
				(result(rows.get(0), "成功") + refusedLine).getBytes(StandardCharsets.UTF_8));
		assertThat(sneaky.status()).isEqualTo(400);
		assertThat(sneaky.body()).contains("results[2].reference");
		assertThat(lines(tableId).get(0).get("payment").isNull()).as("nothing changed").isTrue();
		String bankResult = "业务参考号,户名,卡号,金额,结果,说明\n" + result(rows.get(0), "成功") + result(rows.get(1), "失败")
				+ result(rows.get(2), "退回");
		ApiClient.Response imported = contractor.upload("/api/wage-tables/" + tableId + "/results", "file", "回单.csv",
				bankResult.getBytes(StandardCharsets.UTF_8));
		assertThat(imported.status()).as(imported.body()).isEqualTo(200);
		assertThat(imported.json().get("paid").asInt()).isEqualTo(1);
		assertThat(imported.json().get("failed").asInt()).isEqualTo(1);
		assertThat(imported.json().get("returned").asInt()).isEqualTo(1);
		assertThat(imported.json().get("table").get("state").asString()).isEqualTo("APPROVED");
		List<JsonNode> paidLines = lines(tableId);
		assertThat(paidLines.get(0).get("payment").asString()).isEqualTo("PAID");
		assertThat(paidLines.get(5).get("payment").asString()).isEqualTo("FAILED");
		assertThat(paidLines.get(6).get("payment").asString()).isEqualTo("RETURNED");
		assertThat(paidLines.get(1).get("payment").isNull()).isTrue();

		// 欠薪: the worker with valid days is unpaid until the bank says paid; due the day after the pay date
		String arrears = "/api/projects/" + site.projectId() + "/wage-arrears?month=" + month;
		assertThat(contractor.get(arrears).json().get("workers")).as("paid").isEmpty();
		facts.present(site.projectId(), third.personId(), month.atDay(1), month.atDay(1));
		JsonNode unpaid = contractor.get(arrears).json();
		assertThat(unpaid.get("workers")).hasSize(1);
		assertThat(unpaid.get("workers").get(0).get("personId").asLong()).isEqualTo(third.personId());
		assertThat(unpaid.get("payDate").asString()).isEqualTo(month.plusMonths(1).atDay(15).toString());
		assertThat(unpaid.get("due").asBoolean()).isFalse();
		clock.advance(Duration.ofDays(ChronoUnit.DAYS.between(today(), month.plusMonths(1).atDay(16))));
		assertThat(contractor.get(arrears).json().get("due").asBoolean()).isTrue();

		// the failed and returned lines are paid again, and the table is paid
		List<String[]> again = rows(contractor.post("/api/wage-tables/" + tableId + "/payment-file", "{}").body());
		assertThat(again).extracting(r -> r[2]).containsExactly(leader.card(), third.card());
		ApiClient.Response second = contractor.upload("/api/wage-tables/" + tableId + "/results", "file", "回单2.csv",
				(result(again.get(0), "成功") + result(again.get(1), "成功")).getBytes(StandardCharsets.UTF_8));
		assertThat(second.json().get("table").get("state").asString()).isEqualTo("PAID");
		assertThat(contractor.get(arrears).json().get("workers")).as("paid now").isEmpty();
	}

	@Test
	void badInputNamesTheFieldAndTheRuleAndChangesNothing() {
		EngagedWorker good = engage(site.teamId(), month.atDay(1));
		String notLuhn = good.card().substring(0, good.card().length() - 1)
				+ (char) ('0' + (good.card().charAt(good.card().length() - 1) - '0' + 1) % 10);
		ApiClient.Response refused = contractor.english().post("/api/projects/" + site.projectId() + "/wage-tables",
				Map.of("unitId", site.labourUnitId(), "month", month.toString(), "lines",
						List.of(line(good.idNumber(), good.name(), good.card(), "100"), line(good.idNumber(), "", notLuhn, "-1"))));
		assertThat(refused.status()).isEqualTo(400);
		assertThat(refused.body()).contains("lines[1].bankCardNumber").contains("Luhn").contains("lines[1].name")
			.contains("lines[1].basicPay").contains("lines[1].idNumber").doesNotContain(notLuhn);
		ApiClient.Response future = contractor.english().post("/api/projects/" + site.projectId() + "/wage-tables",
				Map.of("unitId", site.labourUnitId(), "month", month.plusMonths(1).toString(), "lines",
						List.of(line(good.idNumber(), good.name(), good.card(), "100"))));
		assertThat(future.status()).isEqualTo(400);
		assertThat(future.body()).contains("\"month\"").contains("must not be after the current month");
		assertThat(contractor.get("/api/projects/" + site.projectId() + "/wage-tables").json().size()).isZero();

		ApiClient.Response badAccount = contractor.post("/api/projects/" + site.projectId() + "/wage-account",
				Map.of("bankName", "中国工商银行长春分行", "bankCode", "102", "accountNumber", "12ab"));
		assertThat(badAccount.status()).isEqualTo(400);
		assertThat(badAccount.body()).contains("accountNumber").contains("agreement");
		assertThat(contractor.get("/api/projects/" + site.projectId() + "/wage-account").status()).isEqualTo(404);
		ApiClient.Response subcontractor = as(account(Role.ENTERPRISE_ADMIN, null, site.contractorId() + 1, null, true))
			.post("/api/projects/" + site.projectId() + "/wage-account", opening("62170000111122223333"));
		assertThat(subcontractor.status()).isIn(403, 404);
	}

	@Test
	void theAccountClosesOnlyAfterItsThirtyDayNoticeAndAllocationsAndTheGuaranteeAreKept() {
		openAccount("62170000111122223333");
		assertThat(contractor.post("/api/projects/" + site.projectId() + "/wage-account", opening("62170000111122224444"))
			.status()).as("one per project").isEqualTo(409);
		ApiClient.Response allocation = contractor.post("/api/projects/" + site.projectId() + "/wage-allocations",
				Map.of("amount", "120000.00", "receivedOn", today()));
		assertThat(allocation.status()).as(allocation.body()).isEqualTo(201);
		ApiClient.Response statement = contractor.upload("/api/projects/" + site.projectId() + "/wage-allocations/statement",
				"file", "流水.csv", ("日期,金额,摘要\n" + today().minusDays(1) + ",50000,人工费拨付\n" + today() + ",abc,x\n")
					.getBytes(StandardCharsets.UTF_8));
		assertThat(statement.status()).isEqualTo(400);
		assertThat(statement.body()).contains("statement[3].amount");
		assertThat(contractor.get("/api/projects/" + site.projectId() + "/wage-allocations").json().size()).isOne();
		assertThat(contractor.upload("/api/projects/" + site.projectId() + "/wage-allocations/statement", "file", "流水.csv",
				("日期,金额,摘要\n" + today().minusDays(1) + ",50000,人工费拨付\n").getBytes(StandardCharsets.UTF_8)).status())
			.isEqualTo(201);
		assertThat(contractor.get("/api/projects/" + site.projectId() + "/wage-account").json().get("state").asString())
			.isEqualTo("IN_USE");

		ApiClient.Response low = contractor.post("/api/projects/" + site.projectId() + "/wage-guarantees",
				Map.of("kind", "CASH_DEPOSIT", "amount", "10000", "contractValue", "10000000", "providedOn", today()));
		assertThat(low.status()).isEqualTo(400);
		assertThat(low.body()).contains("200000.00");
		ApiClient.Response letter = contractor.post("/api/projects/" + site.projectId() + "/wage-guarantees",
				Map.of("kind", "BANK_GUARANTEE", "amount", "200000", "contractValue", "10000000", "providedOn", today(),
						"validUntil", today().plusYears(2)));
		assertThat(letter.status()).as(letter.body()).isEqualTo(201);
		assertThat(contractor.post("/api/projects/" + site.projectId() + "/wage-guarantees", Map.of("kind", "CASH_DEPOSIT",
				"amount", "0", "contractValue", "2000000", "providedOn", today())).json().get("exempt").asBoolean()).isTrue();

		assertThat(contractor.post("/api/projects/" + site.projectId() + "/wage-account/closure", "{}").status())
			.isEqualTo(409);
		assertThat(contractor.post("/api/projects/" + site.projectId() + "/wage-account/closing", "{}").json().get("state")
			.asString()).isEqualTo("CLOSING");
		clock.advance(Duration.ofDays(29));
		ApiClient.Response early = contractor.post("/api/projects/" + site.projectId() + "/wage-account/closure", "{}");
		assertThat(early.status()).isEqualTo(409);
		clock.advance(Duration.ofDays(1));
		assertThat(contractor.post("/api/projects/" + site.projectId() + "/wage-account/closure", "{}").json().get("state")
			.asString()).isEqualTo("CLOSED");
		assertThat(contractor.post("/api/projects/" + site.projectId() + "/wage-allocations",
				Map.of("amount", "1.00", "receivedOn", today())).status()).isEqualTo(409);
		assertThat(contractor.get("/api/projects/" + site.projectId() + "/wage-account").body())
			.doesNotContain("62170000111122223333").contains("6217************3333");
		assertThat(contractor.post("/api/projects/" + site.projectId() + "/wage-account/number/reveal", "{}").json()
			.get("accountNumber").asString()).isEqualTo("62170000111122223333");
	}

	// ---------------------------------------------------------------------------------------------------------

	EngagedWorker engage(long teamId, LocalDate entry) {
		return engage(province, site, teamId, entry);
	}

	static Map<String, Object> line(String idNumber, String name, String card, String basicPay) {
		Map<String, Object> line = new LinkedHashMap<>();
		line.put("idNumber", idNumber);
		line.put("name", name);
		line.put("bankCardNumber", card);
		line.put("bankCode", "102");
		line.put("basicPay", basicPay);
		line.put("otherPay", "200");
		line.put("deductions", "100");
		return line;
	}

	Map<String, Object> opening(String number) {
		return Map.of("bankName", "中国工商银行长春分行", "bankCode", "102", "accountNumber", number, "agreementFileName",
				"三方协议.pdf", "agreementType", "application/pdf", "agreement",
				Base64.getEncoder().encodeToString("%PDF-1.4 三方协议".getBytes(StandardCharsets.UTF_8)));
	}

	void openAccount(String number) {
		ApiClient.Response opened = contractor.post("/api/projects/" + site.projectId() + "/wage-account", opening(number));
		assertThat(opened.status()).as(opened.body()).isEqualTo(201);
		assertThat(opened.body()).doesNotContain(number);
	}

	List<JsonNode> lines(long tableId) {
		List<JsonNode> lines = new ArrayList<>();
		contractor.get("/api/wage-tables/" + tableId + "/lines").json().forEach(lines::add);
		return lines;
	}

	static List<String> refusals(JsonNode line) {
		List<String> refusals = new ArrayList<>();
		line.get("refusals").forEach(r -> refusals.add(r.asString()));
		return refusals;
	}

	/** The payment file's instruction rows (after the payer and header rows). */
	static List<String[]> rows(String csv) {
		return csv.lines().skip(2).filter(l -> !l.isBlank()).map(l -> l.split(",", -1)).toList();
	}

	static String result(String[] paymentRow, String outcome) {
		return paymentRow[0] + "," + paymentRow[1] + "," + paymentRow[2] + "," + paymentRow[4] + "," + outcome + ",\n";
	}
}
