package io.siteroll.enforcement;

import java.util.LinkedHashMap;
import java.util.Map;

import io.siteroll.identity.Accounts;
import io.siteroll.identity.Role;
import io.siteroll.support.ApiClient;
import io.siteroll.support.IntegrationTest;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The penalty pages' refusals and scope, which the browser journey does not walk: a fine outside the legal range is
 * refused on its field and nothing is saved (not even a number of the department's series); officers of another
 * region do not find the order, its decisions or their documents (as the API, which answers 404 for projects
 * outside the caller's scope), and the addressed enterprise, who sees them, may not decide or lift (403 page).
 */
class PenaltyPagesTest extends IntegrationTest {

	record Overdue(Site site, long orderId, String officer) {
	}

	/** An R3 order from an inspection (3 workers without attendance) by a county officer, past its deadline and re-checked. */
	private Overdue overdue(String county) {
		String officer = account(Role.COUNTY_OFFICER, county, null, null, false);
		ApiClient province = as(province());
		Site site = site(province, county, today().minusMonths(2));
		for (int i = 0; i < 3; i++) {
			engagedWorker(province, site);
		}
		ApiClient api = as(officer);
		long inspection = api.post("/api/projects/" + site.projectId() + "/inspections", inspectionRecord(today().minusDays(1), 3))
			.id();
		long orderId = api.post("/api/orders/from-inspection", Map.of("inspectionId", inspection)).id();
		jdbc.sql("update rectification_order set issued_on = ?, deadline = ? where id = ?")
			.params(today().minusDays(9), today().minusDays(2), orderId).update();
		ApiClient.Response rechecked = api.post("/api/orders/" + orderId + "/recheck", Map.of());
		assertThat(rechecked.json().get("status").asString()).as(rechecked.body()).isEqualTo("OVERDUE");
		return new Overdue(site, orderId, officer);
	}

	private Map<String, String> decision(String measure, String fine) {
		Map<String, String> form = new LinkedHashMap<>();
		form.put("party", "CONSTRUCTION_ENTERPRISE");
		if (measure != null) {
			form.put("measures", measure);
		}
		form.put("fineYuan", fine);
		form.put("stopWorkFrom", today().toString());
		form.put("decidedOn", today().toString());
		return form;
	}

	private int penaltiesOf(ApiClient api, Site site) {
		return api.get("/api/projects/" + site.projectId() + "/penalties").json().size();
	}

	private int numbersOfSeries(String county) {
		return jdbc.sql("select count(*) from document_number where kind = 'PENALTY_DECISION' and issuer_region_code = ?")
			.param(county).query(Integer.class).single();
	}

	@Test
	void aFineOutsideTheLegalRangeIsRefusedOnItsFieldAndNothingIsSaved() {
		Overdue o = overdue("220106");
		ApiClient officer = as(o.officer());
		String path = "/orders/" + o.orderId() + "/penalties";
		String form = officer.get(path + "/new?party=CONSTRUCTION_ENTERPRISE").body();
		assertThat(form).contains("法定幅度：50,000 元至 100,000 元", "绿园区住房和城乡建设局");
		String expected = form.replaceAll("(?s).*预计 (绿园住建罚〔\\d+〕\\d+号).*", "$1");
		assertThat(expected).startsWith("绿园住建罚〔" + today().getYear() + "〕");
		int numbered = numbersOfSeries("220106");

		ApiClient.Response tooLow = officer.form(path, decision("FINE", "40000"));
		assertThat(tooLow.status()).isEqualTo(200);
		assertThat(tooLow.body()).contains("未保存", "is-invalid", "value=\"40000\"",
				"罚款金额：依《保障农民工工资支付条例》第五十五条，罚款须在50,000元至100,000元之间 / ");
		ApiClient.Response tooHigh = officer.form(path, decision("FINE", "100000.01"));
		assertThat(tooHigh.body()).contains("罚款金额：依《保障农民工工资支付条例》第五十五条");
		ApiClient.Response none = officer.form(path, decision(null, ""));
		assertThat(none.body()).contains("处罚措施：必填");
		ApiClient.Response notANumber = officer.form(path, decision("FINE", "六万"));
		assertThat(notANumber.body()).contains("罚款金额：金额应为正数，最多两位小数");
		assertThat(penaltiesOf(officer, o.site())).as("nothing decided").isZero();
		assertThat(numbersOfSeries("220106")).as("a refused decision takes no number").isEqualTo(numbered);
		assertThat(officer.get("/api/orders/" + o.orderId()).json().get("order").get("status").asString()).isEqualTo("OVERDUE");

		ApiClient.Response decided = officer.form(path, decision("FINE", "50000"));
		assertThat(decided.status()).as("Post/Redirect/Get").isEqualTo(302);
		ApiClient.Response penalties = officer.get("/api/projects/" + o.site().projectId() + "/penalties");
		assertThat(penalties.json().get(0).get("documentNumber").asString()).as("the number the form announced").isEqualTo(expected);
		assertThat(penalties.json().get(0).get("decisionMaker").asString()).isEqualTo("绿园区住房和城乡建设局");
		assertThat(officer.get("/api/orders/" + o.orderId()).json().get("order").get("status").asString())
			.as("its only proposed penalty decided, the order is escalated").isEqualTo("ESCALATED");
		assertThat(officer.get("/api/credit-records?projectId=" + o.site().projectId()).json().get("total").asInt()).isEqualTo(1);
	}

	@Test
	void anotherRegionsOfficerFindsNothingAndTheEnterpriseMayNotDecideOrLift() {
		Overdue o = overdue("220106");
		ApiClient officer = as(o.officer());
		String decide = "/orders/" + o.orderId() + "/penalties";
		ApiClient jilin = as(account(Role.CITY_OFFICER, "220200", null, null, false));
		ApiClient.Response foreign = jilin.get(decide + "/new?party=CONSTRUCTION_ENTERPRISE");
		assertThat(foreign.status()).isEqualTo(404);
		assertThat(foreign.contentType()).startsWith("text/html");
		assertThat(jilin.form(decide, decision("FINE", "60000")).status()).isEqualTo(404);

		String admin = "admin-" + System.nanoTime();
		accounts.create(new Accounts.NewAccount(admin, PASSWORD, "企业管理员", Role.ENTERPRISE_ADMIN, null, o.site().contractorId(),
				null, false));
		ApiClient enterprise = as(admin);
		ApiClient.Response refused = enterprise.get(decide + "/new?party=CONSTRUCTION_ENTERPRISE");
		assertThat(refused.status()).isEqualTo(403);
		assertThat(refused.contentType()).startsWith("text/html");
		assertThat(refused.body()).doesNotContain("\"status\"");
		assertThat(enterprise.form(decide, decision("FINE", "60000")).status()).isEqualTo(403);
		assertThat(penaltiesOf(officer, o.site())).isZero();

		Map<String, String> stop = decision("STOP_WORK", "");
		assertThat(officer.form(decide, stop).status()).isEqualTo(302);
		long penaltyId = officer.get("/api/projects/" + o.site().projectId() + "/penalties").json().get(0).get("id").asLong();
		for (String page : new String[] { "/penalties/" + penaltyId, "/penalties/" + penaltyId + "/document",
				"/penalties/" + penaltyId + "/document.pdf", "/projects/" + o.site().projectId() + "/penalties",
				"/credit-records?projectId=" + o.site().projectId() }) {
			assertThat(jilin.get(page).status()).as("GET %s by another region's officer", page).isEqualTo(404);
		}
		String contractor = officer.get("/api/enterprises/" + o.site().contractorId()).json().get("name").asString();
		assertThat(jilin.get("/credit-records").body()).doesNotContain(contractor);
		assertThat(jilin.form("/penalties/" + penaltyId + "/lifting", Map.of("resumptionDay", today().plusDays(1).toString())).status())
			.isEqualTo(404);
		assertThat(enterprise.get("/penalties/" + penaltyId).body()).as("the addressee reads its decision")
			.contains("责令停工").doesNotContain("解除停工</button>");
		assertThat(enterprise.form("/penalties/" + penaltyId + "/lifting", Map.of("resumptionDay", today().plusDays(1).toString()))
			.status()).isEqualTo(403);
		assertThat(officer.get("/api/projects/" + o.site().projectId() + "/penalties").json().get(0).get("status").asString())
			.isEqualTo("DECIDED");

		ApiClient.Response early = officer.form("/penalties/" + penaltyId + "/lifting", Map.of("resumptionDay", today().minusDays(5).toString()));
		assertThat(early.status()).isEqualTo(200);
		assertThat(early.body()).contains("未保存", "复工日期：");
		assertThat(officer.get("/credit-records?projectId=" + o.site().projectId()).body()).contains(contractor, "共 1 条");
		ApiClient.Response excel = officer.get("/credit-records?projectId=" + o.site().projectId() + "&format=xlsx");
		assertThat(excel.status()).isEqualTo(200);
		assertThat(excel.contentType()).startsWith("application/vnd.openxmlformats");
	}
}
