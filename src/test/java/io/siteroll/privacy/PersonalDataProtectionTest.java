package io.siteroll.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.siteroll.audit.AuditTrail;
import io.siteroll.identity.Role;
import io.siteroll.support.ApiClient;
import io.siteroll.support.IntegrationTest;
import io.siteroll.support.Jpegs;
import io.siteroll.support.ZktecoDevice;
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
		long personId = engaged.json().get("personId").asLong();

		// ID-card readers name people by ID number: through the signed device API and ZKTeco PUSH
		String stranger = IDS.idNumber(1970, 1995);
		String masked = id.substring(0, 6) + "********" + id.substring(14);
		RegisteredDevice reader = device(api, site.projectId(), "SITEROLL", "IN");
		OffsetDateTime at = OffsetDateTime.now(clock).minusHours(1).truncatedTo(ChronoUnit.SECONDS);
		ApiClient.Response uploaded = gate(reader).post("/api/device/v1/passes",
				Map.of("passes", List.of(pass("card-" + id, id, at), pass("card-2", stranger, at))));
		assertThat(uploaded.status()).as(uploaded.body()).isEqualTo(200);
		assertThat(uploaded.json().get("results").get(0).get("sourceKey").asString()).isEqualTo("card-" + id);
		assertThat(uploaded.json().get("results").get(0).get("outcome").asString()).isEqualTo("ACCEPTED");
		assertThat(uploaded.json().get("results").get(1).get("reason").asString()).isEqualTo("NOT_REGISTERED");
		assertThat(gate(reader).post("/api/device/v1/passes", Map.of("passes", List.of(pass("card-" + id, id, at))))
			.json().get("duplicates").asInt()).isEqualTo(1);
		assertThat(gate(reader).post("/api/device/v1/gate-decisions", Map.of("idNumber", id)).json().get("allow")
			.asBoolean()).isTrue();
		RegisteredDevice zkteco = device(api, site.projectId(), "ZKTECO_ATT", "IN");
		api.put("/api/devices/" + zkteco.id() + "/zkteco-access/networks", Map.of("allowedNetworks", List.of("127.0.0.1")));
		ZktecoDevice zk = new ZktecoDevice(baseUrl(), zkteco.serial());
		LocalDateTime local = LocalDateTime.now(clock).minusHours(2).withNano(0);
		List<String> lines = List.of(ZktecoDevice.attlogLine(id, local, 0, 15), ZktecoDevice.attlogLine(stranger, local, 0, 15));
		assertThat(zk.attlog(lines, "1").body()).isEqualTo("OK: 2");
		assertThat(zk.attlog(lines, "1").body()).as("deduplicated as before").isEqualTo("OK: 2");
		assertThat(zk.photo(id, local, Jpegs.scene(5)).body()).isEqualTo("OK");
		assertThat(jdbc.sql("select count(*) from pass where device_id = ? and person_id = ? and photo_id is not null")
			.params(zkteco.id(), personId).query(Long.class).single()).isOne();
		ApiClient.Response passes = api.get("/api/projects/" + site.projectId() + "/passes");
		assertThat(passes.body()).doesNotContain(id).doesNotContain(stranger).contains(masked);
		assertThat(passes.json().get("total").asInt()).isEqualTo(4);
		ApiClient clerk = as(account(Role.LABOUR_CLERK, null, null, site.projectId(), false));
		ApiClient.Response page = clerk.get("/projects/" + site.projectId() + "/passes");
		assertThat(page.status()).isEqualTo(200);
		assertThat(page.body()).doesNotContain(id).doesNotContain(stranger)
			.contains(stranger.substring(0, 6) + "********" + stranger.substring(14));

		// the wage account's number and the wage tables' cards (a line to the worker's own card, paid out, and one not)
		String accountNumber = "6217" + (100_000_000_000L + System.nanoTime() % 100_000_000_000L);
		String otherCard = IDS.bankCard();
		ApiClient contractor = as(account(Role.ENTERPRISE_ADMIN, null, site.contractorId(), null, true));
		assertThat(contractor.post("/api/projects/" + site.projectId() + "/wage-account", Map.of("bankName", "工商银行",
				"bankCode", "102", "accountNumber", accountNumber, "agreementType", "application/pdf", "agreement",
				Base64.getEncoder().encodeToString(new byte[] { 1, 2, 3 }))).status()).isEqualTo(201);
		ApiClient.Response table = contractor.post("/api/projects/" + site.projectId() + "/wage-tables",
				Map.of("unitId", site.labourUnitId(), "month", YearMonth.from(today()).toString(), "lines",
						List.of(Map.of("idNumber", id, "name", "x", "bankCardNumber", card, "basicPay", "100"),
								Map.of("idNumber", stranger, "name", "y", "bankCardNumber", otherCard, "basicPay", "100"))));
		assertThat(table.status()).as(table.body()).isEqualTo(201);
		assertThat(contractor.post("/api/wage-tables/" + table.id() + "/check", "{}").json().get("allowedLines").asInt())
			.isOne();
		long allowedLine = contractor.get("/api/wage-tables/" + table.id() + "/lines").json().get(0).get("id").asLong();
		assertThat(contractor.post("/api/wage-tables/" + table.id() + "/confirmations", Map.of("lineIds",
				List.of(allowedLine))).status()).isEqualTo(200);
		assertThat(contractor.post("/api/wage-tables/" + table.id() + "/approval", "{}").status()).isEqualTo(200);
		ApiClient.Response paymentFile = contractor.post("/api/wage-tables/" + table.id() + "/payment-file", "{}");
		assertThat(paymentFile.body()).contains(card).contains(accountNumber).doesNotContain(otherCard);
		assertThat(contractor.get("/api/wage-tables/" + table.id() + "/lines").body()).doesNotContain(card)
			.doesNotContain(otherCard).doesNotContain(id);

		// read every column of every table raw (bytea as bytes, anything else as text)
		assertThat(columnsContaining(id, stranger, card, accountNumber, otherCard)).as("clear personal data").isEmpty();
		assertThat(columnsContaining(card.substring(0, 4) + "*")).as("the scan reads the wage lines").contains("wage_line.card_masked");
		assertThat(columnsContaining(masked)).as("the scan reads the passes").anyMatch(c -> c.startsWith("pass_"));
		assertThat(output.getAll()).doesNotContain(id).doesNotContain(card).doesNotContain(stranger).doesNotContain(accountNumber)
			.doesNotContain(otherCard);

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

	/**
	 * Every table of the schema (partitions included) and every column, whatever its type, read as
	 * it is stored: the {@code table.column} pairs holding any of the values.
	 */
	private List<String> columnsContaining(String... values) {
		List<Map<String, Object>> columns = jdbc.sql("""
				select c.relname as table_name, a.attname as column_name, t.typname as type_name
				from pg_class c
				     join pg_namespace n on n.oid = c.relnamespace
				     join pg_attribute a on a.attrelid = c.oid and a.attnum > 0 and not a.attisdropped
				     join pg_type t on t.oid = a.atttypid
				where n.nspname = current_schema() and c.relkind = 'r'
				order by 1, 2""").query().listOfRows();
		assertThat(columns).extracting(c -> (String) c.get("table_name")).contains("device_upload", "person", "audit_entry")
			.as("the months of passes").anyMatch(t -> t.startsWith("pass_"));
		List<String> hits = new ArrayList<>();
		for (Map<String, Object> column : columns) {
			String table = "\"" + column.get("table_name") + "\"";
			String name = "\"" + column.get("column_name") + "\"";
			boolean bytes = "bytea".equals(column.get("type_name"));
			for (String value : values) {
				String sql = bytes ? "select exists (select 1 from " + table + " where position(convert_to(?, 'UTF8') in " + name + ") > 0)"
						: "select exists (select 1 from " + table + " where " + name + "::text like ?)";
				if (jdbc.sql(sql).param(bytes ? value : "%" + value + "%").query(Boolean.class).single()) {
					hits.add(column.get("table_name") + "." + column.get("column_name"));
				}
			}
		}
		return hits;
	}

	private static Map<String, Object> pass(String eventId, String personRef, OffsetDateTime at) {
		Map<String, Object> p = new LinkedHashMap<>();
		p.put("eventId", eventId);
		p.put("personId", personRef);
		p.put("time", at.toString());
		p.put("attendType", "005");
		p.put("liveness", "PASS");
		return p;
	}

	@Test
	void theAuditTrailIsAppendOnly() {
		as(province()).post("/api/persons", Map.of("idNumber", IDS.idNumber(1970, 1990), "name", "赵六"));
		org.junit.jupiter.api.Assertions.assertThrows(RuntimeException.class,
				() -> jdbc.sql("update audit_entry set actor = 'mallory'").update());
		org.junit.jupiter.api.Assertions.assertThrows(RuntimeException.class, () -> jdbc.sql("delete from audit_entry").update());
		assertThat(audit.verifyChain()).isTrue();
	}
}
