package io.siteroll.device.zkteco;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.siteroll.attendance.Rosters;
import io.siteroll.audit.AuditRecord;
import io.siteroll.audit.AuditTrail;
import io.siteroll.device.Device;
import io.siteroll.device.Devices;
import io.siteroll.device.internal.DeviceCredentials.KnownDevice;
import io.siteroll.platform.Conflict;
import io.siteroll.platform.RuleViolation;
import io.siteroll.project.ProjectAccess;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Provisions a ZKTeco device through its command queue (queued → sent → confirmed or failed): a
 * user record for every person allowed through the project's gates, their face photo when the
 * platform holds one (rendered only when the command is sent, so no face lies in clear in the queue),
 * and a delete for everyone who dropped off the roster. Commands go only to the authenticated device
 * they were queued for, and never to a disabled one. Only {@code DATA UPDATE} / {@code DATA
 * DELETE} are issued; never {@code CLEAR} or {@code SHELL}.
 */
@Service
public class ZktecoProvisioning {

	private static final Logger log = LoggerFactory.getLogger(ZktecoProvisioning.class);

	static final String FACE_PLACEHOLDER = "{face}";

	/** Commands handed to a device per poll. */
	static final int PER_POLL = 20;

	/** A device answering "busy" (−1005) gets the command again later, this many times at most. */
	static final int MAX_ATTEMPTS = 5;

	public record Command(long id, String purpose, Long personId, String command, String state, Integer returnCode,
			int attempts, Instant queuedAt, Instant sentAt, Instant answeredAt) {
	}

	private final JdbcClient jdbc;

	private final Devices devices;

	private final Rosters rosters;

	private final AuditTrail audit;

	private final ProjectAccess access;

	ZktecoProvisioning(JdbcClient jdbc, Devices devices, Rosters rosters, AuditTrail audit, ProjectAccess access) {
		this.jdbc = jdbc;
		this.access = access;
		this.devices = devices;
		this.rosters = rosters;
		this.audit = audit;
	}

	/** Queues the roster changes since the version the device was last provisioned with. */
	@Transactional
	public Map<String, Object> provision(long deviceId) {
		Device device = devices.require(deviceId);
		if (!device.protocol().isZkteco()) {
			throw RuleViolation.of("protocol", "device.not-zkteco");
		}
		access.requireManageable(device.projectId());
		if (!device.enabled()) {
			throw new Conflict("enabled", "device.disabled");
		}
		long since = jdbc.sql("select roster_version from device where id = ? for update").param(deviceId)
			.query(Long.class).single();
		Rosters.Changes changes = rosters.changesSince(device.projectId(), since);
		int users = 0, faces = 0, deletes = 0;
		for (Rosters.Entry e : changes.entries()) {
			if (e.allowed()) {
				queue(deviceId, "USER", e.personId(), "DATA UPDATE USERINFO PIN=" + e.personId() + "\tName=" + clean(e.name())
						+ "\tPri=0\tPasswd=\tCard=\tGrp=1\tTZ=0000000000000000\tVerify=0");
				users++;
				if (e.hasFace()) {
					queue(deviceId, "FACE", e.personId(), "DATA UPDATE BIOPHOTO PIN=" + e.personId() + "\tType=9\tNo=0\tIndex=0"
							+ "\tSize={size}\tContent=" + FACE_PLACEHOLDER + "\tFormat=0\tPostBackTmpFlag=0");
					faces++;
				}
			}
			else {
				queue(deviceId, "DELETE", e.personId(), "DATA DELETE USERINFO PIN=" + e.personId());
				deletes++;
			}
		}
		jdbc.sql("update device set roster_version = ? where id = ?").params(changes.version(), deviceId).update();
		Map<String, Object> result = new LinkedHashMap<>();
		result.put("deviceId", deviceId);
		result.put("fromVersion", since);
		result.put("toVersion", changes.version());
		result.put("users", users);
		result.put("faces", faces);
		result.put("deletes", deletes);
		audit.record(AuditRecord.changed("PROVISIONING_QUEUED", "device", deviceId, null, result));
		return result;
	}

	public List<Command> commands(long deviceId, int limit) {
		devices.require(deviceId);
		return jdbc.sql("""
				select id, purpose, person_id, command, state, return_code, attempts, queued_at, sent_at, answered_at
				from zk_command where device_id = ? order by id desc limit ?""")
			.params(deviceId, limit)
			.query((rs, n) -> new Command(rs.getLong("id"), rs.getString("purpose"), (Long) rs.getObject("person_id"),
					shown(rs.getString("command")), rs.getString("state"), (Integer) rs.getObject("return_code"),
					rs.getInt("attempts"), rs.getTimestamp("queued_at").toInstant(),
					rs.getTimestamp("sent_at") == null ? null : rs.getTimestamp("sent_at").toInstant(),
					rs.getTimestamp("answered_at") == null ? null : rs.getTimestamp("answered_at").toInstant()))
			.list();
	}

	/**
	 * The next commands for a polling device, marked sent, rendered as {@code C:<id>:<command>} lines.
	 * Commands sent earlier and never answered are sent again after a minute.
	 */
	@Transactional
	String nextCommands(KnownDevice device) {
		if (!device.gate().enabled()) {
			return "";
		}
		record Due(long id, String command, String purpose, Long personId) {
		}
		List<Due> due = jdbc.sql("""
				select id, command, purpose, person_id from zk_command
				where device_id = ? and (state = 'QUEUED' or state = 'SENT' and sent_at < now() - interval '1 minute')
				order by id limit ? for update skip locked""")
			.params(device.id(), PER_POLL)
			.query((rs, n) -> new Due(rs.getLong("id"), rs.getString("command"), rs.getString("purpose"),
					rs.getObject("person_id", Long.class)))
			.list();
		StringBuilder reply = new StringBuilder();
		List<Long> sent = new ArrayList<>();
		for (Due row : due) {
			long id = row.id();
			String command = row.command();
			if ("FACE".equals(row.purpose())) {
				Optional<byte[]> face = rosters.faceForGate(device.gate(), row.personId());
				if (face.isEmpty()) {
					jdbc.sql("update zk_command set state = 'FAILED', answered_at = now() where id = ?").param(id).update();
					continue;
				}
				String content = Base64.getEncoder().encodeToString(face.get());
				command = command.replace("{size}", Integer.toString(content.length())).replace(FACE_PLACEHOLDER, content);
			}
			reply.append("C:").append(id).append(':').append(command).append('\n');
			sent.add(id);
		}
		if (!sent.isEmpty()) {
			jdbc.sql("update zk_command set state = 'SENT', sent_at = now(), attempts = attempts + 1 where id = any(?)")
				.param(sent.toArray(Long[]::new))
				.update();
		}
		return reply.toString();
	}

	/** Records {@code ID=<id>&Return=<code>&CMD=<name>} lines; returns how many were recorded. */
	@Transactional
	int results(KnownDevice device, String body) {
		int recorded = 0;
		for (String line : body.split("\r?\n")) {
			Map<String, String> fields = new LinkedHashMap<>();
			for (String pair : line.strip().split("&")) {
				int eq = pair.indexOf('=');
				if (eq > 0) {
					fields.put(pair.substring(0, eq).strip(), pair.substring(eq + 1).strip());
				}
			}
			if (!fields.containsKey("ID") || !fields.containsKey("Return")) {
				continue;
			}
			long id;
			int code;
			try {
				id = Long.parseLong(fields.get("ID"));
				code = Integer.parseInt(fields.get("Return"));
			}
			catch (NumberFormatException e) {
				log.warn("Unreadable command result from {}: {}", device.serialNumber(), line);
				continue;
			}
			String state = code == 0 ? "CONFIRMED" : "FAILED";
			recorded += jdbc.sql("""
					update zk_command set state = case when ? = -1005 and attempts < ? then 'QUEUED' else ? end,
					                      return_code = ?, answered_at = now()
					where id = ? and device_id = ?""")
				.params(code, MAX_ATTEMPTS, state, code, id, device.id())
				.update();
		}
		return recorded;
	}

	/** Queues a control command (e.g. {@code CHECK} after a stamp reset). */
	void queue(long deviceId, String purpose, Long personId, String command) {
		jdbc.sql("insert into zk_command (device_id, command, purpose, person_id, state) values (?, ?, ?, ?, 'QUEUED')")
			.params(deviceId, command, purpose, personId)
			.update();
	}

	/** Names go into TAB-separated commands: no TABs or line breaks inside. */
	private static String clean(String name) {
		return name == null ? "" : name.replaceAll("[\\t\\r\\n]", " ");
	}

	private static String shown(String command) {
		return command.length() > 200 ? command.substring(0, 200) + "…" : command;
	}
}
