package io.siteroll;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Map;

import io.siteroll.identity.Role;
import io.siteroll.support.ApiClient;
import io.siteroll.support.IntegrationTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Every role against a project in 长春市南关区: who sees it (else 404, as if it did not exist), who sees
 * its workers, and who may manage it (else 403 when visible).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ScopeMatrixTest extends IntegrationTest {

	private Site nanguan;

	private Map<String, String> users;

	@BeforeAll
	void setUp() {
		ApiClient province = as(province());
		nanguan = site(province, "220102", today().minusMonths(2));
		ApiClient.Response engaged = province.post("/api/projects/" + nanguan.projectId() + "/workers",
				worker(nanguan.teamId(), IDS.idNumber(1980, 1995), IDS.name(), null));
		assertThat(engaged.status()).as(engaged.body()).isEqualTo(201);
		Site jilin = site(province, "220202", today().minusMonths(2));
		long labourEnterprise = jdbc.sql("select enterprise_id from participating_unit where id = ?")
			.param(nanguan.labourUnitId())
			.query(Long.class)
			.single();
		users = Map.of("province", province(),
				"changchun-officer", account(Role.CITY_OFFICER, "220100", null, null, false),
				"jilin-officer", account(Role.CITY_OFFICER, "220200", null, null, false),
				"nanguan-officer", account(Role.COUNTY_OFFICER, "220102", null, null, false),
				"chaoyang-officer", account(Role.COUNTY_OFFICER, "220104", null, null, false),
				"contractor-admin", account(Role.ENTERPRISE_ADMIN, null, nanguan.contractorId(), null, false),
				"subcontractor-admin", account(Role.ENTERPRISE_ADMIN, null, labourEnterprise, null, false),
				"other-enterprise-admin", account(Role.ENTERPRISE_ADMIN, null, jilin.contractorId(), null, false),
				"project-clerk", account(Role.LABOUR_CLERK, null, null, nanguan.projectId(), false),
				"other-clerk", account(Role.LABOUR_CLERK, null, null, jilin.projectId(), false));
	}

	@ParameterizedTest(name = "{0}: see {1}, workers {2}, manage {3}")
	@CsvSource({
			"province,               200, 1, 201",
			"changchun-officer,      200, 1, 403",
			"nanguan-officer,        200, 1, 403",
			"jilin-officer,          404, 0, 404",
			"chaoyang-officer,       404, 0, 404",
			"contractor-admin,       200, 1, 201",
			"subcontractor-admin,    200, 1, 403",
			"other-enterprise-admin, 404, 0, 404",
			"project-clerk,          200, 1, 201",
			"other-clerk,            404, 0, 404" })
	void scope(String user, int see, int workers, int manage) {
		ApiClient api = as(users.get(user));
		String project = "/api/projects/" + nanguan.projectId();
		assertThat(api.get(project).status()).as("see the project").isEqualTo(see);
		ApiClient.Response list = api.get("/api/projects?size=500");
		assertThat(list.json().get("items").valueStream().anyMatch(p -> p.get("id").asLong() == nanguan.projectId()))
			.as("project in the list").isEqualTo(see == 200);
		ApiClient.Response workerPage = api.get(project + "/workers");
		if (see == 200) {
			assertThat(workerPage.json().get("total").asLong()).as("workers visible").isEqualTo(workers);
		}
		else {
			assertThat(workerPage.status()).isEqualTo(404);
		}
		ApiClient.Response team = api.post(project + "/teams",
				Map.of("unitId", nanguan.labourUnitId(), "name", "班组-" + user, "entryDate", today()));
		assertThat(team.status()).as("manage the project").isEqualTo(manage);
	}
}
