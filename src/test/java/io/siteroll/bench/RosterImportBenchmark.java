package io.siteroll.bench;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import io.siteroll.support.ApiClient;
import io.siteroll.support.IntegrationTest;
import io.siteroll.support.RosterFile;
import org.junit.jupiter.api.Test;

/**
 * Prints the time to import a 10,000-row roster through the HTTP API (parse, validate, encrypt,
 * write persons, engagements, movements and audit in one transaction). Not part of the default
 * suite (the name does not end in Test); run on demand:
 * {@code ./mvnw test -Dtest=RosterImportBenchmark -Dsurefire.failIfNoSpecifiedTests=false}.
 * Prints figures, asserts nothing about time.
 */
class RosterImportBenchmark extends IntegrationTest {

	static final int ROWS = 10_000;

	static final int RUNS = 3;

	private byte[] roster() {
		return RosterFile.of(IDS, ROWS, today().minusDays(20), today().minusDays(3));
	}

	@Test
	void importTenThousandRows() throws IOException {
		ApiClient api = as(province());
		List<Long> millis = new ArrayList<>();
		for (int run = 0; run < RUNS; run++) {
			Site site = site(api, "220102", today().minusMonths(1));
			byte[] file = roster();
			long started = System.nanoTime();
			ApiClient.Response result = api.upload("/api/projects/" + site.projectId() + "/teams/" + site.teamId() + "/roster",
					"file", "bench.xlsx", file);
			long took = (System.nanoTime() - started) / 1_000_000;
			if (result.status() != 201) {
				throw new IllegalStateException(result.body());
			}
			millis.add(took);
			System.out.printf("roster import run %d: %,d rows in %,d ms (%,.0f rows/s)%n", run + 1, ROWS, took, ROWS * 1000.0 / took);
		}
		Collections.sort(millis);
		long median = millis.get(millis.size() / 2);
		System.out.printf("ROSTER IMPORT BENCHMARK: %,d rows, median %,d ms over %d runs (%,.0f rows/s)%n", ROWS, median, RUNS,
				ROWS * 1000.0 / median);
	}
}
