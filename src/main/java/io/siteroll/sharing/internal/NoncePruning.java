package io.siteroll.sharing.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Forgets consumers' nonces well past the ±5-minute timestamp window: a request with an older nonce is refused as
 * stale before its nonce is looked at, so only the last minutes' nonces need keeping. The per-minute request counts
 * ({@link RateLimits}) of the same past minutes go too.
 */
@Component
class NoncePruning {

	static final Duration KEEP = Duration.ofMinutes(15);

	private final JdbcClient jdbc;

	private final Clock clock;

	NoncePruning(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	@Scheduled(fixedDelay = 600_000, initialDelay = 600_000)
	void forgetOld() {
		Timestamp before = Timestamp.from(clock.instant().minus(KEEP));
		jdbc.sql("delete from sharing_nonce where seen_at < ?").param(before).update();
		jdbc.sql("delete from sharing_rate where minute < ?").param(before).update();
	}
}
