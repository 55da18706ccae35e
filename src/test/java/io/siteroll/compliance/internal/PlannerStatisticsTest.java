package io.siteroll.compliance.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.OffsetDateTime;

import io.siteroll.support.IntegrationTest;
import io.siteroll.support.Waits;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A large write leaves the planner informed at once: above the threshold the written tables are analysed (their
 * {@code last_analyze} moves), at or below it nothing is done, so that a small run stays cheap.
 */
class PlannerStatisticsTest extends IntegrationTest {

	@Autowired
	PlannerStatistics statistics;

	private OffsetDateTime lastAnalyze(String table) {
		return jdbc.sql("select last_analyze from pg_stat_user_tables where relname = ?").param(table)
			.query(OffsetDateTime.class)
			.optional()
			.orElse(null);
	}

	@Test
	void aLargeWriteAnalysesTheTablesWrittenAndASmallOneDoesNot() throws InterruptedException {
		OffsetDateTime before = lastAnalyze("warning");
		assertThat(statistics.afterWrite(statistics.threshold(), "warning")).isFalse();
		assertThat(lastAnalyze("warning")).as("a small write: no analyse").isEqualTo(before);

		OffsetDateTime at = jdbc.sql("select now()").query(OffsetDateTime.class).single();
		assertThat(statistics.afterWrite(statistics.threshold() + 1L, "finding", "finding_revision")).isTrue();
		Waits.until("finding analysed", Duration.ofSeconds(10), () -> {
			OffsetDateTime finding = lastAnalyze("finding");
			OffsetDateTime revision = lastAnalyze("finding_revision");
			return finding != null && !finding.isBefore(at) && revision != null && !revision.isBefore(at);
		}, () -> false);
	}

	@Test
	void onlyTheTablesTheComplianceWritesInBulkAreNamed() {
		assertThatThrownBy(() -> statistics.afterWrite(statistics.threshold() + 1L, "finding; drop table finding"))
			.isInstanceOf(IllegalArgumentException.class);
	}
}
