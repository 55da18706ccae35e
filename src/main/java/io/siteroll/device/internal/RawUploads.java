package io.siteroll.device.internal;

import io.siteroll.device.internal.DeviceCredentials.KnownDevice;
import io.siteroll.privacy.PersonalDataCipher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Keeps what a device uploaded, as it arrived, encrypted (uploads carry names, identity numbers and
 * photos), with what the platform made of it: every protocol adapter keeps its uploads here, so that
 * nothing a device sends is silently dropped.
 */
@Component
public class RawUploads {

	/** Raw uploads are kept encrypted under this purpose. */
	public static final String PURPOSE = "device.upload";

	private final JdbcClient jdbc;

	private final PersonalDataCipher cipher;

	RawUploads(JdbcClient jdbc, PersonalDataCipher cipher) {
		this.jdbc = jdbc;
		this.cipher = cipher;
	}

	/** Stores one upload (or one event of it) with its outcome and the number of records it held. */
	public void keep(KnownDevice device, String table, byte[] body, String outcome, int records) {
		jdbc.sql("""
				insert into device_upload (device_id, protocol, table_name, body, encrypted, outcome, records)
				values (?, ?, ?, ?, true, ?, ?)""")
			.params(device.id(), device.protocol().name(), table, cipher.encryptBytes(PURPOSE, body), outcome, records)
			.update();
	}
}
