package io.siteroll.attendance.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import io.siteroll.identity.Role;
import io.siteroll.support.ApiClient;
import io.siteroll.support.IntegrationTest;
import io.siteroll.support.Jpegs;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Gate photos: encrypted on disk, shown only with the reveal permission and audited, purged after retention. */
class GatePhotoTest extends IntegrationTest {

	@Autowired
	PhotoRetention retention;

	@Test
	void photosAreEncryptedRevealedWithPermissionAndPurgedAfterRetention() throws Exception {
		ApiClient api = as(province());
		Site site = site(api, "220102", today().minusMonths(2));
		long worker = engagedWorker(api, site);
		RegisteredDevice device = device(api, site.projectId(), "SITEROLL", "IN");
		byte[] jpeg = Jpegs.scene(System.nanoTime());
		ApiClient.Response upload = gate(device).post("/api/device/v1/passes", Map.of("passes", List.of(Map.of("eventId", "ph-1",
				"personId", worker, "time", OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.ofHours(8)).minusHours(1).withNano(0).toString(),
				"attendType", "001", "liveness", "PASS", "photo", Base64.getEncoder().encodeToString(jpeg)))));
		assertThat(upload.json().get("stored").asInt()).as(upload.body()).isEqualTo(1);
		long photoId = api.get("/api/projects/" + site.projectId() + "/passes").json().get("items").get(0).get("photoId").asLong();
		String storageKey = jdbc.sql("select storage_key from pass_photo where id = ?").param(photoId).query(String.class).single();
		Path file = Path.of(environment.getRequiredProperty("siteroll.data-dir"), "photos", storageKey);
		assertThat(Files.readAllBytes(file)).isNotEqualTo(jpeg).hasSizeGreaterThan(jpeg.length);

		ApiClient.Response shown = api.get("/api/pass-photos/" + photoId);
		assertThat(shown.status()).isEqualTo(200);
		assertThat(shown.bytes()).isEqualTo(jpeg);
		long reveals = jdbc.sql("""
				select count(*) from audit_entry where action = 'PERSONAL_DATA_REVEALED' and subject_type = 'pass_photo'
				and subject_id = ?""").param(Long.toString(photoId)).query(Long.class).single();
		assertThat(reveals).isEqualTo(1);
		ApiClient withoutPermission = as(account(Role.CITY_OFFICER, "220100", null, null, false));
		assertThat(withoutPermission.get("/api/pass-photos/" + photoId).status()).isEqualTo(403);
		ApiClient elsewhere = as(account(Role.CITY_OFFICER, "220200", null, null, true));
		assertThat(elsewhere.get("/api/pass-photos/" + photoId).status()).isEqualTo(404);

		retention.purge(today().plusYears(2).minusDays(1));
		assertThat(Files.exists(file)).as("kept until the retention date").isTrue();
		retention.purge(today().plusYears(2).plusDays(1));
		assertThat(Files.exists(file)).isFalse();
		assertThat(api.get("/api/pass-photos/" + photoId).status()).isEqualTo(410);
	}
}
