package io.siteroll.project;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.siteroll.support.ApiClient;
import io.siteroll.support.IntegrationTest;
import io.siteroll.support.Sites;

/**
 * 一数一源 (issue 15): registering an enterprise or a project the platform already knows answers with the existing
 * record (200, not a second record, not an error), and the attempt to collect it again is in the audit trail.
 */
class OneSourceTest extends IntegrationTest {

	@Test
	void anEnterpriseAlreadyRegisteredIsAnsweredWithItsRecord() {
		ApiClient province = as(province());
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("creditCode", IDS.creditCode("220102"));
		body.put("name", "一源建设有限公司" + System.nanoTime() % 100000);
		body.put("registrationRegion", "220102");
		body.put("legalRepresentative", IDS.name());
		body.put("contactPerson", IDS.name());
		body.put("contactPhone", IDS.phone());
		ApiClient.Response first = province.post("/api/enterprises", body);
		assertThat(first.status()).isEqualTo(201);

		body.put("contactPhone", "13900000000");
		ApiClient.Response again = as(province()).post("/api/enterprises", body);
		assertThat(again.status()).as(again.body()).isEqualTo(200);
		assertThat(again.id()).isEqualTo(first.id());
		assertThat(again.json().path("contactPhone").asString()).as("the record is not changed by a re-collection")
			.isNotEqualTo("13900000000");
		assertThat(jdbc.sql("select count(*) from enterprise where credit_code = ?").param(body.get("creditCode"))
			.query(Long.class).single()).isEqualTo(1);
		assertThat(jdbc.sql("""
				select after_state::text from audit_entry where action = 'RECOLLECTION_ATTEMPT' and subject_type = 'enterprise'
				   and subject_id = ?""").param(String.valueOf(first.id())).query(String.class).list())
			.singleElement().asString().contains("contactPhone");
	}

	@Test
	void aProjectAlreadyRegisteredIsAnsweredWithItsRecord() {
		ApiClient province = as(province());
		long contractor = enterprise(province, "220102");
		Map<String, Object> project = Sites.registration("一源项目" + System.nanoTime() % 100000, "220102", contractor,
				today().minusDays(3));
		ApiClient.Response first = province.post("/api/projects", project);
		assertThat(first.status()).isEqualTo(201);
		ApiClient.Response again = province.post("/api/projects", project);
		assertThat(again.status()).isEqualTo(200);
		assertThat(again.id()).isEqualTo(first.id());
		assertThat(jdbc.sql("select count(*) from project where contractor_id = ?").param(contractor).query(Long.class).single())
			.isEqualTo(1);
		assertThat(jdbc.sql("select count(*) from audit_entry where action = 'RECOLLECTION_ATTEMPT' and subject_id = ?")
			.param(String.valueOf(first.id())).query(Long.class).single()).isEqualTo(1);

		project.put("regionCode", "220104");
		assertThat(province.post("/api/projects", project).status()).as("another region is another project").isEqualTo(201);
	}
}
