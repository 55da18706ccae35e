package io.siteroll.enforcement;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import io.siteroll.identity.Role;
import io.siteroll.support.ApiClient;
import io.siteroll.support.Decisions;
import io.siteroll.support.IntegrationTest;
import org.junit.jupiter.api.Test;

/**
 * The inspection and typical-case pages over HTTP, for what the browser journeys do not cover: a refused form shows
 * each mistake next to its field with what was typed and saves nothing (no inspection, no order from its failed
 * test, no published case); the pages enforce the API's scope with error pages, not JSON.
 */
class InspectionPagesTest extends IntegrationTest {

	private long inspections(long projectId) {
		return jdbc.sql("select count(*) from inspection where project_id = ?").param(projectId).query(Long.class).single();
	}

	private long orders(long projectId) {
		return jdbc.sql("select count(*) from rectification_order where project_id = ?").param(projectId).query(Long.class)
			.single();
	}

	private static Map<String, String> typed(LocalDate day, String headcount, long deviceId) {
		Map<String, String> form = new LinkedHashMap<>();
		form.put("day", day.toString());
		form.put("inspectors", "");
		form.put("devicesConnected", "true");
		form.put("headcount", headcount);
		form.put("notes", "东门闸机旁抽查");
		form.put("test-" + deviceId + "-MASK", "FAILED");
		return form;
	}

	@Test
	void aRefusedInspectionShowsEachMistakeByItsFieldKeepsWhatWasTypedAndSavesNothing() {
		ApiClient officer = as(province());
		Site site = site(officer, "220102", today().minusMonths(2));
		RegisteredDevice device = device(officer, site.projectId(), "SITEROLL", "IN");

		ApiClient.Response refused = officer.form("/projects/" + site.projectId() + "/inspections",
				typed(today().minusDays(1), "四个", device.id()));
		assertThat(refused.status()).isEqualTo(200);
		assertThat(refused.body()).contains("未保存", "检查人员：必填，不能为空 / Inspectors: is required",
				"现场人数：格式不正确", "设备配备：必填", "东门闸机旁抽查", "value=\"四个\"")
			.doesNotContain("现场人数：必填");
		assertThat(refused.body()).as("the failed mask test stays ticked")
			.containsPattern("value=\"FAILED\"[^>]*checked");
		assertThat(inspections(site.projectId())).isZero();
		assertThat(orders(site.projectId())).as("a refused inspection issues no order for its failed test").isZero();

		Map<String, String> future = typed(today().plusDays(1), "4", device.id());
		future.put("inspectors", "王检查");
		future.put("devicesEquipped", "true");
		ApiClient.Response inFuture = officer.form("/projects/" + site.projectId() + "/inspections", future);
		assertThat(inFuture.body()).contains("未保存", "日期：");
		assertThat(inspections(site.projectId())).isZero();

		Map<String, String> fine = typed(today().minusDays(1), "4", device.id());
		fine.put("inspectors", "王检查");
		fine.put("devicesEquipped", "true");
		ApiClient.Response saved = officer.form("/projects/" + site.projectId() + "/inspections", fine);
		assertThat(saved.status()).as("post, redirect, get").isEqualTo(302);
		assertThat(inspections(site.projectId())).isOne();
		assertThat(orders(site.projectId())).as("the failed mask test's order").isOne();
		long id = jdbc.sql("select id from inspection where project_id = ?").param(site.projectId()).query(Long.class).single();
		assertThat(officer.get("/inspections/" + id).body()).contains("监督检查记录", "面具", "未通过（作假被放行）",
				"责令限期整改通知 第").doesNotContain("MASK", "DEVICE_TEST");
		assertThat(officer.get("/projects/" + site.projectId() + "/inspections").body()).contains("测试 1 项，未通过 1 项",
				"4 / 0 / 4", "责令限期整改", "共 1 条");
		assertThat(officer.form("/inspections/" + id + "/order", Map.of()).status())
			.as("the shortfall's own order, in one click").isEqualTo(302);
		assertThat(jdbc.sql("select rule from rectification_order where inspection_id = ? order by id").param(id)
			.query(String.class).list()).containsExactly("DEVICE_TEST", "R3");
		assertThat(officer.get("/inspections/" + id).body()).doesNotContain("按缺少考勤人数下达整改通知");
		ApiClient.Response excel = officer.get("/projects/" + site.projectId() + "/inspections?format=xlsx");
		assertThat(excel.status()).isEqualTo(200);
		assertThat(excel.contentType()).contains("spreadsheetml");
		assertThat(officer.get("/typical-cases?format=xlsx").status()).isEqualTo(200);
	}

	@Test
	void theShortfallLineIsThePlatformsJudgementOfTheTypedHeadcount() {
		ApiClient officer = as(province());
		Site site = site(officer, "220102", today().minusMonths(2));
		long worker = engagedWorker(officer, site);
		LocalDate day = today().minusDays(1);
		facts.present(site.projectId(), worker, day, day);
		String line = "/projects/" + site.projectId() + "/inspections/shortfall?day=" + day + "&headcount=";

		assertThat(officer.get(line + "4").body()).contains("当日有效考勤 1 人，现场清点 4 人，缺少考勤 3 人", "责令限期整改",
				"施工企业", "缺少考勤 16 人及以上直接处罚");
		assertThat(officer.get(line + "17").body()).contains("缺少考勤 16 人", "行政处罚并记入不良行为记录", "项目经理");
		assertThat(officer.get(line + "1").body()).contains("无缺员");
		assertThat(officer.get(line + "-1").body()).contains("现场人数");
		assertThat(officer.get(line + "4").body()).doesNotContain("RECTIFICATION_ORDER", "CONSTRUCTION_ENTERPRISE");
	}

	@Test
	void thePagesKeepTheApisScopeWithErrorPages() {
		ApiClient officer = as(province());
		Site site = site(officer, "220102", today().minusMonths(2));
		String form = "/projects/" + site.projectId() + "/inspections/new";

		ApiClient otherCity = as(account(Role.CITY_OFFICER, "220200", null, null, false));
		ApiClient.Response unseen = otherCity.get(form);
		assertThat(unseen.status()).as("another region's project does not exist for them, as in the API").isEqualTo(404);
		assertThat(unseen.contentType()).startsWith("text/html");
		assertThat(unseen.body()).contains("页面不存在");
		ApiClient.Response unseenPost = otherCity.form("/projects/" + site.projectId() + "/inspections",
				Map.of("day", today().toString(), "inspectors", "x", "devicesEquipped", "true", "devicesConnected", "true",
						"headcount", "1"));
		assertThat(unseenPost.status()).isEqualTo(404);

		ApiClient enterprise = as(account(Role.ENTERPRISE_ADMIN, null, site.contractorId(), null, false));
		assertThat(enterprise.get("/projects/" + site.projectId() + "/inspections").status())
			.as("the enterprise sees the inspections of its project").isEqualTo(200);
		ApiClient.Response notTheirs = enterprise.get(form);
		assertThat(notTheirs.status()).isEqualTo(403);
		assertThat(notTheirs.contentType()).startsWith("text/html");
		assertThat(notTheirs.body()).contains("无权访问").doesNotContain("\"type\"");
		ApiClient.Response enterprisePost = enterprise.form("/projects/" + site.projectId() + "/inspections",
				Map.of("day", today().toString(), "inspectors", "x", "devicesEquipped", "true", "devicesConnected", "true",
						"headcount", "1"));
		assertThat(enterprisePost.status()).isEqualTo(403);
		assertThat(inspections(site.projectId())).isZero();

		ApiClient city = as(account(Role.CITY_OFFICER, "220100", null, null, false));
		assertThat(city.get("/typical-cases").status()).as("published cases are public").isEqualTo(200);
		ApiClient.Response publish = city.form("/typical-cases", Map.of("penaltyId", "1", "title", "t", "summary", "s"));
		assertThat(publish.status()).isEqualTo(403);
		assertThat(publish.body()).contains("只有省级主管部门可以发布典型案例");
		assertThat(city.get("/typical-cases/new?penaltyId=1").status()).isEqualTo(403);
	}

	@Test
	void aRefusedPublicationShowsItsErrorsAndPublishesNothing() {
		ApiClient officer = as(province());
		Site site = site(officer, "220102", today().minusMonths(2));
		long orderId = orderForTheMissingDevices(officer, site);
		long penaltyId = penaltyAfterDeadline(officer, orderId);

		ApiClient.Response chosen = officer.get("/typical-cases/new?orderId=" + orderId);
		assertThat(chosen.status()).as("an order's one penalty goes straight to its form").isEqualTo(302);
		assertThat(officer.get("/typical-cases/new?penaltyId=" + penaltyId).body()).contains("发布典型案例", "案例标题",
				"罚款", "（30,000.00 元）", "施工企业").doesNotContain("FINE", "CONSTRUCTION_ENTERPRISE");

		ApiClient.Response refused = officer.form("/typical-cases",
				Map.of("penaltyId", String.valueOf(penaltyId), "title", "", "summary", "未按期配备考勤设备被罚款"));
		assertThat(refused.status()).isEqualTo(200);
		assertThat(refused.body()).contains("未保存", "标题：必填，不能为空 / Title: is required", "未按期配备考勤设备被罚款");
		assertThat(jdbc.sql("select count(*) from typical_case where penalty_id = ?").param(penaltyId).query(Long.class)
			.single()).isZero();
	}

	@Test
	void theInspectionPenaltyTypicalCaseAndExitFormsSpeakTheUsersLanguage() {
		ApiClient officer = as(province());
		Site site = site(officer, "220102", today().minusMonths(2));
		long orderId = orderForTheMissingDevices(officer, site);
		String inspection = "/projects/" + site.projectId() + "/inspections/new";
		assertThat(captions(officer.english().get(inspection).body())).contains("Inspectors", "Notes", "Equipped",
			"Not connected", "4. Workers counted on site", "Save the inspection").noneMatch(InspectionPagesTest::hasHan);
		assertThat(captions(officer.get(inspection).body())).contains("检查人员", "备注", "已配备", "未联网", "4. 现场清点作业人数",
				"保存检查记录");

		clock.advance(Duration.ofDays(9));
		assertThat(officer.post("/api/orders/" + orderId + "/recheck", Map.of()).status()).isEqualTo(200);
		String penaltyForm = "/orders/" + orderId + "/penalties/new?party=CONSTRUCTION_ENTERPRISE";
		assertThat(captions(officer.english().get(penaltyForm).body())).contains("Measures", "Fine (yuan)",
				"Stop work from (for a stop-work order)", "Decision date", "Decide the penalty").noneMatch(InspectionPagesTest::hasHan);
		assertThat(captions(officer.get(penaltyForm).body())).contains("处罚措施", "罚款金额（元）", "停工起始日（责令停工时填写）", "决定日期",
				"作出处罚决定");
		long penaltyId = officer.post("/api/penalties",
				Decisions.penalty(orderId, "CONSTRUCTION_ENTERPRISE", List.of("FINE"), 30_000, today())).id();
		assertThat(captions(officer.english().get("/penalties/" + penaltyId).body())).contains("Officer in charge")
			.noneMatch(InspectionPagesTest::hasHan);
		assertThat(captions(officer.english().get("/typical-cases/new?penaltyId=" + penaltyId).body()))
			.contains("Case title", "Summary of the case", "Publish").noneMatch(InspectionPagesTest::hasHan);

		EngagedWorker worker = engage(officer, site, site.teamId(), today().minusDays(20));
		String exit = "/projects/" + site.projectId() + "/workers/" + worker.engagementId() + "/exit";
		assertThat(captions(officer.english().get(exit).body())).contains("Name", "Exit date", "Confirm the exit")
			.noneMatch(InspectionPagesTest::hasHan);
		assertThat(captions(officer.get(exit).body())).contains("姓名", "退场日期", "确认退场");
	}

	/** The texts of a page's labels, legends, buttons, term and header cells: what the page says, not the data it shows. */
	private static List<String> captions(String html) {
		return CAPTION.matcher(html).results()
			.map(m -> m.group(2).replaceAll("<[^>]+>", "").replaceAll("\\s+", " ").strip())
			.filter(text -> !text.isEmpty())
			.toList();
	}

	private static boolean hasHan(String text) {
		return text.codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN);
	}

	private static final Pattern CAPTION = Pattern.compile("<(label|legend|button|dt|th)\\b[^>]*>(.*?)</\\1>", Pattern.DOTALL);

	/** Yesterday's warnings are refreshed and the officer orders the site to equip its gates (the NO_DEVICE warning). */
	long orderForTheMissingDevices(ApiClient officer, Site site) {
		refreshWarnings(officer);
		long warningId = openWarnings(officer, site.projectId(), "NO_DEVICE").get(0).get("id").asLong();
		return officer.post("/api/orders/from-warning", Map.of("warningId", warningId)).id();
	}

	/** The order's deadline passes (the clock moves), the re-check finds it overdue, and the officer fines the contractor. */
	long penaltyAfterDeadline(ApiClient officer, long orderId) {
		clock.advance(Duration.ofDays(9));
		ApiClient.Response overdue = officer.post("/api/orders/" + orderId + "/recheck", Map.of());
		assertThat(overdue.status()).as(overdue.body()).isEqualTo(200);
		ApiClient.Response penalty = officer.post("/api/penalties",
				Decisions.penalty(orderId, "CONSTRUCTION_ENTERPRISE", List.of("FINE"), 30_000, today()));
		assertThat(penalty.status()).as(penalty.body()).isEqualTo(201);
		return penalty.id();
	}
}
