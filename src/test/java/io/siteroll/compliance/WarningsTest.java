package io.siteroll.compliance;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;

import io.siteroll.identity.Role;
import io.siteroll.support.ApiClient;
import io.siteroll.support.IntegrationTest;
import io.siteroll.support.TestClock;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Daily warnings (预警): raised on the day the condition holds, with evidence, cleared when it ends. */
class WarningsTest extends IntegrationTest {

	static final YearMonth SEPTEMBER = YearMonth.of(2026, 9);

	static final LocalDate START = SEPTEMBER.atDay(11);

	private void refresh(ApiClient api, LocalDate asOf) {
		ApiClient.Response r = api.post("/api/warnings/refresh", Map.of("asOf", asOf));
		assertThat(r.status()).as(r.body()).isEqualTo(200);
	}

	@Test
	void aKeyManagerWhoCanNoLongerReachTheThresholdIsWarnedOnTheFirstDayItBecomesUnreachable() {
		ApiClient api = as(province());
		Site site = site(api, "220102", START);
		long person = api.post("/api/persons", Map.of("idNumber", IDS.idNumber(1965, 1995), "name", IDS.name())).id();
		api.post("/api/projects/" + site.projectId() + "/managers",
				Map.of("personId", person, "post", "PROJECT_MANAGER", "unitId", site.gcUnitId(), "tenureFrom", START));
		facts.present(site.projectId(), person, START, START.plusDays(2));
		refresh(api, SEPTEMBER.atDay(17));
		assertThat(openWarnings(api, site.projectId(), "KEY_MANAGER_UNREACHABLE")).as("(3 + 13) × 100 = 1600: still reachable").isEmpty();
		refresh(api, SEPTEMBER.atDay(18));
		List<JsonNode> warned = openWarnings(api, site.projectId(), "KEY_MANAGER_UNREACHABLE");
		assertThat(warned).hasSize(1);
		assertThat(warned.get(0).get("raisedOn").asString()).isEqualTo("2026-09-18");
		assertThat(warned.get(0).get("personId").asLong()).isEqualTo(person);
		assertThat(warned.get(0).get("evidence").get("arithmetic").asString()).isEqualTo("(3 + 12) × 100 = 1500 < 20 × 80 = 1600");
		refresh(api, SEPTEMBER.atDay(18));
		assertThat(openWarnings(api, site.projectId(), "KEY_MANAGER_UNREACHABLE")).as("not raised twice").hasSize(1);
		assertThat(api.get("/api/warnings?personId=" + person).json().get("total").asInt()).isEqualTo(1);
		ApiClient.Response page = api.get("/persons/" + person + "/compliance");
		assertThat(page.status()).isEqualTo(200);
		assertThat(page.body()).contains("关键管理人员本月已无法达标", "(3 + 12) × 100 = 1500 &lt; 20 × 80 = 1600");

		ApiClient enterprise = as(account(Role.ENTERPRISE_ADMIN, null, site.contractorId(), null, false));
		assertThat(enterprise.get("/api/warnings?projectId=" + site.projectId()).json().get("total").asInt()).isPositive();
		ApiClient elsewhere = as(account(Role.CITY_OFFICER, "220200", null, null, false));
		assertThat(elsewhere.get("/api/warnings?projectId=" + site.projectId()).json().get("total").asInt()).isZero();
		assertThat(elsewhere.post("/api/warnings/refresh", Map.of("asOf", START)).status()).isEqualTo(403);
	}

	@Test
	void devicesWorkersAndUnregisteredPeopleAreWatchedAndWarningsClearWhenTheConditionEnds() {
		ApiClient api = as(province());
		Site site = site(api, "220102", START);
		refresh(api, SEPTEMBER.atDay(15));
		assertThat(openWarnings(api, site.projectId(), "NO_DEVICE")).hasSize(1);

		Map<String, Object> body = gateRegistration("W");
		long deviceId = api.post("/api/projects/" + site.projectId() + "/devices", body).json().get("device").get("id").asLong();
		fixtureDeviceRegisteredOn(deviceId, SEPTEMBER.atDay(16));
		refresh(api, SEPTEMBER.atDay(20));
		assertThat(openWarnings(api, site.projectId(), "NO_DEVICE")).isEmpty();
		assertThat(api.get("/api/warnings?projectId=" + site.projectId() + "&kind=NO_DEVICE&status=CLEARED").json()
			.get("items").get(0).get("clearedOn").asString()).isEqualTo("2026-09-20");
		assertThat(openWarnings(api, site.projectId(), "DEVICE_OFFLINE")).hasSize(1);
		jdbc.sql("insert into device_day (device_id, day, project_id, first_at, last_at) values (?, ?, ?, now(), now())")
			.params(deviceId, SEPTEMBER.atDay(21), site.projectId()).update();
		List<Long> workers = importedWorkers(api, site, 4, SEPTEMBER.atDay(1), START);
		facts.present(site.projectId(), workers.get(0), START, START.plusDays(10));
		facts.present(site.projectId(), workers.get(1), START, START.plusDays(10));
		jdbc.sql("insert into gate_refusal (device_id, project_id, person_ref, reason, at) values (?, ?, '99999', 'NOT_REGISTERED', ?)")
			.params(deviceId, site.projectId(), Timestamp.from(SEPTEMBER.atDay(21).atTime(9, 0)
				.atZone(TestClock.PLATFORM_ZONE).toInstant())).update();

		refresh(api, SEPTEMBER.atDay(21));
		assertThat(openWarnings(api, site.projectId(), "DEVICE_OFFLINE")).isEmpty();
		List<JsonNode> low = openWarnings(api, site.projectId(), "LOW_ATTENDANCE");
		assertThat(low).hasSize(1);
		assertThat(low.get(0).get("evidence").get("ratePercent").asDouble()).isEqualTo(50.0);
		assertThat(low.get(0).get("evidence").get("registeredWorkerDays").asInt()).isEqualTo(28);
		List<JsonNode> unregistered = openWarnings(api, site.projectId(), "UNREGISTERED_AT_GATE");
		assertThat(unregistered).hasSize(1);
		assertThat(unregistered.get(0).get("evidence").get("refusedAttempts").asInt()).isEqualTo(1);

		facts.present(site.projectId(), workers.get(2), START, START.plusDays(10));
		facts.present(site.projectId(), workers.get(3), START, START.plusDays(10));
		refresh(api, SEPTEMBER.atDay(22));
		assertThat(openWarnings(api, site.projectId(), "LOW_ATTENDANCE")).isEmpty();
		assertThat(openWarnings(api, site.projectId(), "UNREGISTERED_AT_GATE")).isEmpty();
	}
}
