package io.siteroll.compliance;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.siteroll.identity.Role;
import io.siteroll.personnel.Post;
import io.siteroll.support.ApiClient;
import io.siteroll.support.IntegrationTest;
import io.siteroll.support.Workbooks;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The monthly evaluation at every boundary of docs/domain.md R1, R2 and R3. Scenarios are built through
 * the API; the facts the gates would have produced (daily presence, the days a device was heard) are
 * written straight into their tables so that each day is exactly as the table says.
 */
class MonthlyEvaluationTest extends IntegrationTest {

	/** September 2026: a project starting on the 11th has 20 construction days. */
	static final YearMonth SEPTEMBER = YearMonth.of(2026, 9);

	static final LocalDate START = SEPTEMBER.atDay(11);

	private long person(ApiClient api) {
		return api.post("/api/persons", Map.of("idType", "01", "idNumber", IDS.idNumber(1965, 1995), "name", IDS.name())).id();
	}

	private JsonNode evaluate(ApiClient api, YearMonth month) {
		ApiClient.Response r = api.post("/api/evaluations", Map.of("month", month.toString()));
		assertThat(r.status()).as(r.body()).isEqualTo(200);
		return r.json();
	}

	private List<JsonNode> findings(ApiClient api, long projectId, YearMonth month, String rule) {
		List<JsonNode> list = new ArrayList<>();
		api.get("/api/findings?projectId=" + projectId + "&month=" + month + "&rule=" + rule + "&size=100").json().get("items")
			.valueStream().forEach(list::add);
		return list;
	}

	@ParameterizedTest(name = "{0} attending {1} of 20 construction days → finding {2}")
	@CsvSource({ "PROJECT_MANAGER, 16, false", "PROJECT_MANAGER, 15, true", "CHIEF_SUPERVISOR, 16, false",
			"CHIEF_SUPERVISOR, 15, true", "TECHNICAL_LEAD, 14, false", "TECHNICAL_LEAD, 13, true",
			"SAFETY_OFFICER, 14, false", "SAFETY_OFFICER, 13, true" })
	void R2_managersAreJudgedAt80And70PercentInIntegers(String post, int attended, boolean found) {
		ApiClient api = as(province());
		Site site = site(api, "220102", START);
		long unit = post.equals("CHIEF_SUPERVISOR") ? site.supervisionUnitId() : site.gcUnitId();
		long manager = facts.appoint(api, site.projectId(), unit, Post.valueOf(post), START).personId();
		facts.presentOnConstructionDays(site.projectId(), manager, START, attended);
		evaluate(api, SEPTEMBER);
		List<JsonNode> r2 = findings(api, site.projectId(), SEPTEMBER, "R2");
		assertThat(r2).hasSize(found ? 1 : 0);
		if (found) {
			JsonNode f = r2.get(0);
			assertThat(f.get("measure").asString()).isEqualTo("RECTIFICATION_ORDER");
			assertThat(f.get("ruleSetCode").asString()).isEqualTo("吉建管〔2021〕6号");
			assertThat(f.get("legalBasis").asString()).contains("检查内容2");
			JsonNode e = f.get("evidence");
			assertThat(e.get("constructionDayCount").asInt()).isEqualTo(20);
			assertThat(e.get("attendedDayCount").asInt()).isEqualTo(attended);
			assertThat(e.get("requiredPercent").asInt()).isEqualTo(post.equals("PROJECT_MANAGER") || post.equals("CHIEF_SUPERVISOR") ? 80 : 70);
			assertThat(e.get("constructionDays").size()).isEqualTo(20);
			assertThat(f.get("responsible").asString()).isEqualTo(post.equals("CHIEF_SUPERVISOR") ? "SUPERVISION_COMPANY" : "PROJECT_MANAGER");
		}
	}

	@Test
	void R2_stoppagesAndCompletionShrinkTheBaseAndAMonthWithoutConstructionDaysIsNotEvaluated() {
		ApiClient api = as(province());
		Site stopped = site(api, "220102", START);
		api.post("/api/projects/" + stopped.projectId() + "/stoppages",
				Map.of("firstDay", SEPTEMBER.atDay(21), "lastDay", SEPTEMBER.atDay(25), "reason", "停工整顿"));
		long pm = facts.appoint(api, stopped.projectId(), stopped.gcUnitId(), Post.PROJECT_MANAGER, START).personId();
		facts.presentOnConstructionDays(stopped.projectId(), pm, START, 12);
		Site completed = site(api, "220102", START);
		long other = facts.appoint(api, completed.projectId(), completed.gcUnitId(), Post.QUALITY_OFFICER, START).personId();
		ApiClient.Response done = api.post("/api/projects/" + completed.projectId() + "/completion",
				Map.of("completionDate", SEPTEMBER.atDay(20)));
		assertThat(done.status()).as(done.body()).isEqualTo(200);
		facts.presentOnConstructionDays(completed.projectId(), other, START, 6);
		Site later = site(api, "220102", SEPTEMBER.plusMonths(1).atDay(5));
		facts.appoint(api, later.projectId(), later.gcUnitId(), Post.PROJECT_MANAGER, SEPTEMBER.plusMonths(1).atDay(5));

		JsonNode result = evaluate(api, SEPTEMBER);
		assertThat(findings(api, stopped.projectId(), SEPTEMBER, "R2")).as("12 of 15 = 80 %").isEmpty();
		List<JsonNode> completedFindings = findings(api, completed.projectId(), SEPTEMBER, "R2");
		assertThat(completedFindings).hasSize(1);
		assertThat(completedFindings.get(0).get("evidence").get("constructionDayCount").asInt()).isEqualTo(10);
		assertThat(completedFindings.get(0).get("evidence").get("attendedDayCount").asInt()).isEqualTo(6);
		assertThat(api.get("/api/findings?projectId=" + later.projectId() + "&month=" + SEPTEMBER).json().get("total").asInt())
			.as("no construction days in September").isZero();
		assertThat(result.get("projects").asInt()).isPositive();

		jdbc.sql("delete from daily_presence where project_id = ? and person_id = ? and day = ?")
			.params(stopped.projectId(), pm, SEPTEMBER.atDay(11)).update();
		evaluate(api, SEPTEMBER);
		List<JsonNode> after = findings(api, stopped.projectId(), SEPTEMBER, "R2");
		assertThat(after).as("11 of 15 < 80 %").hasSize(1);
		assertThat(after.get(0).get("evidence").get("stoppages").get(0).get("firstDay").asString()).isEqualTo("2026-09-21");
	}

	/**
	 * Days on site that are not construction days of the tenure (a stoppage, days before the tenure) do not count.
	 * The evaluation rules posts out from the month's presence counters before counting days; a manager whose
	 * valid days in the month would reach 80 % if those days counted must still be found short.
	 */
	@Test
	void R2_daysOnSiteOutsideTheConstructionDaysOfTheTenureDoNotCount() {
		ApiClient api = as(province());
		Site site = site(api, "220102", SEPTEMBER.atDay(1));
		api.post("/api/projects/" + site.projectId() + "/stoppages",
				Map.of("firstDay", SEPTEMBER.atDay(21), "lastDay", SEPTEMBER.atDay(25), "reason", "停工整顿"));
		long pm = facts.appoint(api, site.projectId(), site.gcUnitId(), Post.PROJECT_MANAGER, START).personId();
		facts.present(site.projectId(), pm, SEPTEMBER.atDay(1), SEPTEMBER.atDay(10));
		facts.present(site.projectId(), pm, SEPTEMBER.atDay(21), SEPTEMBER.atDay(25));
		facts.presentOnConstructionDays(site.projectId(), pm, START, 11);
		long quality = facts.appoint(api, site.projectId(), site.gcUnitId(), Post.QUALITY_OFFICER, START).personId();
		facts.present(site.projectId(), quality, SEPTEMBER.atDay(1), SEPTEMBER.atDay(30));

		evaluate(api, SEPTEMBER);
		List<JsonNode> r2 = findings(api, site.projectId(), SEPTEMBER, "R2");
		assertThat(r2).as("26 valid days in September, 11 of them construction days of the tenure").hasSize(1);
		JsonNode e = r2.get(0).get("evidence");
		assertThat(r2.get(0).get("personId").asLong()).isEqualTo(pm);
		assertThat(e.get("constructionDayCount").asInt()).isEqualTo(15);
		assertThat(e.get("attendedDayCount").asInt()).isEqualTo(11);
		assertThat(e.get("attendedDays").size()).isEqualTo(11);
		assertThat(e.get("arithmetic").asString()).isEqualTo("11 × 100 = 1100 < 15 × 80 = 1200");
	}

	@Test
	void R2_aManagerReplacedMidMonthIsJudgedOnTheirOwnTenure() {
		ApiClient api = as(province());
		Site site = site(api, "220102", START);
		long first = person(api);
		long second = person(api);
		jdbc.sql("""
				insert into manager_post (project_id, person_id, post, participating_unit_id, tenure_from, tenure_to)
				values (?, ?, 'PROJECT_MANAGER', ?, ?, ?), (?, ?, 'PROJECT_MANAGER', ?, ?, null)""")
			.params(site.projectId(), first, site.gcUnitId(), START, SEPTEMBER.atDay(20), site.projectId(), second,
					site.gcUnitId(), SEPTEMBER.atDay(21))
			.update();
		facts.presentOnConstructionDays(site.projectId(), first, START, 8);
		facts.presentOnConstructionDays(site.projectId(), second, SEPTEMBER.atDay(21), 7);
		evaluate(api, SEPTEMBER);
		List<JsonNode> r2 = findings(api, site.projectId(), SEPTEMBER, "R2");
		assertThat(r2).hasSize(1);
		assertThat(r2.get(0).get("personId").asLong()).isEqualTo(second);
		assertThat(r2.get(0).get("evidence").get("constructionDayCount").asInt()).isEqualTo(10);
		assertThat(r2.get(0).get("evidence").get("arithmetic").asString()).isEqualTo("7 × 100 = 700 < 10 × 80 = 800");

		ApiClient.Response page = api.get("/findings/" + r2.get(0).get("id").asLong());
		assertThat(page.status()).isEqualTo(200);
		assertThat(page.body()).contains("R2 管理人员到岗履职", "7 × 100 = 700 &lt; 10 × 80 = 800", "项目经理", "吉建管〔2021〕6号",
				"class=\"work attended\"", "发现");
		assertThat(api.get("/projects/" + site.projectId() + "/compliance").body()).contains("责令限期整改", "详情");
		assertThat(api.get("/compliance?month=2026-09").body()).contains("检查发现 2026-09");

		// the findings' Excel keeps the page's project and region filters
		String name = site.projectName();
		List<List<String>> ofProject = Workbooks.cells(
				api.get("/compliance?month=2026-09&project=" + site.projectId() + "&format=xlsx").bytes());
		assertThat(ofProject.subList(1, ofProject.size())).as("rows below the header").isNotEmpty()
			.allSatisfy(row -> assertThat(row.get(2)).isEqualTo(name));
		assertThat(Workbooks.cells(api.get("/compliance?month=2026-09&region=220200&format=xlsx").bytes()))
			.as("another city's region").noneSatisfy(row -> assertThat(row).contains(name));
		assertThat(api.get("/compliance?month=2026-09&region=2201&format=xlsx").status()).as("a mistyped region")
			.isEqualTo(400);
	}

	@ParameterizedTest(name = "shortfall {0} → {1}")
	@CsvSource({ "0, NONE", "1, RECTIFICATION_ORDER", "15, RECTIFICATION_ORDER", "16, PENALTY" })
	void R3_shortfallLeadsToOrderUpTo15AndPenaltyFrom16(int shortfall, String measure) {
		ApiClient api = as(province());
		Site site = site(api, "220102", START);
		List<Long> workers = importedWorkers(api, site, 20, SEPTEMBER.atDay(1), START);
		for (long worker : workers.subList(0, 20 - shortfall)) {
			facts.presentOnConstructionDays(site.projectId(), worker, SEPTEMBER.atDay(14), 1);
		}
		evaluate(api, SEPTEMBER);
		List<JsonNode> r3 = findings(api, site.projectId(), SEPTEMBER, "R3");
		if (measure.equals("NONE")) {
			assertThat(r3).isEmpty();
			return;
		}
		assertThat(r3).hasSize(1);
		assertThat(r3.get(0).get("measure").asString()).isEqualTo(measure);
		assertThat(r3.get(0).get("evidence").get("engagedWorkers").asInt()).isEqualTo(20);
		assertThat(r3.get(0).get("evidence").get("shortfall").asInt()).isEqualTo(shortfall);
		assertThat(r3.get(0).get("evidence").get("absentPersonIds").size()).isEqualTo(shortfall);
		assertThat(r3.get(0).get("responsible").asString())
			.isEqualTo(measure.equals("PENALTY") ? "PROJECT_MANAGER" : "CONSTRUCTION_ENTERPRISE");
	}

	@ParameterizedTest(name = "device from {0} days after the start, connected {1} → R1 finding {2}")
	@CsvSource({ "0, true, false", "1, true, true", "-3, false, true" })
	void R1_deviceByTheStartDateAndConnected(int daysAfterStart, boolean connectedEveryDay, boolean found) {
		ApiClient api = as(province());
		Site site = site(api, "220102", START);
		Map<String, Object> body = gateRegistration("R1");
		ApiClient.Response registered = api.post("/api/projects/" + site.projectId() + "/devices", body);
		assertThat(registered.status()).isEqualTo(201);
		fixtureDeviceObservedSince(registered.json().get("device").get("id").asLong(), START.plusDays(daysAfterStart));
		facts.connected(site.projectId(), START, connectedEveryDay ? SEPTEMBER.atEndOfMonth() : SEPTEMBER.atDay(27));
		evaluate(api, SEPTEMBER);
		List<JsonNode> r1 = findings(api, site.projectId(), SEPTEMBER, "R1");
		assertThat(r1).hasSize(found ? 1 : 0);
		if (found) {
			JsonNode e = r1.get(0).get("evidence");
			assertThat(e.get("equippedByStart").asBoolean()).isEqualTo(daysAfterStart <= 0);
			assertThat(e.get("disconnectedDayCount").asInt()).isEqualTo(connectedEveryDay ? 0 : 3);
			assertThat(e.get("disconnectedDays").toString()).isEqualTo(connectedEveryDay ? "[]"
					: "[\"2026-09-28\",\"2026-09-29\",\"2026-09-30\"]");
			assertThat(e.get("constructionDays").size()).isEqualTo(20);
		}
	}

	/**
	 * R1 rests on what the platform observed: a gate registered today with a declared installation
	 * date before the start is judged on the day the platform registered and first heard it.
	 */
	@Test
	void R1_aDeclaredInstallationDateIsTheEnterprisesClaimNotTheBasis() {
		ApiClient province = as(province());
		YearMonth last = YearMonth.from(today()).minusMonths(1);
		Site site = site(province, "220102", last.atDay(1));
		ApiClient enterprise = as(account(Role.ENTERPRISE_ADMIN, null, site.contractorId(), null, false));
		Map<String, Object> body = gateRegistration("CLAIM");
		body.put("registeredOn", last.atDay(1).minusDays(5));
		ApiClient.Response registered = enterprise.post("/api/projects/" + site.projectId() + "/devices", body);
		assertThat(registered.status()).as(registered.body()).isEqualTo(201);
		JsonNode device = registered.json().get("device");
		assertThat(device.get("registeredOn").asString()).as("the claim is kept").isEqualTo(last.atDay(1).minusDays(5).toString());
		assertThat(device.get("registeredByStart").asBoolean()).isFalse();
		assertThat(device.get("equippedOn").isNull()).as("not heard yet").isTrue();
		ApiClient.Response beat = gate(new RegisteredDevice(device.get("id").asLong(), device.get("serialNumber").asString(),
				registered.json().get("secret").asString())).post("/api/device/v1/heartbeat", Map.of("status", "OK",
						"deviceTime", OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.ofHours(8)).toString()));
		assertThat(beat.status()).as(beat.body()).isEqualTo(200);
		JsonNode heard = province.get("/api/devices/" + device.get("id").asLong()).json();
		assertThat(heard.get("equippedOn").asString()).isEqualTo(today().toString());
		assertThat(heard.get("registeredByStart").asBoolean()).isFalse();
		facts.connected(site.projectId(), last.atDay(1), last.atEndOfMonth());

		evaluate(province, last);
		List<JsonNode> r1 = findings(province, site.projectId(), last, "R1");
		assertThat(r1).as("equipped, as observed, after the start").hasSize(1);
		assertThat(r1.get(0).get("evidence").get("equippedByStart").asBoolean()).isFalse();
		assertThat(r1.get(0).get("evidence").get("firstDeviceFrom").asString()).isEqualTo(today().toString());
		assertThat(r1.get(0).get("evidence").get("disconnectedDayCount").asInt()).isZero();
		assertThat(r1.get(0).get("evidence").get("declaredInstallation").asString()).as("the claim, beside the observation")
			.isEqualTo(last.atDay(1).minusDays(5).toString());
		assertThat(province.get("/findings/" + r1.get(0).get("id").asLong()).body())
			.contains("企业申报安装日 " + last.atDay(1).minusDays(5));

		String page = province.get("/projects/" + site.projectId() + "/gates").body();
		assertThat(page).contains("平台观察配备日", "企业申报安装日", last.atDay(1).minusDays(5).toString(), "晚于开工");
	}

	@Test
	void reRunningAMonthIsIdempotentAndCorrectedInputsLeaveAHistory() {
		ApiClient api = as(province());
		Site site = site(api, "220102", START);
		long pm = facts.appoint(api, site.projectId(), site.gcUnitId(), Post.PROJECT_MANAGER, START).personId();
		facts.presentOnConstructionDays(site.projectId(), pm, START, 10);
		evaluate(api, SEPTEMBER);
		long count = jdbc.sql("select count(*) from finding where month = ?").param(SEPTEMBER.atDay(1)).query(Long.class).single();
		JsonNode again = evaluate(api, SEPTEMBER);
		assertThat(again.get("raised").asInt()).isZero();
		assertThat(again.get("updated").asInt()).isZero();
		assertThat(again.get("withdrawn").asInt()).isZero();
		assertThat(jdbc.sql("select count(*) from finding where month = ?").param(SEPTEMBER.atDay(1)).query(Long.class).single())
			.isEqualTo(count);
		long findingId = findings(api, site.projectId(), SEPTEMBER, "R2").get(0).get("id").asLong();

		facts.presentOnConstructionDays(site.projectId(), pm, START, 14);
		evaluate(api, SEPTEMBER);
		facts.presentOnConstructionDays(site.projectId(), pm, START, 16);
		evaluate(api, SEPTEMBER);
		assertThat(findings(api, site.projectId(), SEPTEMBER, "R2")).isEmpty();
		JsonNode detail = api.get("/api/findings/" + findingId).json();
		assertThat(detail.get("finding").get("status").asString()).isEqualTo("WITHDRAWN");
		assertThat(detail.get("revisions").valueStream().map(r -> r.get("change").asString()).toList())
			.containsExactly("RAISED", "UPDATED", "WITHDRAWN");
		assertThat(detail.get("revisions").get(1).get("evidence").get("attendedDayCount").asInt()).isEqualTo(14);
	}

	@Test
	void aMonthIsEvaluatedUnderTheRuleSetInForceForItAndAdoptingOneForAPastMonthIsAnExplicitRetroactiveAct() {
		ApiClient api = as(province());
		YearMonth june = YearMonth.of(2026, 6);
		YearMonth july = YearMonth.of(2026, 7);
		Site site = site(api, "220102", june.atDay(11));
		long safety = facts.appoint(api, site.projectId(), site.gcUnitId(), Post.SAFETY_OFFICER, june.atDay(11)).personId();
		facts.presentOnConstructionDays(site.projectId(), safety, june.atDay(11), 15);
		facts.presentOnConstructionDays(site.projectId(), safety, july.atDay(1), 22);
		long jilin2023 = api.get("/api/rule-sets").json().valueStream()
			.filter(r -> r.get("code").asString().equals("吉建规〔2023〕11号")).findFirst().orElseThrow().get("id").asLong();
		long jilin2021 = api.get("/api/rule-sets").json().valueStream()
			.filter(r -> r.get("code").asString().equals("吉建管〔2021〕6号")).findFirst().orElseThrow().get("id").asLong();
		String adoption2023 = "/api/rule-sets/" + jilin2023 + "/adoption";
		String adoption2021 = "/api/rule-sets/" + jilin2021 + "/adoption";
		ApiClient.Response notFirst = api.english().post(adoption2023, Map.of("effectiveFrom", june.atDay(2)));
		assertThat(rules(notFirst)).containsExactly("rule-set.first-of-month");
		ApiClient city = as(account(Role.CITY_OFFICER, "220100", null, null, false));
		assertThat(city.post(adoption2023, Map.of("effectiveFrom", june.atDay(1), "retroactive", true, "reason", "x")).status())
			.isEqualTo(403);
		assertThat(city.post("/api/evaluations", Map.of("month", june.toString())).status()).isEqualTo(403);

		evaluate(api, june);
		assertThat(findings(api, site.projectId(), june, "R2")).as("15 of 20 = 75 %: above 70 % under 6号").isEmpty();
		ApiClient.Response plain = as(province()).post(adoption2023, Map.of("effectiveFrom", june.atDay(1)));
		assertThat(plain.status()).as("June has begun and been evaluated").isEqualTo(400);
		assertThat(rules(plain)).containsExactly("rule-set.month-begun");
		ApiClient.Response noReason = as(province()).post(adoption2023, Map.of("effectiveFrom", june.atDay(1), "retroactive", true));
		assertThat(rules(noReason)).containsExactly("rule-set.retroactive-needs-reason");
		ApiClient.Response thisMonth = as(province()).post(adoption2021, Map.of("effectiveFrom", YearMonth.from(today()).atDay(1)));
		assertThat(rules(thisMonth)).as("the current month has begun").containsExactly("rule-set.month-begun");
		ApiClient.Response nextMonth = as(province()).post(adoption2021,
				Map.of("effectiveFrom", YearMonth.from(today()).plusMonths(1).atDay(1)));
		assertThat(nextMonth.status()).as("a month to come needs nothing more").isEqualTo(200);
		assertThat(nextMonth.json().get("retroactive").asBoolean()).isFalse();
		long findingId = 0;
		try {
			assertThat(api.post(adoption2021, Map.of("effectiveFrom", july.atDay(1), "retroactive", true, "reason",
					"测试：7月起仍用6号")).status()).isEqualTo(200);
			ApiClient.Response retro = api.post(adoption2023, Map.of("effectiveFrom", june.atDay(1), "retroactive", true,
					"reason", "测试：6月起追溯适用11号"));
			assertThat(retro.status()).as(retro.body()).isEqualTo(200);
			assertThat(retro.json().get("retroactive").asBoolean()).isTrue();
			assertThat(retro.json().get("reevaluated").valueStream().map(JsonNode::asString).toList())
				.as("the evaluated month it governs, re-evaluated at once").containsExactly("2026-06");
			assertThat(jdbc.sql("""
					select count(*) from audit_entry where action = 'RULE_SET_ADOPTED_RETROACTIVELY' and subject_id = '2026-06-01'
					  and after_state::text like '%6月起追溯适用11号%'""").query(Long.class).single()).isPositive();
			List<JsonNode> inJune = findings(api, site.projectId(), june, "R2");
			assertThat(inJune).as("15 of 20 = 75 %: below 80 % for a key post under 11号").hasSize(1);
			findingId = inJune.get(0).get("id").asLong();
			assertThat(inJune.get(0).get("ruleSetCode").asString()).isEqualTo("吉建规〔2023〕11号");
			assertThat(inJune.get(0).get("evidence").get("validDayRule").asString()).isEqualTo("TWO_PASSES_4H");
			evaluate(api, july);
			assertThat(findings(api, site.projectId(), july, "R2")).as("22 of 31 = 71 %: above 70 % under 6号").isEmpty();
		}
		finally {
			api.post(adoption2021, Map.of("effectiveFrom", june.atDay(1), "retroactive", true, "reason", "测试结束：恢复6号"));
		}
		JsonNode detail = api.get("/api/findings/" + findingId).json();
		assertThat(detail.get("finding").get("status").asString()).isEqualTo("WITHDRAWN");
		assertThat(detail.get("revisions").valueStream().map(r -> r.get("change").asString()).toList())
			.containsExactly("RAISED", "WITHDRAWN");
		assertThat(api.post("/api/evaluations", Map.of("month", YearMonth.from(today()).toString())).status()).isEqualTo(400);
	}

	@Test
	void findingsAreSeenByTheProjectsPartiesAndOfficersOfTheRegionOnly() {
		ApiClient api = as(province());
		Site site = site(api, "220102", START);
		long pm = facts.appoint(api, site.projectId(), site.gcUnitId(), Post.PROJECT_MANAGER, START).personId();
		facts.presentOnConstructionDays(site.projectId(), pm, START, 1);
		evaluate(api, SEPTEMBER);
		String query = "/api/findings?projectId=" + site.projectId() + "&month=" + SEPTEMBER;
		assertThat(as(account(Role.ENTERPRISE_ADMIN, null, site.contractorId(), null, false)).get(query).json().get("total")
			.asInt()).isPositive();
		assertThat(as(account(Role.CITY_OFFICER, "220100", null, null, false)).get(query).json().get("total").asInt()).isPositive();
		assertThat(as(account(Role.CITY_OFFICER, "220200", null, null, false)).get(query).json().get("total").asInt()).isZero();
		long other = enterprise(api, "220102");
		assertThat(as(account(Role.ENTERPRISE_ADMIN, null, other, null, false)).get(query).json().get("total").asInt()).isZero();
	}

	@Test
	void R3_onAnInspectionDayTheHeadcountIsJudgedAgainstWorkersWithAValidDay() {
		ApiClient api = as(province());
		Site site = site(api, "220102", START);
		List<Long> workers = importedWorkers(api, site, 5, SEPTEMBER.atDay(1), START);
		LocalDate day = SEPTEMBER.atDay(15);
		workers.forEach(w -> facts.presentOnConstructionDays(site.projectId(), w, day, 1));
		Map<Integer, String> expected = new LinkedHashMap<>();
		expected.put(5, null); // nobody missing: no measure, nobody responsible
		expected.put(6, "RECTIFICATION_ORDER");
		expected.put(20, "RECTIFICATION_ORDER");
		expected.put(21, "PENALTY");
		expected.forEach((headcount, measure) -> {
			JsonNode r = api.post("/api/projects/" + site.projectId() + "/inspection-shortfall",
					Map.of("day", day, "headcount", headcount)).json();
			assertThat(r.get("workersWithValidDay").asInt()).isEqualTo(5);
			assertThat(r.get("shortfall").asInt()).isEqualTo(headcount - 5);
			if (measure == null) {
				assertThat(r.get("measure").isNull()).as("headcount %d", headcount).isTrue();
				assertThat(r.get("responsible").isNull()).isTrue();
			}
			else {
				assertThat(r.get("measure").asString()).as("headcount %d", headcount).isEqualTo(measure);
				assertThat(r.get("responsible").asString()).isNotBlank();
			}
		});
		ApiClient.Response negative = api.english().post("/api/projects/" + site.projectId() + "/inspection-shortfall",
				Map.of("day", day, "headcount", -1));
		assertThat(rules(negative)).containsExactly("number.at-least");
	}
}
