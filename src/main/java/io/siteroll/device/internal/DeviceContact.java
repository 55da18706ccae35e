package io.siteroll.device.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import io.siteroll.device.DeviceBackOnline;
import io.siteroll.device.internal.DeviceCredentials.KnownDevice;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Records that the platform heard from an enabled device (a disabled one is never counted): its last-heard time (written at most every 30
 * seconds per device: online means heard within 10 minutes), the day it was heard on (联网), and its
 * return after an offline spell.
 */
@Component
public class DeviceContact {

	private static final Duration WRITE_EVERY = Duration.ofSeconds(30);

	private final JdbcClient jdbc;

	private final TransactionTemplate tx;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	private final Map<Long, Instant> lastWritten = new ConcurrentHashMap<>();

	DeviceContact(JdbcClient jdbc, TransactionTemplate tx, ApplicationEventPublisher events, Clock clock) {
		this.jdbc = jdbc;
		this.tx = tx;
		this.events = events;
		this.clock = clock;
	}

	public void heard(KnownDevice device) {
		if (!device.gate().enabled()) {
			return; // a disabled device is off: it keeps nobody's project connected (联网)
		}
		Instant now = clock.instant();
		Instant last = lastWritten.get(device.id());
		if (last != null && last.plus(WRITE_EVERY).isAfter(now)
				&& last.atZone(clock.getZone()).toLocalDate().equals(now.atZone(clock.getZone()).toLocalDate())) {
			return;
		}
		lastWritten.put(device.id(), now);
		LocalDate day = now.atZone(clock.getZone()).toLocalDate();
		tx.executeWithoutResult(status -> {
			Optional<Timestamp> wasOffline = jdbc.sql("""
					with old as (select id, offline_since from device where id = ? for update)
					update device d set last_heard_at = greatest(d.last_heard_at, ?), offline_since = null,
					       first_heard_at = coalesce(d.first_heard_at, ?), first_heard_day = coalesce(d.first_heard_day, ?)
					from old where d.id = old.id
					returning old.offline_since""")
				.params(device.id(), Timestamp.from(now), Timestamp.from(now), day)
				.query((rs, n) -> Optional.ofNullable(rs.getTimestamp(1)))
				.single();
			jdbc.sql("""
					insert into device_day as dd (device_id, day, project_id, first_at, last_at) values (?, ?, ?, ?, ?)
					on conflict (device_id, day) do update set last_at = greatest(dd.last_at, excluded.last_at)""")
				.params(device.id(), day, device.gate().projectId(), Timestamp.from(now), Timestamp.from(now))
				.update();
			wasOffline.ifPresent(since -> {
				jdbc.sql("insert into device_event (device_id, kind, actor, detail) values (?, 'BACK_ONLINE', 'system', ?)")
					.params(device.id(), "offline since " + since.toInstant())
					.update();
				events.publishEvent(new DeviceBackOnline(device.id(), device.gate().projectId(), since.toInstant(), now));
			});
		});
	}

	/**
	 * A heartbeat's report: status, firmware and how far the device clock is from ours. The request
	 * carrying it has already been counted as contact ({@link #heard}) by the protocol endpoint.
	 */
	public void heartbeat(KnownDevice device, String status, String firmware, Long clockSkewMs) {
		jdbc.sql("update device set status = ?, firmware = ?, clock_skew_ms = ? where id = ?")
			.params(status, firmware, clockSkewMs, device.id())
			.update();
	}
}
