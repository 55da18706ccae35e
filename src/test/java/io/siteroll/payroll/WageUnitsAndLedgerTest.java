package io.siteroll.payroll;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.siteroll.identity.Role;
import io.siteroll.support.ApiClient;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataAccessException;
import tools.jackson.databind.JsonNode;

/**
 * Issue 14, the remaining payroll rules: a subcontractor makes its own unit's wage table (and no other unit's) while
 * the general contractor approves and pays (总包代发, 条例 art. 31); a line is checked against the table's unit; the
 * wage ledger cannot be deleted before three years from the payment (条例 art. 15).
 */
class WageUnitsAndLedgerTest extends PayrollProjectTest {

	/** The labour subcontractor's enterprise administrator. */
	ApiClient subcontractor;

	@BeforeEach
	void subcontractor() {
		long labourEnterprise = jdbc.sql("select enterprise_id from participating_unit where id = ?")
			.param(site.labourUnitId()).query(Long.class).single();
		subcontractor = as(account(Role.ENTERPRISE_ADMIN, null, labourEnterprise, null, false));
	}

	@Test
	void aSubcontractorMakesItsOwnUnitsTableOnlyAndTheGeneralContractorApproves() {
		EngagedWorker worker = engage(site.teamId());
		String upload = "/api/projects/" + site.projectId() + "/wage-tables";

		ApiClient.Response otherUnit = subcontractor.post(upload, Map.of("unitId", site.gcUnitId(), "month",
				month.toString(), "lines", List.of(line(worker, worker.card(), "6000"))));
		assertThat(otherUnit.status()).as(otherUnit.body()).isEqualTo(403);
		assertThat(otherUnit.body()).contains("payroll.own-unit-only", "只能编制本单位的工资表");
		ApiClient.Response otherUnitExcel = subcontractor.upload("/api/projects/" + site.projectId() + "/units/"
				+ site.gcUnitId() + "/wage-table?month=" + month, "file", "工资表.xlsx", new byte[] { 1, 2, 3 });
		assertThat(otherUnitExcel.status()).as("refused before the file is read").isEqualTo(403);
		ApiClient.Response fromAttendance = subcontractor.post(upload + "/from-attendance",
				Map.of("unitId", site.gcUnitId(), "month", month.toString(), "dailyWage", "300"));
		assertThat(fromAttendance.status()).isEqualTo(403);
		assertThat(contractor.get(upload).json().size()).as("nothing stored").isZero();

		ApiClient.Response own = subcontractor.post(upload, Map.of("unitId", site.labourUnitId(), "month",
				month.toString(), "lines", List.of(line(worker, worker.card(), "6000"))));
		assertThat(own.status()).as(own.body()).isEqualTo(201);
		long tableId = own.id();
		assertThat(subcontractor.post("/api/wage-tables/" + tableId + "/check", "{}").json().get("allowedLines").asInt())
			.isOne();
		long lineId = subcontractor.get("/api/wage-tables/" + tableId + "/lines").json().get(0).get("id").asLong();
		assertThat(subcontractor.post("/api/wage-tables/" + tableId + "/confirmations", Map.of("lineIds", List.of(lineId)))
			.json().get("confirmedLines").asInt()).isOne();
		ApiClient.Response subApproves = subcontractor.post("/api/wage-tables/" + tableId + "/approval", "{}");
		assertThat(subApproves.status()).as("the general contractor approves (总包代发)").isEqualTo(403);
		assertThat(contractor.post("/api/wage-tables/" + tableId + "/approval", "{}").json().get("state").asString())
			.isEqualTo("APPROVED");

		// another enterprise on no unit of the project does not see it; a city officer sees but makes no table
		ApiClient stranger = as(account(Role.ENTERPRISE_ADMIN, null, enterprise(province, "220102"), null, false));
		assertThat(stranger.post(upload, Map.of("unitId", site.labourUnitId(), "month", month.toString(), "lines",
				List.of(line(worker, worker.card(), "6000")))).status()).isEqualTo(404);
		ApiClient city = as(account(Role.CITY_OFFICER, "220100", null, null, false));
		assertThat(city.post(upload, Map.of("unitId", site.labourUnitId(), "month", month.toString(), "lines",
				List.of(line(worker, worker.card(), "6000")))).status()).isEqualTo(403);

		// the month's page offers the subcontractor the upload for its own unit only
		ApiClient.Response page = subcontractor.get("/projects/" + site.projectId() + "/wages?month=" + month);
		assertThat(page.body()).contains("上传工资表");
		String select = page.body().substring(page.body().indexOf("id=\"upload-unit\""));
		select = select.substring(0, select.indexOf("</select>"));
		assertThat(select).contains("value=\"" + site.labourUnitId() + "\"").doesNotContain("value=\"" + site.gcUnitId() + "\"");
	}

	@Test
	void aWorkerOfAnotherUnitsTeamIsRefusedOnThisUnitsTable() {
		long otherEnterprise = enterprise(province, "220102");
		long otherUnit = province.post("/api/projects/" + site.projectId() + "/units", Map.of("enterpriseId", otherEnterprise,
				"unitType", "001", "entryDate", month.minusMonths(2).atDay(1))).id();
		ApiClient.Response team = province.post("/api/projects/" + site.projectId() + "/teams",
				Map.of("unitId", otherUnit, "name", "机电安装班组", "entryDate", month.minusMonths(2).atDay(1)));
		assertThat(team.status()).as(team.body()).isEqualTo(201);
		EngagedWorker own = engage(site.teamId());
		EngagedWorker others = engage(team.id());

		ApiClient.Response table = contractor.post("/api/projects/" + site.projectId() + "/wage-tables",
				Map.of("unitId", site.labourUnitId(), "month", month.toString(), "lines",
						List.of(line(own, own.card(), "6000"), line(others, others.card(), "6500"))));
		assertThat(table.status()).as(table.body()).isEqualTo(201);
		ApiClient.Response checked = contractor.post("/api/wage-tables/" + table.id() + "/check", "{}");
		assertThat(checked.json().get("allowedLines").asInt()).isOne();
		List<JsonNode> lines = new ArrayList<>();
		contractor.get("/api/wage-tables/" + table.id() + "/lines").json().forEach(lines::add);
		assertThat(lines.get(0).get("refusals")).isEmpty();
		assertThat(lines.get(1).get("refusals").get(0).asString()).isEqualTo("OTHER_UNIT");
		assertThat(lines.get(1).get("refusals")).hasSize(1);
		assertThat(contractor.get("/wage-tables/" + table.id()).body()).contains("非本单位工人");
		assertThat(contractor.english().get("/wage-tables/" + table.id()).body()).contains("another unit&#39;s worker");

		// on its own unit's table the same worker is allowed
		ApiClient.Response theirs = contractor.post("/api/projects/" + site.projectId() + "/wage-tables",
				Map.of("unitId", otherUnit, "month", month.toString(), "lines", List.of(line(others, others.card(), "6500"))));
		assertThat(contractor.post("/api/wage-tables/" + theirs.id() + "/check", "{}").json().get("allowedLines").asInt())
			.isOne();
	}

	@Test
	void thePaidLedgerCannotBeDeletedBeforeThreeYearsFromThePayment() {
		EngagedWorker worker = engage(site.teamId());
		String upload = "/api/projects/" + site.projectId() + "/wage-tables";
		long tableId = contractor.post(upload, Map.of("unitId", site.labourUnitId(), "month", month.toString(), "lines",
				List.of(line(worker, worker.card(), "6000")))).id();
		// a draft's lines are replaced by a new upload: that delete is allowed
		assertThat(contractor.post(upload, Map.of("unitId", site.labourUnitId(), "month", month.toString(), "lines",
				List.of(line(worker, worker.card(), "6100")))).status()).isEqualTo(201);
		contractor.post("/api/wage-tables/" + tableId + "/check", "{}");
		long lineId = contractor.get("/api/wage-tables/" + tableId + "/lines").json().get(0).get("id").asLong();
		contractor.post("/api/wage-tables/" + tableId + "/confirmations", Map.of("lineIds", List.of(lineId)));
		assertThat(contractor.post("/api/wage-tables/" + tableId + "/approval", "{}").status()).isEqualTo(200);
		assertThat(contractor.post("/api/projects/" + site.projectId() + "/wage-account", Map.of("bankName", "中国工商银行",
				"bankCode", "102", "accountNumber", "62170000111122225555", "agreementFileName", "三方协议.pdf",
				"agreementType", "application/pdf", "agreement",
				Base64.getEncoder().encodeToString("%PDF-1.4".getBytes(StandardCharsets.UTF_8)))).status()).isEqualTo(201);
		assertThat(contractor.post("/api/projects/" + site.projectId() + "/wage-allocations", Map.of("amount", "6100.00",
				"receivedOn", today())).status()).isEqualTo(201);
		String[] row = contractor.post("/api/wage-tables/" + tableId + "/payment-file", "{}").body().lines().skip(2)
			.findFirst().orElseThrow().split(",");
		String result = row[0] + "," + row[1] + "," + row[2] + "," + row[4] + ",成功,\n";
		assertThat(contractor.upload("/api/wage-tables/" + tableId + "/results", "file", "回单.csv",
				result.getBytes(StandardCharsets.UTF_8)).json().get("table").get("state").asString()).isEqualTo("PAID");

		// no endpoint deletes the ledger
		assertThat(contractor.upload("DELETE", "/api/wage-tables/" + tableId, "file", "x", new byte[] { 1 }).status())
			.isIn(404, 405);
		assertThat(contractor.upload("DELETE", "/api/wage-tables/" + tableId + "/lines/" + lineId, "file", "x",
				new byte[] { 1 }).status()).isIn(404, 405);
		// and no statement below the application does either, however it is typed
		for (String delete : List.of("delete from wage_line where table_id = ?", "delete from wage_payment_file where table_id = ?",
				"delete from wage_table where id = ?")) {
			assertThatThrownBy(() -> jdbc.sql(delete).param(tableId).update()).as(delete)
				.isInstanceOf(DataAccessException.class).hasMessageContaining("wage ledger");
		}
		assertThatThrownBy(() -> jdbc.sql("delete from wage_allocation where account_id in (select id from wage_account"
				+ " where project_id = ?)").param(site.projectId()).update()).isInstanceOf(DataAccessException.class)
			.hasMessageContaining("wage ledger");
		assertThatThrownBy(() -> jdbc.sql("delete from wage_account where project_id = ?").param(site.projectId()).update())
			.isInstanceOf(DataAccessException.class).hasMessageContaining("wage ledger");
		assertThatThrownBy(() -> jdbc.sql("truncate wage_line cascade").update()).isInstanceOf(DataAccessException.class)
			.hasMessageContaining("truncate refused");
		assertThat(jdbc.sql("select count(*) from wage_line where table_id = ?").param(tableId).query(Long.class).single())
			.isOne();

		// a day short of three years after the payment it is still kept; three years and a day after, it may go
		jdbc.sql("update wage_table set paid_at = now() - interval '3 years' + interval '1 day' where id = ?").param(tableId)
			.update();
		assertThatThrownBy(() -> jdbc.sql("delete from wage_line where table_id = ?").param(tableId).update())
			.isInstanceOf(DataAccessException.class);
		jdbc.sql("update wage_table set paid_at = now() - interval '3 years' - interval '1 day' where id = ?").param(tableId)
			.update();
		assertThat(jdbc.sql("delete from wage_line where table_id = ?").param(tableId).update()).isOne();
		assertThat(jdbc.sql("delete from wage_payment_file where table_id = ?").param(tableId).update()).isOne();
		assertThat(jdbc.sql("delete from wage_table where id = ?").param(tableId).update()).isOne();
	}

	// ---------------------------------------------------------------------------------------------------------

	EngagedWorker engage(long teamId) {
		return engage(province, site, teamId, month.atDay(1));
	}

	static Map<String, Object> line(EngagedWorker worker, String card, String basicPay) {
		Map<String, Object> line = new LinkedHashMap<>();
		line.put("idNumber", worker.idNumber());
		line.put("name", worker.name());
		line.put("bankCardNumber", card);
		line.put("basicPay", basicPay);
		return line;
	}
}
