package io.siteroll.device.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

import io.siteroll.device.DeviceReadModel;
import io.siteroll.device.DeviceSilence;
import io.siteroll.device.DeviceWentOffline;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Every minute: devices silent for more than the offline tolerance ({@link DeviceSilence}, a configuration property;
 * a device never heard counts from its registration) are marked offline once and a {@link DeviceWentOffline}
 * event is published, on which compliance raises its {@code DEVICE_OFFLINE} warning at once; used nonces past the
 * timestamp tolerance are forgotten.
 */
@Component
class OfflineWatch {

	private static final Logger log = LoggerFactory.getLogger(OfflineWatch.class);

	private final JdbcClient jdbc;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	private final TransactionTemplate tx;

	private final NonceBook nonces;

	private final DeviceSilence silence;

	OfflineWatch(JdbcClient jdbc, ApplicationEventPublisher events, Clock clock, TransactionTemplate tx, NonceBook nonces,
			DeviceSilence silence) {
		this.nonces = nonces;
		this.silence = silence;
		this.jdbc = jdbc;
		this.tx = tx;
		this.events = events;
		this.clock = clock;
	}

	@Scheduled(fixedDelayString = "${siteroll.device.offline-check:PT1M}", initialDelayString = "${siteroll.device.offline-first-check:PT30S}")
	void everyMinute() {
		List<DeviceWentOffline> found = markOffline();
		if (!found.isEmpty()) {
			log.info("{} device(s) silent for more than {}", found.size(), silence.tolerance());
		}
		nonces.forgetOld();
	}

	List<DeviceWentOffline> markOffline() {
		return tx.execute(status -> markOffline(clock.instant()));
	}

	private List<DeviceWentOffline> markOffline(Instant now) {
		List<DeviceWentOffline> offline = jdbc.sql("""
				update device set offline_since = :now
				where enabled and offline_since is null and %s(last_heard_at, registered_at, :now, :tolerance::interval)
				returning id, project_id, serial_number, last_heard_at""".formatted(DeviceReadModel.SILENT.sql()))
			.param("now", Timestamp.from(now))
			.param("tolerance", silence.interval())
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
