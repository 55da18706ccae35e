package io.siteroll.attendance.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

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
		GateCrowd crowd = gateCrowd(api, 6);
		long project = crowd.site().projectId();
		RegisteredDevice device = device(api, project, "SITEROLL", "BOTH");
		DeviceClient gate = gate(device);
		List<Long> workers = crowd.workers();
		List<Long> managers = crowd.managers();
		List<Long> everyone = crowd.everyone();
		List<Long> asked = new ArrayList<>(everyone);
		asked.add(UNKNOWN);

		int batch = 0;
		int current = 0;
		Set<String> reasons = new HashSet<>();
		for (int round = 0; round < 25; round++) {
			String change = new RosterCorrections(jdbc, clock, RosterCorrections.Spread.NEAR).correct(random, project, workers, managers, everyone);
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
}
