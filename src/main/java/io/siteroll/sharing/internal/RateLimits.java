package io.siteroll.sharing.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Requests per agreement and minute of the platform clock, counted in PostgreSQL ({@code sharing_rate}, V36): every
 * platform node behind the load balancer adds to the same count, so a consumer cannot multiply its limit by the
 * number of nodes, and a restart forgets nothing. One upsert per request, in its own short statement (the caller
 * holds no transaction), so concurrent requests of one agreement wait for each other only for that statement.
 */
@Component
class RateLimits {

	private final JdbcClient jdbc;

	private final Clock clock;

	RateLimits(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/** True when this request is within the agreement's limit for the current minute (and counts it). */
	boolean take(long agreementId, int perMinute) {
		Instant minute = clock.instant().truncatedTo(ChronoUnit.MINUTES);
		int requests = jdbc.sql("""
				insert into sharing_rate as r (agreement_id, minute, requests) values (?, ?, 1)
				on conflict (agreement_id, minute) do update set requests = r.requests + 1
				returning requests""")
			.params(agreementId, Timestamp.from(minute))
			.query(Integer.class)
			.single();
		return requests <= perMinute;
	}
}
