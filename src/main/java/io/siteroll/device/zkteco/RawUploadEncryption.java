package io.siteroll.device.zkteco;

import java.util.List;

import io.siteroll.privacy.PersonalDataCipher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Encrypts the raw ZKTeco uploads stored in clear before raw uploads were kept encrypted (they carry
 * names and identity numbers), in batches, once at start; afterwards there is nothing left to do.
 */
@Component
class RawUploadEncryption {

	private static final Logger log = LoggerFactory.getLogger(RawUploadEncryption.class);

	/** Small: rows written before the body limit existed may be tens of megabytes each. */
	private static final int BATCH = 20;

	private final JdbcClient jdbc;

	private final PersonalDataCipher cipher;

	RawUploadEncryption(JdbcClient jdbc, PersonalDataCipher cipher) {
		this.jdbc = jdbc;
		this.cipher = cipher;
	}

	@EventListener(ApplicationReadyEvent.class)
	void atStart() {
		int total = encryptAll();
		if (total > 0) {
			log.info("Encrypted {} raw device upload(s) kept in clear before", total);
		}
	}

	/** Encrypts every upload still in clear; returns how many. */
	int encryptAll() {
		int total = 0;
		while (true) {
			List<Object[]> rows = jdbc.sql("select id, body from device_upload where not encrypted order by id limit ?")
				.param(BATCH)
				.query((rs, n) -> new Object[] { rs.getLong(1), rs.getBytes(2) })
				.list();
			for (Object[] row : rows) {
				total += jdbc.sql("update device_upload set body = ?, encrypted = true where id = ? and not encrypted")
					.params(cipher.encryptBytes(ZktecoPush.UPLOAD_PURPOSE, (byte[]) row[1]), row[0])
					.update();
			}
			if (rows.size() < BATCH) {
				return total;
			}
		}
	}
}
