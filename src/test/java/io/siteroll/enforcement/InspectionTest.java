package io.siteroll.enforcement;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.siteroll.identity.Role;
import io.siteroll.support.ApiClient;
import io.siteroll.support.IntegrationTest;
import io.siteroll.support.Jpegs;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** On-site inspections: checklist items, device function tests, the R3 shortfall, attachments; warning reviews. */
class InspectionTest extends IntegrationTest {

	private static Map<String, Object> test(long deviceId, String attack, boolean passed) {
		return Map.of("deviceId", deviceId, "attack", attack, "passed", passed, "evidence", "手持打印照片，闸机" + (passed ? "拒绝" : "放行"));
	}

	@Test
	void aFailedFunctionTestIssuesAnOrderAndTheHeadcountGivesTheShortfall() {
		ApiClient officer = as(province());
		Site site = site(officer, "220102", today().minusMonths(2));
		long worker = engagedWorker(officer, site);
		RegisteredDevice device = device(officer, site.projectId(), "SITEROLL", "IN");
		LocalDate day = today().minusDays(1);
		jdbc.sql("""
				insert into daily_presence (project_id, day, person_id, first_pass_at, last_pass_at, pass_count, valid)
				values (?, ?, ?, now(), now(), 1, true)""").params(site.projectId(), day, worker).update();
		Map<String, Object> record = inspectionRecord(day, 4);
		record.put("functionTests", List.of(test(device.id(), "PRINTED_PHOTO", true), test(device.id(), "SCREEN_PHOTO", true),
				test(device.id(), "REPLAYED_VIDEO", false), test(device.id(), "MASK", true)));

		ApiClient otherCity = as(account(Role.CITY_OFFICER, "220200", null, null, false));
		assertThat(otherCity.post("/api/projects/" + site.projectId() + "/inspections", record).status()).isIn(403, 404);
		ApiClient.Response r = officer.post("/api/projects/" + site.projectId() + "/inspections", record);
		assertThat(r.status()).as(r.body()).isEqualTo(201);
		JsonNode inspection = r.json();
		assertThat(inspection.get("workersWithValidDay").asInt()).isEqualTo(1);
		assertThat(inspection.get("shortfall").asInt()).isEqualTo(3);
		assertThat(inspection.get("shortfallMeasure").asString()).isEqualTo("RECTIFICATION_ORDER");
		assertThat(inspection.get("functionTests").size()).isEqualTo(4);
		assertThat(inspection.get("orderIds").size()).isEqualTo(1);
		long orderId = inspection.get("orderIds").get(0).asLong();
		JsonNode order = officer.get("/api/orders/" + orderId).json().get("order");
		assertThat(order.get("rule").asString()).isEqualTo("DEVICE_TEST");
		assertThat(order.get("items").asString()).as("the attack in words, not its code").contains("回放视频")
			.doesNotContain("REPLAYED_VIDEO");
		assertThat(order.get("deadline").asString()).isEqualTo(today().plusDays(7).toString());

		jdbc.sql("update rectification_order set issued_on = ?, deadline = ? where id = ?")
			.params(today().minusDays(9), today().minusDays(2), orderId).update();
		ApiClient.Response noVerdict = officer.english().post("/api/orders/" + orderId + "/recheck", Map.of());
		assertThat(rules(noVerdict)).as("an officer must re-inspect").containsExactly("required");
		ApiClient.Response reinspected = officer.post("/api/orders/" + orderId + "/recheck",
				Map.of("rectified", true, "note", "更换为双目活体闸机，复测通过"));
		assertThat(reinspected.json().get("status").asString()).isEqualTo("RECTIFIED");

		ApiClient.Response fromShortfall = officer.post("/api/orders/from-inspection",
				Map.of("inspectionId", inspection.get("id").asLong()));
		assertThat(fromShortfall.status()).as(fromShortfall.body()).isEqualTo(201);
		assertThat(fromShortfall.json().get("rule").asString()).isEqualTo("R3");
		assertThat(fromShortfall.json().get("items").asString()).contains("缺少考勤 3 人");
		assertThat(rules(officer.english().post("/api/orders/from-inspection", Map.of("inspectionId", inspection.get("id").asLong()))))
			.containsExactly("order.already-issued");

		ApiClient.Response attached = officer.upload("/api/inspections/" + inspection.get("id").asLong() + "/attachments", "file",
				"现场.jpg", Jpegs.scene(5));
		assertThat(attached.status()).as(attached.body()).isEqualTo(201);
		byte[] stored = jdbc.sql("select cipher from inspection_attachment where id = ?").param(attached.id()).query(byte[].class)
			.single();
		assertThat(stored).isNotEqualTo(Jpegs.scene(5));
		String download = "/inspections/" + inspection.get("id").asLong() + "/attachments/" + attached.id();
		assertThat(officer.get("/inspections/" + inspection.get("id").asLong()).body()).contains(download, "现场.jpg");
		ApiClient.Response opened = officer.get(download);
		assertThat(opened.status()).isEqualTo(200);
		assertThat(opened.bytes()).as("the file in clear, as uploaded").isEqualTo(Jpegs.scene(5));
		assertThat(opened.contentType()).as("the media type it was uploaded with").isEqualTo("application/octet-stream");
		assertThat(jdbc.sql("select count(*) from audit_entry where action = 'OPENED' and subject_type = 'inspection_attachment' and subject_id = ?")
			.param(String.valueOf(attached.id())).query(Long.class).single()).as("opening it is audited").isEqualTo(1);
		ApiClient elsewhere = as(account(Role.CITY_OFFICER, "220200", null, null, false));
		assertThat(elsewhere.get(download).status()).as("another city's officer").isIn(403, 404);
		assertThat(officer.get("/inspections/" + inspection.get("id").asLong() + "/attachments/" + (attached.id() + 1000)).status())
			.isEqualTo(404);

		Map<String, Object> bad = new LinkedHashMap<>(record);
		bad.put("functionTests", List.of(Map.of("deviceId", device.id(), "attack", "HOLOGRAM", "passed", false)));
		bad.put("headcount", null);
		ApiClient.Response refused = officer.english().post("/api/projects/" + site.projectId() + "/inspections", bad);
		assertThat(refused.status()).isEqualTo(400);
		assertThat(rules(refused)).contains("code.unknown", "required");
	}

	@Test
	void anInspectionWithNobodyMissingCallsForNoMeasureAndNoOrder() {
		ApiClient officer = as(province());
		Site site = site(officer, "220102", today().minusMonths(2));
		long worker = engagedWorker(officer, site);
		LocalDate day = today().minusDays(1);
		facts.presentOnConstructionDays(site.projectId(), worker, day, 1);
		ApiClient.Response r = officer.post("/api/projects/" + site.projectId() + "/inspections", inspectionRecord(day, 1));
		assertThat(r.status()).as(r.body()).isEqualTo(201);
		JsonNode inspection = r.json();
		assertThat(inspection.get("shortfall").asInt()).isZero();
		assertThat(inspection.get("shortfallMeasure").isNull()).as("no measure, not a code for none").isTrue();
		assertThat(officer.get("/inspections/" + inspection.get("id").asLong()).body()).contains("无缺员，无需处理");

		ApiClient.Response order = officer.english().post("/api/orders/from-inspection",
				Map.of("inspectionId", inspection.get("id").asLong()));
		assertThat(order.status()).isEqualTo(409);
		assertThat(rules(order)).containsExactly("order.nobody-missing");
		assertThat(order.body()).contains("nobody was missing on the inspection day").doesNotContain("NONE");
		assertThat(jdbc.sql("select count(*) from rectification_order where project_id = ?").param(site.projectId())
			.query(Long.class).single()).isZero();
	}

	@Test
	void officersConfirmOrDismissAWarningWithAReasonOnce() {
		ApiClient officer = as(province());
		Site site = site(officer, "220102", today().minusMonths(2));
		refreshWarnings(officer);
		JsonNode warning = officer.get("/api/warnings?projectId=" + site.projectId() + "&kind=NO_DEVICE").json().get("items").get(0);
		long id = warning.get("id").asLong();
		ApiClient enterprise = as(account(Role.ENTERPRISE_ADMIN, null, site.contractorId(), null, false));
		assertThat(enterprise.post("/api/warnings/" + id + "/review", Map.of("decision", "DISMISSED", "reason", "x")).status())
			.isIn(403, 404);
		assertThat(rules(officer.english().post("/api/warnings/" + id + "/review", Map.of("decision", "CONFIRMED"))))
			.containsExactly("required");
		JsonNode confirmed = officer.post("/api/warnings/" + id + "/review", Map.of("decision", "CONFIRMED", "reason", "现场核实未安装闸机"))
			.json();
		assertThat(confirmed.get("review").asString()).isEqualTo("CONFIRMED");
		assertThat(rules(officer.english().post("/api/warnings/" + id + "/review", Map.of("decision", "DISMISSED", "reason", "x"))))
			.containsExactly("warning.already-reviewed");
		ApiClient.Response order = officer.post("/api/orders/from-warning", Map.of("warningId", id));
		assertThat(order.status()).as(order.body()).isEqualTo(201);
		assertThat(order.json().get("rule").asString()).isEqualTo("R1");
		assertThat(order.json().get("addressee").asString()).isEqualTo("CONSTRUCTION_ENTERPRISE");
		assertThat(order.json().get("addresseeEnterpriseId").asLong()).isEqualTo(site.contractorId());
		assertThat(order.json().get("legalBasis").asString()).contains("检查内容1");
	}
}
