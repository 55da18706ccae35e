package io.siteroll.project;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;

import io.siteroll.identity.Role;
import io.siteroll.support.ApiClient;
import io.siteroll.support.IntegrationTest;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The project pages' refusals and scope, below the browser journeys: a refused form shows the error next to the
 * field and changes nothing; a decision is the overseeing officer's alone (403 for the enterprise, 404 for an
 * officer who cannot see the project); the approvals queue lists only the officer's region.
 */
class ProjectPagesTest extends IntegrationTest {

	private long count(String sql, Object... params) {
		return jdbc.sql(sql).params(params).query(Long.class).single();
	}

	@Test
	void refusedFormsShowTheErrorNextToTheFieldAndChangeNothing() {
		ApiClient province = as(province());
		Site site = site(province, "220102", today().minusDays(40));
		ApiClient contractor = as(account(Role.ENTERPRISE_ADMIN, null, site.contractorId(), null, false));
		String name = "拒绝登记" + System.nanoTime();

		Map<String, String> form = new LinkedHashMap<>();
		form.put("name", name);
		form.put("regionCode", "220102");
		form.put("address", "");
		form.put("longitude", "东经125");
		form.put("startDate", "2026-02-30");
		ApiClient.Response refused = contractor.form("/projects/new", form);
		assertThat(refused.status()).isEqualTo(200);
		assertThat(refused.body()).contains("invalid-feedback", "经度：须为数字", "开工日期：日期格式不正确",
				"value=\"" + name + "\"");
		assertThat(count("select count(*) from project where name = ?", name)).isZero();
		// the labelled input of fragments/form: the refused value back, marked where refused, its own attributes only
		assertThat(refused.input("longitude")).contains("name=\"longitude\"", "value=\"东经125\"",
				"inputmode=\"decimal\"", "is-invalid").doesNotContain("maxlength");
		assertThat(refused.input("name")).contains("type=\"text\"", "maxlength=\"200\"", "value=\"" + name + "\"")
			.doesNotContain("is-invalid");
		assertThat(refused.input("startDate")).contains("type=\"date\"", "is-invalid");
		assertThat(refused.body()).contains("<label class=\"form-label\" for=\"longitude\">经度</label>")
			.as("the fields and nothing else of the fragment file").doesNotContain("name=\"note\"");
		form.put("longitude", "");
		form.put("startDate", today().toString());
		refused = contractor.form("/projects/new", form);
		assertThat(refused.body()).contains("地址：必填", "项目分类：必填");
		assertThat(count("select count(*) from project where name = ?", name)).isZero();

		long units = count("select count(*) from participating_unit where project_id = ?", site.projectId());
		ApiClient.Response unit = contractor.form("/projects/" + site.projectId() + "/units",
				Map.of("enterprise", "没有这家企业" + System.nanoTime(), "unitType", "006", "entryDate", today().toString()));
		assertThat(unit.status()).isEqualTo(200);
		assertThat(unit.body()).contains("企业：企业不存在");
		assertThat(unit.input("unit-enterprise")).as("marked by the error on enterpriseId, typed value kept")
			.contains("form-control-sm", "is-invalid", "没有这家企业");
		assertThat(unit.input("unit-entry")).contains("type=\"date\"", "value=\"" + today() + "\"")
			.doesNotContain("is-invalid");
		assertThat(count("select count(*) from participating_unit where project_id = ?", site.projectId())).isEqualTo(units);

		ApiClient.Response stoppage = contractor.form("/projects/" + site.projectId() + "/stoppages",
				Map.of("firstDay", today().toString(), "lastDay", today().minusDays(1).toString(), "reason", ""));
		assertThat(stoppage.body()).contains("原因：必填", "停工结束日期：结束日期不能早于开始日期");
		assertThat(count("select count(*) from project_stoppage where project_id = ?", site.projectId())).isZero();

		long persons = count("select count(*) from person");
		String idNumber = IDS.idNumber(1970, 1990);
		ApiClient.Response appoint = contractor.form("/projects/" + site.projectId() + "/managers",
				Map.of("idType", "01", "idNumber", idNumber, "name", IDS.name(), "post", "CHIEF_SUPERVISOR",
						"unitId", String.valueOf(site.gcUnitId()), "tenureFrom", today().toString()));
		assertThat(appoint.status()).isEqualTo(200);
		assertThat(appoint.body()).contains("参建单位：该岗位须由相应类型的参建单位委派");
		assertThat(appoint.body()).as("the refused unit marked and still chosen")
			.containsPattern("<select class=\"[^\"]*is-invalid\" id=\"appoint-unit\"")
			.containsPattern("<option value=\"" + site.gcUnitId() + "\" selected=\"selected\"");
		assertThat(appoint.input("appoint-idNumber")).as("the number kept, not marked: it was not refused")
			.contains("value=\"" + idNumber + "\"", "autocomplete=\"off\"").doesNotContain("is-invalid");
		assertThat(count("select count(*) from manager_post where project_id = ?", site.projectId())).isZero();
		assertThat(count("select count(*) from person")).as("the refused appointment registered nobody").isEqualTo(persons);
	}

	@Test
	void decisionsBelongToTheOverseeingOfficerAndTheQueueToTheirRegion() {
		ApiClient province = as(province());
		Site site = site(province, "220102", today().minusDays(40));
		String admin = account(Role.ENTERPRISE_ADMIN, null, site.contractorId(), null, false);
		ApiClient contractor = as(admin);
		long stoppage = contractor.post("/api/projects/" + site.projectId() + "/stoppages",
				Map.of("firstDay", today().minusDays(6), "lastDay", today().minusDays(5), "reason", "补报停工")).id();
		String decision = "/projects/" + site.projectId() + "/stoppages/" + stoppage + "/decision";
		Map<String, String> approve = Map.of("decision", "APPROVE", "note", "同意");

		assertThat(contractor.form(decision, approve).status()).isEqualTo(403);
		assertThat(contractor.get("/approvals").status()).isEqualTo(403);
		ApiClient otherCity = as(account(Role.CITY_OFFICER, "220200", null, null, false));
		assertThat(otherCity.form(decision, approve).status()).isEqualTo(404);
		ApiClient.Response otherQueue = otherCity.get("/approvals");
		assertThat(otherQueue.status()).isEqualTo(200);
		assertThat(otherQueue.body()).doesNotContain(site.projectName());
		String clerk = account(Role.LABOUR_CLERK, null, null, site.projectId(), false);
		assertThat(as(clerk).get("/projects/new").status()).isEqualTo(403);
		assertThat(jdbc.sql("select status from project_stoppage where id = ?").param(stoppage).query(String.class).single())
			.isEqualTo("PENDING");

		ApiClient city = as(account(Role.CITY_OFFICER, "220100", null, null, false));
		assertThat(city.get("/approvals").body()).contains(site.projectName(), "补报停工", admin);
		ApiClient.Response excel = city.get("/approvals?format=xlsx");
		assertThat(excel.status()).isEqualTo(200);
		assertThat(excel.contentType()).startsWith("application/vnd.openxmlformats");
		ApiClient.Response noReason = city.form(decision, Map.of("decision", "REJECT", "note", ""));
		assertThat(noReason.status()).isEqualTo(200);
		assertThat(noReason.body()).contains("审批意见：必填");
		ApiClient.Response decided = city.form(decision, Map.of("decision", "REJECT", "note", "不予认定"));
		assertThat(decided.status()).isEqualTo(302);
		assertThat(jdbc.sql("select status from project_stoppage where id = ?").param(stoppage).query(String.class).single())
			.isEqualTo("REJECTED");
		assertThat(city.get("/approvals").body()).doesNotContain(site.projectName());
	}

	@Test
	void anOfficerRegistersForAContractorByCreditCodeAndTheContractorResumesWork() {
		ApiClient province = as(province());
		long contractorId = enterprise(province, "220102");
		String creditCode = province.get("/api/enterprises/" + contractorId).json().get("creditCode").asString();
		String name = "主管部门登记" + System.nanoTime();
		Map<String, String> form = new LinkedHashMap<>();
		form.put("name", name);
		form.put("regionCode", "220102");
		form.put("address", "人民大街1号");
		form.put("category", "01");
		form.put("constructionNature", "001");
		form.put("contractor", creditCode);
		form.put("startDate", today().minusDays(20).toString());
		ApiClient city = as(account(Role.CITY_OFFICER, "220100", null, null, false));
		form.put("regionCode", "220202");
		assertThat(city.form("/projects/new", form).body()).contains("所在地区：");
		form.put("regionCode", "220102");
		ApiClient.Response registered = city.form("/projects/new", form);
		assertThat(registered.status()).isEqualTo(302);
		long projectId = jdbc.sql("select id from project where name = ? and contractor_id = ?").params(name, contractorId)
			.query(Long.class).single();

		ApiClient contractor = as(account(Role.ENTERPRISE_ADMIN, null, contractorId, null, false));
		assertThat(contractor.form("/projects/" + projectId + "/stoppages",
				Map.of("firstDay", today().toString(), "reason", "冬季停工")).status()).isEqualTo(302);
		ApiClient.Response early = contractor.form("/projects/" + projectId + "/resumption",
				Map.of("resumptionDay", today().toString()));
		assertThat(early.status()).isEqualTo(200);
		assertThat(early.body()).contains("复工日期：");
		assertThat(contractor.form("/projects/" + projectId + "/resumption",
				Map.of("resumptionDay", today().plusDays(1).toString())).status()).isEqualTo(302);
		assertThat(jdbc.sql("select last_day from project_stoppage where project_id = ?").param(projectId)
			.query(LocalDate.class).single()).isEqualTo(today());
	}
}
