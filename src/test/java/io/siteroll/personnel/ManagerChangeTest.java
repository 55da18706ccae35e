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
}
