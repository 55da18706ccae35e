package io.siteroll.sharing;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.siteroll.device.DeviceSignature;
import io.siteroll.identity.Role;
import io.siteroll.privacy.Masking;
import io.siteroll.support.ApiClient;
import io.siteroll.support.DeviceClient;
import io.siteroll.support.Exchanges;
import io.siteroll.support.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Sharing agreements end to end: a province officer enters and decides the application on the pages, the consumer
 * reads {@code /api/sharing/{dataset}} with requests signed like the gates', and every request lands in the access
 * log and the monthly usage.
 */
class SharingAgreementsTest extends IntegrationTest {

	private static final JsonMapper JSON = JsonMapper.builder().findAndAddModules().build();

	private static final Pattern CLIENT_ID = Pattern.compile("class=\"client-id\">([^<]+)<");

	private static final Pattern SECRET = Pattern.compile("class=\"client-secret\">([^<]+)<");

	private final HttpClient http = HttpClient.newHttpClient();

	private ApiClient province;

	/** A site in 九台区 (granted below) and one in 磐石市 (吉林市, never granted). */
	private Site granted;

	private Site outside;

	private String grantedCode;

	private String outsideCode;

	private String idNumber;

	private String bankCard;

	@BeforeEach
	void sites() {
		province = as(province());
		granted = site(province, "220113", today().minusDays(30));
		outside = site(province, "220284", today().minusDays(30));
		grantedCode = province.get("/api/projects/" + granted.projectId()).json().get("code").asString();
		outsideCode = province.get("/api/projects/" + outside.projectId()).json().get("code").asString();
		idNumber = IDS.idNumber(1970, 2000);
		bankCard = IDS.bankCard();
		ApiClient.Response engaged = province.post("/api/projects/" + granted.projectId() + "/workers",
				worker(granted.teamId(), idNumber, IDS.name(), bankCard));
		assertThat(engaged.status()).as(engaged.body()).isEqualTo(201);
		province.post("/api/projects/" + outside.projectId() + "/workers",
				worker(outside.teamId(), IDS.idNumber(1970, 2000), IDS.name(), IDS.bankCard()));
	}

	/** The consumer's credentials with the agreement's id. */
	record Consumer(long agreementId, String clientId, String secret) {
	}

	@Test
	void anUnapprovedSuspendedOrExpiredAgreementReadsNothing() {
		long id = apply(List.of("PROJECT_CODE", "PROJECT_NAME"), false, "220113", today().plusDays(2), 60);
		// Applied: no credentials exist, so nothing can be signed for it; a guessed client is refused.
		assertThat(jdbc.sql("select client_id from sharing_agreement where id = ?").param(id).query(String.class).optional())
			.isEmpty();
		Response guessed = read(new Consumer(id, "sr-guessed", "x".repeat(32)), "/api/sharing/projects");
		assertThat(guessed.status()).isEqualTo(401);
		assertThat(guessed.rule()).isEqualTo("sharing.client-unknown");

		// Rejected: still no credentials, and it cannot be approved afterwards.
		long rejected = apply(List.of("PROJECT_CODE"), false, "220113", today().plusDays(2), 60);
		assertThat(province.form("/sharing/" + rejected + "/reject", Map.of("note", "用途不明确")).status()).isEqualTo(302);
		assertThat(province.form("/sharing/" + rejected + "/approve", Map.of()).status()).isEqualTo(409);

		Consumer consumer = approve(id);
		assertThat(read(consumer, "/api/sharing/projects?size=500").status()).isEqualTo(200);

		assertThat(province.form("/sharing/" + id + "/suspend", Map.of("note", "核查中")).status()).isEqualTo(302);
		Response suspended = read(consumer, "/api/sharing/projects?size=500");
		assertThat(suspended.status()).isEqualTo(403);
		assertThat(suspended.rule()).isEqualTo("sharing.agreement-suspended");
		assertThat(suspended.contentType()).startsWith("application/problem+json");
		assertThat(suspended.json().has("items")).isFalse();

		assertThat(province.form("/sharing/" + id + "/resume", Map.of()).status()).isEqualTo(302);
		assertThat(read(consumer, "/api/sharing/projects?size=500").status()).isEqualTo(200);

		clock.advance(Duration.ofDays(3));
		Response expired = read(consumer, "/api/sharing/projects?size=500");
		assertThat(expired.status()).isEqualTo(403);
		assertThat(expired.rule()).isEqualTo("sharing.agreement-expired");
		assertThat(expired.json().get("detail").asString()).contains("有效期");
		assertThat(read(consumer, "/api/sharing/projects?size=500", "en").json().get("detail").asString())
			.contains("expired");
		assertThat(province.get("/sharing/" + id).body()).contains("已过期");

		assertThat(refusedRules(id)).containsExactly("sharing.agreement-suspended", "sharing.agreement-expired",
				"sharing.agreement-expired");
	}

	/**
	 * 重置密钥: the province gives a department a new secret for a stated reason; the client id stays, the old secret
	 * stops signing at once, the new one is shown once, and the act is audited. Without a reason, by a city officer,
	 * or for an agreement that has no secret, nothing changes.
	 */
	@Test
	void theProvinceReissuesASecretAndTheOldOneStopsSigningAtOnce() {
		long id = apply(List.of("PROJECT_CODE"), false, "220113", today().plusDays(30), 60);
		ApiClient.Response applied = province.form("/sharing/" + id + "/secret", Map.of("reason", "密钥泄露", "secretInForce", "0"));
		assertThat(applied.status()).isEqualTo(200);
		assertThat(applied.body()).contains("只能为已批准或已暂停的协议重置密钥").doesNotContain("client-secret\">");
		Consumer first = approve(id);
		assertThat(read(first, "/api/sharing/projects").status()).isEqualTo(200);
		String issued = issuedAt(id);

		ApiClient.Response noReason = province.form("/sharing/" + id + "/secret", Map.of("reason", " ", "secretInForce", inForce(id)));
		assertThat(noReason.status()).isEqualTo(200);
		assertThat(noReason.body()).contains("invalid-feedback", "原因").doesNotContain("client-secret\">");
		ApiClient.Response noNote = province.form("/sharing/" + id + "/suspend", Map.of());
		assertThat(noNote.status()).isEqualTo(200);
		assertThat(noNote.body()).as("the refused decision names its field").contains("invalid-feedback", "审批意见");
		ApiClient city = as(account(Role.CITY_OFFICER, "220100", null, null, false));
		assertThat(city.form("/sharing/" + id + "/secret", Map.of("reason", "密钥泄露", "secretInForce", inForce(id))).status())
			.isEqualTo(403);
		assertThat(read(first, "/api/sharing/projects").status()).as("nothing changed").isEqualTo(200);
		assertThat(auditedReissues(id)).isZero();
		assertThat(issuedAt(id)).isEqualTo(issued);

		clock.advance(Duration.ofMinutes(5));
		Map<String, String> form = Map.of("reason", "使用部门报告密钥泄露", "secretInForce", inForce(id));
		ApiClient.Response reissued = province.form("/sharing/" + id + "/secret", form);
		assertThat(reissued.status()).as(reissued.body()).isEqualTo(200);
		assertThat(reissued.body()).contains("已重置密钥");
		Matcher client = CLIENT_ID.matcher(reissued.body());
		Matcher secret = SECRET.matcher(reissued.body());
		assertThat(client.find() && secret.find()).isTrue();
		assertThat(client.group(1)).isEqualTo(first.clientId());
		assertThat(secret.group(1)).hasSize(32).isNotEqualTo(first.secret());
		Consumer second = new Consumer(id, first.clientId(), secret.group(1));

		Response old = read(first, "/api/sharing/projects");
		assertThat(old.status()).isEqualTo(401);
		assertThat(old.rule()).isEqualTo("sharing.signature-invalid");
		assertThat(read(second, "/api/sharing/projects").status()).isEqualTo(200);
		ApiClient.Response resent = province.form("/sharing/" + id + "/secret", form);
		assertThat(resent.body()).as("the same form sent again (a reload) changes nothing")
			.contains("本次未重置").doesNotContain("client-secret\">");
		assertThat(read(second, "/api/sharing/projects").status()).isEqualTo(200);
		String page = province.get("/sharing/" + id).body();
		assertThat(page).as("shown once").doesNotContain(second.secret()).contains("使用部门报告密钥泄露", "密钥签发时间", "同意");
		assertThat(issuedAt(id)).isNotEqualTo(issued);
		assertThat(auditedReissues(id)).isEqualTo(1);
		assertThat(jdbc.sql("select after_state::text from audit_entry where action = 'SECRET_REISSUED' and subject_id = ?")
			.param(String.valueOf(id))
			.query(String.class)
			.single()).contains("secretIssuedAt").doesNotContain(second.secret());

		assertThat(province.form("/sharing/" + id + "/suspend", Map.of("note", "核查中")).status()).isEqualTo(302);
		ApiClient.Response whileSuspended = province.form("/sharing/" + id + "/secret",
				Map.of("reason", "更换经办人", "secretInForce", inForce(id)));
		assertThat(SECRET.matcher(whileSuspended.body()).find()).as("a suspended agreement's secret may be reissued")
			.isTrue();
		assertThat(read(second, "/api/sharing/projects").status()).isEqualTo(401);
	}

	/** The issue time of the secret in force, as the agreement's page carries it in its reissue form. */
	private String inForce(long id) {
		Matcher m = Pattern.compile("name=\"secretInForce\" value=\"(\\d+)\"").matcher(province.get("/sharing/" + id).body());
		assertThat(m.find()).as("the page offers the reissue").isTrue();
		return m.group(1);
	}

	private String issuedAt(long id) {
		return jdbc.sql("select secret_issued_at::text from sharing_agreement where id = ?").param(id)
			.query(String.class)
			.single();
	}

	private long auditedReissues(long id) {
		return jdbc.sql("select count(*) from audit_entry where action = 'SECRET_REISSUED' and subject_id = ?")
			.param(String.valueOf(id))
			.query(Long.class)
			.single();
	}

	@Test
	void onlyTheGrantedFieldsOfTheGrantedRegionsAreReturnedMasked() {
		Consumer consumer = approve(apply(List.of("PROJECT_CODE", "PROJECT_NAME", "WORKER_NAME", "WORKER_ID_NUMBER",
				"WORKER_PROJECT_CODE"), false, "220113", today().plusDays(30), 60));

		Response projects = read(consumer, "/api/sharing/projects?size=500");
		assertThat(projects.status()).as(projects.body()).isEqualTo(200);
		List<JsonNode> items = projects.json().get("items").valueStream().toList();
		assertThat(items).isNotEmpty();
		items.forEach(p -> assertThat(p.propertyNames()).containsExactly("code", "name"));
		assertThat(items.stream().map(p -> p.get("code").asString())).contains(grantedCode).doesNotContain(outsideCode);
		assertThat(projects.body()).doesNotContain("contractorName", "address", "startDate");

		Response workers = read(consumer, "/api/sharing/workers?size=500");
		assertThat(workers.status()).isEqualTo(200);
		List<JsonNode> mine = workers.json().get("items").valueStream()
			.filter(w -> grantedCode.equals(w.get("projectCode").asString()))
			.toList();
		assertThat(mine).hasSize(1);
		assertThat(mine.get(0).propertyNames()).containsExactly("name", "idNumber", "projectCode");
		assertThat(mine.get(0).get("idNumber").asString()).isEqualTo(Masking.idNumber(idNumber));
		assertThat(workers.body()).doesNotContain(idNumber, bankCard, "bankCard", "team");
		assertThat(workers.json().get("items").valueStream().map(w -> w.get("projectCode").asString()))
			.doesNotContain(outsideCode);
		assertThat(sharedAudits(consumer)).isZero();

		Response otherRegion = read(consumer, "/api/sharing/projects?region=220284");
		assertThat(otherRegion.status()).isEqualTo(403);
		assertThat(otherRegion.rule()).isEqualTo("sharing.region-not-granted");
		Response parentRegion = read(consumer, "/api/sharing/projects?region=220100");
		assertThat(parentRegion.rule()).isEqualTo("sharing.region-not-granted");
		Response notGranted = read(consumer, "/api/sharing/attendance");
		assertThat(notGranted.status()).isEqualTo(403);
		assertThat(notGranted.rule()).isEqualTo("sharing.dataset-not-granted");
		Response unknown = read(consumer, "/api/sharing/salaries");
		assertThat(unknown.status()).isEqualTo(400);
		assertThat(unknown.contentType()).startsWith("application/problem+json");
	}

	@Test
	void personalDataGrantedInClearIsAuditedPerRecord() {
		Consumer consumer = approve(apply(List.of("WORKER_NAME", "WORKER_ID_NUMBER", "WORKER_BANK_CARD",
				"WORKER_PROJECT_CODE"), true, "220113", today().plusDays(30), 60));
		Response workers = read(consumer, "/api/sharing/workers?size=500");
		assertThat(workers.status()).isEqualTo(200);
		List<JsonNode> items = workers.json().get("items").valueStream().toList();
		JsonNode mine = items.stream().filter(w -> grantedCode.equals(w.get("projectCode").asString())).findFirst().orElseThrow();
		assertThat(mine.get("idNumber").asString()).isEqualTo(idNumber);
		assertThat(mine.get("bankCard").asString()).isEqualTo(bankCard);
		assertThat(sharedAudits(consumer)).isEqualTo(items.size());
		assertThat(jdbc.sql("""
				select count(*) from audit_entry where action = 'PERSONAL_DATA_SHARED' and actor = ?
				  and after_state::text not like ?""")
			.params("sharing:" + consumer.clientId(), "%" + idNumber + "%")
			.query(Long.class)
			.single()).as("the trail names the fields, never the values").isEqualTo(items.size());
	}

	@Test
	void everyReadIsLoggedAndCountedInTheMonthlyUsage() {
		Consumer consumer = approve(apply(List.of("PROJECT_CODE", "ATTENDANCE_PROJECT_CODE", "ATTENDANCE_DAY",
				"ATTENDANCE_PRESENT_WORKERS", "ATTENDANCE_VALID_WORKERS"), false, "220113", today().plusDays(30), 60));
		long person = jdbc.sql("select person_id from worker_engagement where project_id = ?")
			.param(granted.projectId())
			.query(Long.class)
			.single();
		facts.present(granted.projectId(), person, today().minusDays(3), today().minusDays(1));

		Response attendance = read(consumer, "/api/sharing/attendance?from=" + today().minusDays(6) + "&to=" + today()
				+ "&size=500");
		assertThat(attendance.status()).as(attendance.body()).isEqualTo(200);
		List<JsonNode> days = attendance.json().get("items").valueStream()
			.filter(a -> grantedCode.equals(a.get("projectCode").asString()))
			.toList();
		assertThat(days).hasSize(3).allSatisfy(d -> assertThat(d.get("presentWorkers").asLong()).isEqualTo(1));
		int attendanceRecords = attendance.json().get("items").size();
		Response projects = read(consumer, "/api/sharing/projects?size=500");
		int projectRecords = projects.json().get("items").size();
		read(consumer, "/api/sharing/projects?size=1");
		Response tooLong = read(consumer, "/api/sharing/attendance?from=" + today().minusDays(40) + "&to=" + today());
		assertThat(tooLong.status()).isEqualTo(400);

		List<Map<String, Object>> log = jdbc.sql(
				"select data_set, records, status, refused_rule from sharing_access where agreement_id = ? order by id")
			.param(consumer.agreementId())
			.query()
			.listOfRows();
		assertThat(log).hasSize(4);
		assertThat(log.get(0)).containsEntry("data_set", "ATTENDANCE").containsEntry("records", attendanceRecords);
		assertThat(log.get(1)).containsEntry("data_set", "PROJECTS").containsEntry("records", projectRecords);
		assertThat(log.get(2)).containsEntry("records", 1);
		assertThat(log.get(3)).containsEntry("status", 400).containsEntry("records", 0);

		String page = province.get("/sharing/" + consumer.agreementId()).body();
		String month = today().toString().substring(0, 7);
		assertThat(usageRow(page, month, "考勤")).containsExactly(2L, 1L, (long) attendanceRecords);
		assertThat(usageRow(page, month, "项目")).containsExactly(2L, 0L, (long) projectRecords + 1);
		assertThat(page).contains("access-row");
		ApiClient.Response excel = province.get("/sharing/" + consumer.agreementId() + "/usage");
		assertThat(excel.status()).isEqualTo(200);
		assertThat(excel.contentType()).startsWith("application/vnd.openxmlformats");
	}

	@Test
	void badSignaturesStaleTimestampsAndReplayedNoncesAreRefusedAndLogged() {
		Consumer consumer = approve(apply(List.of("PROJECT_CODE"), false, "220113", today().plusDays(30), 60));
		Response wrongSecret = read(new Consumer(consumer.agreementId(), consumer.clientId(), "y".repeat(32)),
				"/api/sharing/projects");
		assertThat(wrongSecret.status()).isEqualTo(401);
		assertThat(wrongSecret.rule()).isEqualTo("sharing.signature-invalid");

		long now = clock.instant().getEpochSecond();
		Response stale = send(consumer, "/api/sharing/projects", now - 301, DeviceClient.nonce(), "zh-CN");
		assertThat(stale.rule()).isEqualTo("sharing.timestamp-stale");

		String nonce = DeviceClient.nonce();
		assertThat(send(consumer, "/api/sharing/projects", now, nonce, "zh-CN").status()).isEqualTo(200);
		Response replayed = send(consumer, "/api/sharing/projects", now, nonce, "zh-CN");
		assertThat(replayed.status()).isEqualTo(401);
		assertThat(replayed.rule()).isEqualTo("sharing.nonce-replayed");

		Response tampered = send(consumer, "/api/sharing/projects?region=220113", now, DeviceClient.nonce(), "zh-CN",
				"/api/sharing/projects");
		assertThat(tampered.rule()).isEqualTo("sharing.signature-invalid");

		HttpRequest unsigned = HttpRequest.newBuilder(URI.create(baseUrl() + "/api/sharing/projects")).GET().build();
		assertThat(Exchanges.send(http, unsigned, HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(401);

		assertThat(refusedRules(consumer.agreementId())).containsExactly("sharing.signature-invalid",
				"sharing.timestamp-stale", "sharing.nonce-replayed", "sharing.signature-invalid");
		assertThat(jdbc.sql("select count(*) from sharing_access where agreement_id = ? and refused_rule is null")
			.param(consumer.agreementId())
			.query(Long.class)
			.single()).isEqualTo(1);
	}

	@Test
	void theRateLimitIsPerAgreementAndMinute() {
		Consumer consumer = approve(apply(List.of("PROJECT_CODE"), false, "220113", today().plusDays(30), 2));
		Consumer other = approve(apply(List.of("PROJECT_CODE"), false, "220113", today().plusDays(30), 2));
		// Start at the beginning of a minute so that the three requests fall in the same one.
		clock.advance(Duration.ofSeconds(60 - clock.instant().getEpochSecond() % 60));
		assertThat(read(consumer, "/api/sharing/projects?size=1").status()).isEqualTo(200);
		assertThat(read(consumer, "/api/sharing/projects?size=1").status()).isEqualTo(200);
		Response third = read(consumer, "/api/sharing/projects?size=1");
		assertThat(third.status()).isEqualTo(429);
		assertThat(third.rule()).isEqualTo("sharing.rate-limited");
		assertThat(read(other, "/api/sharing/projects?size=1").status()).isEqualTo(200);
		clock.advance(Duration.ofMinutes(1));
		assertThat(read(consumer, "/api/sharing/projects?size=1").status()).isEqualTo(200);
	}

	@Test
	void onlyTheProvinceEntersAndDecidesApplicationsAndTheFormNamesEveryMistake() {
		ApiClient city = as(account(Role.CITY_OFFICER, "220100", null, null, false));
		assertThat(city.get("/sharing").status()).isEqualTo(200);
		assertThat(city.form("/sharing", form(List.of("PROJECT_CODE"), false, "220113", today().plusDays(2), 60)).status())
			.isEqualTo(403);
		long id = apply(List.of("PROJECT_CODE"), false, "220113", today().plusDays(2), 60);
		assertThat(city.get("/sharing/" + id).status()).isEqualTo(200);
		assertThat(city.form("/sharing/" + id + "/approve", Map.of()).status()).isEqualTo(403);
		ApiClient clerk = as(account(Role.LABOUR_CLERK, "220113", null, granted.projectId(), false));
		assertThat(clerk.get("/sharing/" + id).status()).isEqualTo(403);

		Map<String, String> bad = new LinkedHashMap<>(form(List.of(), false, "999999", today().minusDays(1), 0));
		bad.put("contactPhone", "12345");
		bad.put("consumer", "");
		ApiClient.Response refused = province.form("/sharing", bad);
		assertThat(refused.status()).isEqualTo(200);
		String html = refused.body();
		for (String field : List.of("consumer", "regions", "validTo", "contactPhone", "ratePerMinute")) {
			assertThat(html).as(field).containsPattern("is-invalid\"[^>]*name=\"" + field + "\"");
		}
		assertThat(html.split("invalid-feedback d-block", -1)).as("one error per field, fields included").hasSize(7);
		assertThat(html).contains("电话号码格式不正确", "is not a valid phone number");
		assertThat(province.get("/sharing?state=APPLIED&q=" + URLEncoder.encode("人力资源", StandardCharsets.UTF_8)).body())
			.contains("agreement-row");
		assertThat(province.get("/sharing?state=NOPE").status()).isEqualTo(400);
	}

	// ---- helpers -----------------------------------------------------------------------------------------

	private Map<String, String> form(List<String> fields, boolean clear, String regions, java.time.LocalDate validTo,
			int rate) {
		Map<String, String> f = new LinkedHashMap<>();
		f.put("consumer", "吉林省人力资源和社会保障厅");
		f.put("purpose", "农民工工资支付监管");
		f.put("legalBasis", "《保障农民工工资支付条例》第四十五条");
		if (clear) {
			f.put("personalInClear", "true");
		}
		f.put("regions", regions);
		f.put("validFrom", today().toString());
		f.put("validTo", validTo.toString());
		f.put("contactName", "张联络");
		f.put("contactPhone", "13912345678");
		f.put("contactEmail", "contact@hrss.jl.gov.cn");
		f.put("ratePerMinute", String.valueOf(rate));
		f.put("fields", String.join(",", fields));
		return f;
	}

	private long apply(List<String> fields, boolean clear, String regions, java.time.LocalDate validTo, int rate) {
		ApiClient.Response r = province.form("/sharing", form(fields, clear, regions, validTo, rate));
		assertThat(r.status()).as(r.body()).isEqualTo(302);
		return jdbc.sql("select max(id) from sharing_agreement where applied_by is not null").query(Long.class).single();
	}

	private Consumer approve(long id) {
		ApiClient.Response r = province.form("/sharing/" + id + "/approve", Map.of("note", "同意"));
		assertThat(r.status()).as(r.body()).isEqualTo(200);
		Matcher client = CLIENT_ID.matcher(r.body());
		Matcher secret = SECRET.matcher(r.body());
		assertThat(client.find()).isTrue();
		assertThat(secret.find()).isTrue();
		assertThat(secret.group(1)).hasSize(32);
		assertThat(province.get("/sharing/" + id).body()).as("the secret is shown once").doesNotContain(secret.group(1));
		return new Consumer(id, client.group(1), secret.group(1));
	}

	record Response(int status, String body, String contentType) {

		JsonNode json() {
			return JSON.readTree(body);
		}

		String rule() {
			return json().path("rule").asString(null);
		}
	}

	private Response read(Consumer consumer, String pathAndQuery) {
		return read(consumer, pathAndQuery, "zh-CN");
	}

	private Response read(Consumer consumer, String pathAndQuery, String language) {
		return send(consumer, pathAndQuery, clock.instant().getEpochSecond(), DeviceClient.nonce(), language);
	}

	private Response send(Consumer consumer, String pathAndQuery, long timestamp, String nonce, String language) {
		return send(consumer, pathAndQuery, timestamp, nonce, language, pathAndQuery);
	}

	/** Signs {@code signed} but asks for {@code pathAndQuery} (equal unless the test tampers with the request). */
	private Response send(Consumer consumer, String pathAndQuery, long timestamp, String nonce, String language,
			String signed) {
		String ts = Long.toString(timestamp);
		HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl() + pathAndQuery))
			.header("X-Client-Id", consumer.clientId())
			.header("X-Timestamp", ts)
			.header("X-Nonce", nonce)
			.header("X-Signature", DeviceSignature.sign(consumer.secret(), "GET", signed, ts, nonce, new byte[0]))
			.header("Accept-Language", language)
			.GET()
			.build();
		HttpResponse<String> r = Exchanges.send(http, request, HttpResponse.BodyHandlers.ofString());
		return new Response(r.statusCode(), r.body(), r.headers().firstValue("Content-Type").orElse(""));
	}

	private List<String> refusedRules(long agreementId) {
		return jdbc.sql("select refused_rule from sharing_access where agreement_id = ? and refused_rule is not null order by id")
			.param(agreementId)
			.query(String.class)
			.list();
	}

	private long sharedAudits(Consumer consumer) {
		return jdbc.sql("select count(*) from audit_entry where action = 'PERSONAL_DATA_SHARED' and actor = ?")
			.param("sharing:" + consumer.clientId())
			.query(Long.class)
			.single();
	}

	/** Requests, refused, records of the usage table's row for the month and data set. */
	private static List<Long> usageRow(String html, String month, String dataSet) {
		Matcher m = Pattern.compile("(?s)class=\"usage-row\"><td>" + month + "</td>\\s*<td>" + dataSet
				+ "</td>\\s*<td>(\\d+)</td><td>(\\d+)</td><td>(\\d+)</td>").matcher(html);
		List<Long> values = new ArrayList<>();
		if (m.find()) {
			for (int i = 1; i <= 3; i++) {
				values.add(Long.parseLong(m.group(i)));
			}
		}
		return values;
	}
}
