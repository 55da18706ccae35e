package io.siteroll.platform;

import static io.siteroll.support.DeviceClient.pass;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import io.siteroll.support.ApiClient;
import io.siteroll.support.DeviceClient;
import io.siteroll.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Each input that used to reach a stack trace (issue 9, section 5) is refused with problem+json naming
 * the field and the rule, in Chinese by default and in English on request, and changes nothing.
 */
class InputHardeningTest extends IntegrationTest {

	private static String field(ApiClient.Response r) {
		return r.json().get("errors").get(0).get("field").asString();
	}

	private static String message(ApiClient.Response r) {
		return r.json().get("errors").get(0).get("message").asString();
	}

	private static void refused(ApiClient.Response r, String field, String rule) {
		assertThat(r.status()).as(r.body()).isEqualTo(400);
		assertThat(r.contentType()).startsWith("application/problem+json");
		assertThat(field(r)).as(r.body()).isEqualTo(field);
		assertThat(rules(r)).as(r.body()).containsExactly(rule);
	}

	@Test
	void datesBeforeTheRuleSetsRangeAreRefusedNamingTheFieldInBothLanguages() {
		ApiClient api = as(province());
		Site site = site(api, "220102", today().minusMonths(2));
		long ruleSet = api.get("/api/rule-sets").json().get(0).get("id").asLong();
		long adoptions = jdbc.sql("select count(*) from rule_set_adoption").query(Long.class).single();

		ApiClient.Response refresh = api.post("/api/warnings/refresh", Map.of("asOf", "1900-01-01"));
		refused(refresh, "asOf", "date.range");
		assertThat(message(refresh)).contains("2000-01-01", "9999-12-31", "须在");
		ApiClient.Response english = as(province()).english().post("/api/warnings/refresh", Map.of("asOf", "1900-01-01"));
		assertThat(message(english)).contains("must be between 2000-01-01 and 9999-12-31");

		refused(api.post("/api/rule-sets/" + ruleSet + "/adoption", Map.of("effectiveFrom", "1900-01-01")), "effectiveFrom",
				"date.range");
		refused(api.post("/api/projects/" + site.projectId() + "/inspection-shortfall",
				Map.of("day", "1900-01-01", "headcount", 3)), "day", "date.range");
		refused(api.post("/api/projects/" + site.projectId() + "/inspections",
				Map.of("day", "1900-01-01", "inspectors", "张三", "headcount", 3)), "day", "date.range");
		assertThat(jdbc.sql("select count(*) from rule_set_adoption").query(Long.class).single()).isEqualTo(adoptions);
		assertThat(jdbc.sql("select count(*) from inspection where project_id = ?").param(site.projectId())
			.query(Long.class).single()).isZero();
	}

	@Test
	void numbersAreNotDatesAndDatesEndIn9999() {
		ApiClient api = as(province());
		Site site = site(api, "220102", today().minusMonths(2));
		String completion = "/api/projects/" + site.projectId() + "/completion";
		ApiClient.Response number = api.post(completion, "{\"completionDate\":20261205}");
		refused(number, "completionDate", "date.format");
		assertThat(as(province()).english().post(completion, "{\"completionDate\":20261205}").json().get("errors").get(0)
			.get("message").asString()).contains("2026-03-01");
		refused(api.post(completion, Map.of("completionDate", "+10000-01-01")), "completionDate", "date.range");
		refused(api.post(completion, Map.of("completionDate", "99999-01-01")), "completionDate", "date.format");
		refused(api.post(completion, Map.of("completionDate", "2026-02-30")), "completionDate", "date.format");
		assertThat(api.get("/api/projects/" + site.projectId()).json().get("completionDate").isNull()).isTrue();
		refused(api.get("/api/projects/" + site.projectId() + "/construction-days?month=1900-01"), "month", "date.range");
		refused(api.get("/api/credit-records?validOn=20261205"), "validOn", "date.format");
	}

	@Test
	void fractionalIdsHugeNumbersAndBrokenJsonNameTheField() {
		ApiClient api = as(province());
		Site site = site(api, "220102", today().minusMonths(2));
		String units = "/api/projects/" + site.projectId() + "/units";
		long before = jdbc.sql("select count(*) from participating_unit").query(Long.class).single();
		refused(api.post(units, "{\"enterpriseId\":" + site.contractorId() + ".5,\"unitType\":\"007\",\"entryDate\":\""
				+ today() + "\"}"), "enterpriseId", "integer");
		refused(api.post(units, "{\"enterpriseId\":99999999999999999999,\"unitType\":\"007\"}"), "enterpriseId", "integer");
		refused(api.post(units, "{\"enterpriseId\":"), "body", "json");
		refused(api.post(units, ""), "body", "body.required");
		refused(api.post("/api/evaluations", "{\"month\":5}"), "month", "month.format");
		refused(api.post("/api/projects/" + site.projectId() + "/inspections",
				"{\"day\":\"" + today() + "\",\"functionTests\":[{\"deviceId\":\"x\"}]}"), "functionTests[0].deviceId",
				"integer");
		assertThat(jdbc.sql("select count(*) from participating_unit").query(Long.class).single()).isEqualTo(before);
		refused(api.get("/api/projects/1.5"), "id", "integer");
	}

	@Test
	void noNulReachesTheDatabaseAndFiltersAreChecked() {
		ApiClient api = as(province());
		Site site = site(api, "220102", today().minusMonths(2));
		long person = engagedWorker(api, site);
		RegisteredDevice device = device(api, site.projectId(), "SITEROLL", "IN");
		refused(api.post("/api/gate-blacklist", Map.of("personId", person, "reason", "冒用\u0000身份")), "reason",
				"text.control-character");
		refused(api.post("/api/devices/" + device.id() + "/disable", Map.of("reason", "a\u0000b")), "reason",
				"text.control-character");
		refused(api.get("/api/projects?q=a%00b"), "q", "text.control-character");
		refused(api.get("/api/projects?q=" + "x".repeat(10_000)), "q", "max-length");
		assertThat(api.get("/projects?q=a%00b").status()).isEqualTo(400);
		refused(api.get("/api/devices/" + device.id() + "/commands?limit=-1"), "limit", "page.range");
		refused(api.get("/api/projects?size=0"), "size", "page.range");
		refused(api.get("/api/projects?page=-1"), "page", "page.range");
		refused(api.get("/api/findings?rule=R9"), "rule", "one-of");
		refused(api.get("/api/warnings?kind=NOPE"), "kind", "one-of");
		refused(api.get("/api/orders?status=NOPE"), "status", "one-of");
		refused(api.get("/api/projects/" + site.projectId() + "/passes?outcome=MAYBE"), "outcome", "one-of");
		refused(api.get("/api/projects?region=999999"), "region", "region.unknown");
		refused(api.get("/api/warnings?region=999999"), "region", "region.unknown");
		refused(api.get("/api/regions?parent=999999"), "parent", "region.unknown");
		assertThat(api.get("/api/findings?rule=r2").status()).isEqualTo(200);
		assertThat(api.get("/api/projects?region=220102").status()).isEqualTo(200);
		assertThat(jdbc.sql("select count(*) from gate_blacklist where person_id = ?").param(person).query(Long.class)
			.single()).isZero();
		assertThat(api.get("/api/devices/" + device.id()).json().get("enabled").asBoolean()).isTrue();

		DeviceClient gate = gate(device);
		ApiClient.Response heartbeat = gate.post("/api/device/v1/heartbeat", Map.of("status", "ok\u0000"));
		refused(heartbeat, "status", "text.control-character");
	}

	@Test
	void frameworkRefusalsAndUnknownPathsAreProblemJson() throws Exception {
		ApiClient api = as(province());
		HttpClient http = HttpClient.newHttpClient();
		HttpResponse<String> tomcat = http.send(HttpRequest.newBuilder(URI.create(baseUrl() + "/api/enterprises/by-credit-code/a%00b"))
			.header("Accept-Language", "en").build(), HttpResponse.BodyHandlers.ofString());
		assertThat(tomcat.statusCode()).isEqualTo(400);
		assertThat(tomcat.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
		assertThat(tomcat.body()).contains("\"field\":\"request\"").doesNotContain("<html");

		HttpResponse<String> anonymous = http.send(HttpRequest.newBuilder(URI.create(baseUrl() + "/api/projects")).build(),
				HttpResponse.BodyHandlers.ofString());
		assertThat(anonymous.statusCode()).isEqualTo(401);
		assertThat(anonymous.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");

		ApiClient.Response unknown = api.get("/api/no-such-thing");
		assertThat(unknown.status()).isEqualTo(404);
		assertThat(unknown.contentType()).startsWith("application/problem+json");
		ApiClient.Response text = api.post("/api/evaluations", "x");
		ApiClient.Response plain = as(province()).upload("/api/evaluations", "file", "x.txt", new byte[] { 1 });
		assertThat(plain.status()).isEqualTo(415);
		assertThat(plain.contentType()).startsWith("application/problem+json");
		assertThat(rules(plain)).containsExactly("media-type");
		assertThat(text.status()).isEqualTo(400);
		ApiClient.Response photo = api.get("/api/pass-photos/x");
		assertThat(photo.status()).isEqualTo(400);
		assertThat(photo.contentType()).startsWith("application/problem+json");
	}

	@Test
	void aMalformedMultipartUploadIsRefusedNamingTheFile() throws Exception {
		ApiClient api = as(province());
		Site site = site(api, "220102", today().minusMonths(2));
		long person = engagedWorker(api, site);
		String officer = province();
		HttpResponse<String> truncated = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create(baseUrl() + "/api/persons/" + person + "/face"))
				.header("Authorization", "Basic " + Base64.getEncoder()
					.encodeToString((officer + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8)))
				.header("Content-Type", "multipart/form-data; boundary=zzz")
				.PUT(HttpRequest.BodyPublishers.ofString("--zzz\r\nContent-Disposition: form-da"))
				.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(truncated.statusCode()).as(truncated.body()).isEqualTo(400);
		assertThat(truncated.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
		assertThat(truncated.body()).contains("\"field\":\"file\"", "\"rule\":\"multipart\"");
		assertThat(jdbc.sql("select count(*) from person_face where person_id = ?").param(person).query(Long.class).single())
			.isZero();
	}

	@Test
	void oneBadPassIsRefusedOnItsOwnAndAFailedLivenessIsAnsweredAsNotCounting() {
		ApiClient api = as(province());
		Site site = site(api, "220102", today().minusMonths(2));
		long worker = engagedWorker(api, site);
		RegisteredDevice device = device(api, site.projectId(), "SITEROLL", "IN");
		DeviceClient gate = gate(device);
		OffsetDateTime at = OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.ofHours(8)).minusHours(2);
		Map<String, Object> nul = pass("nul", worker, at);
		nul.put("vendorVerify", "face\u0000");
		Map<String, Object> score = pass("score", worker, at.plusMinutes(1));
		score.put("livenessScore", 1e9);
		Map<String, Object> vendor = pass("vendor", worker, at.plusMinutes(2));
		vendor.put("vendorVerify", "v".repeat(500));
		Map<String, Object> notNumber = pass("not-a-number", worker, at.plusMinutes(3));
		notNumber.put("livenessScore", "high");
		Map<String, Object> failed = pass("failed", worker, at.plusMinutes(4));
		failed.put("liveness", "FAIL");
		Map<String, Object> good = pass("good", worker, at.plusMinutes(5));

		ApiClient.Response upload = gate.post("/api/device/v1/passes",
				Map.of("passes", List.of(nul, score, vendor, notNumber, failed, good)));
		assertThat(upload.status()).as(upload.body()).isEqualTo(200);
		JsonNode results = upload.json().get("results");
		assertThat(results.get(0).get("reason").asString()).isEqualTo("pass.control-character");
		assertThat(results.get(0).get("sourceKey").asString()).isEqualTo("nul");
		assertThat(results.get(1).get("reason").asString()).isEqualTo("pass.liveness-score");
		assertThat(results.get(2).get("reason").asString()).isEqualTo("pass.vendor-field-too-long");
		assertThat(results.get(3).get("reason").asString()).isEqualTo("pass.unreadable");
		assertThat(results.get(3).get("sourceKey").asString()).isEqualTo("not-a-number");
		assertThat(results.get(4).get("status").asString()).isEqualTo("STORED");
		assertThat(results.get(4).get("counts").asBoolean()).isFalse();
		assertThat(results.get(4).get("reason").asString()).isEqualTo("pass.liveness-failed");
		assertThat(results.get(5).get("status").asString()).isEqualTo("STORED");
		assertThat(results.get(5).get("counts").asBoolean()).isTrue();
		assertThat(upload.json().get("stored").asInt()).isEqualTo(2);
		assertThat(upload.json().get("rejected").asInt()).isEqualTo(4);
		assertThat(jdbc.sql("select count(*) from pass where device_id = ?").param(device.id()).query(Long.class).single())
			.isEqualTo(2);
	}
}
