package io.siteroll.project;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.siteroll.identity.Role;
import io.siteroll.support.ApiClient;
import io.siteroll.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The construction calendar cannot be back-dated by the regulated party. 停工: the enterprise side's stoppage takes effect from
 * the day it is declared; one that starts earlier is a request an officer of the project's region
 * decides on, with the reason, audited. Only stoppages in force remove construction days. Nor can the
 * enterprise side move a start date that has passed or date a completion back beyond a short grace.
 */
class StoppageRequestTest extends IntegrationTest {

	private int days(ApiClient api, long projectId, YearMonth month) {
		return api.get("/api/projects/" + projectId + "/construction-days?month=" + month).json().get("count").asInt();
	}

	private List<JsonNode> r2(ApiClient api, long projectId, YearMonth month) {
		return api.get("/api/findings?projectId=" + projectId + "&month=" + month + "&rule=R2").json().get("items")
			.valueStream().toList();
	}

	@Test
	void aClerksStoppageOverAPastMonthIsARequestThatRemovesNothingUntilAnOfficerOfTheRegionApprovesIt() {
		ApiClient province = as(province());
		YearMonth last = YearMonth.from(today()).minusMonths(1);
		Site site = site(province, "220102", last.atDay(1));
		long person = province.post("/api/persons", Map.of("idType", "01", "idNumber", IDS.idNumber(1965, 1995), "name",
				IDS.name())).id();
		assertThat(province.post("/api/projects/" + site.projectId() + "/managers", Map.of("personId", person, "post",
				"PROJECT_MANAGER", "unitId", site.gcUnitId(), "tenureFrom", last.atDay(1))).status()).isEqualTo(201);
		assertThat(province.post("/api/evaluations", Map.of("month", last.toString())).status()).isEqualTo(200);
		List<JsonNode> before = r2(province, site.projectId(), last);
		assertThat(before).as("the project manager never attended").hasSize(1);
		long findingId = before.get(0).get("id").asLong();

		ApiClient clerk = as(account(Role.LABOUR_CLERK, null, null, site.projectId(), false));
		ApiClient.Response declared = clerk.post("/api/projects/" + site.projectId() + "/stoppages",
				Map.of("firstDay", last.atDay(1), "lastDay", last.atEndOfMonth(), "reason", "补报停工"));
		assertThat(declared.status()).as(declared.body()).isEqualTo(201);
		assertThat(declared.json().get("status").asString()).isEqualTo("PENDING");
		assertThat(declared.json().get("declaredOn").asString()).isEqualTo(today().toString());
		long stoppageId = declared.id();
		assertThat(days(province, site.projectId(), last)).as("a pending request removes nothing").isEqualTo(last.lengthOfMonth());
		province.post("/api/evaluations", Map.of("month", last.toString()));
		assertThat(r2(province, site.projectId(), last)).hasSize(1);

		String approval = "/api/projects/" + site.projectId() + "/stoppages/" + stoppageId + "/approval";
		assertThat(clerk.post(approval, Map.of("note", "自己批准")).status()).as("the requester's side").isIn(403, 404);
		ApiClient enterprise = as(account(Role.ENTERPRISE_ADMIN, null, site.contractorId(), null, false));
		assertThat(enterprise.post(approval, Map.of("note", "企业批准")).status()).isIn(403, 404);
		assertThat(as(account(Role.CITY_OFFICER, "220200", null, null, false)).post(approval, Map.of("note", "外地"))
			.status()).as("an officer of another city").isEqualTo(404);
		ApiClient county = as(account(Role.COUNTY_OFFICER, "220102", null, null, false));
		ApiClient.Response noReason = county.post(approval, Map.of());
		assertThat(noReason.status()).isEqualTo(400);
		assertThat(rules(noReason)).containsExactly("required");

		ApiClient.Response approved = county.post(approval, Map.of("note", "经核实，确因冬季停工"));
		assertThat(approved.status()).as(approved.body()).isEqualTo(200);
		assertThat(approved.json().get("status").asString()).isEqualTo("IN_FORCE");
		assertThat(approved.json().get("decisionNote").asString()).isEqualTo("经核实，确因冬季停工");
		assertThat(county.post(approval, Map.of("note", "再批")).status()).as("decided once").isEqualTo(409);
		assertThat(days(province, site.projectId(), last)).isZero();
		assertThat(jdbc.sql("""
				select count(*) from audit_entry where subject_type = 'project_stoppage' and subject_id = ? and action = 'APPROVED'""")
			.param(String.valueOf(stoppageId)).query(Long.class).single()).isEqualTo(1);

		province.post("/api/evaluations", Map.of("month", last.toString()));
		assertThat(r2(province, site.projectId(), last)).isEmpty();
		JsonNode detail = province.get("/api/findings/" + findingId).json();
		assertThat(detail.get("finding").get("status").asString()).isEqualTo("WITHDRAWN");
		assertThat(detail.get("revisions").valueStream().map(r -> r.get("change").asString()).toList())
			.as("the withdrawn finding keeps its history").containsExactly("RAISED", "WITHDRAWN");
	}

	@Test
	void aStoppageFromTheDayItIsDeclaredIsInForceAndARejectedRequestRemovesNothing() {
		ApiClient province = as(province());
		Site site = site(province, "220102", today().minusDays(40));
		String p = "/api/projects/" + site.projectId();
		ApiClient enterprise = as(account(Role.ENTERPRISE_ADMIN, null, site.contractorId(), null, false));
		LocalDate earlier = today().minusDays(20);
		ApiClient.Response request = enterprise.post(p + "/stoppages",
				Map.of("firstDay", earlier, "lastDay", earlier.plusDays(4), "reason", "补报"));
		assertThat(request.json().get("status").asString()).isEqualTo("PENDING");
		ApiClient.Response now = enterprise.post(p + "/stoppages", Map.of("firstDay", today(), "reason", "今日停工"));
		assertThat(now.status()).as(now.body()).isEqualTo(201);
		assertThat(now.json().get("status").asString()).isEqualTo("IN_FORCE");
		assertThat(api(province, site.projectId(), today())).as("today is not a construction day").isFalse();

		ApiClient city = as(account(Role.CITY_OFFICER, "220100", null, null, false));
		ApiClient.Response rejected = city.post(p + "/stoppages/" + request.id() + "/rejection", Map.of("note", "无停工证明"));
		assertThat(rejected.status()).as(rejected.body()).isEqualTo(200);
		assertThat(rejected.json().get("status").asString()).isEqualTo("REJECTED");
		assertThat(api(province, site.projectId(), earlier)).as("rejected: still a construction day").isTrue();
		assertThat(enterprise.post(p + "/stoppages", Map.of("firstDay", earlier, "lastDay", earlier, "reason", "再报"))
			.status()).as("a rejected request does not block a new one").isEqualTo(201);

		ApiClient officerDeclares = as(account(Role.COUNTY_OFFICER, "220102", null, null, false));
		ApiClient.Response byOfficer = officerDeclares.post(p + "/stoppages",
				Map.of("firstDay", earlier.plusDays(10), "lastDay", earlier.plusDays(11), "reason", "主管部门核定停工"));
		assertThat(byOfficer.status()).as(byOfficer.body()).isEqualTo(201);
		assertThat(byOfficer.json().get("status").asString()).as("an officer's act is in force at once").isEqualTo("IN_FORCE");
		assertThat(api(province, site.projectId(), earlier.plusDays(10))).isFalse();
	}

	@Test
	void theProjectPageShowsPendingRequestsAndLetsAnOfficerDecideThem() {
		ApiClient province = as(province());
		Site site = site(province, "220102", today().minusDays(40));
		ApiClient clerk = as(account(Role.LABOUR_CLERK, null, null, site.projectId(), false));
		LocalDate earlier = today().minusDays(10);
		long id = clerk.post("/api/projects/" + site.projectId() + "/stoppages",
				Map.of("firstDay", earlier, "lastDay", earlier.plusDays(1), "reason", "补报停工")).id();
		assertThat(clerk.get("/projects/" + site.projectId()).body()).contains("待审批").doesNotContain("stoppage-decision");
		String officer = account(Role.CITY_OFFICER, "220100", null, null, false);
		ApiClient city = as(officer);
		String page = city.get("/projects/" + site.projectId()).body();
		assertThat(page).contains("待审批", "stoppage-decision", "批准", "驳回");
		assertThat(as(officer).english().get("/projects/" + site.projectId()).body()).contains("Pending approval", "Approve");
		ApiClient.Response decided = city.form("/projects/" + site.projectId() + "/stoppages/" + id + "/decision",
				Map.of("decision", "APPROVE", "note", "核实属实"));
		assertThat(decided.status()).isIn(200, 302, 303);
		assertThat(city.get("/api/projects/" + site.projectId() + "/stoppages").json().get(0).get("status").asString())
			.isEqualTo("IN_FORCE");
		assertThat(city.get("/projects/" + site.projectId()).body()).contains("已生效", "核实属实");

		LocalDate open = today().minusDays(3);
		assertThat(as(account(Role.COUNTY_OFFICER, "220102", null, null, false)).post("/api/projects/" + site.projectId()
				+ "/stoppages", Map.of("firstDay", open, "reason", "主管部门核定停工")).status()).isEqualTo(201);
		assertThat(city.get("/projects/" + site.projectId()).body()).as("a stoppage without a last day")
			.contains(open + " 至 未复工：主管部门核定停工");
		assertThat(as(officer).english().get("/projects/" + site.projectId()).body())
			.contains("From " + open + ", not resumed yet: 主管部门核定停工");
	}

	@Test
	void theEnterpriseSideCannotMoveAPassedStartDateNorDateACompletionBackBeyondTheGrace() {
		ApiClient province = as(province());
		Site site = site(province, "220102", today().minusDays(40));
		String p = "/api/projects/" + site.projectId();
		ApiClient enterprise = as(account(Role.ENTERPRISE_ADMIN, null, site.contractorId(), null, false));
		Map<String, Object> project = new LinkedHashMap<>();
		JsonNode current = province.get(p).json();
		for (String field : List.of("name", "regionCode", "address", "category", "constructionNature")) {
			project.put(field, current.get(field).asString());
		}
		project.put("startDate", today().minusDays(5));
		ApiClient.Response later = enterprise.put(p, project);
		assertThat(later.status()).as("moving a passed start date removes judged days").isEqualTo(400);
		assertThat(rules(later)).containsExactly("project.start-back-dated");
		ApiClient.Response early = enterprise.post(p + "/completion", Map.of("completionDate", today().minusDays(4)));
		assertThat(rules(early)).containsExactly("project.completion-back-dated");
		JsonNode unchanged = province.get(p).json();
		assertThat(unchanged.get("startDate").asString()).isEqualTo(today().minusDays(40).toString());
		assertThat(unchanged.get("completionDate").isNull()).isTrue();
		ApiClient.Response withinGrace = enterprise.post(p + "/completion", Map.of("completionDate", today().minusDays(3)));
		assertThat(withinGrace.status()).as(withinGrace.body()).isEqualTo(200);
	}

	private boolean api(ApiClient api, long projectId, LocalDate day) {
		return api.get("/api/projects/" + projectId + "/construction-days?month=" + YearMonth.from(day)).json().get("days")
			.valueStream().anyMatch(d -> d.asString().equals(day.toString()));
	}
}
