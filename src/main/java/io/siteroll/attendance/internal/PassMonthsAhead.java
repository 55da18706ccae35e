package io.siteroll.attendance.internal;

import java.time.Clock;
import java.time.YearMonth;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Keeps the pass table's monthly partitions ready ahead of time: every night the current month and the
 * next {@code siteroll.attendance.pass-months-ahead} months (default 3) exist, so the first upload of a
 * month never waits for a table to be created. The work is the database's own {@code create_pass_months}
 * (V33), which takes the same lock as the ingestion's on-demand creation.
 */
@Component
class PassMonthsAhead {

	private static final Logger log = LoggerFactory.getLogger(PassMonthsAhead.class);

	private final JdbcClient jdbc;

	private final Clock clock;

	private final int ahead;

	PassMonthsAhead(JdbcClient jdbc, Clock clock, @Value("${siteroll.attendance.pass-months-ahead:3}") int ahead) {
		this.jdbc = jdbc;
		this.clock = clock;
		this.ahead = Math.max(1, Math.min(ahead, 35));
	}

	@Scheduled(cron = "${siteroll.attendance.pass-months-cron:0 15 1 * * *}", zone = "Asia/Shanghai")
	void nightly() {
		int created = prepare(YearMonth.now(clock));
		if (created > 0) {
			log.info("Created {} pass partitions ahead of time", created);
		}
	}

	/** Creates the partitions of {@code month} and the months ahead that do not exist yet; returns how many. */
	int prepare(YearMonth month) {
		return jdbc.sql("select create_pass_months(?, ?)").params(month.atDay(1), ahead + 1).query(Integer.class).single();
	}
}
