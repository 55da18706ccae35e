package io.siteroll.device.zkteco;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import io.siteroll.privacy.PersonalDataCipher;
import io.siteroll.support.ApiClient;
import io.siteroll.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Raw uploads kept in clear by earlier versions are encrypted at start, and stay readable for evidence. */
class RawUploadEncryptionTest extends IntegrationTest {

	@Autowired
	RawUploadEncryption encryption;

	@Autowired
	PersonalDataCipher cipher;

	@Test
	void uploadsKeptInClearAreEncrypted() {
		ApiClient api = as(province());
		Site site = site(api, "220102", today().minusMonths(2));
		RegisteredDevice device = device(api, site.projectId(), "ZKTECO_ATT", "IN");
		String id = IDS.idNumber(1970, 1995);
		byte[] raw = (id + "\t2026-01-01 07:58:12\t0\t15\t0\t0\t0\n").getBytes(StandardCharsets.UTF_8);
		long upload = jdbc.sql("""
				insert into device_upload (device_id, protocol, table_name, body, outcome, records)
				values (?, 'ZKTECO_ATT', 'ATTLOG', ?, 'STORED', 1) returning id""")
			.params(device.id(), raw).query(Long.class).single();

		assertThat(encryption.encryptAll()).isGreaterThanOrEqualTo(1);
		Map<String, Object> row = jdbc.sql("select body, encrypted from device_upload where id = ?").param(upload)
			.query().singleRow();
		assertThat(row.get("encrypted")).isEqualTo(true);
		assertThat(new String((byte[]) row.get("body"), StandardCharsets.ISO_8859_1)).doesNotContain(id);
		assertThat(cipher.decryptBytes(ZktecoPush.UPLOAD_PURPOSE, (byte[]) row.get("body"))).isEqualTo(raw);
		assertThat(jdbc.sql("select count(*) from device_upload where not encrypted").query(Long.class).single()).isZero();
		assertThat(encryption.encryptAll()).isZero();
	}
}
