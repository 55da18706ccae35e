package io.siteroll.device.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

import io.siteroll.device.DeviceHistory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Past contacts written in one statement per device: the heard days with their first and last contact, and the
 * device's first and last contact, the same facts {@link DeviceContact} records for a live request. A contact
 * later than the device's offline mark clears it, as a live one does (no event: the return happened in the past).
 */
@Component
class ContactHistory implements DeviceHistory {

	private final JdbcClient jdbc;

	private final Clock clock;

	ContactHistory(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	@Override
	@Transactional
	public void heard(long deviceId, List<Instant> contacts) {
		if (contacts.isEmpty()) {
			return;
		}
		String[] at = contacts.stream().map(Instant::toString).toArray(String[]::new);
		jdbc.sql("""
				insert into device_day as dd (device_id, day, project_id, first_at, last_at)
				select d.id, c.day, d.project_id, min(c.at), max(c.at)
				from device d
				     cross join (select at, (at at time zone :zone)::date as day from unnest(:at::timestamptz[]) as u(at)) c
				where d.id = :device and d.enabled
				group by d.id, c.day, d.project_id
				on conflict (device_id, day) do update set first_at = least(dd.first_at, excluded.first_at),
				                                           last_at = greatest(dd.last_at, excluded.last_at)""")
			.param("device", deviceId)
			.param("zone", clock.getZone().getId())
			.param("at", at)
			.update();
		jdbc.sql("""
				update device d set last_heard_at = greatest(d.last_heard_at, m.last_at),
				       first_heard_at = least(coalesce(d.first_heard_at, m.first_at), m.first_at),
				       first_heard_day = (least(coalesce(d.first_heard_at, m.first_at), m.first_at) at time zone :zone)::date,
				       offline_since = case when d.offline_since < m.last_at then null else d.offline_since end
				from (select min(c.at) as first_at, max(c.at) as last_at from unnest(:at::timestamptz[]) as c(at)) m
				where d.id = :device and d.enabled""")
			.param("device", deviceId)
			.param("zone", clock.getZone().getId())
			.param("at", at)
			.update();
	}
}
