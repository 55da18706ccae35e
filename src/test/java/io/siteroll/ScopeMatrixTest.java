package io.siteroll;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.time.YearMonth;
import java.util.function.Function;

import io.siteroll.identity.Role;
import tools.jackson.databind.JsonNode;
import io.siteroll.support.ApiClient;
import io.siteroll.support.Decisions;
import io.siteroll.support.IntegrationTest;
import io.siteroll.support.Jpegs;
import io.siteroll.support.RosterFile;
import io.siteroll.support.Sites;
import io.siteroll.support.Workbooks;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every role against a project in 长春市南关区: who sees it (else 404, as if it did not exist), who sees
 * its workers, and who may manage it (else 403 when visible). Then every write of the API
 * ({@link #writes()}): the actors outside the project, and for an officer's act the project's own side,
 * are refused and no table changes (a fingerprint of every table's rows before and after); one allowed
 * actor then succeeds. {@link #reaches()} names another project's resource through the caller's own
 * project. {@link #everyWriteOperationOfTheApiIsInTheMatrix()} fails when {@code /v3/api-docs} documents a
 * write (outside the signed device API) that no row exercises.
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

	// ---- every write of the API: outsiders (and for an officer's act the project's own side) are refused
	// and write nothing; one allowed actor succeeds ---------------------------------------------------

	/** Outside the 南关区 project: another city's and another county's officers, another enterprise, another project's clerk. */
	private static final List<String> OUTSIDERS = List.of("jilin-officer", "chaoyang-officer", "other-enterprise-admin",
			"other-clerk");

	/** An officer's act: outsiders and the project's own side. */
	private static final List<String> NOT_ITS_OFFICERS = List.of("jilin-officer", "chaoyang-officer", "other-enterprise-admin",
			"other-clerk", "contractor-admin", "subcontractor-admin", "project-clerk");

	/** A province officer's act: everyone else, the officers of the project's city and county included. */
	private static final List<String> NOT_THE_PROVINCE = List.of("changchun-officer", "nanguan-officer", "jilin-officer",
			"chaoyang-officer", "contractor-admin", "project-clerk", "other-clerk");

	/**
	 * An officer's back-dating: outsiders are refused by scope, the project's own side by the back-dating
	 * rule (400 naming the rule), each writing nothing. (The project's city and county officers are refused
	 * too, 403 project.not-manageable: only the province files such corrections today.)
	 */
	private static final List<String> BACK_DATING = List.of("jilin-officer", "chaoyang-officer", "other-enterprise-admin",
			"other-clerk", "contractor-admin=400", "subcontractor-admin", "project-clerk=400", "changchun-officer",
			"nanguan-officer");

	/** Written by the rows of the other tests of this class. */
	private static final Map<String, String> COVERED_ABOVE = Map.ofEntries(
			Map.entry("POST /api/gate-blacklist", "blacklist"),
			Map.entry("POST /api/gate-blacklist/{id}/lift", "blacklist"),
			Map.entry("POST /api/persons", "personLookup"),
			Map.entry("POST /api/persons/lookup", "personLookup"),
			Map.entry("POST /api/enterprises", "enterpriseRegistration"),
			Map.entry("POST /api/accounts", "accountCreation"),
			Map.entry("POST /api/projects/{projectId}/teams", "scope"),
			Map.entry("POST /api/projects/{projectId}/workers", "projectWrites"),
			Map.entry("POST /api/projects/{id}/units", "projectWrites"),
			Map.entry("PUT /api/persons/{id}/face", "faceUpload"));

	/** Writes with no other party's resource to reach. */
	private static final Map<String, String> NOT_SCOPED = Map.of(
			"POST /api/account/password", "changes the caller's own password only",
			"POST /account/password", "changes the caller's own password only");

	/** Operations that answer without writing (so the allowed call proves nothing about the fingerprint). */
	private static final Set<String> WRITES_NOTHING = Set.of("POST /api/projects/{id}/inspection-shortfall");

	/** What a write sends: a JSON body, or a file when {@code file} is set. */
	record Call(String method, String path, Object body, byte[] file) {

		static Call post(String path, Object body) {
			return new Call("POST", path, body, null);
		}

		static Call put(String path, Object body) {
			return new Call("PUT", path, body, null);
		}

		static Call upload(String path, byte[] file) {
			return new Call("POST", path, null, file);
		}

		static Call form(String path, Map<String, String> fields) {
			return new Call("FORM", path, fields, null);
		}
	}

	/**
	 * One row: the write (as its OpenAPI operation), who must be refused (403 or 404, or the status after
	 * {@code =}), who may do it, and what it answers them. {@code target} prepares a fresh target on the 南关区 project (or one like it) and
	 * returns the call; the refused actors' "contractor-admin" and "project-clerk" are those of its site.
	 */
	record Write(String name, String operation, List<String> refused, String allowed, int success,
			Function<ScopeMatrixTest, Target> target) {

		@Override
		public String toString() {
			return name;
		}
	}

	/** The call and the site it acts on (whose enterprise and clerk play "contractor-admin" and "project-clerk"). */
	record Target(Site site, Call call, boolean reveal) {

		Target(Site site, Call call) {
			this(site, call, false);
		}
	}

	private static Write write(String name, String operation, List<String> refused, String allowed, int success,
			Function<ScopeMatrixTest, Target> target) {
		return new Write(name, operation, refused, allowed, success, target);
	}

	static List<Write> writes() {
		return List.of(
				// personnel: managers and their changes
				write("appoint a manager", "POST /api/projects/{projectId}/managers", OUTSIDERS, "contractor-admin", 201,
						t -> new Target(t.nanguan, Call.post(t.projectPath(t.nanguan, "/managers"), Map.of("personId",
								t.person(), "post", "SAFETY_OFFICER", "unitId", t.nanguan.gcUnitId(), "tenureFrom", t.today())))),
				write("end a tenure", "POST /api/projects/{projectId}/managers/{postId}/end", OUTSIDERS, "contractor-admin",
						200, t -> new Target(t.nanguan, Call.post(t.projectPath(t.nanguan, "/managers/" + t.post(t.nanguan,
								"TECHNICAL_LEAD") + "/end"), Map.of("date", t.today())))),
				write("correct a tenure back beyond the grace days (officer)", "POST /api/projects/{projectId}/managers/{postId}/end",
						BACK_DATING, "province", 200,
						t -> new Target(t.nanguan, Call.post(t.projectPath(t.nanguan, "/managers/" + t.post(t.nanguan,
								"SAFETY_OFFICER") + "/end"), Map.of("date", t.today().minusDays(20))))),
				write("request a key-manager change", "POST /api/projects/{projectId}/manager-changes", OUTSIDERS,
						"contractor-admin", 201, t -> {
							Site site = t.siteWithProjectManager();
							return new Target(site, Call.post(t.projectPath(site, "/manager-changes"), t.change(site)));
						}),
				write("approve a key-manager change", "POST /api/projects/{projectId}/manager-changes/{requestId}/approve",
						NOT_ITS_OFFICERS, "nanguan-officer", 200, t -> {
							Site site = t.siteWithProjectManager();
							return new Target(site, Call.post(t.projectPath(site, "/manager-changes/" + t.requestedChange(site)
									+ "/approve"), Map.of("note", "同意")));
						}),
				write("reject a key-manager change", "POST /api/projects/{projectId}/manager-changes/{requestId}/reject",
						NOT_ITS_OFFICERS, "nanguan-officer", 200, t -> {
							Site site = t.siteWithProjectManager();
							return new Target(site, Call.post(t.projectPath(site, "/manager-changes/" + t.requestedChange(site)
									+ "/reject"), Map.of("note", "理由不充分")));
						}),
				// personnel: workers, roster, reveals
				write("exit a worker", "POST /api/projects/{projectId}/workers/{engagementId}/exit", OUTSIDERS, "project-clerk",
						200, t -> new Target(t.nanguan, Call.post(t.projectPath(t.nanguan, "/workers/" + t.engagement()
								+ "/exit"), Map.of("date", t.today())))),
				write("import a roster", "POST /api/projects/{projectId}/teams/{teamId}/roster", OUTSIDERS, "project-clerk", 201,
						t -> new Target(t.nanguan, Call.upload(t.projectPath(t.nanguan, "/teams/" + t.nanguan.teamId()
								+ "/roster"), RosterFile.of(IDS, 2, t.today().minusDays(10), t.today().minusDays(5))))),
				write("reveal an ID number (audited)", "POST /api/persons/{id}/id-number/reveal", OUTSIDERS, "project-clerk",
						200, t -> new Target(t.nanguan, Call.post("/api/persons/" + t.nanguanWorker + "/id-number/reveal",
								Map.of()), true)),
				write("reveal a wage card (audited)", "POST /api/projects/{projectId}/workers/{engagementId}/bank-card/reveal",
						OUTSIDERS, "project-clerk", 200, t -> new Target(t.nanguan, Call.post(t.projectPath(t.nanguan,
								"/workers/" + t.engagement() + "/bank-card/reveal"), Map.of()), true)),
				// projects: details, units, calendar
				// an enterprise registers a project only as its own general contractor (the body's contractorId is
				// ignored), so another enterprise is not refused: it registers its own project
				write("register a project in 南关区", "POST /api/projects", List.of("jilin-officer=400",
						"chaoyang-officer=400", "other-clerk", "project-clerk"), "contractor-admin", 201,
						t -> new Target(t.nanguan, Call.post("/api/projects", t.newProject(t.nanguan.contractorId(),
								t.today().plusDays(30))))),
				write("move a project's start date", "PUT /api/projects/{id}", OUTSIDERS, "contractor-admin", 200, t -> {
					Site site = t.fresh(t.today().plusDays(20));
					return new Target(site, Call.put("/api/projects/" + site.projectId(), t.projectDetails(site, t.today()
						.plusDays(25))));
				}),
				write("move a passed start date (officer)", "PUT /api/projects/{id}", BACK_DATING, "province", 200,
						t -> {
							Site site = t.fresh(t.today().minusDays(20));
							return new Target(site, Call.put("/api/projects/" + site.projectId(), t.projectDetails(site,
									t.today().minusDays(25))));
						}),
				write("exit a unit", "POST /api/projects/{id}/units/{unitId}/exit", OUTSIDERS, "contractor-admin", 200,
						t -> new Target(t.nanguan, Call.post(t.projectPath(t.nanguan, "/units/" + t.unit() + "/exit"),
								Map.of("exitDate", t.today())))),
				write("declare a stoppage", "POST /api/projects/{id}/stoppages", OUTSIDERS, "contractor-admin", 201, t -> {
					Site site = t.fresh(t.today().minusMonths(1));
					return new Target(site, Call.post(t.projectPath(site, "/stoppages"), Map.of("firstDay", t.today(), "lastDay",
							t.today().plusDays(2), "reason", "雨季停工")));
				}),
				write("approve a back-dated stoppage", "POST /api/projects/{id}/stoppages/{stoppageId}/approval",
						NOT_ITS_OFFICERS, "nanguan-officer", 200, t -> {
							Site site = t.fresh(t.today().minusMonths(1));
							return new Target(site, Call.post(t.projectPath(site, "/stoppages/" + t.pendingStoppage(site)
									+ "/approval"), Map.of("note", "核实属实")));
						}),
				write("reject a back-dated stoppage", "POST /api/projects/{id}/stoppages/{stoppageId}/rejection",
						NOT_ITS_OFFICERS, "nanguan-officer", 200, t -> {
							Site site = t.fresh(t.today().minusMonths(1));
							return new Target(site, Call.post(t.projectPath(site, "/stoppages/" + t.pendingStoppage(site)
									+ "/rejection"), Map.of("note", "无证据")));
						}),
				write("decide a stoppage on the project page", "POST /projects/{id}/stoppages/{stoppageId}/decision",
						NOT_ITS_OFFICERS, "nanguan-officer", 200, t -> {
							Site site = t.fresh(t.today().minusMonths(1));
							return new Target(site, Call.form("/projects/" + site.projectId() + "/stoppages/"
									+ t.pendingStoppage(site) + "/decision", Map.of("decision", "APPROVE", "note", "核实属实")));
						}),
				write("resume work", "POST /api/projects/{id}/resumption", OUTSIDERS, "contractor-admin", 200, t -> {
					Site site = t.fresh(t.today().minusMonths(1));
					ApiClient.Response stopped = t.as(t.users.get("province")).post(t.projectPath(site, "/stoppages"),
							Map.of("firstDay", t.today().minusDays(3), "reason", "停工整顿"));
					assertThat(stopped.status()).as(stopped.body()).isEqualTo(201);
					return new Target(site, Call.post(t.projectPath(site, "/resumption"), Map.of("resumptionDay", t.today())));
				}),
				write("record completion", "POST /api/projects/{id}/completion", OUTSIDERS, "contractor-admin", 200, t -> {
					Site site = t.fresh(t.today().minusMonths(1));
					return new Target(site, Call.post(t.projectPath(site, "/completion"), Map.of("completionDate", t.today())));
				}),
				// enterprises
				write("update an enterprise's details", "PUT /api/enterprises/{id}", OUTSIDERS, "contractor-admin", 200,
						t -> new Target(t.nanguan, Call.put("/api/enterprises/" + t.nanguan.contractorId(),
								t.enterpriseDetails(t.nanguan.contractorId())))),
				// accounts
				write("disable an account", "POST /api/accounts/{id}/disable", NOT_ITS_OFFICERS, "nanguan-officer", 200,
						t -> new Target(t.nanguan, Call.post("/api/accounts/" + t.clerkAccount() + "/disable", Map.of()))),
				write("enable an account", "POST /api/accounts/{id}/enable", NOT_ITS_OFFICERS, "nanguan-officer", 200,
						t -> new Target(t.nanguan, Call.post("/api/accounts/" + t.clerkAccount() + "/enable", Map.of()))),
				write("reset a password", "POST /api/accounts/{id}/password", NOT_ITS_OFFICERS, "nanguan-officer", 204,
						t -> new Target(t.nanguan, Call.post("/api/accounts/" + t.clerkAccount() + "/password",
								Map.of("newPassword", "Lindenbaum2027q")))),
				// devices
				write("register a device", "POST /api/projects/{id}/devices", OUTSIDERS, "contractor-admin", 201,
						t -> new Target(t.nanguan, Call.post(t.projectPath(t.nanguan, "/devices"), t.newDevice("SITEROLL")))),
				write("disable a device", "POST /api/devices/{id}/disable", OUTSIDERS, "contractor-admin", 200,
						t -> new Target(t.nanguan, Call.post("/api/devices/" + t.gate("SITEROLL") + "/disable",
								Map.of("reason", "故障")))),
				write("enable a device", "POST /api/devices/{id}/enable", OUTSIDERS, "contractor-admin", 200, t -> {
					long device = t.gate("SITEROLL");
					t.as(t.users.get("province")).post("/api/devices/" + device + "/disable", Map.of("reason", "故障"));
					return new Target(t.nanguan, Call.post("/api/devices/" + device + "/enable", Map.of()));
				}),
				write("move a device to another project of its enterprise", "POST /api/devices/{id}/move", OUTSIDERS,
						"contractor-admin", 200, t -> new Target(t.nanguan, Call.post("/api/devices/" + t.gateSince(10)
								+ "/move", Map.of("projectId", t.secondProject(), "fromDay", t.today(), "channelName", "西门")))),
				write("move a device into a project outside one's scope", "POST /api/devices/{id}/move",
						List.of("contractor-admin", "project-clerk", "changchun-officer", "nanguan-officer"), "province", 200,
						t -> new Target(t.nanguan, Call.post("/api/devices/" + t.gateSince(10) + "/move",
								Map.of("projectId", t.jilin.projectId(), "fromDay", t.today(), "channelName", "北门")))),
				write("issue a new device secret", "POST /api/devices/{id}/secret", OUTSIDERS, "contractor-admin", 200,
						t -> new Target(t.nanguan, Call.post("/api/devices/" + t.gate("SITEROLL") + "/secret", Map.of()))),
				write("provision a ZKTeco device", "POST /api/devices/{id}/provisioning", OUTSIDERS, "contractor-admin", 200,
						t -> new Target(t.nanguan, Call.post("/api/devices/" + t.gate("ZKTECO_ATT") + "/provisioning",
								Map.of()))),
				write("issue a ZKTeco access key", "POST /api/devices/{id}/zkteco-access/key", OUTSIDERS, "contractor-admin",
						200, t -> new Target(t.nanguan, Call.post("/api/devices/" + t.gate("ZKTECO_ATT")
								+ "/zkteco-access/key", Map.of()))),
				write("set ZKTeco source networks", "PUT /api/devices/{id}/zkteco-access/networks", OUTSIDERS,
						"contractor-admin", 200, t -> new Target(t.nanguan, Call.put("/api/devices/" + t.gate("ZKTECO_ATT")
								+ "/zkteco-access/networks", Map.of("allowedNetworks", List.of("10.20.0.0/16"))))),
				// compliance
				write("define a rule set", "POST /api/rule-sets", NOT_THE_PROVINCE, "province", 201,
						t -> new Target(t.nanguan, Call.post("/api/rule-sets", t.ruleSet()))),
				write("adopt a rule set", "POST /api/rule-sets/{id}/adoption", NOT_THE_PROVINCE, "province", 200,
						t -> new Target(t.nanguan, Call.post("/api/rule-sets/" + t.ruleSetId("吉建管〔2021〕6号") + "/adoption",
								Map.of("effectiveFrom", YearMonth.from(t.today()).plusMonths(1).atDay(1))))),
				write("evaluate a month", "POST /api/evaluations", NOT_THE_PROVINCE, "province", 200,
						t -> new Target(t.nanguan, Call.post("/api/evaluations", Map.of("month",
								YearMonth.from(t.today()).minusMonths(1).toString())))),
				write("refresh the warnings", "POST /api/warnings/refresh", NOT_THE_PROVINCE, "province", 200,
						t -> new Target(t.nanguan, Call.post("/api/warnings/refresh", Map.of("asOf", t.today().minusDays(1))))),
				write("review a warning", "POST /api/warnings/{id}/review", NOT_ITS_OFFICERS, "nanguan-officer", 200,
						t -> new Target(t.enforcement(), Call.post("/api/warnings/" + t.warning() + "/review",
								Map.of("decision", "CONFIRMED", "reason", "现场核实未安装闸机")))),
				// a judgement that writes nothing: refused to those who cannot see the project
				write("judge an inspection-day shortfall", "POST /api/projects/{id}/inspection-shortfall", OUTSIDERS,
						"contractor-admin", 200, t -> new Target(t.nanguan, Call.post(t.projectPath(t.nanguan,
								"/inspection-shortfall"), Map.of("day", t.today().minusDays(1), "headcount", 3)))),
				// enforcement
				write("record an inspection", "POST /api/projects/{id}/inspections", NOT_ITS_OFFICERS, "nanguan-officer", 201,
						t -> new Target(t.nanguan, Call.post(t.projectPath(t.nanguan, "/inspections"), t.inspectionRecord()))),
				write("attach to an inspection", "POST /api/inspections/{id}/attachments", NOT_ITS_OFFICERS, "nanguan-officer",
						201, t -> new Target(t.nanguan, Call.upload("/api/inspections/" + t.inspection() + "/attachments",
								Jpegs.scene(7)))),
				write("issue an order from a finding", "POST /api/orders", NOT_ITS_OFFICERS, "nanguan-officer", 201,
						t -> new Target(t.enforcement(), Call.post("/api/orders", Map.of("findingId", t.finding("R1"))))),
				write("issue an order from a warning", "POST /api/orders/from-warning", NOT_ITS_OFFICERS, "nanguan-officer",
						201, t -> new Target(t.enforcement(), Call.post("/api/orders/from-warning", Map.of("warningId",
								t.warning())))),
				write("issue an order from an inspection", "POST /api/orders/from-inspection", NOT_ITS_OFFICERS,
						"nanguan-officer", 201, t -> new Target(t.nanguan, Call.post("/api/orders/from-inspection",
								Map.of("inspectionId", t.inspection())))),
				write("answer an order", "POST /api/orders/{id}/answer", OUTSIDERS, "contractor-admin", 200,
						t -> new Target(t.enforcement(), Call.post("/api/orders/" + t.order() + "/answer",
								Map.of("report", "已采购人脸识别闸机")))),
				write("answer an order on its page", "POST /orders/{id}/answer", OUTSIDERS, "contractor-admin", 200,
						t -> new Target(t.nanguan, Call.form("/orders/" + t.inspectionOrder(false) + "/answer",
								Map.of("report", "已补录考勤")))),
				write("attach to an order's answer", "POST /api/orders/{id}/attachments", OUTSIDERS, "contractor-admin", 201,
						t -> new Target(t.enforcement(), Call.upload("/api/orders/" + t.order() + "/attachments",
								"%PDF-1.4 contract".getBytes(StandardCharsets.UTF_8)))),
				write("re-check an order", "POST /api/orders/{id}/recheck", NOT_ITS_OFFICERS, "nanguan-officer", 200,
						t -> new Target(t.enforcement(), Call.post("/api/orders/" + t.overdueOrder(false) + "/recheck",
								Map.of()))),
				write("re-check an order on its page", "POST /orders/{id}/recheck", NOT_ITS_OFFICERS, "nanguan-officer", 200,
						t -> new Target(t.nanguan, Call.form("/orders/" + t.inspectionOrder(true) + "/recheck", Map.of()))),
				write("decide a penalty", "POST /api/penalties", NOT_ITS_OFFICERS, "nanguan-officer", 201,
						t -> new Target(t.enforcement(), Call.post("/api/penalties", t.penalty(t.overdueOrder(true),
								"CONSTRUCTION_ENTERPRISE", List.of("FINE", "STOP_WORK"), 30_000)))),
				write("escalate an order", "POST /api/orders/{id}/escalation", NOT_ITS_OFFICERS, "nanguan-officer", 200,
						t -> new Target(t.enforcement(), Call.post("/api/orders/" + t.penalisedOrder() + "/escalation",
								Map.of()))),
				write("lift a stop-work order", "POST /api/penalties/{id}/lifting", NOT_ITS_OFFICERS, "nanguan-officer", 200,
						t -> new Target(t.enforcement(), Call.post("/api/penalties/" + t.stopWork() + "/lifting",
								Map.of("resumptionDay", t.today())))),
				write("publish a typical case", "POST /api/typical-cases", NOT_THE_PROVINCE, "province", 201,
						t -> new Target(t.enforcement(), Call.post("/api/typical-cases", Map.of("penaltyId", t.stopWork(),
								"title", "某项目未落实实名制考勤", "summary", "逾期未整改。")))),
				// payroll: the wage account (the general contractor's), the wage tables
				write("open the wage account", "POST /api/projects/{projectId}/wage-account", CONTRACTOR_ONLY,
						"contractor-admin", 201, t -> {
							Site site = t.fresh(t.today().minusMonths(1));
							return new Target(site, Call.post(t.projectPath(site, "/wage-account"), t.wageOpening()));
						}),
				write("start the wage account's closing notice", "POST /api/projects/{projectId}/wage-account/closing",
						CONTRACTOR_ONLY, "contractor-admin", 200, t -> {
							Site site = t.wageSite();
							return new Target(site, Call.post(t.projectPath(site, "/wage-account/closing"), Map.of()));
						}),
				write("close the wage account after its notice", "POST /api/projects/{projectId}/wage-account/closure",
						CONTRACTOR_ONLY, "contractor-admin", 200, t -> {
							Site site = t.wageSite();
							t.send(t.actor("contractor-admin", site, false),
									Call.post(t.projectPath(site, "/wage-account/closing"), Map.of()));
							t.clock.advance(Duration.ofDays(30));
							return new Target(site, Call.post(t.projectPath(site, "/wage-account/closure"), Map.of()));
						}),
				write("reveal the wage account number (audited)", "POST /api/projects/{projectId}/wage-account/number/reveal",
						OUTSIDERS, "contractor-admin", 200, t -> {
							Site site = t.wageSite();
							return new Target(site, Call.post(t.projectPath(site, "/wage-account/number/reveal"), Map.of()), true);
						}),
				write("record a labour-cost allocation", "POST /api/projects/{projectId}/wage-allocations", CONTRACTOR_ONLY,
						"contractor-admin", 201, t -> {
							Site site = t.wageSite();
							return new Target(site, Call.post(t.projectPath(site, "/wage-allocations"),
									Map.of("amount", "50000", "receivedOn", t.today())));
						}),
				write("import a bank statement", "POST /api/projects/{projectId}/wage-allocations/statement", CONTRACTOR_ONLY,
						"contractor-admin", 201, t -> {
							Site site = t.wageSite();
							return new Target(site, Call.upload(t.projectPath(site, "/wage-allocations/statement"),
									("日期,金额,摘要\n" + t.today() + ",50000,人工费\n").getBytes(StandardCharsets.UTF_8)));
						}),
				write("record the wage guarantee", "POST /api/projects/{projectId}/wage-guarantees", CONTRACTOR_ONLY,
						"contractor-admin", 201, t -> new Target(t.nanguan, Call.post(t.projectPath(t.nanguan, "/wage-guarantees"),
								Map.of("kind", "BANK_GUARANTEE", "amount", "200000", "contractValue", "10000000", "providedOn",
										t.today())))),
				write("upload a wage table", "POST /api/projects/{projectId}/wage-tables", OUTSIDERS, "project-clerk", 201,
						t -> {
							Site site = t.wageSite();
							return new Target(site, Call.post(t.projectPath(site, "/wage-tables"), t.wageUpload(site)));
						}),
				write("upload a wage table as Excel", "POST /api/projects/{projectId}/units/{unitId}/wage-table", OUTSIDERS,
						"project-clerk", 201, t -> {
							Site site = t.wageSite();
							return new Target(site, Call.upload(t.projectPath(site, "/units/" + site.labourUnitId()
									+ "/wage-table"), t.wageSheet(site)));
						}),
				write("build a wage table from attendance", "POST /api/projects/{projectId}/wage-tables/from-attendance",
						OUTSIDERS, "project-clerk", 201, t -> {
							Site site = t.wageSite();
							return new Target(site, Call.post(t.projectPath(site, "/wage-tables/from-attendance"),
									Map.of("unitId", site.labourUnitId(), "month", YearMonth.from(t.today()).toString(),
											"dailyWage", "300")));
						}),
				write("check a wage table", "POST /api/wage-tables/{tableId}/check", OUTSIDERS, "project-clerk", 200, t -> {
					Site site = t.wageSite();
					return new Target(site, Call.post("/api/wage-tables/" + t.wageTable(site, false) + "/check", Map.of()));
				}),
				write("record a worker's confirmation", "POST /api/wage-tables/{tableId}/lines/{lineId}/confirmation", OUTSIDERS,
						"project-clerk", 200, t -> {
							Site site = t.wageSite();
							long table = t.wageTable(site, false);
							return new Target(site, Call.post("/api/wage-tables/" + table + "/lines/" + t.wageLine(table)
									+ "/confirmation", Map.of()));
						}),
				write("record the workers' confirmations of a table", "POST /api/wage-tables/{tableId}/confirmations",
						OUTSIDERS, "project-clerk", 200, t -> {
							Site site = t.wageSite();
							long table = t.wageTable(site, false);
							return new Target(site, Call.post("/api/wage-tables/" + table + "/confirmations",
									Map.of("lineIds", List.of(t.wageLine(table)))));
						}),
				write("approve a wage table (general contractor)", "POST /api/wage-tables/{tableId}/approval",
						CONTRACTOR_ONLY, "contractor-admin", 200, t -> {
							Site site = t.wageSite();
							long table = t.wageTable(site, false);
							t.send(t.actor("project-clerk", site, false), Call.post("/api/wage-tables/" + table + "/check", Map.of()));
							t.send(t.actor("project-clerk", site, false), Call.post("/api/wage-tables/" + table + "/confirmations",
									Map.of("lineIds", List.of(t.wageLine(table)))));
							return new Target(site, Call.post("/api/wage-tables/" + table + "/approval", Map.of()));
						}),
				write("produce a payment file (cards audited)", "POST /api/wage-tables/{tableId}/payment-file",
						CONTRACTOR_ONLY, "contractor-admin", 200, t -> {
							Site site = t.wageSite();
							return new Target(site, Call.post("/api/wage-tables/" + t.wageTable(site, true) + "/payment-file",
									Map.of()), true);
						}),
				write("import the bank's result", "POST /api/wage-tables/{tableId}/results", CONTRACTOR_ONLY,
						"contractor-admin", 200, t -> {
							Site site = t.wageSite();
							long table = t.wageTable(site, true);
							String result = "WL" + t.wageLine(table) + ",x," + t.wageCards.get(site.projectId()) + ",5000,成功,\n";
							return new Target(site, Call.upload("/api/wage-tables/" + table + "/results",
									result.getBytes(StandardCharsets.UTF_8)));
						}));
	}

	/** The general contractor's act: outsiders, the subcontractor and the labour clerk are refused. */
	private static final List<String> CONTRACTOR_ONLY = List.of("jilin-officer", "chaoyang-officer", "other-enterprise-admin",
			"other-clerk", "subcontractor-admin", "project-clerk", "nanguan-officer");

	/** Per wage site: its worker's ID number and card. */
	private final Map<Long, String> wageIds = new HashMap<>();

	private final Map<Long, String> wageCards = new HashMap<>();

	private Map<String, Object> wageOpening() {
		return Map.of("bankName", "中国工商银行长春分行", "bankCode", "102", "accountNumber", "62170000111122223333",
				"agreementType", "application/pdf", "agreement", Base64.getEncoder().encodeToString(new byte[] { 37, 80, 68, 70 }));
	}

	/** A fresh site with its wage account open and one worker engaged this month, present today. */
	private Site wageSite() {
		Site site = fresh(today().minusMonths(1));
		ApiClient province = as(users.get("province"));
		String id = IDS.idNumber(1970, 2000);
		String card = IDS.bankCard();
		Map<String, Object> body = worker(site.teamId(), id, IDS.name(), card);
		body.put("entryDate", YearMonth.from(today()).atDay(1));
		body.put("contractStart", YearMonth.from(today()).atDay(1).minusDays(10));
		ApiClient.Response engaged = province.post(projectPath(site, "/workers"), body);
		assertThat(engaged.status()).as(engaged.body()).isEqualTo(201);
		facts.present(site.projectId(), engaged.json().get("personId").asLong(), today(), today());
		wageIds.put(site.projectId(), id);
		wageCards.put(site.projectId(), card);
		ApiClient.Response opened = send(actor("contractor-admin", site, false), Call.post(projectPath(site, "/wage-account"),
				wageOpening()));
		assertThat(opened.status()).as(opened.body()).isEqualTo(201);
		return site;
	}

	private Map<String, Object> wageUpload(Site site) {
		return Map.of("unitId", site.labourUnitId(), "month", YearMonth.from(today()).toString(), "lines",
				List.of(Map.of("idNumber", wageIds.get(site.projectId()), "name", "张三", "bankCardNumber",
						wageCards.get(site.projectId()), "basicPay", "5000")));
	}

	private byte[] wageSheet(Site site) {
		return Workbooks.wageTable(List.<String[]>of(
				new String[] { "张三", wageIds.get(site.projectId()), wageCards.get(site.projectId()), null, "5000" }));
	}

	/** A wage table of the site's worker: uploaded (a draft), or checked and approved by the general contractor. */
	private long wageTable(Site site, boolean approved) {
		ApiClient.Response table = send(actor("project-clerk", site, false), Call.post(projectPath(site, "/wage-tables"),
				wageUpload(site)));
		assertThat(table.status()).as(table.body()).isEqualTo(201);
		if (approved) {
			assertThat(send(actor("project-clerk", site, false), Call.post("/api/wage-tables/" + table.id() + "/check",
					Map.of())).json().get("allowedLines").asInt()).isOne();
			assertThat(send(actor("project-clerk", site, false), Call.post("/api/wage-tables/" + table.id()
					+ "/confirmations", Map.of("lineIds", List.of(wageLine(table.id()))))).status()).isEqualTo(200);
			assertThat(send(actor("contractor-admin", site, false), Call.post("/api/wage-tables/" + table.id() + "/approval",
					Map.of())).status()).isEqualTo(200);
		}
		return table.id();
	}

	private long wageLine(long tableId) {
		return as(users.get("province")).get("/api/wage-tables/" + tableId + "/lines").json().get(0).get("id").asLong();
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("writes")
	void everyWrite(Write row) {
		Target target = row.target().apply(this);
		Call call = target.call();
		assertThat(row.operation()).as("the row's operation").endsWith(" " + template(call.path(), row.operation()));
		Map<String, ApiClient> refused = new LinkedHashMap<>();
		row.refused().forEach(spec -> refused.put(spec, actor(spec.split("=")[0], target.site(), target.reveal())));
		ApiClient allowedActor = actor(row.allowed(), target.site(), target.reveal());
		Map<String, String> before = fingerprint();
		Map<String, Integer> refusals = new LinkedHashMap<>();
		refused.forEach((spec, api) -> refusals.put(spec, send(api, call).status()));
		assertThat(refusals).as("%s: refused", row.name()).allSatisfy((spec, status) -> {
			if (spec.contains("=")) {
				assertThat(status).as(spec).isEqualTo(Integer.parseInt(spec.substring(spec.indexOf('=') + 1)));
			}
			else {
				assertThat(status).as(spec).isIn(403, 404);
			}
		});
		assertThat(changedTables(before, fingerprint())).as("%s: rows written by refused actors %s", row.name(), refusals).isEmpty();
		ApiClient.Response allowed = send(allowedActor, call);
		assertThat(allowed.status()).as("%s by %s: %s", row.name(), row.allowed(), allowed.body()).isEqualTo(row.success());
		if (!WRITES_NOTHING.contains(row.operation())) {
			assertThat(changedTables(before, fingerprint())).as("%s: the fingerprint sees the allowed write", row.name())
				.isNotEmpty();
		}
	}

	@Test
	void everyWriteOperationOfTheApiIsInTheMatrix() {
		JsonNode docs = as(users.get("province")).get("/v3/api-docs").json();
		Set<String> operations = new TreeSet<>();
		for (Map.Entry<String, JsonNode> path : docs.get("paths").properties()) {
			if (path.getKey().startsWith("/api/device/")) {
				continue;
			}
			for (String method : List.of("post", "put", "patch", "delete")) {
				if (path.getValue().has(method)) {
					operations.add(method.toUpperCase() + " " + path.getKey());
				}
			}
		}
		Set<String> covered = new TreeSet<>(COVERED_ABOVE.keySet());
		covered.addAll(NOT_SCOPED.keySet());
		writes().forEach(w -> covered.add(w.operation()));
		assertThat(operations).as("write operations documented").isNotEmpty();
		assertThat(new TreeSet<>(operations) {{ removeAll(covered); }}).as("write operations missing from the matrix").isEmpty();
		System.out.printf("Scope matrix: %d write operations documented, %d in the matrix%n", operations.size(),
				operations.stream().filter(covered::contains).count());
	}

	// ---- a resource of one project reached through another: the path's project is the caller's, the
	// resource named in the path or the body is 吉林市's; refused, nothing written ---------------------

	/** Refused with 403 or 404 (as if the resource did not exist), or with 400 naming {@code rule}. */
	record Reach(String name, String user, String rule, Function<ScopeMatrixTest, Call> call) {

		@Override
		public String toString() {
			return name;
		}
	}

	static List<Reach> reaches() {
		return List.of(
				new Reach("approve a 吉林市 stoppage through the 南关区 project", "nanguan-officer", null,
						t -> Call.post(t.projectPath(t.nanguan, "/stoppages/" + t.jilinPendingStoppage() + "/approval"),
								Map.of("note", "同意"))),
				new Reach("reject a 吉林市 stoppage through the 南关区 project", "nanguan-officer", null,
						t -> Call.post(t.projectPath(t.nanguan, "/stoppages/" + t.jilinPendingStoppage() + "/rejection"),
								Map.of("note", "不同意"))),
				new Reach("decide a 吉林市 stoppage on the 南关区 project page", "nanguan-officer", null,
						t -> Call.form("/projects/" + t.nanguan.projectId() + "/stoppages/" + t.jilinPendingStoppage()
								+ "/decision", Map.of("decision", "APPROVE", "note", "同意"))),
				new Reach("approve a 吉林市 manager change through the 南关区 project", "nanguan-officer", null,
						t -> Call.post(t.projectPath(t.nanguan, "/manager-changes/" + t.jilinChange() + "/approve"),
								Map.of("note", "同意"))),
				new Reach("reject a 吉林市 manager change through the 南关区 project", "nanguan-officer", null,
						t -> Call.post(t.projectPath(t.nanguan, "/manager-changes/" + t.jilinChange() + "/reject"),
								Map.of("note", "不同意"))),
				new Reach("end a 吉林市 tenure through the 南关区 project", "contractor-admin", null,
						t -> Call.post(t.projectPath(t.nanguan, "/managers/" + t.post(t.jilin, "TECHNICAL_LEAD") + "/end"),
								Map.of("date", t.today()))),
				new Reach("exit a 吉林市 worker through the 南关区 project", "contractor-admin", null,
						t -> Call.post(t.projectPath(t.nanguan, "/workers/" + t.jilinEngagement() + "/exit"),
								Map.of("date", t.today()))),
				new Reach("exit a 吉林市 unit through the 南关区 project", "contractor-admin", null,
						t -> Call.post(t.projectPath(t.nanguan, "/units/" + t.jilin.supervisionUnitId() + "/exit"),
								Map.of("exitDate", t.today()))),
				new Reach("import a roster into a 吉林市 team through the 南关区 project", "project-clerk", null,
						t -> Call.upload(t.projectPath(t.nanguan, "/teams/" + t.jilin.teamId() + "/roster"),
								RosterFile.of(IDS, 1, t.today().minusDays(10), t.today().minusDays(5)))),
				new Reach("engage a worker on the 南关区 project into a 吉林市 team", "project-clerk", null,
						t -> Call.post(t.projectPath(t.nanguan, "/workers"), t.worker(t.jilin.teamId(),
								IDS.idNumber(1975, 1995), IDS.name(), null))),
				new Reach("add a team on the 南关区 project under a 吉林市 unit", "project-clerk", "unit.unknown",
						t -> Call.post(t.projectPath(t.nanguan, "/teams"), Map.of("unitId", t.jilin.labourUnitId(), "name",
								"越界班组", "entryDate", t.today()))),
				new Reach("appoint a manager on the 南关区 project for a 吉林市 unit", "contractor-admin", "unit.unknown",
						t -> Call.post(t.projectPath(t.nanguan, "/managers"), Map.of("personId", t.person(), "post",
								"SAFETY_OFFICER", "unitId", t.jilin.gcUnitId(), "tenureFrom", t.today()))),
				new Reach("reveal a 吉林市 wage card through the 南关区 project", "project-clerk+reveal", null,
						t -> Call.post(t.projectPath(t.nanguan, "/workers/" + t.jilinEngagement() + "/bank-card/reveal"),
								Map.of())),
				new Reach("a county officer disables the account of its city's officer", "nanguan-officer", null,
						t -> Call.post("/api/accounts/" + t.accountId("changchun-officer") + "/disable", Map.of())),
				new Reach("a county officer resets the province officer's password", "nanguan-officer", null,
						t -> Call.post("/api/accounts/" + t.accountId("province") + "/password",
								Map.of("newPassword", "Lindenbaum2027q"))),
				new Reach("a city officer disables an account of another city", "changchun-officer", null,
						t -> Call.post("/api/accounts/" + t.accountId("jilin-officer") + "/disable", Map.of())),
				new Reach("inspect the 南关区 project with a function test of a 吉林市 device", "nanguan-officer", "inspection.device-not-on-project", t -> {
					Map<String, Object> record = t.inspectionRecord();
					record.put("functionTests", List.of(Map.of("deviceId", t.jilinDevice(), "attack", "MASK", "passed", false,
							"evidence", "面具通过")));
					return Call.post(t.projectPath(t.nanguan, "/inspections"), record);
				}));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("reaches")
	void noReachIntoAnotherProject(Reach row) {
		Call call = row.call().apply(this);
		String user = row.user().replace("+reveal", "");
		ApiClient api = actor(user, nanguan, row.user().endsWith("+reveal"));
		Map<String, String> before = fingerprint();
		ApiClient.Response response = send(api, call);
		if (row.rule() == null) {
			assertThat(response.status()).as("%s: %s", row.name(), response.body()).isIn(403, 404);
		}
		else {
			assertThat(response.status()).as("%s: %s", row.name(), response.body()).isEqualTo(400);
			assertThat(rules(response)).as(row.name()).containsExactly(row.rule());
		}
		assertThat(changedTables(before, fingerprint())).as("%s: rows written", row.name()).isEmpty();
	}

	private long accountId(String user) {
		return jdbc.sql("select id from account where username = ?").param(users.get(user)).query(Long.class).single();
	}

	private Long jilinPendingStoppage;

	private long jilinPendingStoppage() {
		if (jilinPendingStoppage == null) {
			jilinPendingStoppage = pendingStoppage(jilin);
		}
		return jilinPendingStoppage;
	}

	private Long jilinChange;

	private long jilinChange() {
		if (jilinChange == null) {
			post(jilin, "PROJECT_MANAGER");
			jilinChange = requestedChange(jilin);
		}
		return jilinChange;
	}

	private long jilinEngagement() {
		ApiClient.Response r = as(users.get("province")).post(projectPath(jilin, "/workers"),
				worker(jilin.teamId(), IDS.idNumber(1970, 2000), IDS.name(), IDS.bankCard()));
		assertThat(r.status()).as(r.body()).isEqualTo(201);
		return r.id();
	}

	private long jilinDevice() {
		return device(as(users.get("province")), jilin.projectId(), "SITEROLL", "IN").id();
	}

	/** The concrete path must be an instance of the row's operation template. */
	private static String template(String path, String operation) {
		String templ = operation.substring(operation.indexOf(' ') + 1);
		return path.matches(templ.replaceAll("\\{[^}]+}", "[0-9]+")) ? templ : path;
	}

	private ApiClient.Response send(ApiClient api, Call call) {
		return switch (call.method()) {
			case "PUT" -> api.put(call.path(), call.body());
			case "FORM" -> {
				@SuppressWarnings("unchecked")
				Map<String, String> fields = (Map<String, String>) call.body();
				ApiClient.Response r = api.form(call.path(), fields);
				// a page answers a refused act by its error page; a done act redirects or re-renders the page
				yield r.status() == 302 || r.status() == 303 ? new ApiClient.Response(200, r.body(), r.bytes(), r.contentType()) : r;
			}
			default -> call.file() != null ? api.upload(call.path(), "file", "matrix.bin", call.file())
					: api.post(call.path(), call.body());
		};
	}

	private final Map<String, String> actors = new HashMap<>();

	/** "contractor-admin" and "project-clerk" are those of the target's site; the others are fixed. */
	private ApiClient actor(String user, Site site, boolean reveal) {
		String key = user + "@" + (site == null ? 0 : site.projectId()) + (reveal ? "+reveal" : "");
		String username = actors.computeIfAbsent(key, k -> switch (user) {
			case "contractor-admin" -> account(Role.ENTERPRISE_ADMIN, null, site.contractorId(), null, reveal);
			case "subcontractor-admin" -> account(Role.ENTERPRISE_ADMIN, null, labourEnterprise(site), null, reveal);
			case "project-clerk" -> account(Role.LABOUR_CLERK, null, null, site.projectId(), reveal);
			case "other-clerk" -> reveal ? account(Role.LABOUR_CLERK, null, null, jilin.projectId(), true) : users.get(user);
			case "other-enterprise-admin" -> reveal ? account(Role.ENTERPRISE_ADMIN, null, jilin.contractorId(), null, true)
					: users.get(user);
			case "jilin-officer" -> reveal ? account(Role.CITY_OFFICER, "220200", null, null, true) : users.get(user);
			case "chaoyang-officer" -> reveal ? account(Role.COUNTY_OFFICER, "220104", null, null, true) : users.get(user);
			default -> users.get(user);
		});
		return as(username);
	}

	private long labourEnterprise(Site site) {
		return jdbc.sql("select enterprise_id from participating_unit where id = ?").param(site.labourUnitId()).query(Long.class)
			.single();
	}

	// ---- "no row written": every table's row versions, before and after -----------------------------
	// An insert, update or delete changes a table's set of (ctid, xmin): every row version written has a
	// new place and the writing transaction's id. Reading them touches no column, so it stays cheap.

	/**
	 * Tables written by signing in, by the gates' own housekeeping or by the attendance tally's refresh (a cache of
	 * figures derived from presence, recomputed every minute in the background), not by the act under test.
	 */
	private static final Set<String> HOUSEKEEPING = Set.of("login_throttle", "device_nonce", "flyway_schema_history",
			"attendance_tally", "attendance_tally_month", "attendance_tally_span", "attendance_tally_stale",
			"attendance_tally_region_day", "evaluation_dirty", "evaluated_month");

	private String fingerprintQuery;

	private Map<String, String> fingerprint() {
		if (fingerprintQuery == null) {
			fingerprintQuery = jdbc.sql("""
					select string_agg(format('select %L, count(*) || '':'' || md5(coalesce(string_agg(ctid::text || xmin::text, chr(44) order by ctid), chr(48))) from %I',
					  c.relname, c.relname), ' union all ')
					from pg_class c join pg_namespace n on n.oid = c.relnamespace
					where n.nspname = 'public' and c.relkind = 'r' and c.relname <> all (?)""")
				.param(HOUSEKEEPING.toArray(String[]::new))
				.query(String.class)
				.single();
		}
		Map<String, String> tables = new TreeMap<>();
		jdbc.sql(fingerprintQuery).query((rs, n) -> tables.put(rs.getString(1), rs.getString(2))).list();
		return tables;
	}

	private static Set<String> changedTables(Map<String, String> before, Map<String, String> after) {
		Set<String> changed = new TreeSet<>();
		after.forEach((table, state) -> {
			if (!state.equals(before.get(table))) {
				changed.add(table);
			}
		});
		return changed;
	}

	// ---- targets --------------------------------------------------------------------------------

	private String projectPath(Site site, String tail) {
		return "/api/projects/" + site.projectId() + tail;
	}

	private long person() {
		return as(users.get("province")).post("/api/persons", Map.of("idType", "01", "idNumber", IDS.idNumber(1965, 1995),
				"name", IDS.name())).id();
	}

	/** A post of {@code kind} appointed (by the province) on the site from a month ago. */
	private long post(Site site, String kind) {
		ApiClient.Response r = as(users.get("province")).post(projectPath(site, "/managers"), Map.of("personId", person(),
				"post", kind, "unitId", site.gcUnitId(), "tenureFrom", today().minusMonths(1)));
		assertThat(r.status()).as(r.body()).isEqualTo(201);
		return r.id();
	}

	/** A fresh 南关区 project of the 南关区 contractor (so its enterprise plays the same part). */
	private Site fresh(LocalDate start) {
		return site(as(users.get("province")), "220102", start);
	}

	private Site siteWithProjectManager() {
		Site site = fresh(today().minusMonths(1));
		post(site, "PROJECT_MANAGER");
		return site;
	}

	private Map<String, Object> change(Site site) {
		return Map.of("post", "PROJECT_MANAGER", "incomingPersonId", person(), "incomingUnitId", site.gcUnitId(),
				"effectiveDate", today().plusDays(1), "reason", "原项目经理调任");
	}

	private long requestedChange(Site site) {
		ApiClient.Response r = actor("contractor-admin", site, false).post(projectPath(site, "/manager-changes"), change(site));
		assertThat(r.status()).as(r.body()).isEqualTo(201);
		return r.id();
	}

	private long engagement() {
		ApiClient.Response r = as(users.get("province")).post(projectPath(nanguan, "/workers"),
				worker(nanguan.teamId(), IDS.idNumber(1970, 2000), IDS.name(), IDS.bankCard()));
		assertThat(r.status()).as(r.body()).isEqualTo(201);
		return r.id();
	}

	private Map<String, Object> newProject(long contractor, LocalDate start) {
		return Sites.registration("矩阵项目" + System.nanoTime() % 1_000_000, "220102", contractor, start);
	}

	private Map<String, Object> projectDetails(Site site, LocalDate start) {
		JsonNode project = as(users.get("province")).get("/api/projects/" + site.projectId()).json();
		Map<String, Object> body = new LinkedHashMap<>();
		for (String field : new String[] { "name", "regionCode", "address", "category", "constructionNature" }) {
			body.put(field, project.get(field).asString());
		}
		body.put("contractorId", site.contractorId());
		body.put("startDate", start);
		return body;
	}

	private Map<String, Object> enterpriseDetails(long enterprise) {
		JsonNode before = as(users.get("province")).get("/api/enterprises/" + enterprise).json();
		Map<String, Object> body = new LinkedHashMap<>();
		before.properties().forEach(e -> body.put(e.getKey(), e.getValue().isNull() ? null : e.getValue().asString()));
		body.put("contactPhone", IDS.phone());
		return body;
	}

	private long unit() {
		return as(users.get("province")).post(projectPath(nanguan, "/units"), Map.of("enterpriseId",
				enterprise(as(users.get("province")), "220102"), "unitType", "006", "entryDate", today().minusDays(10))).id();
	}

	private long pendingStoppage(Site site) {
		ApiClient.Response r = actor("contractor-admin", site, false).post(projectPath(site, "/stoppages"),
				Map.of("firstDay", today().minusDays(2), "lastDay", today(), "reason", "暴雨停工"));
		assertThat(r.status()).as(r.body()).isEqualTo(201);
		assertThat(r.json().get("status").asString()).isEqualTo("PENDING");
		return r.id();
	}

	private long clerkAccount() {
		String username = account(Role.LABOUR_CLERK, null, null, nanguan.projectId(), false);
		return jdbc.sql("select id from account where username = ?").param(username).query(Long.class).single();
	}

	private Map<String, Object> newDevice(String protocol) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("serialNumber", "MX" + Long.toString(System.nanoTime(), 36).toUpperCase());
		body.put("vendor", protocol.startsWith("ZKTECO") ? "ZKTeco" : "SiteRoll Gate");
		body.put("model", "T-1");
		body.put("protocol", protocol);
		body.put("kind", "FACE_TURNSTILE");
		body.put("direction", "IN");
		body.put("channelName", "矩阵闸");
		return body;
	}

	private long gate(String protocol) {
		return device(as(users.get("province")), nanguan.projectId(), protocol, "IN").id();
	}

	/** A gate of the 南关区 project (fixture: registered and assigned {@code days} ago, so that it may move today). */
	private long gateSince(int days) {
		long id = gate("SITEROLL");
		fixtureDeviceRegisteredOn(id, today().minusDays(days));
		return id;
	}

	private Long secondProject;

	/** Another 南关区 project of the same contractor. */
	private long secondProject() {
		if (secondProject == null) {
			secondProject = as(users.get("province")).post("/api/projects", newProject(nanguan.contractorId(),
					today().minusMonths(1))).id();
		}
		return secondProject;
	}

	private Map<String, Object> ruleSet() {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("code", "矩阵" + System.nanoTime() % 1_000_000 + "号");
		body.put("name", "矩阵规则");
		body.put("keyPostPercent", 80);
		body.put("otherPostPercent", 70);
		body.put("basedOn", ruleSetId("吉建管〔2021〕6号"));
		return body;
	}

	private long ruleSetId(String code) {
		return as(users.get("province")).get("/api/rule-sets").json().valueStream()
			.filter(r -> r.get("code").asString().equals(code)).findFirst().orElseThrow().get("id").asLong();
	}

	private Map<String, Object> inspectionRecord() {
		return inspectionRecord(today().minusDays(1), 3);
	}

	private long inspection() {
		ApiClient.Response r = as(users.get("nanguan-officer")).post(projectPath(nanguan, "/inspections"), inspectionRecord());
		assertThat(r.status()).as(r.body()).isEqualTo(201);
		return r.id();
	}

	/** A fresh R3 order to the 南关区 contractor from an inspection's shortfall; past its deadline (fixture) when asked. */
	private long inspectionOrder(boolean pastDeadline) {
		ApiClient.Response r = as(users.get("nanguan-officer")).post("/api/orders/from-inspection",
				Map.of("inspectionId", inspection()));
		assertThat(r.status()).as(r.body()).isEqualTo(201);
		if (pastDeadline) {
			jdbc.sql("update rectification_order set issued_on = ?, deadline = ? where id = ?")
				.params(today().minusDays(17), today().minusDays(10), r.id()).update();
		}
		return r.id();
	}

	// ---- enforcement: a 南关区 project of the same contractor without a device since two months ago --

	private Site enforcement;

	private JsonNode evaluated;

	/** A project started two months ago with a project manager and no device: last month gives an R1 finding. */
	private Site enforcement() {
		if (enforcement == null) {
			enforcement = fresh(today().minusMonths(2).withDayOfMonth(1));
			post(enforcement, "PROJECT_MANAGER");
			ApiClient province = as(users.get("province"));
			ApiClient.Response e = province.post("/api/evaluations", Map.of("month", YearMonth.from(today()).minusMonths(1).toString()));
			assertThat(e.status()).as(e.body()).isEqualTo(200);
			ApiClient.Response w = province.post("/api/warnings/refresh", Map.of("asOf", today().minusDays(1)));
			assertThat(w.status()).as(w.body()).isEqualTo(200);
		}
		return enforcement;
	}

	private long finding(String rule) {
		enforcement();
		return as(users.get("province")).get("/api/findings?projectId=" + enforcement.projectId() + "&rule=" + rule).json()
			.get("items").get(0).get("id").asLong();
	}

	private long warning() {
		enforcement();
		ApiClient province = as(users.get("province"));
		JsonNode open = province.get("/api/warnings?projectId=" + enforcement.projectId() + "&kind=NO_DEVICE").json().get("items");
		assertThat(open.size()).as("a NO_DEVICE warning").isGreaterThan(0);
		return open.get(0).get("id").asLong();
	}

	private Long order;

	/** An order from the R1 finding, issued once. */
	private long order() {
		if (order == null) {
			ApiClient.Response r = as(users.get("nanguan-officer")).post("/api/orders", Map.of("findingId", finding("R1")));
			if (r.status() == 409 || r.status() == 400) {
				order = as(users.get("province")).get("/api/orders?projectId=" + enforcement.projectId()).json().get("items")
					.valueStream().filter(o -> o.get("rule").asString().equals("R1")).findFirst().orElseThrow().get("id").asLong();
			}
			else {
				assertThat(r.status()).as(r.body()).isEqualTo(201);
				order = r.id();
			}
		}
		return order;
	}

	/** The R1 order past its deadline (fixture: the deadline moved back), re-checked to OVERDUE when {@code rechecked}. */
	private long overdueOrder(boolean rechecked) {
		long id = order();
		jdbc.sql("update rectification_order set issued_on = ?, deadline = ? where id = ? and status in ('ISSUED', 'ANSWERED')")
			.params(today().minusDays(17), today().minusDays(10), id).update();
		String status = as(users.get("province")).get("/api/orders/" + id).json().get("order").get("status").asString();
		if (rechecked && !status.equals("OVERDUE") && !status.equals("ESCALATED")) {
			ApiClient.Response r = as(users.get("province")).post("/api/orders/" + id + "/recheck", Map.of());
			assertThat(r.status()).as(r.body()).isEqualTo(200);
		}
		return id;
	}

	private Map<String, Object> penalty(long orderId, String party, List<String> measures, Integer fine) {
		Map<String, Object> body = Decisions.penalty(orderId, party, measures, fine, today());
		body.put("stopWorkFrom", measures.contains("STOP_WORK") ? today().minusDays(2) : null);
		return body;
	}

	private Long stopWork;

	/** A stop-work penalty on the enforcement project's enterprise. */
	private long stopWork() {
		if (stopWork == null) {
			long id = overdueOrder(true);
			JsonNode penalties = as(users.get("province")).get(projectPath(enforcement, "/penalties")).json();
			stopWork = penalties.valueStream().filter(p -> p.toString().contains("STOP_WORK")).map(p -> p.get("id").asLong())
				.findFirst().orElseGet(() -> {
					ApiClient.Response r = as(users.get("province")).post("/api/penalties",
							penalty(id, "CONSTRUCTION_ENTERPRISE", List.of("FINE", "STOP_WORK"), 30_000));
					assertThat(r.status()).as(r.body()).isEqualTo(201);
					return r.id();
				});
		}
		return stopWork;
	}

	/** The overdue R1 order with both its penalties decided: ready to escalate. */
	private long penalisedOrder() {
		long id = overdueOrder(true);
		stopWork();
		JsonNode penalties = as(users.get("province")).get(projectPath(enforcement, "/penalties")).json();
		if (penalties.valueStream().noneMatch(p -> p.get("party").asString().equals("PROJECT_MANAGER"))) {
			ApiClient.Response r = as(users.get("province")).post("/api/penalties",
					penalty(id, "PROJECT_MANAGER", List.of("WARNING_NOTICE"), null));
			assertThat(r.status()).as(r.body()).isEqualTo(201);
		}
		return id;
	}
}
