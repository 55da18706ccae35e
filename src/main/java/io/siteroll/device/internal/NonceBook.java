package io.siteroll.device.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The nonces devices have used, each accepted once. Checked in memory (a gate decision must not
 * wait for a disk write) and written behind to the database every half second, so that a restart
 * still refuses the nonces of the last minutes (they are loaded back at start). A crash can forget
 * at most the last half second of nonces, which reopens a replay only inside the 5-minute timestamp
 * window and only for requests that are idempotent (passes deduplicate; decisions and heartbeats
 * change nothing). One platform node; several nodes would check the database instead.
 */
@Component
class NonceBook {

	private static final Logger log = LoggerFactory.getLogger(NonceBook.class);

	/** Kept well past the ±5-minute timestamp tolerance. */
	static final Duration KEEP = Duration.ofMinutes(15);

	private final JdbcClient jdbc;

	private final Clock clock;

	private final Map<String, Instant> seen = new ConcurrentHashMap<>();

	private final Queue<Object[]> unwritten = new ConcurrentLinkedQueue<>();

	NonceBook(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	@EventListener(ApplicationReadyEvent.class)
	void loadRecent() {
		jdbc.sql("select device_id, nonce, seen_at from device_nonce where seen_at > ?")
			.param(Timestamp.from(clock.instant().minus(KEEP)))
			.query(rs -> {
				seen.put(rs.getLong(1) + ":" + rs.getString(2), rs.getTimestamp(3).toInstant());
			});
	}

	/** True the first time this device uses this nonce. */
	boolean spend(long deviceId, String nonce) {
		Instant now = clock.instant();
		if (seen.putIfAbsent(deviceId + ":" + nonce, now) != null) {
			return false;
		}
		unwritten.add(new Object[] { deviceId, nonce, now });
		return true;
	}

	@Scheduled(fixedDelay = 500)
	void writeBehind() {
		List<Object[]> batch = new ArrayList<>();
		Object[] next;
		while ((next = unwritten.poll()) != null) {
			batch.add(next);
		}
		if (batch.isEmpty()) {
			return;
		}
		try {
			jdbc.sql("""
					insert into device_nonce (device_id, nonce, seen_at)
					select * from unnest(?::int8[], ?::text[], ?::timestamptz[]) on conflict do nothing""")
				.params(batch.stream().map(b -> b[0].toString()).toArray(String[]::new),
						batch.stream().map(b -> (String) b[1]).toArray(String[]::new),
						batch.stream().map(b -> b[2].toString()).toArray(String[]::new))
				.update();
		}
		catch (RuntimeException e) {
			log.warn("Could not write {} device nonces; will retry", batch.size(), e);
			unwritten.addAll(batch);
		}
	}

	/** Forgets nonces past keeping, in memory and in the database. */
	void forgetOld() {
		Instant before = clock.instant().minus(KEEP);
		seen.values().removeIf(at -> at.isBefore(before));
		jdbc.sql("delete from device_nonce where seen_at < ?").param(Timestamp.from(before)).update();
	}
}
