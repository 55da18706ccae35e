package io.siteroll.device.internal;

import java.sql.SQLException;
import java.sql.Array;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import io.siteroll.attendance.Gate;
import io.siteroll.device.Device;
import io.siteroll.privacy.PersonalDataCipher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Looks devices up by serial number for the protocol endpoints, with their secret decrypted. Kept in
 * memory for a few seconds (a gate calls many times a minute); every change forgets the entry.
 */
@Component
public class DeviceCredentials {

	/**
	 * A device as the protocol endpoints need it. {@code zkKeyHash} and {@code zkNetworks}: the ZKTeco
	 * communication key's SHA-256 and the source networks it may connect from (null or empty: not
	 * configured).
	 */
	public record KnownDevice(long id, String serialNumber, Device.Protocol protocol, Gate gate, String secret,
			int utcOffsetMinutes, Instant loadedAt, byte[] zkKeyHash, List<Cidr> zkNetworks) {

		@Override
		public String toString() {
			return "KnownDevice[" + serialNumber + "]";
		}
	}

	/** The request attribute holding the {@link KnownDevice} of an authenticated device request. */
	public static final String REQUEST_ATTRIBUTE = "io.siteroll.device.KnownDevice";

	/**
	 * The request attribute holding the content type a vendor push request declared (the request itself
	 * then shows its body as opaque bytes, already inflated, so that no multipart or form parsing
	 * touches it again).
	 */
	public static final String CONTENT_TYPE_ATTRIBUTE = "io.siteroll.device.ContentType";

	private static final Duration TTL = Duration.ofSeconds(15);

	private final JdbcClient jdbc;

	private final PersonalDataCipher cipher;

	private final Clock clock;

	private final Map<String, KnownDevice> cache = new ConcurrentHashMap<>();

	DeviceCredentials(JdbcClient jdbc, PersonalDataCipher cipher, Clock clock) {
		this.jdbc = jdbc;
		this.cipher = cipher;
		this.clock = clock;
	}

	public Optional<KnownDevice> find(String serialNumber) {
		if (serialNumber == null || serialNumber.isBlank() || serialNumber.length() > 64) {
			return Optional.empty();
		}
		Instant now = clock.instant();
		KnownDevice cached = cache.get(serialNumber);
		if (cached != null && cached.loadedAt().plus(TTL).isAfter(now)) {
			return Optional.of(cached);
		}
		Optional<KnownDevice> loaded = jdbc.sql("""
				select id, serial_number, protocol, project_id, enabled, direction, secret_cipher, utc_offset_min,
				       zk_key_hash, zk_networks::text[] as zk_networks
				from device where serial_number = ?""")
			.param(serialNumber)
			.query((rs, n) -> new KnownDevice(rs.getLong("id"), rs.getString("serial_number"),
					Device.Protocol.valueOf(rs.getString("protocol")),
					new Gate(rs.getLong("id"), rs.getLong("project_id"), rs.getString("serial_number"),
							rs.getBoolean("enabled"), Gate.Direction.valueOf(rs.getString("direction"))),
					cipher.decrypt(DeviceRegistry.SECRET_PURPOSE, rs.getBytes("secret_cipher")), rs.getInt("utc_offset_min"),
					now, rs.getBytes("zk_key_hash"), networks(rs.getArray("zk_networks"))))
			.optional();
		loaded.ifPresentOrElse(d -> cache.put(serialNumber, d), () -> cache.remove(serialNumber));
		return loaded;
	}

	private static List<Cidr> networks(Array array) throws SQLException {
		if (array == null) {
			return List.of();
		}
		List<Cidr> networks = new ArrayList<>();
		for (Object o : (Object[]) array.getArray()) {
			networks.add(Cidr.parse(o.toString()));
		}
		return List.copyOf(networks);
	}

	void forget(String serialNumber) {
		cache.remove(serialNumber);
	}
}
