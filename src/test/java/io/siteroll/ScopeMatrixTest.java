package io.siteroll;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;

import io.siteroll.identity.Role;
import tools.jackson.databind.JsonNode;
import io.siteroll.support.ApiClient;
import io.siteroll.support.IntegrationTest;
import io.siteroll.support.Jpegs;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
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

	private Site jilin;

	/** A worker on the 南关区 project with phone and ethnicity on record, and their identity. */
	private long nanguanWorker;

	private String nanguanWorkerId;

	private String nanguanWorkerName;

	/** Listed by the province: a worker on the 南关区 project. */
	private long nanguanListing;

	@BeforeAll
	void setUp() {
		ApiClient province = as(province());
		nanguan = site(province, "220102", today().minusMonths(2));
		ApiClient.Response engaged = province.post("/api/projects/" + nanguan.projectId() + "/workers",
				worker(nanguan.teamId(), IDS.idNumber(1980, 1995), IDS.name(), null));
		assertThat(engaged.status()).as(engaged.body()).isEqualTo(201);
		jilin = site(province, "220202", today().minusMonths(2));
		nanguanWorkerId = IDS.idNumber(1980, 1995);
		nanguanWorkerName = IDS.name();
		Map<String, Object> body = worker(nanguan.teamId(), nanguanWorkerId, nanguanWorkerName, null);
		@SuppressWarnings("unchecked")
		Map<String, Object> person = (Map<String, Object>) body.get("person");
		person.put("phone", "13912345678");
		person.put("ethnicity", "满族");
		ApiClient.Response withPhone = province.post("/api/projects/" + nanguan.projectId() + "/workers", body);
		assertThat(withPhone.status()).as(withPhone.body()).isEqualTo(201);
		nanguanWorker = withPhone.json().get("personId").asLong();
		nanguanListing = province.post("/api/gate-blacklist",
				Map.of("personId", engagedWorker(province, nanguan), "reason", "冒用他人身份")).id();
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

	/** {@code workers} 1: all the project's workers are visible (other tests here engage more), 0: none. */
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
			long engaged = jdbc.sql("select count(*) from worker_engagement where project_id = ?").param(nanguan.projectId())
				.query(Long.class).single();
			assertThat(workerPage.json().get("total").asLong()).as("workers visible").isEqualTo(workers == 1 ? engaged : 0);
		}
		else {
			assertThat(workerPage.status()).isEqualTo(404);
		}
		ApiClient.Response team = api.post(project + "/teams",
				Map.of("unitId", nanguan.labourUnitId(), "name", "班组-" + user, "entryDate", today()));
		assertThat(team.status()).as("manage the project").isEqualTo(manage);
	}

	// ---- gate blacklist: officers of the person's region only --------------------------------------

	@ParameterizedTest(name = "{0}: list a 南关区 worker {1}, a 吉林市 worker {2}, see/lift the 南关区 listing {3}")
	@CsvSource({
			"province,               201, 201, true",
			"changchun-officer,      201, 404, true",
			"nanguan-officer,        201, 404, true",
			"jilin-officer,          404, 201, false",
			"chaoyang-officer,       404, 404, false",
			"contractor-admin,       403, 403, false",
			"project-clerk,          403, 403, false" })
	void blacklist(String user, int listNanguan, int listJilin, boolean seesNanguanListing) {
		ApiClient province = as(users.get("province"));
		ApiClient api = as(users.get(user));
		long inNanguan = engagedWorker(province, nanguan);
		long inJilin = engagedWorker(province, jilin);
		assertThat(api.post("/api/gate-blacklist", Map.of("personId", inNanguan, "reason", "冒名顶替")).status())
			.as("list a worker of 南关区").isEqualTo(listNanguan);
		assertThat(api.post("/api/gate-blacklist", Map.of("personId", inJilin, "reason", "冒名顶替")).status())
			.as("list a worker of 吉林市").isEqualTo(listJilin);
		assertThat(listings(inNanguan)).as("rows written for the 南关区 worker").isEqualTo(listNanguan == 201 ? 1 : 0);
		assertThat(listings(inJilin)).as("rows written for the 吉林市 worker").isEqualTo(listJilin == 201 ? 1 : 0);
		if (user.endsWith("officer") || user.equals("province")) {
			ApiClient.Response visible = api.get("/api/gate-blacklist");
			assertThat(visible.json().valueStream().anyMatch(l -> l.get("id").asLong() == nanguanListing))
				.as("sees the 南关区 listing").isEqualTo(seesNanguanListing);
		}
		long listing = province.post("/api/gate-blacklist", Map.of("personId", engagedWorker(province, nanguan), "reason", "x"))
			.id();
		int lifted = api.post("/api/gate-blacklist/" + listing + "/lift", Map.of()).status();
		assertThat(lifted).as("lift a 南关区 listing").isEqualTo(seesNanguanListing ? 200 : listNanguan == 403 ? 403 : 404);
		assertThat(jdbc.sql("select lifted_at is not null from gate_blacklist where id = ?").param(listing)
			.query(Boolean.class).single()).as("lifted in the table").isEqualTo(seesNanguanListing);
	}

	private long listings(long personId) {
		return jdbc.sql("select count(*) from gate_blacklist where person_id = ?").param(personId).query(Long.class).single();
	}

	// ---- person look-up and registering a known identity: only what registering needs --------------

	@ParameterizedTest(name = "{0}: learns contact details of a 南关区 worker {1}")
	@CsvSource({
			"province,               true",
			"changchun-officer,      true",
			"nanguan-officer,        true",
			"jilin-officer,          false",
			"chaoyang-officer,       false",
			"contractor-admin,       true",
			"subcontractor-admin,    true",
			"other-enterprise-admin, false",
			"project-clerk,          true",
			"other-clerk,            false" })
	void personLookup(String user, boolean details) {
		ApiClient api = as(users.get(user));
		ApiClient.Response found = api.post("/api/persons/lookup", Map.of("idType", "01", "idNumber", nanguanWorkerId));
		assertThat(found.status()).isEqualTo(200);
		assertThat(found.json().get("id").asLong()).isEqualTo(nanguanWorker);
		assertThat(found.json().get("name").asString()).isEqualTo(nanguanWorkerName);
		assertDetails(found, details);

		Map<String, Object> registration = new LinkedHashMap<>();
		registration.put("idType", "01");
		registration.put("idNumber", nanguanWorkerId);
		registration.put("name", nanguanWorkerName);
		ApiClient.Response registered = api.post("/api/persons", registration);
		assertThat(registered.status()).isEqualTo(200);
		assertThat(registered.json().get("id").asLong()).isEqualTo(nanguanWorker);
		assertDetails(registered, details);
		assertThat(found.body()).doesNotContain(nanguanWorkerId);
	}

	private static void assertDetails(ApiClient.Response person, boolean details) {
		assertThat(person.body().contains("13912345678")).as("phone").isEqualTo(details);
		assertThat(person.body().contains("满族")).as("ethnicity").isEqualTo(details);
		assertThat(person.json().get("birthDate").isNull()).as("birth date withheld").isEqualTo(!details);
	}

	@Test
	void aConflictNeverNamesAProjectOutsideTheCallersScope() {
		String nanguanCode = as(users.get("province")).get("/api/projects/" + nanguan.projectId()).json().get("code").asString();
		Map<String, Object> body = worker(jilin.teamId(), nanguanWorkerId, nanguanWorkerName, null);
		ApiClient.Response outsider = as(users.get("other-clerk")).post("/api/projects/" + jilin.projectId() + "/workers", body);
		assertThat(outsider.status()).isEqualTo(409);
		assertThat(rules(outsider)).containsExactly("engagement.concurrent-elsewhere");
		assertThat(outsider.body()).doesNotContain(nanguanCode);
		ApiClient.Response officer = as(users.get("province")).post("/api/projects/" + jilin.projectId() + "/workers", body);
		assertThat(rules(officer)).containsExactly("engagement.concurrent-not-flagged");
		assertThat(officer.body()).contains(nanguanCode);
	}

	// ---- enterprises: registered by officers within their region -----------------------------------

	@ParameterizedTest(name = "{0}: register an enterprise of 南关区 {1}, of 吉林市船营区 {2}")
	@CsvSource({
			"province,               201, 201",
			"changchun-officer,      201, 403",
			"nanguan-officer,        201, 403",
			"jilin-officer,          403, 201",
			"chaoyang-officer,       403, 403",
			"contractor-admin,       403, 403",
			"project-clerk,          403, 403" })
	void enterpriseRegistration(String user, int nanguanRegion, int jilinRegion) {
		ApiClient api = as(users.get(user));
		assertThat(registerEnterprise(api, "220102")).as("南关区 enterprise").isEqualTo(nanguanRegion);
		assertThat(registerEnterprise(api, "220204")).as("船营区 enterprise").isEqualTo(jilinRegion);
	}

	/** Registers an enterprise and checks a refusal wrote no row; returns the status. */
	private int registerEnterprise(ApiClient api, String region) {
		String code = IDS.creditCode(region);
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("creditCode", code);
		body.put("name", "矩阵企业" + System.nanoTime() + "有限公司");
		body.put("registrationRegion", region);
		body.put("legalRepresentative", IDS.name());
		body.put("contactPerson", IDS.name());
		body.put("contactPhone", IDS.phone());
		int status = api.post("/api/enterprises", body).status();
		long rows = jdbc.sql("select count(*) from enterprise where credit_code = ?").param(code).query(Long.class).single();
		assertThat(rows).as("enterprise rows").isEqualTo(status == 201 ? 1 : 0);
		return status;
	}

	@Test
	void anOfficerCannotMoveAnEnterpriseOutOfTheirRegionNorTheEnterpriseItself() {
		long enterprise = enterprise(as(users.get("province")), "220102");
		JsonNode before = as(users.get("province")).get("/api/enterprises/" + enterprise).json();
		Map<String, Object> moved = new LinkedHashMap<>();
		before.properties().forEach(e -> moved.put(e.getKey(), e.getValue().isNull() ? null : e.getValue().asString()));
		moved.put("registrationRegion", "220204");
		assertThat(as(users.get("nanguan-officer")).put("/api/enterprises/" + enterprise, moved).status()).isEqualTo(403);
		String admin = account(Role.ENTERPRISE_ADMIN, null, enterprise, null, false);
		assertThat(as(admin).put("/api/enterprises/" + enterprise, moved).status()).isEqualTo(403);
		assertThat(jdbc.sql("select registration_region from enterprise where id = ?").param(enterprise).query(String.class)
			.single()).isEqualTo("220102");
		assertThat(as(users.get("province")).put("/api/enterprises/" + enterprise, moved).status()).isEqualTo(200);
	}

	// ---- accounts: created only within the officer's region ----------------------------------------

	@ParameterizedTest(name = "{0}: create a clerk account for the 南关区 project {1}, a 南关区 officer {2}")
	@CsvSource({
			"province,               201, 201",
			"changchun-officer,      201, 201",
			"nanguan-officer,        201, 201",
			"jilin-officer,          403, 403",
			"chaoyang-officer,       403, 403",
			"contractor-admin,       403, 403",
			"project-clerk,          403, 403" })
	void accountCreation(String user, int clerk, int officer) {
		ApiClient api = as(users.get(user));
		String tag = "m" + Long.toString(System.nanoTime(), 36);
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("username", tag + "-clerk");
		body.put("password", "Bauhaus2026x");
		body.put("displayName", "矩阵账户");
		body.put("role", "LABOUR_CLERK");
		body.put("projectId", nanguan.projectId());
		assertThat(api.post("/api/accounts", body).status()).as("clerk account").isEqualTo(clerk);
		body.put("username", tag + "-officer");
		body.put("role", "COUNTY_OFFICER");
		body.put("projectId", null);
		body.put("regionCode", "220102");
		assertThat(api.post("/api/accounts", body).status()).as("officer account").isEqualTo(officer);
		assertThat(jdbc.sql("select count(*) from account where username like ?").param(tag + "%").query(Long.class).single())
			.as("rows written").isEqualTo((clerk == 201 ? 1 : 0) + (officer == 201 ? 1 : 0));
	}

	// ---- project writes: engaging a worker, adding a participating unit -----------------------------

	@ParameterizedTest(name = "{0}: engage a worker and add a unit on the 南关区 project {1}")
	@CsvSource({
			"province,               201",
			"changchun-officer,      403",
			"nanguan-officer,        403",
			"jilin-officer,          404",
			"chaoyang-officer,       404",
			"contractor-admin,       201",
			"subcontractor-admin,    403",
			"other-enterprise-admin, 404",
			"project-clerk,          201",
			"other-clerk,            404" })
	void projectWrites(String user, int manage) {
		ApiClient api = as(users.get(user));
		String engagements = "select count(*) from worker_engagement where project_id = " + nanguan.projectId();
		long before = jdbc.sql(engagements).query(Long.class).single();
		ApiClient.Response engaged = api.post("/api/projects/" + nanguan.projectId() + "/workers",
				worker(nanguan.teamId(), IDS.idNumber(1975, 1995), IDS.name(), null));
		assertThat(engaged.status()).as("engage a worker").isEqualTo(manage);
		assertThat(jdbc.sql(engagements).query(Long.class).single() - before).as("engagement rows")
			.isEqualTo(manage == 201 ? 1 : 0);
		long enterprise = enterprise(as(users.get("province")), "220102");
		ApiClient.Response unit = api.post("/api/projects/" + nanguan.projectId() + "/units",
				Map.of("enterpriseId", enterprise, "unitType", "006", "entryDate", today()));
		assertThat(unit.status()).as("add a unit").isEqualTo(manage);
		assertThat(jdbc.sql("select count(*) from participating_unit where enterprise_id = ?").param(enterprise)
			.query(Long.class).single()).as("unit rows").isEqualTo(manage == 201 ? 1 : 0);
	}

	// ---- a person's record: the face photo is changed only by those who manage the person's project -

	@ParameterizedTest(name = "{0}: upload the face of a 南关区 worker {1}")
	@CsvSource({
			"province,               200",
			"changchun-officer,      403",
			"nanguan-officer,        403",
			"jilin-officer,          404",
			"chaoyang-officer,       404",
			"contractor-admin,       200",
			"subcontractor-admin,    403",
			"other-enterprise-admin, 404",
			"project-clerk,          200",
			"other-clerk,            404" })
	void faceUpload(String user, int status) {
		long person = engagedWorker(as(users.get("province")), nanguan);
		ApiClient.Response face = as(users.get(user)).upload("PUT", "/api/persons/" + person + "/face", "file", "face.jpg",
				Jpegs.scene(person));
		assertThat(face.status()).as("upload the face").isEqualTo(status);
		assertThat(jdbc.sql("select count(*) from person_face where person_id = ?").param(person).query(Long.class).single())
			.as("face rows").isEqualTo(status == 200 ? 1 : 0);
	}

	// ---- a project's region: the enterprise side cannot move a project out of its officers' oversight -

	@Test
	void theEnterpriseSideCannotMoveAProjectToAnotherRegion() {
		ApiClient province = as(users.get("province"));
		Site site = site(province, "220102", today().minusMonths(1));
		JsonNode project = province.get("/api/projects/" + site.projectId()).json();
		Map<String, Object> body = new LinkedHashMap<>();
		for (String field : new String[] { "name", "regionCode", "address", "category", "constructionNature",
				"startDate" }) {
			body.put(field, project.get(field).asString());
		}
		body.put("contractorId", site.contractorId());
		body.put("regionCode", "220202");
		ApiClient contractor = as(account(Role.ENTERPRISE_ADMIN, null, site.contractorId(), null, false));
		ApiClient clerk = as(account(Role.LABOUR_CLERK, null, null, site.projectId(), false));
		assertThat(contractor.put("/api/projects/" + site.projectId(), body).status()).isEqualTo(403);
		assertThat(clerk.put("/api/projects/" + site.projectId(), body).status()).isEqualTo(403);
		assertThat(jdbc.sql("select region_code from project where id = ?").param(site.projectId()).query(String.class)
			.single()).isEqualTo("220102");
		body.put("regionCode", "220102");
		body.put("name", project.get("name").asString() + "（二期）");
		assertThat(contractor.put("/api/projects/" + site.projectId(), body).status()).as("other details").isEqualTo(200);
	}
}
