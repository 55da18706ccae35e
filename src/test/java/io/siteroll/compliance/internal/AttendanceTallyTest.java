package io.siteroll.compliance.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import io.siteroll.compliance.AttendanceRates.DutyRate;
import io.siteroll.compliance.AttendanceRates.Level;
import io.siteroll.compliance.AttendanceRates.Period;
import io.siteroll.compliance.AttendanceRates.Rate;
import io.siteroll.personnel.Post;
import io.siteroll.support.ApiClient;
import io.siteroll.support.Facts;
import io.siteroll.support.IntegrationTest;
import io.siteroll.support.RosterFile;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The tally answers exactly what the live definition answers, on data that moves under it: a stoppage declared by an
 * officer, a worker's exit, a manager replaced, a pass that arrives late for a past day and one ingested today. Called
 * without a request, the services answer as the platform (the province's scope).
 */
class AttendanceTallyTest extends IntegrationTest {

	@Autowired
	AttendanceRateQueries rates;

	@Autowired
	AttendanceTally tally;

	private void sameAsLive(LocalDate from, LocalDate to) {
		for (Level level : Level.values()) {
			for (Period period : Period.values()) {
				List<Rate> tallied = rates.rates(level, period, from, to, "220102");
				assertThat(tallied).as("rates %s %s", level, period)
					.containsExactlyElementsOf(rates.liveRates(level, period, from, to, "220102"));
				List<DutyRate> duty = rates.dutyRates(level, period, from, to, "220102");
				assertThat(duty).as("duty rates %s %s", level, period)
					.containsExactlyElementsOf(rates.liveDutyRates(level, period, from, to, "220102"));
			}
		}
	}

	private long attended(long projectId, LocalDate day) {
		return rates.rates(Level.PROJECT, Period.DAY, day, day, "220102").stream()
			.filter(r -> r.key().equals(Long.toString(projectId)))
			.mapToLong(Rate::attendedWorkerDays)
			.sum();
	}

	@Test
	void theTallyAnswersWhatTheDefinitionAnswersWhileTheFactsChange() {
		ApiClient api = as(province());
		LocalDate today = today();
		LocalDate start = today.minusDays(25);
		LocalDate from = start.withDayOfMonth(1);
		Site site = site(api, "220102", start);
		assertThat(api.upload("/api/projects/" + site.projectId() + "/teams/" + site.teamId() + "/roster", "file", "w.xlsx",
				RosterFile.of(IDS, 4, start.minusDays(10), start)).status()).isEqualTo(201);
		List<Map<String, Object>> workers = jdbc.sql(
				"select id, person_id from worker_engagement where project_id = ? order by person_id")
			.param(site.projectId()).query().listOfRows();
		long first = (Long) workers.get(0).get("person_id");
		long second = (Long) workers.get(1).get("person_id");
		long third = (Long) workers.get(2).get("person_id");
		Facts.Appointment manager = facts.appoint(api, site.projectId(), site.gcUnitId(), Post.PROJECT_MANAGER, start);
		Facts.Appointment chief = facts.appoint(api, site.projectId(), site.supervisionUnitId(), Post.CHIEF_SUPERVISOR, start);
		facts.present(site.projectId(), first, start, today.minusDays(1));
		facts.present(site.projectId(), second, start, start.plusDays(9));
		facts.present(site.projectId(), third, start.plusDays(3), today.minusDays(3));
		facts.present(site.projectId(), manager.personId(), start, start.plusDays(14));
		facts.present(site.projectId(), chief.personId(), start.plusDays(5), today.minusDays(2));
		sameAsLive(from, today);

		// an officer's stoppage is in force at once: its days are no construction days
		assertThat(api.post("/api/projects/" + site.projectId() + "/stoppages",
				Map.of("firstDay", start.plusDays(11), "lastDay", start.plusDays(13), "reason", "停电")).status()).isEqualTo(201);
		// the second worker leaves, the chief supervisor's tenure ends
		long secondEngagement = (Long) workers.get(1).get("id");
		assertThat(api.post("/api/projects/" + site.projectId() + "/workers/" + secondEngagement + "/exit",
				Map.of("date", start.plusDays(15))).status()).isEqualTo(200);
		jdbc.sql("update manager_post set tenure_to = ? where id = ?").params(today.minusDays(4), chief.postId()).update();
		// a pass arrives late for a day already tallied
		long before = attended(site.projectId(), start.plusDays(20));
		facts.present(site.projectId(), second, start.plusDays(20), start.plusDays(20));
		facts.present(site.projectId(), (Long) workers.get(3).get("person_id"), start.plusDays(20), start.plusDays(20));
		assertThat(attended(site.projectId(), start.plusDays(20))).as("the late pass counts at once").isEqualTo(before + 1);
		sameAsLive(from, today);

		// a pass ingested today counts in the next answer
		long now = attended(site.projectId(), today);
		facts.present(site.projectId(), first, today, today);
		assertThat(attended(site.projectId(), today)).isEqualTo(now + 1);
		sameAsLive(from.minusMonths(1), today.plusDays(3));
		// whole months are read from the monthly sums
		sameAsLive(from.minusMonths(1), YearMonth.from(today).atEndOfMonth());

		assertThat(tally.freshness().pending()).isZero();
		assertThat(tally.freshness().refreshedAt()).isNotNull();
	}

	@Test
	void theProjectLevelAnswerComesInPagesWhenAskedWithTheSameRows() throws Exception {
		String officer = province();
		ApiClient api = as(officer);
		LocalDate start = today().minusDays(12);
		for (int i = 0; i < 3; i++) {
			Site site = site(api, "220102", start);
			assertThat(api.upload("/api/projects/" + site.projectId() + "/teams/" + site.teamId() + "/roster", "file",
					"w.xlsx", RosterFile.of(IDS, 1, start.minusDays(5), start)).status()).isEqualTo(201);
		}
		String query = "/api/attendance-rates?level=PROJECT&period=DAY&from=" + start + "&to=" + today() + "&region=220102";
		List<String> all = api.get(query).json().valueStream().map(Object::toString).toList();
		assertThat(all.size()).isGreaterThan(5);
		ApiClient.Response first = api.get(query + "&page=0&size=5");
		HttpResponse<Void> counted = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(baseUrl() + query + "&size=5"))
			.header("Authorization", "Basic " + Base64.getEncoder()
				.encodeToString((officer + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8)))
			.build(), HttpResponse.BodyHandlers.discarding());
		assertThat(counted.headers().firstValue("X-Total-Count")).contains(Integer.toString(all.size()));
		assertThat(first.json().valueStream().map(Object::toString).toList()).containsExactlyElementsOf(all.subList(0, 5));
		assertThat(api.get(query + "&page=1&size=5").json().valueStream().map(Object::toString).toList())
			.containsExactlyElementsOf(all.subList(5, Math.min(10, all.size())));
		assertThat(api.get(query + "&page=100000&size=5").json().valueStream().toList()).isEmpty();
	}
}
