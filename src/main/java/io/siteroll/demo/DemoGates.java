package io.siteroll.demo;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

import io.siteroll.attendance.Gate;
import io.siteroll.attendance.PassRecord;
import io.siteroll.attendance.Passes;
import io.siteroll.attendance.Rosters;
import io.siteroll.device.Device;
import io.siteroll.device.Devices;
import io.siteroll.personnel.ManagerPosts;
import io.siteroll.project.ConstructionCalendar;
import io.siteroll.project.Project;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Gates and passes since the start of the month (at least two weeks) for the demo province: most started projects get two gates
 * registered by their start date, a few get one registered late or none at all (R1 cases); workers
 * and managers pass on construction days with realistic gaps, so that presence, rates and findings
 * have something to show.
 */
@Component
class DemoGates {

	/** At least this many days of passes (more when the month began earlier: its managers are judged on it). */
	static final int DAYS = 14;

	private static final ZoneOffset CST = ZoneOffset.ofHours(8);

	private final Devices devices;

	private final Passes passes;

	private final Rosters rosters;

	private final ManagerPosts managers;

	private final ConstructionCalendar calendar;

	private final Clock clock;

	private final JdbcClient jdbc;

	DemoGates(Devices devices, Passes passes, Rosters rosters, ManagerPosts managers, ConstructionCalendar calendar,
			Clock clock, JdbcClient jdbc) {
		this.jdbc = jdbc;
		this.devices = devices;
		this.passes = passes;
		this.rosters = rosters;
		this.managers = managers;
		this.calendar = calendar;
		this.clock = clock;
	}

	/** Returns the number of passes stored. */
	int equip(Project project, int index, long seed) {
		LocalDate today = LocalDate.now(clock);
		if (project.startDate() == null || project.startDate().isAfter(today) || index % 13 == 7) {
			return 0;
		}
		Random random = new Random(seed + project.id());
		boolean late = index % 11 == 5;
		int count = index % 3 == 0 ? 1 : 2;
		List<Gate> gates = new ArrayList<>();
		for (int g = 0; g < count; g++) {
			LocalDate registered = late ? project.startDate().plusDays(9) : project.startDate().minusDays(random.nextInt(5));
			Devices.Registered d = devices.register(new Devices.Registration(project.id(),
					"DEMO" + project.id() + "G" + (g + 1), g == 0 ? "海康威视" : "中控智慧", g == 0 ? "DS-K5671" : "SpeedFace-V5L",
					Device.Protocol.SITEROLL, Device.Kind.FACE_TURNSTILE, g == 0 ? Gate.Direction.IN : Gate.Direction.OUT,
					(g + 1) + "号闸机", registered.isAfter(today) ? today : registered));
			history(d.device().id(), registered.isAfter(today) ? today : registered);
			gates.add(d.device().gate());
		}
		Set<Long> managerIds = new HashSet<>();
		managers.posts(project.id()).forEach(m -> managerIds.add(m.personId()));
		List<Long> people = rosters.changesSince(project.id(), 0).entries().stream().map(Rosters.Entry::personId).toList();
		LocalDate monthStart = today.withDayOfMonth(1);
		LocalDate from = monthStart.isBefore(today.minusDays(DAYS)) ? monthStart : today.minusDays(DAYS);
		Set<LocalDate> working = new HashSet<>(calendar.constructionDays(project.id(), from, today.minusDays(1)));
		int diligence = 70 + random.nextInt(28);
		List<PassRecord> batch = new ArrayList<>();
		int stored = 0;
		for (LocalDate day = from; day.isBefore(today); day = day.plusDays(1)) {
			if (!working.contains(day)) {
				continue;
			}
			for (long person : people) {
				int chance = managerIds.contains(person) ? diligence - 5 : diligence;
				if (random.nextInt(100) >= chance) {
					continue;
				}
				LocalTime in = LocalTime.of(6, 40).plusMinutes(random.nextInt(110));
				LocalTime out = LocalTime.of(16, 50).plusMinutes(random.nextInt(100));
				boolean spoof = random.nextInt(2000) == 0;
				batch.add(pass(person, day, in, "IN", spoof));
				batch.add(pass(person, day, out, "OUT", false));
				if (batch.size() >= 500) {
					stored += ingest(gates, batch);
				}
			}
		}
		stored += ingest(gates, batch);
		gates.forEach(gate -> heardWhenPassed(gate.deviceId()));
		return stored;
	}

	/**
	 * Synthetic history, not an API: the contacts that would have delivered these passes. A real gate's passes
	 * arrive in requests, and every accepted request is contact (last heard, 联网 on its day); these passes are
	 * stored directly, so without this the demo would show a gate that is "never heard" beside its passes, and R1
	 * would count every one of its construction days as disconnected. Each day with a pass is a day heard (from
	 * its first to its last pass), and the last pass is the last contact.
	 */
	private void heardWhenPassed(long deviceId) {
		jdbc.sql("""
				insert into device_day as dd (device_id, day, project_id, first_at, last_at)
				select device_id, (passed_at at time zone 'Asia/Shanghai')::date, project_id, min(passed_at), max(passed_at)
				from pass where device_id = ? group by 1, 2, 3
				on conflict (device_id, day) do update set first_at = least(dd.first_at, excluded.first_at),
				                                          last_at = greatest(dd.last_at, excluded.last_at)""")
			.param(deviceId)
			.update();
		jdbc.sql("""
				update device d set last_heard_at = greatest(d.last_heard_at, h.last_at)
				from (select max(last_at) as last_at from device_day where device_id = ?) h
				where d.id = ? and h.last_at is not null""")
			.params(deviceId, deviceId)
			.update();
	}

	/**
	 * Synthetic history, not an API: what the platform would have observed had it registered and first
	 * heard this demo gate on {@code day} (R1 rests on these observations, not on a declared date).
	 */
	private void history(long deviceId, LocalDate day) {
		jdbc.sql("""
				update device set registered_at = (?::date + time '08:00') at time zone 'Asia/Shanghai', registered_day = ?,
				       first_heard_at = (?::date + time '08:00') at time zone 'Asia/Shanghai', first_heard_day = ?
				where id = ?""")
			.params(day, day, day, day, deviceId)
			.update();
		jdbc.sql("update device_assignment set from_day = ?, recorded_on = ? where device_id = ? and to_day is null")
			.params(day, day, deviceId)
			.update();
	}

	private static PassRecord pass(long person, LocalDate day, LocalTime time, String direction, boolean spoof) {
		return new PassRecord("demo-" + person + "-" + day + "-" + direction, Long.toString(person),
				OffsetDateTime.of(day, time, CST), Gate.Direction.valueOf(direction), "001", "15",
				spoof ? PassRecord.Liveness.FAIL : PassRecord.Liveness.PASS, spoof ? 0.21f : 0.96f, false, null, "SITEROLL",
				false);
	}

	private int ingest(List<Gate> gates, List<PassRecord> batch) {
		if (batch.isEmpty()) {
			return 0;
		}
		int stored = 0;
		for (Gate gate : gates) {
			List<PassRecord> mine = batch.stream()
				.filter(p -> gates.size() == 1 || p.direction() == gate.direction())
				.toList();
			stored += passes.ingest(gate, mine).stored();
		}
		batch.clear();
		return stored;
	}
}
