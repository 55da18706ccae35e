package io.siteroll.compliance;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;

import io.siteroll.support.ApiClient;
import io.siteroll.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Attendance rates (worker-days attended ÷ worker-days on site) and coverage. */
class AttendanceRatesTest extends IntegrationTest {

	static final YearMonth SEPTEMBER = YearMonth.of(2026, 9);

	static final LocalDate START = SEPTEMBER.atDay(11);

	private JsonNode row(ApiClient api, String query, String key, String period) {
		return api.get(query).json().valueStream()
			.filter(r -> r.get("key").asString().equals(key)
					&& (r.has("period") ? r.get("period") : r.get("day")).asString().equals(period))
			.findFirst().orElseThrow();
	}

	@Test
	void ratesCountWorkerDaysOnConstructionDaysPerProjectAndRegionPerDayAndMonth() {
		ApiClient api = as(province());
		Site site = site(api, "220102", START);
		List<Long> workers = importedWorkers(api, site, 2, SEPTEMBER.atDay(1), START);
		facts.present(site.projectId(), workers.get(0), START, START.plusDays(19));
		facts.present(site.projectId(), workers.get(1), START, START.plusDays(9));

		String monthly = "/api/attendance-rates?level=PROJECT&period=MONTH&from=2026-09-01&to=2026-09-30";
		JsonNode month = row(api, monthly, Long.toString(site.projectId()), "2026-09-01");
		assertThat(month.get("registeredWorkerDays").asLong()).isEqualTo(40);
		assertThat(month.get("attendedWorkerDays").asLong()).isEqualTo(30);
		assertThat(month.get("ratePercent").asDouble()).isEqualTo(75.0);

		String daily = "/api/attendance-rates?level=PROJECT&period=DAY&from=2026-09-11&to=2026-09-30";
		assertThat(row(api, daily, Long.toString(site.projectId()), "2026-09-11").get("ratePercent").asDouble()).isEqualTo(100.0);
		assertThat(row(api, daily, Long.toString(site.projectId()), "2026-09-25").get("ratePercent").asDouble()).isEqualTo(50.0);

		JsonNode city = row(api, "/api/attendance-rates?level=CITY&period=MONTH&from=2026-09-01&to=2026-09-30", "220100",
				"2026-09-01");
		assertThat(city.get("name").asString()).isEqualTo("长春市");
		assertThat(city.get("registeredWorkerDays").asLong()).isGreaterThanOrEqualTo(40);

		ApiClient.Response tooLong = api.english().get("/api/attendance-rates?from=2025-01-01&to=2026-09-30");
		assertThat(tooLong.status()).isEqualTo(400);
		assertThat(rules(tooLong)).containsExactly("range.too-long");
	}

	@Test
	void coverageCountsStartedEquippedAndConnectedProjects() {
		ApiClient api = as(province());
		Site equipped = site(api, "220102", START);
		Site bare = site(api, "220102", START);
		RegisteredDevice device = device(api, equipped.projectId(), "SITEROLL", "IN");
		fixtureDeviceObservedSince(device.id(), START);
		jdbc.sql("insert into device_day (device_id, day, project_id, first_at, last_at) values (?, ?, ?, now(), now())")
			.params(device.id(), SEPTEMBER.atDay(15), equipped.projectId()).update();
		String query = "/api/coverage?level=PROJECT&day=2026-09-15";
		JsonNode one = row(api, query, Long.toString(equipped.projectId()), "2026-09-15");
		assertThat(List.of(one.get("startedProjects").asLong(), one.get("equippedProjects").asLong(),
				one.get("connectedProjects").asLong())).containsExactly(1L, 1L, 1L);
		JsonNode none = row(api, query, Long.toString(bare.projectId()), "2026-09-15");
		assertThat(List.of(none.get("startedProjects").asLong(), none.get("equippedProjects").asLong(),
				none.get("connectedProjects").asLong())).containsExactly(1L, 0L, 0L);
		JsonNode day16 = row(api, "/api/coverage?level=PROJECT&day=2026-09-16", Long.toString(equipped.projectId()), "2026-09-16");
		assertThat(day16.get("connectedProjects").asLong()).isZero();
		assertThat(api.get("/api/coverage?level=PROJECT&day=2026-09-01").json().valueStream()
			.noneMatch(r -> r.get("key").asString().equals(Long.toString(bare.projectId())))).as("not started yet").isTrue();
	}
}
