package io.siteroll.device.internal;

import java.security.SecureRandom;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.siteroll.attendance.Gate;
import io.siteroll.audit.AuditRecord;
import io.siteroll.audit.AuditTrail;
import io.siteroll.device.Device;
import io.siteroll.device.Devices;
import io.siteroll.identity.CurrentActor;
import io.siteroll.platform.Checks;
import io.siteroll.platform.Conflict;
import io.siteroll.platform.NotFound;
import io.siteroll.platform.RuleViolation;
import io.siteroll.privacy.PersonalDataCipher;
import io.siteroll.project.ProjectAccess;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
class DeviceRegistry implements Devices {

	static final String SECRET_PURPOSE = "device.secret";

	static final Duration ONLINE_WINDOW = Duration.ofMinutes(10);

	private static final SecureRandom RANDOM = new SecureRandom();

	static final String SELECT = """
			select d.*, p.name as project_name, p.start_date as project_start_date, oda.from_day as equipped_on
			from device d join project p on p.id = d.project_id
			     left join observed_device_assignment oda on oda.device_id = d.id and oda.project_id = d.project_id
			                                              and oda.to_day is null""";

	private final JdbcClient jdbc;

	private final ProjectAccess access;

	private final AuditTrail audit;

	private final CurrentActor actors;

	private final PersonalDataCipher cipher;

	private final DeviceCredentials credentials;

	private final Clock clock;

	DeviceRegistry(JdbcClient jdbc, ProjectAccess access, AuditTrail audit, CurrentActor actors, PersonalDataCipher cipher,
			DeviceCredentials credentials, Clock clock) {
		this.jdbc = jdbc;
		this.access = access;
		this.audit = audit;
		this.actors = actors;
		this.cipher = cipher;
		this.credentials = credentials;
		this.clock = clock;
	}

	@Override
	@Transactional
	public Registered register(Registration r) {
		Checks checks = new Checks();
		checks.required("projectId", r.projectId());
		String serial = checks.required("serialNumber", r.serialNumber());
		if (serial != null) {
			checks.check(serial.matches("[A-Za-z0-9_-]{4,64}"), "serialNumber", "device.serial-format");
		}
		checks.maxLength("vendor", checks.required("vendor", r.vendor()), 50);
		checks.maxLength("model", checks.required("model", r.model()), 50);
		checks.required("protocol", r.protocol());
		checks.required("kind", r.kind());
		checks.required("direction", r.direction());
		checks.maxLength("channelName", checks.required("channelName", r.channelName()), 50);
		if (r.registeredOn() != null) {
			checks.check(!r.registeredOn().isAfter(LocalDate.now(clock)), "registeredOn", "date.in-future");
		}
		checks.throwIfAny();
		access.requireManageable(r.projectId());
		boolean taken = jdbc.sql("select exists (select 1 from device where serial_number = ?)").param(serial)
			.query(Boolean.class).single();
		if (taken) {
			throw new Conflict("serialNumber", "device.serial-taken");
		}
		String secret = newSecret();
		Instant now = clock.instant();
		LocalDate today = LocalDate.ofInstant(now, clock.getZone());
		long id = jdbc.sql("""
				insert into device (serial_number, vendor, model, protocol, kind, direction, channel_name, project_id,
				                    registered_on, secret_cipher, registered_at, registered_day)
				values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) returning id""")
			.params(serial, r.vendor().strip(), r.model().strip(), r.protocol().name(), r.kind().name(),
					r.direction().name(), r.channelName().strip(), r.projectId(), r.registeredOn(),
					cipher.encrypt(SECRET_PURPOSE, secret), Timestamp.from(now), today)
			.query(Long.class)
			.single();
		// 配备 counts from the day the platform registered the device, whatever installation date is declared
		jdbc.sql("""
				insert into device_assignment (device_id, project_id, from_day, by_actor, recorded_on)
				values (?, ?, ?, ?, ?)""")
			.params(id, r.projectId(), today, actors.get().username(), today)
			.update();
		event(id, "REGISTERED", "project " + r.projectId());
		Device device = find(id);
		audit.record(AuditRecord.created("device", id, state(device)));
		return new Registered(device, secret);
	}

	@Override
	public Device require(long deviceId) {
		Device device = find(deviceId);
		access.requireVisible(device.projectId());
		return device;
	}

	@Override
	public List<Device> forProject(long projectId) {
		access.requireVisible(projectId);
		return jdbc.sql(SELECT + " where d.project_id = ? order by d.id").param(projectId).query(this::device).list();
	}

	@Override
	@Transactional
	public Device disable(long deviceId, String reason) {
		Checks checks = new Checks();
		checks.maxLength("reason", checks.required("reason", reason), 200);
		checks.throwIfAny();
		Device before = manageable(deviceId);
		if (!before.enabled()) {
			throw new Conflict("enabled", "device.already-disabled");
		}
		jdbc.sql("update device set enabled = false, updated_at = now() where id = ?").param(deviceId).update();
		event(deviceId, "DISABLED", reason.strip());
		return changed("DISABLED", before);
	}

	@Override
	@Transactional
	public Device enable(long deviceId) {
		Device before = manageable(deviceId);
		if (before.enabled()) {
			throw new Conflict("enabled", "device.already-enabled");
		}
		jdbc.sql("update device set enabled = true, updated_at = now() where id = ?").param(deviceId).update();
		event(deviceId, "ENABLED", null);
		return changed("ENABLED", before);
	}

	@Override
	@Transactional
	public Device move(long deviceId, Move move) {
		Checks checks = new Checks();
		checks.required("projectId", move.projectId());
		checks.required("fromDay", move.fromDay());
		checks.maxLength("channelName", move.channelName(), 50);
		if (move.fromDay() != null) {
			checks.check(!move.fromDay().isAfter(LocalDate.now(clock)), "fromDay", "date.in-future");
		}
		checks.throwIfAny();
		Device before = manageable(deviceId);
		access.requireManageable(move.projectId());
		if (move.projectId() == before.projectId()) {
			throw RuleViolation.of("projectId", "device.same-project");
		}
		LocalDate since = jdbc.sql("select from_day from device_assignment where device_id = ? and to_day is null")
			.param(deviceId).query(LocalDate.class).single();
		if (!move.fromDay().isAfter(since)) {
			throw RuleViolation.of("fromDay", "device.move-before-assignment", since);
		}
		jdbc.sql("update device_assignment set to_day = ? where device_id = ? and to_day is null")
			.params(move.fromDay().minusDays(1), deviceId).update();
		jdbc.sql("""
				insert into device_assignment (device_id, project_id, from_day, by_actor, recorded_on)
				values (?, ?, ?, ?, ?)""")
			.params(deviceId, move.projectId(), move.fromDay(), actors.get().username(), LocalDate.now(clock)).update();
		String channel = move.channelName() == null || move.channelName().isBlank() ? before.channelName()
				: move.channelName().strip();
		jdbc.sql("update device set project_id = ?, channel_name = ?, updated_at = now() where id = ?")
			.params(move.projectId(), channel, deviceId).update();
		event(deviceId, "MOVED", "project " + before.projectId() + " → " + move.projectId() + " from " + move.fromDay());
		return changed("MOVED", before);
	}

	@Override
	@Transactional
	public Registered rotateSecret(long deviceId) {
		Device before = manageable(deviceId);
		String secret = newSecret();
		jdbc.sql("update device set secret_cipher = ?, updated_at = now() where id = ?")
			.params(cipher.encrypt(SECRET_PURPOSE, secret), deviceId).update();
		event(deviceId, "SECRET_ROTATED", null);
		audit.record(AuditRecord.changed("SECRET_ROTATED", "device", deviceId, null, Map.of("serialNumber",
				before.serialNumber())));
		credentials.forget(before.serialNumber());
		return new Registered(find(deviceId), secret);
	}

	@Override
	public List<Event> events(long deviceId) {
		require(deviceId);
		return jdbc.sql("select id, kind, at, actor, detail from device_event where device_id = ? order by at, id")
			.param(deviceId)
			.query((rs, n) -> new Event(rs.getLong(1), rs.getString(2), rs.getTimestamp(3).toInstant(), rs.getString(4),
					rs.getString(5)))
			.list();
	}

	@Override
	public List<Assignment> assignments(long deviceId) {
		require(deviceId);
		return jdbc.sql("select project_id, from_day, to_day from device_assignment where device_id = ? order by from_day")
			.param(deviceId)
			.query((rs, n) -> new Assignment(rs.getLong(1), rs.getDate(2).toLocalDate(),
					rs.getDate(3) == null ? null : rs.getDate(3).toLocalDate()))
			.list();
	}

	@Override
	public List<LocalDate> connectedDays(long projectId, LocalDate from, LocalDate to) {
		access.requireVisible(projectId);
		return jdbc.sql("select distinct day from device_day where project_id = ? and day between ? and ? order by day")
			.params(projectId, from, to)
			.query(LocalDate.class)
			.list();
	}

	@Override
	public Map<Long, Integer> connectedDaysByDevice(long projectId, LocalDate from, LocalDate to) {
		access.requireVisible(projectId);
		Map<Long, Integer> days = new LinkedHashMap<>();
		jdbc.sql("""
				select device_id, count(*)::int from device_day where project_id = ? and day between ? and ?
				group by device_id""")
			.params(projectId, from, to)
			.query((RowCallbackHandler) rs -> days.put(rs.getLong(1), rs.getInt(2)));
		return days;
	}

	private Device manageable(long deviceId) {
		Device device = find(deviceId);
		access.requireManageable(device.projectId());
		return device;
	}

	private Device changed(String action, Device before) {
		Device after = find(before.id());
		audit.record(AuditRecord.changed(action, "device", before.id(), state(before), state(after)));
		credentials.forget(before.serialNumber());
		return after;
	}

	private void event(long deviceId, String kind, String detail) {
		jdbc.sql("insert into device_event (device_id, kind, actor, detail) values (?, ?, ?, ?)")
			.params(deviceId, kind, actors.get().username(), detail)
			.update();
	}

	Device find(long deviceId) {
		return jdbc.sql(SELECT + " where d.id = ?").param(deviceId).query(this::device).optional()
			.orElseThrow(() -> new NotFound("device", deviceId));
	}

	private static Map<String, Object> state(Device d) {
		Map<String, Object> m = new LinkedHashMap<>();
		m.put("serialNumber", d.serialNumber());
		m.put("vendor", d.vendor());
		m.put("model", d.model());
		m.put("protocol", d.protocol().name());
		m.put("kind", d.kind().name());
		m.put("direction", d.direction().name());
		m.put("channelName", d.channelName());
		m.put("projectId", d.projectId());
		m.put("registeredOn", d.registeredOn() == null ? null : d.registeredOn().toString());
		m.put("registeredAt", d.registeredAt().toString());
		m.put("enabled", d.enabled());
		return m;
	}

	private static String newSecret() {
		byte[] bytes = new byte[32];
		RANDOM.nextBytes(bytes);
		return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
	}

	Device device(ResultSet rs, int n) throws SQLException {
		Timestamp heard = rs.getTimestamp("last_heard_at");
		Timestamp offline = rs.getTimestamp("offline_since");
		Date start = rs.getDate("project_start_date");
		Instant lastHeard = heard == null ? null : heard.toInstant();
		LocalDate registeredOn = rs.getObject("registered_on", LocalDate.class);
		LocalDate equippedOn = rs.getObject("equipped_on", LocalDate.class);
		Timestamp firstHeard = rs.getTimestamp("first_heard_at");
		LocalDate startDate = start == null ? null : start.toLocalDate();
		boolean online = lastHeard != null && lastHeard.isAfter(clock.instant().minus(ONLINE_WINDOW));
		return new Device(rs.getLong("id"), rs.getString("serial_number"), rs.getString("vendor"), rs.getString("model"),
				Device.Protocol.valueOf(rs.getString("protocol")), Device.Kind.valueOf(rs.getString("kind")),
				Gate.Direction.valueOf(rs.getString("direction")), rs.getString("channel_name"), rs.getLong("project_id"),
				rs.getString("project_name"), startDate, registeredOn, rs.getBoolean("enabled"), lastHeard, online,
				rs.getString("status"), rs.getString("firmware"), (Long) rs.getObject("clock_skew_ms"),
				offline == null ? null : offline.toInstant(),
				Device.equippedByStart(equippedOn, startDate, LocalDate.now(clock)),
				rs.getTimestamp("registered_at").toInstant(), firstHeard == null ? null : firstHeard.toInstant(), equippedOn);
	}
}
