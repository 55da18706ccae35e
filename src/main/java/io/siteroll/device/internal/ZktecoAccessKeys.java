package io.siteroll.device.internal;

import java.sql.Array;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.siteroll.audit.AuditRecord;
import io.siteroll.audit.AuditTrail;
import io.siteroll.device.Device;
import io.siteroll.device.ZktecoAccess;
import io.siteroll.identity.CurrentActor;
import io.siteroll.platform.Checks;
import io.siteroll.platform.RuleViolation;
import io.siteroll.project.ProjectAccess;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
class ZktecoAccessKeys implements ZktecoAccess {

	private static final SecureRandom RANDOM = new SecureRandom();

	private static final String KEY_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnpqrstuvwxyz23456789";

	/** 32 characters (the length a RegistryCode may have) of 56 symbols: about 186 bits. */
	static final int KEY_LENGTH = 32;

	/** Narrowest prefix accepted: wider networks would make the allow-list meaningless. */
	static final int MIN_PREFIX_V4 = 8;

	static final int MIN_PREFIX_V6 = 32;

	private final JdbcClient jdbc;

	private final DeviceRegistry devices;

	private final ProjectAccess access;

	private final AuditTrail audit;

	private final CurrentActor actors;

	private final DeviceCredentials credentials;

	private final ZktecoSessions sessions;

	private final Clock clock;

	ZktecoAccessKeys(JdbcClient jdbc, DeviceRegistry devices, ProjectAccess access, AuditTrail audit, CurrentActor actors,
			DeviceCredentials credentials, ZktecoSessions sessions, Clock clock) {
		this.jdbc = jdbc;
		this.devices = devices;
		this.access = access;
		this.audit = audit;
		this.actors = actors;
		this.credentials = credentials;
		this.sessions = sessions;
		this.clock = clock;
	}

	@Override
	public Settings settings(long deviceId) {
		Device device = devices.require(deviceId);
		return load(device);
	}

	@Override
	@Transactional
	public IssuedKey issueKey(long deviceId) {
		Device device = manageableZkteco(deviceId);
		Settings before = load(device);
		String key = newKey();
		jdbc.sql("update device set zk_key_hash = ?, zk_key_issued_at = ?, updated_at = now() where id = ?")
			.params(GateAccess.keyHash(key), Timestamp.from(clock.instant()), deviceId)
			.update();
		Settings after = load(device);
		changed("ZK_KEY_ISSUED", device, before, after, before.keyIssued() ? "replaced" : "issued");
		return new IssuedKey(after, key);
	}

	@Override
	@Transactional
	public Settings allowNetworks(long deviceId, List<String> networks) {
		Checks checks = new Checks();
		checks.required("allowedNetworks", networks);
		List<String> normalised = new ArrayList<>();
		if (networks != null) {
			checks.check(networks.size() <= MAX_NETWORKS, "allowedNetworks", "device.too-many-networks", MAX_NETWORKS);
			Set<Cidr> seen = new LinkedHashSet<>();
			for (String text : networks) {
				Cidr cidr;
				try {
					cidr = Cidr.parse(text);
				}
				catch (IllegalArgumentException e) {
					checks.check(false, "allowedNetworks", "device.network-format");
					continue;
				}
				int min = cidr.network().length == 4 ? MIN_PREFIX_V4 : MIN_PREFIX_V6;
				checks.check(cidr.prefix() >= min, "allowedNetworks", "device.network-too-wide", min);
				seen.add(cidr);
			}
			seen.forEach(c -> normalised.add(c.toString()));
		}
		checks.throwIfAny();
		Device device = manageableZkteco(deviceId);
		Settings before = load(device);
		jdbc.sql("update device set zk_networks = ?::cidr[], updated_at = now() where id = ?")
			.params(normalised.toArray(String[]::new), deviceId)
			.update();
		Settings after = load(device);
		changed("ZK_NETWORKS_SET", device, before, after, String.join(", ", normalised));
		return after;
	}

	private Device manageableZkteco(long deviceId) {
		Device device = devices.require(deviceId);
		if (!device.protocol().isVendorPush()) {
			throw RuleViolation.of("protocol", "device.not-zkteco");
		}
		access.requireManageable(device.projectId());
		return device;
	}

	private void changed(String action, Device device, Settings before, Settings after, String detail) {
		jdbc.sql("insert into device_event (device_id, kind, actor, detail) values (?, ?, ?, ?)")
			.params(device.id(), action, actors.get().username(), detail)
			.update();
		audit.record(AuditRecord.changed(action, "device", device.id(), state(before), state(after)));
		sessions.close(device.id());
		credentials.forget(device.serialNumber());
	}

	private Settings load(Device device) {
		return jdbc.sql("select zk_key_issued_at, zk_networks::text[] as zk_networks from device where id = ?")
			.param(device.id())
			.query((rs, n) -> {
				Timestamp issued = rs.getTimestamp("zk_key_issued_at");
				Array array = rs.getArray("zk_networks");
				List<String> networks = new ArrayList<>();
				if (array != null) {
					for (Object o : (Object[]) array.getArray()) {
						networks.add(Cidr.parse(o.toString()).toString());
					}
				}
				return new Settings(device.id(), device.serialNumber(), issued != null,
						issued == null ? null : issued.toInstant(), List.copyOf(networks));
			})
			.single();
	}

	private static Map<String, Object> state(Settings s) {
		Map<String, Object> m = new LinkedHashMap<>();
		m.put("keyIssuedAt", s.keyIssuedAt() == null ? null : s.keyIssuedAt().toString());
		m.put("allowedNetworks", s.allowedNetworks());
		return m;
	}

	private static String newKey() {
		StringBuilder b = new StringBuilder(KEY_LENGTH);
		for (int i = 0; i < KEY_LENGTH; i++) {
			b.append(KEY_ALPHABET.charAt(RANDOM.nextInt(KEY_ALPHABET.length())));
		}
		return b.toString();
	}
}
