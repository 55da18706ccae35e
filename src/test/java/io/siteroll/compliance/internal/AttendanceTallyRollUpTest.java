package io.siteroll.compliance.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

import io.siteroll.compliance.AttendanceRates.Level;
import io.siteroll.compliance.AttendanceRates.Period;
import io.siteroll.personnel.Post;
import io.siteroll.support.ApiClient;
import io.siteroll.support.IntegrationTest;
import io.siteroll.support.RosterFile;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The tally's per-region roll-up (V28) answers what the per-project tally answers, and the tally's coverage flags what
 * the device facts answer, on random data that then changes under them: projects in several cities and counties with
 * random rosters, presence, managers and devices heard on random days; then passes withdrawn and added, a stoppage, a
 * device's assignment closed, a project moved to another county. Called without a request, as the platform (the
 * province's scope, which sees every region whole).
 */
class AttendanceTallyRollUpTest extends IntegrationTest {

	private static final String[] REGIONS = { "220102", "220104", "220202", "222401" };

	@Autowired
	AttendanceRateQueries rates;

	@Autowired
	AttendanceTally tally;

	private void rolledUpAsPerProject(LocalDate from, LocalDate to) {
		for (String region : new String[] { null, "220100", "220102", "220200" }) {
			for (Level level : List.of(Level.PROVINCE, Level.CITY, Level.COUNTY)) {
				for (Period period : Period.values()) {
					assertThat(rates.ratesAndDuty(level, period, from, to, region, true))
						.as("rates and duty %s %s in %s", level, period, region)
						.isNotEmpty()
						.containsExactlyElementsOf(rates.ratesAndDuty(level, period, from, to, region, false));
				}
				for (LocalDate day = from; !day.isAfter(to); day = day.plusDays(3)) {
					List<io.siteroll.compliance.AttendanceRates.Coverage> live = rates.liveCoverage(level, day, region);
					assertThat(rates.coverage(level, day, region, true)).as("coverage %s %s in %s", level, day, region)
						.containsExactlyElementsOf(live);
					assertThat(rates.coverage(level, day, region, false)).as("per-project coverage %s %s", level, day)
						.containsExactlyElementsOf(live);
				}
			}
		}
		LocalDate last = to;
		assertThat(rates.coverage(Level.PROJECT, last, "220102")).containsExactlyElementsOf(
				rates.liveCoverage(Level.PROJECT, last, "220102"));
	}

	@Test
	void theRollUpAndTheCoverageFlagsAnswerWhatTheProjectsAnswerWhileTheFactsChange() {
		long seed = System.nanoTime();
		Random random = new Random(seed);
		ApiClient api = as(province());
		LocalDate today = today();
		LocalDate from = today.minusDays(40);
		List<Site> sites = new ArrayList<>();
		List<Long> devices = new ArrayList<>();
		for (int i = 0; i < 8; i++) {
			LocalDate start = from.plusDays(random.nextInt(20));
			Site site = site(api, REGIONS[i % REGIONS.length], start);
			sites.add(site);
			assertThat(api.upload("/api/projects/" + site.projectId() + "/teams/" + site.teamId() + "/roster", "file",
					"w.xlsx", RosterFile.of(IDS, 1 + random.nextInt(4), start.minusDays(5), start)).status())
				.as("seed %d", seed).isEqualTo(201);
			List<Long> people = new ArrayList<>(jdbc.sql("select person_id from worker_engagement where project_id = ?")
				.param(site.projectId()).query(Long.class).list());
			people.add(facts.appoint(api, site.projectId(), site.gcUnitId(), Post.PROJECT_MANAGER, start).personId());
			for (long person : people) {
				LocalDate first = start.plusDays(random.nextInt(10));
				LocalDate last = first.plusDays(random.nextInt(30));
				facts.present(site.projectId(), person, first, last.isAfter(today) ? today : last);
			}
			if (random.nextInt(4) > 0) {
				RegisteredDevice device = device(api, site.projectId(), "SITEROLL", "IN");
				devices.add(device.id());
				fixtureDeviceRegisteredOn(device.id(), start.plusDays(random.nextInt(10)));
				LocalDate heard = start.plusDays(random.nextInt(15));
				facts.connected(site.projectId(), heard, heard.plusDays(random.nextInt(20)));
			}
		}
		rolledUpAsPerProject(from, today);

		// passes withdrawn and added, a stoppage, a device taken away, a project moved to another county
		Site first = sites.get(0);
		jdbc.sql("delete from daily_presence where project_id = ? and day > ?").params(first.projectId(), today.minusDays(8))
			.update();
		Site second = sites.get(1);
		for (long person : jdbc.sql("select person_id from worker_engagement where project_id = ?").param(second.projectId())
			.query(Long.class).list()) {
			facts.present(second.projectId(), person, today.minusDays(6), today);
		}
		assertThat(api.post("/api/projects/" + sites.get(2).projectId() + "/stoppages",
				Map.of("firstDay", today.minusDays(10), "lastDay", today.minusDays(7), "reason", "停电")).status())
			.isEqualTo(201);
		if (!devices.isEmpty()) {
			jdbc.sql("update device_assignment set to_day = ? where device_id = ? and to_day is null")
				.params(today.minusDays(5), devices.get(random.nextInt(devices.size()))).update();
		}
		long fourth = sites.get(3).projectId();
		if (jdbc.sql("select count(*) from device where project_id = ?").param(fourth).query(Long.class).single() == 0) {
			fixtureDeviceRegisteredOn(device(api, fourth, "SITEROLL", "IN").id(), today.minusDays(3));
		}
		facts.connected(fourth, today.minusDays(2), today);
		jdbc.sql("update project set region_code = '220104' where id = ?").param(sites.get(4).projectId()).update();
		rolledUpAsPerProject(from, today);

		assertThat(tally.freshness().pending()).isZero();

		// only a caller who sees the whole region reads the roll-up: a city officer answers the city's sums, an
		// enterprise administrator only its own projects' (the per-project tally under its scope)
		String month = "&from=" + from + "&to=" + today;
		String query = "/api/attendance-rates?level=CITY&period=MONTH&region=220100" + month;
		List<String> province = api.get(query).json().valueStream().map(Object::toString).toList();
		assertThat(province).isNotEmpty();
		assertThat(as(account(io.siteroll.identity.Role.CITY_OFFICER, "220100", null, null, false)).get(query).json()
			.valueStream().map(Object::toString).toList()).containsExactlyElementsOf(province);
		Site own = sites.get(0);
		long ownDays = rates.ratesAndDuty(Level.PROJECT, Period.MONTH, from, today, "220100", false).stream()
			.filter(r -> r.key().equals(Long.toString(own.projectId())))
			.mapToLong(r -> r.registeredWorkerDays())
			.sum();
		ApiClient enterprise = as(account(io.siteroll.identity.Role.ENTERPRISE_ADMIN, null, own.contractorId(), null, false));
		long enterpriseDays = enterprise.get(query).json().valueStream()
			.mapToLong(r -> r.get("registeredWorkerDays").asLong())
			.sum();
		assertThat(enterpriseDays).as("the enterprise's own project only").isEqualTo(ownDays)
			.isLessThan(province.isEmpty() ? 0 : api.get(query).json().valueStream()
				.mapToLong(r -> r.get("registeredWorkerDays").asLong()).sum());
	}
}
