package io.siteroll.device.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import io.siteroll.device.DeviceWentOffline;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Every minute: devices silent for more than 24 hours (or never heard within 24 hours of being
 * registered) are marked offline once and a {@link DeviceWentOffline} event is published for the
 * compliance rules; used nonces past the timestamp tolerance are forgotten.
 */
@Component
class OfflineWatch {

	private static final Logger log = LoggerFactory.getLogger(OfflineWatch.class);

	static final Duration SILENCE = Duration.ofHours(24);

	private final JdbcClient jdbc;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	private final TransactionTemplate tx;

	private final NonceBook nonces;

	OfflineWatch(JdbcClient jdbc, ApplicationEventPublisher events, Clock clock, TransactionTemplate tx, NonceBook nonces) {
		this.nonces = nonces;
		this.jdbc = jdbc;
		this.tx = tx;
		this.events = events;
		this.clock = clock;
	}

	@Scheduled(fixedDelayString = "${siteroll.device.offline-check:PT1M}", initialDelayString = "PT30S")
	void everyMinute() {
		List<DeviceWentOffline> found = markOffline();
		if (!found.isEmpty()) {
			log.info("{} device(s) silent for more than 24 hours", found.size());
		}
		nonces.forgetOld();
	}

	List<DeviceWentOffline> markOffline() {
		return tx.execute(status -> markOffline(clock.instant()));
	}

	private List<DeviceWentOffline> markOffline(Instant now) {
		List<DeviceWentOffline> offline = jdbc.sql("""
				update device set offline_since = ?
				where enabled and offline_since is null and coalesce(last_heard_at, created_at) < ?
				returning id, project_id, serial_number, last_heard_at""")
			.params(Timestamp.from(now), Timestamp.from(now.minus(SILENCE)))
			.query((rs, n) -> new DeviceWentOffline(rs.getLong(1), rs.getLong(2), rs.getString(3),
					rs.getTimestamp(4) == null ? null : rs.getTimestamp(4).toInstant(), now))
			.list();
		for (DeviceWentOffline e : offline) {
			jdbc.sql("insert into device_event (device_id, kind, actor, detail) values (?, 'OFFLINE', 'system', ?)")
				.params(e.deviceId(), "last heard " + (e.lastHeardAt() == null ? "never" : e.lastHeardAt().toString()))
				.update();
			events.publishEvent(e);
		}
		return offline;
	}
}
