package io.siteroll.compliance;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.YearMonth;

import io.siteroll.personnel.Post;
import io.siteroll.support.ApiClient;
import io.siteroll.support.Facts;
import io.siteroll.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * 关键岗位人员到岗率: key-post-days held on construction days, and those whose holder had a valid day. The project
 * manager and the chief supervisor are key posts under every seeded rule set; a technical lead under none.
 */
class DutyRatesTest extends IntegrationTest {

	static final YearMonth SEPTEMBER = YearMonth.of(2026, 9);

	static final LocalDate START = SEPTEMBER.atDay(11);

	private JsonNode row(ApiClient api, String query, String key, String period) {
		return api.get(query).json().valueStream()
			.filter(r -> r.get("key").asString().equals(key) && r.get("period").asString().equals(period))
			.findFirst().orElseThrow();
	}

	@Test
	void dutyRatesCountKeyPostDaysHeldOnConstructionDaysAndTheirHoldersValidDays() {
		ApiClient api = as(province());
		Site site = site(api, "220102", START);
		Facts.Appointment manager = facts.appoint(api, site.projectId(), site.gcUnitId(), Post.PROJECT_MANAGER, START);
		Facts.Appointment chief = facts.appoint(api, site.projectId(), site.supervisionUnitId(), Post.CHIEF_SUPERVISOR,
				SEPTEMBER.atDay(21));
		Facts.Appointment lead = facts.appoint(api, site.projectId(), site.gcUnitId(), Post.TECHNICAL_LEAD, START);
		facts.present(site.projectId(), manager.personId(), START, START.plusDays(15));
		facts.present(site.projectId(), chief.personId(), SEPTEMBER.atDay(21), SEPTEMBER.atDay(25));
		facts.present(site.projectId(), lead.personId(), START, SEPTEMBER.atDay(30));
		// a valid day on the project before the tenure began does not count
		facts.present(site.projectId(), chief.personId(), START, START);

		String project = Long.toString(site.projectId());
		JsonNode month = row(api, "/api/duty-rates?level=PROJECT&period=MONTH&from=2026-09-01&to=2026-09-30", project,
				"2026-09-01");
		assertThat(month.get("postDays").asLong()).as("20 days of the manager, 10 of the chief supervisor").isEqualTo(30);
		assertThat(month.get("attendedPostDays").asLong()).isEqualTo(21);
		assertThat(month.get("ratePercent").asDouble()).isEqualTo(70.0);

		String daily = "/api/duty-rates?level=PROJECT&period=DAY&from=2026-09-11&to=2026-09-30";
		JsonNode first = row(api, daily, project, "2026-09-11");
		assertThat(first.get("postDays").asLong()).isEqualTo(1);
		assertThat(first.get("ratePercent").asDouble()).isEqualTo(100.0);
		assertThat(row(api, daily, project, "2026-09-25").get("attendedPostDays").asLong()).isEqualTo(2);
		JsonNode late = row(api, daily, project, "2026-09-28");
		assertThat(late.get("postDays").asLong()).isEqualTo(2);
		assertThat(late.get("ratePercent").asDouble()).isEqualTo(0.0);

		JsonNode county = row(api, "/api/duty-rates?level=COUNTY&period=MONTH&from=2026-09-01&to=2026-09-30&region=220102",
				"220102", "2026-09-01");
		assertThat(county.get("postDays").asLong()).isGreaterThanOrEqualTo(30);

		ApiClient.Response backwards = api.english().get("/api/duty-rates?from=2026-09-30&to=2026-09-01");
		assertThat(backwards.status()).isEqualTo(400);
		assertThat(rules(backwards)).containsExactly("date.before-start");
	}
}
