package io.siteroll.compliance.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.YearMonth;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.siteroll.compliance.RuleSet;
import io.siteroll.compliance.RuleSets;
import io.siteroll.identity.Role;
import io.siteroll.support.ApiClient;
import io.siteroll.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * R3's monthly variant (DOMAIN.md R3) as a rule-set option, off by default: with it on, the workers on the month's
 * payroll count as actually employed beside those engaged on a construction day. A worker engaged only during a
 * stoppage, paid for the month and never at the gate, is a shortfall under the option and none without it.
 */
class R3PayrollVariantTest extends IntegrationTest {

	/** A month no other test evaluates, so that evaluating it under a test rule set disturbs nobody. */
	static final YearMonth MAY_2024 = YearMonth.of(2024, 5);

	@Autowired
	MonthlyEvaluator evaluator;

	@Autowired
	RuleSets ruleSets;

	@Test
	void theMonthsPayrollCountsAsEmployedOnlyWhenTheRuleSetSaysSo() {
		ApiClient province = as(province());
		Site site = site(province, "220102", MAY_2024.atDay(1));
		ApiClient contractor = as(account(Role.ENTERPRISE_ADMIN, null, site.contractorId(), null, true));
		ApiClient.Response stoppage = province.post("/api/projects/" + site.projectId() + "/stoppages",
				Map.of("firstDay", MAY_2024.atDay(20), "lastDay", MAY_2024.atEndOfMonth(), "reason", "停工整顿"));
		assertThat(stoppage.status()).as(stoppage.body()).isIn(200, 201);
		EngagedWorker attending = engage(province, site, site.teamId(), MAY_2024.atDay(1));
		EngagedWorker payrollOnly = engage(province, site, site.teamId(), MAY_2024.atDay(22));
		facts.present(site.projectId(), attending.personId(), MAY_2024.atDay(6), MAY_2024.atDay(8));

		ApiClient.Response table = contractor.post("/api/projects/" + site.projectId() + "/wage-tables",
				Map.of("unitId", site.labourUnitId(), "month", MAY_2024.toString(), "lines",
						List.of(line(attending), line(payrollOnly))));
		assertThat(table.status()).as(table.body()).isEqualTo(201);
		assertThat(contractor.post("/api/wage-tables/" + table.id() + "/check", "{}").json().get("allowedLines").asInt())
			.isEqualTo(2);
		List<Long> lineIds = new java.util.ArrayList<>();
		contractor.get("/api/wage-tables/" + table.id() + "/lines").json().forEach(l -> lineIds.add(l.get("id").asLong()));
		assertThat(contractor.post("/api/wage-tables/" + table.id() + "/confirmations", Map.of("lineIds", lineIds)).status())
			.as("the workers confirm their lines").isEqualTo(200);
		ApiClient.Response approved = contractor.post("/api/wage-tables/" + table.id() + "/approval", "{}");
		assertThat(approved.json().path("state").asString()).as(approved.body()).isEqualTo("APPROVED");

		RuleSet standard = ruleSets.inForce(MAY_2024);
		assertThat(standard.r3CountsPayroll()).as("off by default").isFalse();
		evaluator.run(MAY_2024, "test", EvaluationProgress.NONE, standard);
		assertThat(r3(province, site)).as("engaged on a construction day: one worker, who attended").isEmpty();

		Map<String, Object> body = new LinkedHashMap<>();
		body.put("code", "R3-PAYROLL-" + System.nanoTime());
		body.put("name", "R3 月度计入工资表工人");
		body.put("r3CountsPayroll", true);
		ApiClient.Response defined = province.post("/api/rule-sets", body);
		assertThat(defined.status()).as(defined.body()).isEqualTo(201);
		assertThat(defined.json().get("r3CountsPayroll").asBoolean()).isTrue();
		RuleSet counting = ruleSets.require(defined.id());
		evaluator.run(MAY_2024, "test", EvaluationProgress.NONE, counting);
		List<JsonNode> found = r3(province, site);
		assertThat(found).hasSize(1);
		JsonNode evidence = found.get(0).get("evidence");
		assertThat(evidence.get("engagedWorkers").asInt()).isEqualTo(2);
		assertThat(evidence.get("workersWithValidDay").asInt()).isEqualTo(1);
		assertThat(evidence.get("shortfall").asInt()).isEqualTo(1);
		assertThat(evidence.get("payrollCounted").asBoolean()).isTrue();
		assertThat(province.get("/findings/" + found.get(0).get("id").asLong()).body()).contains("在册人数含当月已审核工资表上的工人");
		assertThat(evidence.get("absentPersonIds").get(0).asLong()).isEqualTo(payrollOnly.personId());

		evaluator.run(MAY_2024, "test", EvaluationProgress.NONE, standard);
		assertThat(r3(province, site)).as("withdrawn again under the default").isEmpty();

		String page = province.get("/rule-sets/" + defined.id()).body();
		assertThat(page).contains("R3 月度：实际用工人数含当月工资表上的工人", "开启", "工资支付");
		assertThat(province.get("/rule-sets/" + standard.id()).body()).contains("关闭（仅计在册进场工人）");
		assertThat(province.get("/rule-sets/new?basedOn=" + defined.id()).body())
			.contains("name=\"r3CountsPayroll\"", "<option value=\"true\" selected=\"selected\">");
	}

	private List<JsonNode> r3(ApiClient api, Site site) {
		return api.get("/api/findings?projectId=" + site.projectId() + "&month=" + MAY_2024 + "&rule=R3&status=OPEN")
			.json().get("items").valueStream().toList();
	}

	private static Map<String, Object> line(EngagedWorker worker) {
		Map<String, Object> line = new LinkedHashMap<>();
		line.put("idNumber", worker.idNumber());
		line.put("name", worker.name());
		line.put("bankCardNumber", worker.card());
		line.put("bankCode", "102");
		line.put("basicPay", "3000");
		return line;
	}
}
