package io.siteroll.attendance;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.siteroll.support.IntegrationTest;
import io.siteroll.tools.DeviceSimulator;
import org.junit.jupiter.api.Test;

/** A simulated working day of 50 gates and 2,000 workers, ingested with exact counts, then again. */
class SimulatedDayTest extends IntegrationTest {

	@Test
	void aDayOfFiftyGatesAndTwoThousandWorkersIsIngestedExactlyAndIdempotently() {
		String officer = province();
		LocalDate day = today().minusDays(1);
		DeviceSimulator simulator = new DeviceSimulator(new DeviceSimulator.Options(baseUrl(), officer, PASSWORD, 10, 50,
				2_000, day, 0, 500, 4, 42)).keepingTime(clock);
		List<DeviceSimulator.Gate> gates = simulator.setUp();
		assertThat(gates).hasSize(50);
		assertThat(gates.stream().mapToInt(g -> g.roster().size()).sum()).as("each gate sees its project's 200 workers")
			.isEqualTo(50 * 200);
		Map<DeviceSimulator.Gate, List<Map<String, Object>>> passes = simulator.day(gates);
		long total = passes.values().stream().mapToLong(List::size).sum();
		long live = passes.values().stream().flatMap(List::stream).filter(p -> "PASS".equals(p.get("liveness"))).count();
		Set<String> present = new HashSet<>();
		passes.values().stream().flatMap(List::stream).filter(p -> "PASS".equals(p.get("liveness")))
			.forEach(p -> present.add((String) p.get("personId")));
		assertThat(total).isGreaterThan(3_500);

		DeviceSimulator.Totals first = simulator.upload(passes);
		assertThat(first.failedBatches()).isZero();
		assertThat(first.sent()).isEqualTo(total);
		assertThat(first.stored()).isEqualTo(total);
		assertThat(first.duplicates()).isZero();
		assertThat(first.refused()).isZero();
		assertThat(first.rejected()).isZero();
		Long[] devices = gates.stream().map(DeviceSimulator.Gate::deviceId).toArray(Long[]::new);
		Long[] projects = gates.stream().map(DeviceSimulator.Gate::projectId).distinct().toArray(Long[]::new);
		assertThat(storedPasses(devices)).isEqualTo(total);
		assertThat(presenceRows(projects, day)).isEqualTo(present.size());
		assertThat(countedPasses(projects, day)).isEqualTo(live);

		DeviceSimulator.Totals again = simulator.upload(passes);
		assertThat(again.stored()).isZero();
		assertThat(again.duplicates()).isEqualTo(total);
		assertThat(storedPasses(devices)).isEqualTo(total);
		assertThat(presenceRows(projects, day)).isEqualTo(present.size());
		assertThat(countedPasses(projects, day)).isEqualTo(live);
	}

	private long storedPasses(Long[] devices) {
		return jdbc.sql("select count(*) from pass where device_id = any(?)").param(devices).query(Long.class).single();
	}

	private long presenceRows(Long[] projects, LocalDate day) {
		return jdbc.sql("select count(*) from daily_presence where project_id = any(?) and day = ?").params(projects, day)
			.query(Long.class).single();
	}

	private long countedPasses(Long[] projects, LocalDate day) {
		return jdbc.sql("select coalesce(sum(pass_count), 0) from daily_presence where project_id = any(?) and day = ?")
			.params(projects, day).query(Long.class).single();
	}
}
