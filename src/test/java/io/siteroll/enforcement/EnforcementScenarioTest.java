package io.siteroll.enforcement;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.siteroll.identity.Role;
import io.siteroll.personnel.Post;
import io.siteroll.support.ApiClient;
import io.siteroll.support.Decisions;
import io.siteroll.support.IntegrationTest;
import io.siteroll.support.RosterFile;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Every row of the checklist's escalation table, from finding to order to re-check to penalty and
 * credit records, and the rectified path. Facts the gates would produce are written into their
 * tables; the passing of time is simulated by moving an order's dates back.
 */
class EnforcementScenarioTest extends IntegrationTest {

	static final YearMonth SEPTEMBER = YearMonth.of(2026, 9);

	static final LocalDate START = SEPTEMBER.atDay(11);

	private ApiClient officer;

	private JsonNode finding(long projectId, String rule) {
		ApiClient.Response e = officer.post("/api/evaluations", Map.of("month", SEPTEMBER.toString()));
		assertThat(e.status()).as(e.body()).isEqualTo(200);
		List<JsonNode> found = officer.get("/api/findings?projectId=" + projectId + "&month=" + SEPTEMBER + "&rule=" + rule)
			.json().get("items").valueStream().toList();
		assertThat(found).as("a %s finding", rule).hasSize(1);
		return found.get(0);
	}

	private JsonNode order(JsonNode finding) {
		ApiClient.Response r = officer.post("/api/orders", Map.of("findingId", finding.get("id").asLong()));
		assertThat(r.status()).as(r.body()).isEqualTo(201);
		assertThat(r.json().get("status").asString()).isEqualTo("ISSUED");
		assertThat(r.json().get("deadline").asString()).isEqualTo(today().plusDays(7).toString());
		return r.json();
	}

	private void deadlinePassed(long orderId, LocalDate deadline) {
		jdbc.sql("update rectification_order set issued_on = ?, deadline = ? where id = ?")
			.params(deadline.minusDays(7), deadline, orderId).update();
	}

	/** The text of a page between two markers, without its tags. */
	private static String between(String page, String from, String to) {
		int start = page.indexOf(from);
		assertThat(start).as("%s on the page", from).isNotNegative();
		return page.substring(start + from.length(), page.indexOf(to, start)).replaceAll("<[^>]*>", "");
	}

	private JsonNode recheck(long orderId) {
		ApiClient.Response r = officer.post("/api/orders/" + orderId + "/recheck", Map.of());
		assertThat(r.status()).as(r.body()).isEqualTo(200);
		return r.json();
	}

	private ApiClient.Response penalty(Long orderId, Long findingId, String party, List<String> measures, Integer fine,
			LocalDate stopFrom) {
		Map<String, Object> body = Decisions.penalty(orderId, party, measures, fine, today());
		body.put("findingId", findingId);
		body.put("stopWorkFrom", stopFrom);
		return officer.post("/api/penalties", body);
	}

	private List<String> creditRoles(long projectId) {
		return officer.get("/api/credit-records?projectId=" + projectId).json().get("items").valueStream()
			.map(c -> c.get("role").asString()).sorted().toList();
	}

	private Site started() {
		officer = as(province());
		return site(officer, "220102", START);
	}

	@Test
	void device_R1_overdueLeadsToPenaltiesOnEnterpriseAndProjectManagerAndCreditForBoth() {
		Site site = started();
		long pm = facts.appoint(officer, site.projectId(), site.gcUnitId(), Post.PROJECT_MANAGER, START).personId();
		facts.present(site.projectId(), pm, START, SEPTEMBER.atEndOfMonth());
		JsonNode order = order(finding(site.projectId(), "R1"));
		long id = order.get("id").asLong();

		ApiClient enterprise = as(account(Role.ENTERPRISE_ADMIN, null, site.contractorId(), null, false));
		ApiClient.Response answered = enterprise.post("/api/orders/" + id + "/answer", Map.of("report", "已采购人脸识别闸机，正在安装"));
		assertThat(answered.status()).as(answered.body()).isEqualTo(200);
		assertThat(answered.json().get("status").asString()).isEqualTo("ANSWERED");
		ApiClient.Response attached = enterprise.upload("/api/orders/" + id + "/attachments", "file", "闸机采购合同.pdf",
				"%PDF-1.4 contract".getBytes(StandardCharsets.UTF_8));
		assertThat(attached.status()).as(attached.body()).isEqualTo(201);
		assertThat(officer.upload("/api/orders/" + id + "/attachments", "file", "x.pdf", new byte[] { 1 }).status()).isEqualTo(403);
		assertThat(enterprise.post("/api/orders/" + id + "/recheck", Map.of()).status()).as("the addressee cannot close it")
			.isIn(403, 404);
		assertThat(rules(officer.english().post("/api/orders/" + id + "/recheck", Map.of()))).containsExactly("recheck.before-deadline");

		assertThat(enterprise.get("/orders/" + id).body()).contains("已提交整改报告", "已采购人脸识别闸机");
		assertThat(enterprise.get("/orders").body()).contains("详情");
		deadlinePassed(id, today().minusDays(10));
		ApiClient.Response pageRecheck = officer.form("/orders/" + id + "/recheck", Map.of());
		assertThat(pageRecheck.status()).as("Post/Redirect/Get: the verdict is read on the order's page").isEqualTo(302);
		assertThat(officer.english().get("/orders/" + id).body()).as("the verdict in words, in the reader's language")
			.contains("<title>Rectification order · ", "Re-check: not rectified by the deadline", "Proposed")
			.doesNotContain("拟处理");
		JsonNode overdue = officer.get("/api/orders/" + id).json().get("order");
		assertThat(overdue.get("status").asString()).isEqualTo("OVERDUE");
		JsonNode evidence = overdue.get("recheck").get("evidence");
		String recheckShown = between(enterprise.get("/orders/" + id).body(), "复查</dt>", "</dd>");
		assertThat(recheckShown).as("the re-check in words, not a map")
			.contains("复查期间 " + overdue.get("recheck").get("from").asString(),
					"复查期间施工日 " + evidence.get("constructionDayCount").asInt() + " 天",
					"未收到设备数据的施工日 " + evidence.get("disconnectedDayCount").asInt() + " 天")
			.doesNotContain("{", "=");
		assertThat(overdue.get("escalation").get("penalties").valueStream().map(p -> p.get("party").asString()).toList())
			.containsExactly("CONSTRUCTION_ENTERPRISE", "PROJECT_MANAGER");

		assertThat(penalty(id, null, "CONSTRUCTION_ENTERPRISE", List.of("FINE"), 30_000, null).status()).isEqualTo(201);
		ApiClient.Response early = officer.english().post("/api/orders/" + id + "/escalation", Map.of());
		assertThat(rules(early)).containsExactly("order.penalties-missing");
		ApiClient.Response onPm = penalty(id, null, "PROJECT_MANAGER", List.of("WARNING_NOTICE"), null, null);
		assertThat(onPm.status()).as(onPm.body()).isEqualTo(201);
		assertThat(onPm.json().get("personId").asLong()).isEqualTo(pm);
		ApiClient.Response escalated = officer.post("/api/orders/" + id + "/escalation", Map.of());
		assertThat(escalated.json().get("status").asString()).isEqualTo("ESCALATED");
		assertThat(creditRoles(site.projectId())).containsExactly("CONSTRUCTION_ENTERPRISE", "PROJECT_MANAGER");
		assertThat(officer.get("/api/orders/" + id).json().get("transitions").valueStream().map(t -> t.get("to").asString())
			.toList()).containsExactly("ISSUED", "ANSWERED", "OVERDUE", "ESCALATED");
		ApiClient.Response again = officer.english().post("/api/orders/" + id + "/answer", Map.of("report", "x"));
		assertThat(again.status()).isEqualTo(403);
	}

	@Test
	void managers_R2_projectManagerChiefSupervisorAndOtherManagers() {
		Site site = started();
		long pm = facts.appoint(officer, site.projectId(), site.gcUnitId(), Post.PROJECT_MANAGER, START).personId();
		long cs = facts.appoint(officer, site.projectId(), site.supervisionUnitId(), Post.CHIEF_SUPERVISOR, START).personId();
		long tech = facts.appoint(officer, site.projectId(), site.gcUnitId(), Post.TECHNICAL_LEAD, START).personId();
		Map<String, Long> people = Map.of("PROJECT_MANAGER", pm, "CHIEF_SUPERVISOR", cs, "TECHNICAL_LEAD", tech);
		officer.post("/api/evaluations", Map.of("month", SEPTEMBER.toString()));
		List<JsonNode> r2 = officer.get("/api/findings?projectId=" + site.projectId() + "&month=" + SEPTEMBER + "&rule=R2")
			.json().get("items").valueStream().toList();
		assertThat(r2).hasSize(3);
		Map<String, Long> orders = new LinkedHashMap<>();
		for (JsonNode f : r2) {
			long id = order(f).get("id").asLong();
			orders.put(f.get("post").asString(), id);
			deadlinePassed(id, SEPTEMBER.atEndOfMonth());
		}
		assertThat(officer.get("/api/orders/" + orders.get("CHIEF_SUPERVISOR")).json().get("order").get("addressee").asString())
			.isEqualTo("SUPERVISION_COMPANY");
		for (String post : orders.keySet()) {
			JsonNode overdue = recheck(orders.get(post));
			assertThat(overdue.get("status").asString()).as(post).isEqualTo("OVERDUE");
			assertThat(overdue.get("recheck").get("evidence").get("month").asString()).isEqualTo("2026-10");
		}
		assertThat(penalty(orders.get("PROJECT_MANAGER"), null, "PROJECT_MANAGER", List.of("WARNING_NOTICE"), null, null).status())
			.isEqualTo(201);
		assertThat(officer.post("/api/orders/" + orders.get("PROJECT_MANAGER") + "/escalation", Map.of()).status()).isEqualTo(200);
		ApiClient.Response noPenaltyOnSupervisor = officer.english().post("/api/penalties", Map.of("orderId",
				orders.get("CHIEF_SUPERVISOR"), "party", "PROJECT_MANAGER", "measures", List.of("WARNING_NOTICE"),
				"decisionMaker", "x", "decidedOn", today(), "documentNumber", "X" + System.nanoTime()));
		assertThat(rules(noPenaltyOnSupervisor)).containsExactly("penalty.not-in-table");
		assertThat(officer.post("/api/orders/" + orders.get("CHIEF_SUPERVISOR") + "/escalation", Map.of()).status()).isEqualTo(200);
		assertThat(penalty(orders.get("TECHNICAL_LEAD"), null, "PROJECT_MANAGER", List.of("WARNING_NOTICE"), null, null).json()
			.get("personId").asLong()).as("other managers: the project manager is penalised").isEqualTo(pm);
		assertThat(officer.post("/api/orders/" + orders.get("TECHNICAL_LEAD") + "/escalation", Map.of()).status()).isEqualTo(200);

		JsonNode records = officer.get("/api/credit-records?projectId=" + site.projectId()).json();
		Map<String, Long> countByRole = new LinkedHashMap<>();
		records.get("items").valueStream().forEach(c -> countByRole.merge(c.get("role").asString(), 1L, Long::sum));
		assertThat(countByRole).containsOnly(Map.entry("PROJECT_MANAGER", 2L), Map.entry("CHIEF_SUPERVISOR", 1L),
				Map.entry("SUPERVISION_COMPANY", 1L));
		assertThat(officer.get("/api/credit-records?personId=" + cs).json().get("total").asInt()).isEqualTo(1);
		assertThat(officer.get("/api/credit-records?personId=" + people.get("PROJECT_MANAGER") + "&validOn="
				+ today().plusMonths(11)).json().get("total").asInt()).isEqualTo(2);
		assertThat(officer.get("/api/credit-records?personId=" + pm + "&validOn=" + today().plusYears(2)).json()
			.get("total").asInt()).as("expired").isZero();
	}

	@Test
	void managers_R2_rectifiedInTheFirstFullMonthAfterTheDeadlineIsClosed() {
		Site site = started();
		long pm = facts.appoint(officer, site.projectId(), site.gcUnitId(), Post.PROJECT_MANAGER, START).personId();
		long id = order(finding(site.projectId(), "R2")).get("id").asLong();
		deadlinePassed(id, SEPTEMBER.atEndOfMonth());
		facts.present(site.projectId(), pm, SEPTEMBER.plusMonths(1).atDay(1), SEPTEMBER.plusMonths(1).atDay(26));
		JsonNode closed = recheck(id);
		assertThat(closed.get("status").asString()).isEqualTo("RECTIFIED");
		assertThat(closed.get("recheck").get("evidence").get("attendedDayCount").asInt()).isEqualTo(26);
		assertThat(rules(officer.english().post("/api/orders/" + id + "/escalation", Map.of())))
			.containsExactly("order.illegal-transition");
		assertThat(rules(penalty(id, null, "PROJECT_MANAGER", List.of("WARNING_NOTICE"), null, null)))
			.containsExactly("penalty.order-not-overdue");
		assertThat(creditRoles(site.projectId())).isEmpty();
	}

	@Test
	void workers_R3_upTo15IsAnOrderThenStopWorkAndFineUnderArticle55_16IsAPenaltyAtOnce() {
		Site site = started();
		long pm = facts.appoint(officer, site.projectId(), site.gcUnitId(), Post.PROJECT_MANAGER, START).personId();
		facts.present(site.projectId(), pm, START, SEPTEMBER.atEndOfMonth());
		officer.upload("/api/projects/" + site.projectId() + "/teams/" + site.teamId() + "/roster", "file", "r3.xlsx",
				RosterFile.of(IDS, 3, SEPTEMBER.atDay(1), START));
		long id = order(finding(site.projectId(), "R3")).get("id").asLong();
		deadlinePassed(id, today().minusDays(10));
		JsonNode overdue = recheck(id);
		assertThat(overdue.get("status").asString()).isEqualTo("OVERDUE");
		assertThat(overdue.get("recheck").get("evidence").get("shortfall").asInt()).isEqualTo(3);
		assertThat(rules(penalty(id, null, "CONSTRUCTION_ENTERPRISE", List.of("FINE"), 40_000, null)))
			.containsExactly("penalty.fine-range");
		LocalDate stop = today().minusDays(4);
		ApiClient.Response decided = penalty(id, null, "CONSTRUCTION_ENTERPRISE", List.of("FINE", "STOP_WORK"), 60_000, stop);
		assertThat(decided.status()).as(decided.body()).isEqualTo(201);
		assertThat(decided.json().get("legalBasis").asString()).isEqualTo("《保障农民工工资支付条例》第五十五条");
		String days = "/api/projects/" + site.projectId() + "/construction-days?month=" + YearMonth.from(stop);
		assertThat(officer.get(days).json().get("days").valueStream().map(JsonNode::asString).toList())
			.as("no construction days from the stop-work order on").noneMatch(d -> d.compareTo(stop.toString()) >= 0);
		ApiClient enterprise = as(account(Role.ENTERPRISE_ADMIN, null, site.contractorId(), null, false));
		assertThat(rules(enterprise.english().post("/api/projects/" + site.projectId() + "/resumption",
				Map.of("resumptionDay", today())))).containsExactly("stoppage.ordered");
		ApiClient.Response lifted = officer.post("/api/penalties/" + decided.id() + "/lifting", Map.of("resumptionDay", stop.plusDays(2)));
		assertThat(lifted.status()).as(lifted.body()).isEqualTo(200);
		List<String> after = java.util.stream.Stream.of(YearMonth.from(stop), YearMonth.from(stop.plusDays(2))).distinct()
			.flatMap(month -> officer.get("/api/projects/" + site.projectId() + "/construction-days?month=" + month).json()
				.get("days").valueStream().map(JsonNode::asString))
			.toList();
		assertThat(after).contains(stop.plusDays(2).toString()).doesNotContain(stop.toString(), stop.plusDays(1).toString());
		officer.post("/api/orders/" + id + "/escalation", Map.of());
		assertThat(creditRoles(site.projectId())).containsExactly("CONSTRUCTION_ENTERPRISE");

		Site big = site(officer, "220102", START);
		long bigPm = facts.appoint(officer, big.projectId(), big.gcUnitId(), Post.PROJECT_MANAGER, START).personId();
		facts.present(big.projectId(), bigPm, START, SEPTEMBER.atEndOfMonth());
		officer.upload("/api/projects/" + big.projectId() + "/teams/" + big.teamId() + "/roster", "file", "r3.xlsx",
				RosterFile.of(IDS, 16, SEPTEMBER.atDay(1), START));
		JsonNode penaltyFinding = finding(big.projectId(), "R3");
		assertThat(penaltyFinding.get("measure").asString()).isEqualTo("PENALTY");
		assertThat(rules(officer.english().post("/api/orders", Map.of("findingId", penaltyFinding.get("id").asLong()))))
			.containsExactly("order.finding-calls-for-penalty");
		ApiClient.Response atOnce = penalty(null, penaltyFinding.get("id").asLong(), "PROJECT_MANAGER", List.of("WARNING_NOTICE"),
				null, null);
		assertThat(atOnce.status()).as(atOnce.body()).isEqualTo(201);
		assertThat(creditRoles(big.projectId())).containsExactly("PROJECT_MANAGER");

		ApiClient.Response published = officer.post("/api/typical-cases",
				Map.of("penaltyId", decided.id(), "title", "某项目未落实实名制考勤被责令停工", "summary", "缺少考勤3人，逾期未整改。"));
		assertThat(published.status()).as(published.body()).isEqualTo(201);
		HttpResponse<String> open;
		try {
			open = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
					URI.create(baseUrl() + "/api/public/typical-cases")).build(),
					HttpResponse.BodyHandlers.ofString());
		}
		catch (Exception e) {
			throw new IllegalStateException(e);
		}
		assertThat(open.statusCode()).isEqualTo(200);
		assertThat(open.body()).contains("某项目未落实实名制考勤被责令停工");
	}

	@Test
	void onlyOfficersOfTheProjectsRegionAct() {
		Site site = started();
		facts.appoint(officer, site.projectId(), site.gcUnitId(), Post.PROJECT_MANAGER, START);
		JsonNode f = finding(site.projectId(), "R2");
		ApiClient otherCity = as(account(Role.CITY_OFFICER, "220200", null, null, false));
		assertThat(otherCity.post("/api/orders", Map.of("findingId", f.get("id").asLong())).status()).isIn(403, 404);
		ApiClient changchun = as(account(Role.CITY_OFFICER, "220100", null, null, false));
		ApiClient.Response issued = changchun.post("/api/orders", Map.of("findingId", f.get("id").asLong()));
		assertThat(issued.status()).as(issued.body()).isEqualTo(201);
		ApiClient stranger = as(account(Role.ENTERPRISE_ADMIN, null, enterprise(officer, "220102"), null, false));
		assertThat(stranger.post("/api/orders/" + issued.id() + "/answer", Map.of("report", "x")).status()).isIn(403, 404);
		assertThat(changchun.get("/api/orders?due=true").status()).isEqualTo(200);
		assertThat(rules(changchun.english().post("/api/orders", Map.of("findingId", f.get("id").asLong()))))
			.containsExactly("order.already-issued");
	}
}
