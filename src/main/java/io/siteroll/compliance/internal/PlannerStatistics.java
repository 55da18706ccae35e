package io.siteroll.compliance.internal;

import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Keeps PostgreSQL's planner informed after a large write. An evaluation or a warning refresh may write tens of
 * thousands of findings, revisions or warnings at once; until autovacuum analyses the tables (tens of seconds later)
 * the planner still believes them small and {@code /compliance} picks nested loops over them (2.5 s instead of 0.1 s
 * on the province-scale demo). So the writer analyses the tables it wrote when it wrote more than
 * {@code siteroll.compliance.analyze-after-rows} rows (10,000 by default); a small run stays cheap, and the
 * statistics of a table grow with it anyway through autovacuum. Called after the write has committed, so that the
 * sample sees the rows as every other session does.
 */
@Component
class PlannerStatistics {

	private static final Logger log = LoggerFactory.getLogger(PlannerStatistics.class);

	private static final List<String> KNOWN = List.of("finding", "finding_revision", "warning");

	private final JdbcClient jdbc;

	private final int threshold;

	PlannerStatistics(JdbcClient jdbc, @Value("${siteroll.compliance.analyze-after-rows:10000}") int threshold) {
		this.jdbc = jdbc;
		this.threshold = threshold;
	}

	int threshold() {
		return threshold;
	}

	/** After {@code rows} rows were written to {@code tables}: analyses them if that was a large write. */
	boolean afterWrite(long rows, String... tables) {
		if (rows <= threshold) {
			return false;
		}
		long started = System.nanoTime();
		for (String table : tables) {
			if (!KNOWN.contains(table)) {
				throw new IllegalArgumentException("not a table the compliance writes in bulk: " + table);
			}
		}
		jdbc.sql("analyze " + String.join(", ", tables)).update();
		log.info("Analysed {} after {} rows written, in {} ms", String.join(", ", tables), rows,
				(System.nanoTime() - started) / 1_000_000);
		return true;
	}
}
