package io.siteroll.attendance.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Date;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import io.siteroll.personnel.Post;
import io.siteroll.support.ApiClient;
import io.siteroll.support.DeviceClient;
import io.siteroll.support.IntegrationTest;
import io.siteroll.support.Waits;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Uploaded passes are judged by the gates' in-memory right to pass when it is as current as the project's
 * roster, and by the SQL rule otherwise; either way every stored pass carries the reason the SQL rule
 * ({@code gate_refusals}) gives for its person on its day. Random registry corrections, each followed by an
 * upload right after it (the snapshot stale) and one once the snapshot has caught up.
 */
class PassIngestionRuleTest extends IntegrationTest {

	static final long UNKNOWN = 987_654_321_012L;

	@Autowired
	RightToPass rightToPass;

	@Test
	void uploadedPassesCarryTheRulesReasonWhetherTheSnapshotIsStaleOrCurrent() throws Exception {
		long seed = System.nanoTime();
		Random random = new Random(seed);
		ApiClient api = as(province());
		Site site = site(api, "220102", today().minusMonths(3));
		Site elsewhere = site(api, "220102", today().minusMonths(3));
		long project = site.projectId();
		RegisteredDevice device = device(api, project, "SITEROLL", "BOTH");
		DeviceClient gate = gate(device);
		List<Long> workers = new ArrayList<>();
		for (int i = 0; i < 6; i++) {
			workers.add(engagedWorker(api, site));
		}
		List<Long> managers = new ArrayList<>();
		managers.add(facts.appoint(api, project, site.gcUnitId(), Post.SAFETY_OFFICER, today().minusDays(20)).personId());
		managers.add(facts.appoint(api, project, site.gcUnitId(), Post.LABOUR_OFFICER, today().minusDays(5)).personId());
		ApiClient.Response nobody = api.post("/api/persons",
				Map.of("idType", "01", "idNumber", IDS.idNumber(1965, 1995), "name", IDS.name()));
		assertThat(nobody.status()).as(nobody.body()).isEqualTo(201);
		List<Long> everyone = new ArrayList<>(workers);
		everyone.addAll(managers);
		everyone.add(engagedWorker(api, elsewhere));
		everyone.add(nobody.id());
		List<Long> asked = new ArrayList<>(everyone);
		asked.add(UNKNOWN);

		int batch = 0;
		int current = 0;
		Set<String> reasons = new HashSet<>();
		for (int round = 0; round < 25; round++) {
			String change = correct(random, project, workers, managers, everyone);
			String context = "seed " + seed + " round " + round + " (" + change + ")";
			reasons.addAll(uploadAndCompare(gate, device.id(), asked, "b" + (++batch), context + ", right after"));
			Waits.until("the right to pass of project " + project + " caught up", Duration.ofSeconds(20),
					() -> rightToPass.current(project) != null, () -> false);
			current++;
			reasons.addAll(uploadAndCompare(gate, device.id(), asked, "b" + (++batch), context + ", caught up"));
		}
		assertThat(current).isEqualTo(25);
		assertThat(reasons).as("the rounds showed several outcomes").contains("ACCEPTED", "NOT_REGISTERED", "NOT_ENGAGED");
	}

	/**
	 * Uploads one pass per person for today, yesterday and three days ago, and compares each stored outcome with
	 * the SQL rule asked now for that person and day; returns the outcomes seen (ACCEPTED or the reason).
	 */
	private List<String> uploadAndCompare(DeviceClient gate, long deviceId, List<Long> people, String tag, String context) {
		OffsetDateTime now = clock.instant().atOffset(ZoneOffset.ofHours(8)).minusMinutes(1);
		List<Map<String, Object>> passes = new ArrayList<>();
		for (long person : people) {
			for (int daysAgo : new int[] { 0, 1, 3 }) {
				passes.add(DeviceClient.pass(tag + "-" + person + "-" + daysAgo, person, now.minusDays(daysAgo)));
			}
		}
		ApiClient.Response r = gate.post("/api/device/v1/passes", Map.of("passes", passes));
		assertThat(r.status()).as(r.body()).isEqualTo(200);
		assertThat(r.json().get("stored").asInt()).as(r.body()).isEqualTo(passes.size());
		List<String> seen = new ArrayList<>();
		jdbc.sql("""
				select p.source_key, p.outcome, p.refusal_reason, r.reason
				from pass p cross join lateral gate_refusals(p.project_id, p.person_id, (p.passed_at at time zone ?)::date) r
				where p.device_id = ? and p.source_key like ?""")
			.params(clock.getZone().getId(), deviceId, tag + "-%")
			.query(rs -> {
				String rule = rs.getString(4);
				assertThat(rs.getString(3)).as("%s: %s", context, rs.getString(1)).isEqualTo(rule);
				assertThat(rs.getString(2)).as("%s: %s", context, rs.getString(1))
					.isEqualTo(rule == null ? "ACCEPTED" : "REFUSED");
				seen.add(rule == null ? "ACCEPTED" : rule);
			});
		assertThat(seen).hasSize(passes.size());
		return seen;
	}

	/** One random correction of the registry or move of the platform clock; says which. */
	private String correct(Random random, long project, List<Long> workers, List<Long> managers, List<Long> everyone) {
		LocalDate today = clock.today();
		switch (random.nextInt(5)) {
			case 0, 1 -> {
				long person = workers.get(random.nextInt(workers.size()));
				LocalDate contractStart = today.plusDays(random.nextInt(30) - 25);
				LocalDate entry = contractStart.plusDays(random.nextInt(10));
				LocalDate exit = random.nextInt(5) < 2 ? null : entry.plusDays(random.nextInt(25));
				LocalDate contractEnd = random.nextInt(5) < 2 ? null : contractStart.plusDays(random.nextInt(40));
				jdbc.sql("""
						update worker_engagement set contract_start = ?, entry_date = ?, exit_date = ?, contract_end = ?,
						       contract_period_type = case when ?::date is null then '1' else '0' end
						where project_id = ? and person_id = ?""")
					.params(contractStart, entry, date(exit), date(contractEnd), date(contractEnd), project, person)
					.update();
				return "engagement of " + person + ": contract " + contractStart + ".." + contractEnd + ", entry " + entry
						+ ", exit " + exit;
			}
			case 2 -> {
				long person = managers.get(random.nextInt(managers.size()));
				LocalDate from = today.plusDays(random.nextInt(10) - 7);
				LocalDate to = random.nextBoolean() ? null : from.plusDays(random.nextInt(6) - 1);
				jdbc.sql("update manager_post set tenure_from = ?, tenure_to = ? where project_id = ? and person_id = ?")
					.params(from, date(to), project, person)
					.update();
				return "post of " + person + ": " + from + ".." + to;
			}
			case 3 -> {
				long person = everyone.get(random.nextInt(everyone.size()));
				int lifted = jdbc.sql("update gate_blacklist set lifted_at = now(), lifted_by = 'test', lift_reason = 'test' "
						+ "where person_id = ? and lifted_at is null").param(person).update();
				if (lifted == 0) {
					jdbc.sql("insert into gate_blacklist (person_id, reason, listed_by) values (?, 'test', 'test')")
						.param(person)
						.update();
				}
				return (lifted == 0 ? "blacklisted " : "lifted ") + person;
			}
			default -> {
				int days = random.nextInt(3);
				clock.advance(Duration.ofDays(days));
				return "clock moved " + days + " days";
			}
		}
	}

	private static Date date(LocalDate day) {
		return day == null ? null : Date.valueOf(day);
	}
}
