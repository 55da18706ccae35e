package io.siteroll.device.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * ZKTeco sessions: a request that carried the device's communication key opens (or renews) the
 * device's one session, bound to the address it came from. The attendance dialect sends the key
 * with its handshake ({@code pushcommkey}) but not with every poll and upload, so those are accepted
 * from that address while the session is live: used within the last {@link #IDLE} (a device polls
 * every few seconds). Kept in the database so that a restart of the platform keeps devices working.
 */
@Component
class ZktecoSessions {

	/** A session unused this long is closed; the device must present its key again. */
	static final Duration IDLE = Duration.ofMinutes(30);

	/** The last-seen time is written at most this often per session. */
	private static final Duration TOUCH_EVERY = Duration.ofSeconds(30);

	private final JdbcClient jdbc;

	private final Clock clock;

	/** Sessions confirmed in the database within {@link #TOUCH_EVERY}: spares a query per poll. */
	private final Map<Long, Confirmed> recent = new ConcurrentHashMap<>();

	private record Confirmed(String remoteAddress, Instant at) {
	}

	ZktecoSessions(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	void open(long deviceId, String remoteAddress) {
		if (recentlyConfirmed(deviceId, remoteAddress)) {
			return;
		}
		Timestamp now = Timestamp.from(clock.instant());
		jdbc.sql("""
				insert into zk_session (device_id, remote_address, opened_at, seen_at) values (?, ?::inet, ?, ?)
				on conflict (device_id) do update set
				    remote_address = excluded.remote_address,
				    opened_at = case when zk_session.remote_address = excluded.remote_address
				                      and zk_session.seen_at > ? then zk_session.opened_at else excluded.opened_at end,
				    seen_at = excluded.seen_at""")
			.params(deviceId, remoteAddress, now, now, Timestamp.from(clock.instant().minus(IDLE)))
			.update();
		recent.put(deviceId, new Confirmed(remoteAddress, now.toInstant()));
	}

	/** True (and the session renewed) when the device has a live session from this address. */
	boolean live(long deviceId, String remoteAddress) {
		if (recentlyConfirmed(deviceId, remoteAddress)) {
			return true;
		}
		Instant now = clock.instant();
		int touched = jdbc.sql("""
				update zk_session set seen_at = ?
				where device_id = ? and remote_address = ?::inet and seen_at > ? and seen_at <= ?""")
			.params(Timestamp.from(now), deviceId, remoteAddress, Timestamp.from(now.minus(IDLE)),
					Timestamp.from(now.minus(TOUCH_EVERY)))
			.update();
		boolean live = touched > 0 || jdbc.sql("""
				select exists (select 1 from zk_session where device_id = ? and remote_address = ?::inet and seen_at > ?)""")
			.params(deviceId, remoteAddress, Timestamp.from(now.minus(IDLE)))
			.query(Boolean.class)
			.single();
		if (live) {
			recent.put(deviceId, new Confirmed(remoteAddress, now));
		}
		return live;
	}

	private boolean recentlyConfirmed(long deviceId, String remoteAddress) {
		Confirmed c = recent.get(deviceId);
		Instant now = clock.instant();
		return c != null && c.remoteAddress().equals(remoteAddress) && !c.at().isAfter(now)
				&& c.at().plus(TOUCH_EVERY).isAfter(now);
	}

	/** Closes the device's session (its key or networks changed). */
	void close(long deviceId) {
		recent.remove(deviceId);
		jdbc.sql("delete from zk_session where device_id = ?").param(deviceId).update();
	}
}
