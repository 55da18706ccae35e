package io.siteroll.compliance.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;

import io.siteroll.compliance.RuleSet;
import io.siteroll.compliance.RuleSets;
import io.siteroll.device.DeviceWentOffline;
import io.siteroll.support.ApiClient;
import io.siteroll.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;

/**
 * Each rule has one definition that every caller uses: R2's comparison and required percentage as SQL functions,
 * the low-attendance warning's numbers from the rule set, "offline" from the device module (whose events raise and
 * clear the DEVICE_OFFLINE warning at once).
 */
class RulesInOnePlaceTest extends IntegrationTest {

	/** October 2026: a project starting on the 1st; as of the 20th its last 7 construction days are the 14th to 20th. */
	static final YearMonth OCTOBER = YearMonth.of(2026, 10);

	@Autowired
	WarningWatch warnings;

	@Autowired
	RuleSets ruleSets;

	@Autowired
	ApplicationEventPublisher events;

	@Autowired
	TransactionTemplate tx;

	@ParameterizedTest(name = "{0} of {1} days at {2} % → short {3}")
	@CsvSource({ "16, 20, 80, false", "15, 20, 80, true", "14, 20, 70, false", "13, 20, 70, true", "0, 0, 80, false",
			"21, 28, 75, false", "21, 28, 80, true" })
	void attendanceShortComparesInIntegers(int attended, int days, int percent, boolean shortOf) {
		assertThat(jdbc.sql("select attendance_short(?, ?, ?)").params(attended, days, percent).query(Boolean.class).single())
			.isEqualTo(shortOf);
	}

	@ParameterizedTest(name = "{0} under {1}: {2} %")
	@CsvSource({ "PROJECT_MANAGER, 吉建管〔2021〕6号, 80", "CHIEF_SUPERVISOR, 吉建管〔2021〕6号, 80",
			"SAFETY_OFFICER, 吉建管〔2021〕6号, 70", "SAFETY_OFFICER, 吉建规〔2023〕11号, 80", "LABOUR_OFFICER, 吉建规〔2023〕11号, 70" })
	void theRuleSetSaysWhichPostsAreKeyAndWhatTheyMustAttend(String post, String ruleSet, int percent) {
		assertThat(jdbc.sql("select required_percent(?, rs) from rule_set rs where rs.code = ?").params(post, ruleSet)
			.query(Integer.class).single()).isEqualTo(percent);
	}

	private void present(long projectId, long personId, LocalDate from, LocalDate to) {
		jdbc.sql("""
				insert into daily_presence (project_id, day, person_id, first_pass_at, last_pass_at, pass_count, valid)
				select ?, d::date, ?, d, d + interval '9 hours', 2, true
				from generate_series(?::date, ?::date, interval '1 day') d""")
			.params(projectId, personId, from, to)
			.update();
	}

	private RuleSet define(ApiClient api, Integer windowDays, Integer percent) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("code", "LOW-" + System.nanoTime());
		body.put("name", "低出勤预警调整");
		body.put("lowAttendanceDays", windowDays);
		body.put("lowAttendancePercent", percent);
		ApiClient.Response r = api.post("/api/rule-sets", body);
		assertThat(r.status()).as(r.body()).isEqualTo(201);
		return ruleSets.require(r.json().get("id").asLong());
	}

	@Test
	void theLowAttendanceWarningTakesItsWindowAndPercentFromTheRuleSetAndShowsThem() {
		ApiClient api = as(province());
		Site site = site(api, "220102", OCTOBER.atDay(1));
		List<Long> workers = importedWorkers(api, site, 4, OCTOBER.atDay(1), OCTOBER.atDay(1));
		assertThat(workers).hasSize(4);
		for (Long worker : workers.subList(0, 3)) {
			present(site.projectId(), worker, OCTOBER.atDay(1), OCTOBER.atDay(20));
		}
		present(site.projectId(), workers.get(3), OCTOBER.atDay(1), OCTOBER.atDay(13));
		LocalDate asOf = OCTOBER.atDay(20);

		RuleSet standard = define(api, null, null);
		assertThat(standard.lowAttendanceDays()).as("copied from the rule set in force").isEqualTo(7);
		assertThat(standard.lowAttendancePercent()).isEqualTo(80);
		warnings.run(asOf, standard);
		List<JsonNode> low = openWarnings(api, site.projectId(), "LOW_ATTENDANCE");
		assertThat(low).as("21 of 28 worker-days: 2100 < 2240").hasSize(1);
		JsonNode evidence = low.get(0).get("evidence");
		assertThat(evidence.get("windowDays").asInt()).isEqualTo(7);
		assertThat(evidence.get("requiredPercent").asInt()).isEqualTo(80);
		assertThat(evidence.get("thresholdPercent").asInt()).isEqualTo(80);
		assertThat(evidence.get("registeredWorkerDays").asInt()).isEqualTo(28);
		assertThat(evidence.get("attendedWorkerDays").asInt()).isEqualTo(21);

		warnings.run(asOf, define(api, 14, 80));
		assertThat(openWarnings(api, site.projectId(), "LOW_ATTENDANCE")).as("49 of 56 worker-days over 14 days: 87.5 %").isEmpty();

		warnings.run(asOf, define(api, 7, 75));
		assertThat(openWarnings(api, site.projectId(), "LOW_ATTENDANCE")).as("2100 < 2100 does not hold").isEmpty();

		warnings.run(asOf, define(api, 7, 76));
		low = openWarnings(api, site.projectId(), "LOW_ATTENDANCE");
		assertThat(low).hasSize(1);
		assertThat(low.get(0).get("evidence").get("requiredPercent").asInt()).isEqualTo(76);
	}

	@Test
	void aRuleSetsLowAttendanceNumbersAreCheckedField() {
		ApiClient api = as(province()).english();
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("code", "BAD-" + System.nanoTime());
		body.put("name", "x");
		body.put("lowAttendanceDays", WarningWatch.LOW_ATTENDANCE_LOOKBACK_DAYS + 1);
		body.put("lowAttendancePercent", 0);
		ApiClient.Response tooLong = api.post("/api/rule-sets", body);
		assertThat(tooLong.status()).isEqualTo(400);
		assertThat(tooLong.json().get("errors").valueStream().map(e -> e.get("field").asString() + ":" + e.get("rule").asString())
			.toList()).containsExactlyInAnyOrder("lowAttendanceDays:number.at-most", "lowAttendancePercent:percent.range");
		assertThat(tooLong.body()).contains("must be at most " + WarningWatch.LOW_ATTENDANCE_LOOKBACK_DAYS);
		body.put("lowAttendanceDays", 0);
		body.put("lowAttendancePercent", 101);
		assertThat(rules(api.post("/api/rule-sets", body))).containsExactlyInAnyOrder("number.at-least", "percent.range");
	}

	private static void await(String what, BooleanSupplier condition) throws InterruptedException {
		Instant until = Instant.now().plus(Duration.ofSeconds(20));
		while (!condition.getAsBoolean()) {
			assertThat(Instant.now()).as("waited 20 s for " + what).isBefore(until);
			Thread.sleep(100);
		}
	}

	private String deviceOfflineStatus(long projectId, long deviceId) {
		return jdbc.sql("""
				select coalesce(string_agg(status, ',' order by id), '') from warning
				where kind = 'DEVICE_OFFLINE' and project_id = ? and subject = ?""")
			.params(projectId, "device:" + deviceId)
			.query(String.class)
			.single();
	}

	@Test
	void aDeviceMarkedOfflineRaisesItsWarningAtOnceAndHearingFromItClearsIt() throws InterruptedException {
		ApiClient api = as(province());
		Site site = site(api, "220102", today().minusMonths(1));
		RegisteredDevice device = device(api, site.projectId(), "SITEROLL", "IN");
		RegisteredDevice heard = device(api, site.projectId(), "SITEROLL", "OUT");
		fixtureDeviceRegisteredOn(device.id(), today().minusDays(3));
		fixtureDeviceRegisteredOn(heard.id(), today().minusDays(3));
		assertThat(gate(heard).post("/api/device/v1/heartbeat", Map.of("status", "OK")).status()).isEqualTo(200);

		tx.executeWithoutResult(s -> {
			events.publishEvent(new DeviceWentOffline(device.id(), site.projectId(), device.serial(), null, clock.instant()));
			events.publishEvent(new DeviceWentOffline(heard.id(), site.projectId(), heard.serial(), null, clock.instant()));
		});
		await("the DEVICE_OFFLINE warning", () -> deviceOfflineStatus(site.projectId(), device.id()).equals("OPEN"));
		JsonNode warning = openWarnings(api, site.projectId(), "DEVICE_OFFLINE").get(0);
		assertThat(warning.get("raisedOn").asString()).isEqualTo(today().toString());
		assertThat(warning.get("evidence").get("serialNumber").asString()).isEqualTo(device.serial());
		assertThat(warning.get("evidence").get("toleranceHours").asInt()).isEqualTo(24);
		assertThat(deviceOfflineStatus(site.projectId(), heard.id())).as("heard today: not offline by the one definition")
			.isEmpty();

		jdbc.sql("update device set offline_since = now() where id = ?").param(device.id()).update();
		assertThat(gate(device).post("/api/device/v1/heartbeat", Map.of("status", "OK")).status()).isEqualTo(200);
		await("the warning to clear", () -> deviceOfflineStatus(site.projectId(), device.id()).equals("CLEARED"));
	}

	/**
	 * The definitions cost nothing in the set-based statements: the planner inlines the rule functions and flattens
	 * the read models into the tables they read, so the plan names the tables and no function is called per row.
	 */
	@Test
	void theRuleFunctionsAndReadModelsAreInlinedIntoTheStatementsThatUseThem() {
		String plan = String.join("\n", jdbc.sql("""
				explain (verbose, costs off)
				select mp.id
				from manager_tenure mp
				     join rule_set rs on rs.id = 1
				     left join valid_attendance_day dp on dp.project_id = mp.project_id and dp.person_id = mp.person_id
				     left join device_heard_day h on h.project_id = mp.project_id and h.day = dp.day
				     left join worker_engagement_period w on w.project_id = mp.project_id
				where key_post(mp.post, rs) and attendance_short(3, 4, required_percent(mp.post, rs))
				  and device_silent(h.last_at, null, now(), interval '1 day')""")
			.query(String.class)
			.list());
		assertThat(plan).doesNotContain("key_post(", "required_percent", "attendance_short", "device_silent", "manager_tenure",
				"valid_attendance_day", "device_heard_day", "worker_engagement_period")
			.contains("manager_post", "daily_presence", "device_day", "worker_engagement");
	}
}
