package io.siteroll.personnel;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Map;

import io.siteroll.identity.Role;
import io.siteroll.support.ApiClient;
import io.siteroll.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Key managers change only through a request approved by an officer of the project's region (docs/domain.md R2). */
class ManagerChangeTest extends IntegrationTest {

	private long person(ApiClient api) {
		return api.post("/api/persons", Map.of("idType", "01", "idNumber", IDS.idNumber(1965, 1995), "name", IDS.name())).id();
	}

	@Test
	void aProjectManagerIsReplacedOnlyByAnApprovedRequestAndNotByItsRequester() {
		ApiClient province = as(province());
		Site site = site(province, "220102", today().minusMonths(2));
		ApiClient enterprise = as(account(Role.ENTERPRISE_ADMIN, null, site.contractorId(), null, false));
		long first = person(province);
		ApiClient.Response appointed = enterprise.post("/api/projects/" + site.projectId() + "/managers", Map.of("personId", first,
				"post", "PROJECT_MANAGER", "unitId", site.gcUnitId(), "tenureFrom", today().minusMonths(2)));
		assertThat(appointed.status()).as(appointed.body()).isEqualTo(201);
		assertThat(rules(enterprise.english().post("/api/projects/" + site.projectId() + "/managers/" + appointed.id() + "/end",
				Map.of("date", today())))).containsExactly("manager.key-post-change-needs-approval");

		long second = person(province);
		Map<String, Object> change = Map.of("post", "PROJECT_MANAGER", "incomingPersonId", second, "incomingUnitId",
				site.gcUnitId(), "effectiveDate", today().plusDays(1), "reason", "原项目经理调任");
		ApiClient.Response requested = enterprise.post("/api/projects/" + site.projectId() + "/manager-changes", change);
		assertThat(requested.status()).as(requested.body()).isEqualTo(201);
		assertThat(requested.json().get("status").asString()).isEqualTo("PENDING");
		assertThat(rules(enterprise.english().post("/api/projects/" + site.projectId() + "/manager-changes", change)))
			.containsExactly("manager.change-pending");
		long requestId = requested.id();
		assertThat(enterprise.post("/api/projects/" + site.projectId() + "/manager-changes/" + requestId + "/approve", Map.of())
			.status()).as("the requester's side cannot approve").isIn(403, 404);
		ApiClient otherCity = as(account(Role.CITY_OFFICER, "220200", null, null, false));
		assertThat(otherCity.post("/api/projects/" + site.projectId() + "/manager-changes/" + requestId + "/approve", Map.of())
			.status()).isIn(403, 404);

		ApiClient county = as(account(Role.COUNTY_OFFICER, "220102", null, null, false));
		ApiClient.Response approved = county.post("/api/projects/" + site.projectId() + "/manager-changes/" + requestId + "/approve",
				Map.of("note", "同意"));
		assertThat(approved.status()).as(approved.body()).isEqualTo(200);
		assertThat(approved.json().get("status").asString()).isEqualTo("APPROVED");
		assertThat(rules(county.english().post("/api/projects/" + site.projectId() + "/manager-changes/" + requestId + "/reject",
				Map.of("note", "x")))).containsExactly("manager.change-already-decided");

		JsonNode posts = province.get("/api/projects/" + site.projectId() + "/managers").json();
		JsonNode outgoing = posts.valueStream().filter(p -> p.get("personId").asLong() == first).findFirst().orElseThrow();
		JsonNode incoming = posts.valueStream().filter(p -> p.get("personId").asLong() == second).findFirst().orElseThrow();
		assertThat(outgoing.get("tenureTo").asString()).isEqualTo(today().toString());
		assertThat(incoming.get("tenureFrom").asString()).isEqualTo(today().plusDays(1).toString());

		long third = person(province);
		long rejectedId = enterprise.post("/api/projects/" + site.projectId() + "/manager-changes", Map.of("post",
				"PROJECT_MANAGER", "incomingPersonId", third, "incomingUnitId", site.gcUnitId(), "effectiveDate",
				today().plusDays(5), "reason", "再次更换")).id();
		ApiClient.Response rejected = county.post("/api/projects/" + site.projectId() + "/manager-changes/" + rejectedId + "/reject",
				Map.of("note", "理由不充分"));
		assertThat(rejected.json().get("status").asString()).isEqualTo("REJECTED");
		assertThat(province.get("/api/projects/" + site.projectId() + "/managers").json().valueStream()
			.noneMatch(p -> p.get("personId").asLong() == third)).isTrue();
	}

	@Test
	void aChangeMayNotTakeEffectBeforeItIsFiledBeyondTheGraceAndAnOfficersCorrectionIsAudited() {
		ApiClient province = as(province());
		Site site = site(province, "220102", today().minusMonths(2));
		String p = "/api/projects/" + site.projectId();
		ApiClient enterprise = as(account(Role.ENTERPRISE_ADMIN, null, site.contractorId(), null, false));
		assertThat(province.post(p + "/managers", Map.of("personId", person(province), "post", "PROJECT_MANAGER", "unitId",
				site.gcUnitId(), "tenureFrom", today().minusMonths(2))).status()).isEqualTo(201);
		long safety = province.post(p + "/managers", Map.of("personId", person(province), "post", "SAFETY_OFFICER", "unitId",
				site.gcUnitId(), "tenureFrom", today().minusMonths(2))).id();

		long incoming = person(province);
		ApiClient.Response tooEarly = enterprise.english().post(p + "/manager-changes", Map.of("post", "PROJECT_MANAGER",
				"incomingPersonId", incoming, "incomingUnitId", site.gcUnitId(), "effectiveDate", today().minusDays(4),
				"reason", "补报更换"));
		assertThat(tooEarly.status()).isEqualTo(400);
		assertThat(rules(tooEarly)).containsExactly("manager.change-back-dated");
		assertThat(tooEarly.body()).contains(today().minusDays(3).toString());
		assertThat(rules(enterprise.post(p + "/managers/" + safety + "/end", Map.of("date", today().minusDays(10)))))
			.as("ending a tenure is back-dated the same way").containsExactly("manager.change-back-dated");

		ApiClient.Response withinGrace = enterprise.post(p + "/manager-changes", Map.of("post", "PROJECT_MANAGER",
				"incomingPersonId", incoming, "incomingUnitId", site.gcUnitId(), "effectiveDate", today().minusDays(3),
				"reason", "三日内补报"));
		assertThat(withinGrace.status()).as(withinGrace.body()).isEqualTo(201);
		ApiClient county = as(account(Role.COUNTY_OFFICER, "220102", null, null, false));
		assertThat(county.post(p + "/manager-changes/" + withinGrace.id() + "/reject", Map.of("note", "材料不全")).status())
			.isEqualTo(200);

		String officer = account(Role.COUNTY_OFFICER, "220102", null, null, false);
		ApiClient.Response correction = as(officer).post(p + "/manager-changes", Map.of("post", "PROJECT_MANAGER",
				"incomingPersonId", incoming, "incomingUnitId", site.gcUnitId(), "effectiveDate", today().minusDays(20),
				"reason", "核实：实际于20日前更换"));
		assertThat(correction.status()).as(correction.body()).isEqualTo(201);
		String audited = jdbc.sql("""
				select after_state::text from audit_entry where subject_type = 'manager_change_request' and subject_id = ?
				  and actor = ?""").params(String.valueOf(correction.id()), officer).query(String.class).single();
		assertThat(audited).contains("\"retroactiveCorrection\":true", today().toString());
		assertThat(county.post(p + "/manager-changes/" + correction.id() + "/approve", Map.of("note", "同意更正")).status())
			.isEqualTo(200);
		assertThat(province.get(p + "/managers").json().valueStream()
			.anyMatch(m -> m.get("personId").asLong() == incoming
					&& m.get("tenureFrom").asString().equals(today().minusDays(20).toString()))).isTrue();
	}
}
