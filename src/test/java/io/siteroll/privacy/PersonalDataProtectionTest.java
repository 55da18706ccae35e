package io.siteroll.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;

import io.siteroll.audit.AuditTrail;
import io.siteroll.identity.Role;
import io.siteroll.support.ApiClient;
import io.siteroll.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/** ID numbers and bank cards: encrypted at rest, masked in answers and logs, clear only by audited reveal. */
@ExtendWith(OutputCaptureExtension.class)
class PersonalDataProtectionTest extends IntegrationTest {

	@Autowired
	AuditTrail audit;

	@Test
	void noClearIdOrBankNumberInAnyColumnOrLogAndRevealsAreAudited(CapturedOutput output) {
		String province = province();
		ApiClient api = as(province);
		Site site = site(api, "220102", today().minusMonths(1));
		String id = IDS.idNumber(1970, 1995);
		String card = IDS.bankCard();
		ApiClient.Response engaged = api.post("/api/projects/" + site.projectId() + "/workers",
				worker(site.teamId(), id, IDS.name(), card));
		assertThat(engaged.status()).as(engaged.body()).isEqualTo(201);
		assertThat(engaged.body()).doesNotContain(id).doesNotContain(card).contains(id.substring(14));
		// a rejected request must not echo the number either
		api.post("/api/persons", "{\"idNumber\":\"" + id.substring(0, 17) + "0\",\"name\":\"x\"}");

		// read every table raw, every column as text
		List<String> tables = jdbc.sql("select tablename from pg_tables where schemaname = current_schema()").query(String.class).list();
		for (String table : tables) {
			long hits = jdbc.sql("select count(*) from \"" + table + "\" t where t::text like ? or t::text like ?")
				.params("%" + id + "%", "%" + card + "%")
				.query(Long.class)
				.single();
			assertThat(hits).as("clear personal data in table " + table).isZero();
		}
		assertThat(output.getAll()).doesNotContain(id).doesNotContain(card);

		long personId = engaged.json().get("personId").asLong();
		long engagementId = engaged.id();
		ApiClient clerkWithoutPermission = as(account(Role.LABOUR_CLERK, null, null, site.projectId(), false));
		assertThat(clerkWithoutPermission.post("/api/persons/" + personId + "/id-number/reveal", "{}").status()).isEqualTo(403);
		ApiClient.Response revealed = api.post("/api/persons/" + personId + "/id-number/reveal", "{}");
		assertThat(revealed.json().get("idNumber").asString()).isEqualTo(id);
		ApiClient.Response cardRevealed = api.post("/api/projects/" + site.projectId() + "/workers/" + engagementId + "/bank-card/reveal", "{}");
		assertThat(cardRevealed.json().get("bankCardNumber").asString()).isEqualTo(card);

		assertThat(audit.forSubject("person", String.valueOf(personId)))
			.anySatisfy(e -> {
				assertThat(e.action()).isEqualTo("PERSONAL_DATA_REVEALED");
				assertThat(e.actor()).isEqualTo(province);
				assertThat(e.after()).contains("idNumber").doesNotContain(id);
			});
		assertThat(audit.forSubject("worker_engagement", String.valueOf(engagementId)))
			.extracting(e -> e.action())
			.contains("CREATED", "PERSONAL_DATA_REVEALED");
		assertThat(audit.verifyChain()).isTrue();
	}

	@Test
	void theAuditTrailIsAppendOnly() {
		as(province()).post("/api/persons", java.util.Map.of("idNumber", IDS.idNumber(1970, 1990), "name", "赵六"));
		org.junit.jupiter.api.Assertions.assertThrows(RuntimeException.class,
				() -> jdbc.sql("update audit_entry set actor = 'mallory'").update());
		org.junit.jupiter.api.Assertions.assertThrows(RuntimeException.class, () -> jdbc.sql("delete from audit_entry").update());
		assertThat(audit.verifyChain()).isTrue();
	}
}
