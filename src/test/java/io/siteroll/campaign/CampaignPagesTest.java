package io.siteroll.campaign;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import io.siteroll.identity.Role;
import io.siteroll.support.ApiClient;
import io.siteroll.support.IntegrationTest;
import org.junit.jupiter.api.Test;

/**
 * The campaign pages over HTTP: every officer reads the campaign in force, only the province adds or edits one,
 * a refused plan shows each field's error and adds nothing.
 */
class CampaignPagesTest extends IntegrationTest {

	private final int year = 2200 + ThreadLocalRandom.current().nextInt(7000);

	@Test
	void officersReadTheCampaignInForceAndOnlyTheProvinceChangesIt() {
		ApiClient county = as(account(Role.COUNTY_OFFICER, "220102", null, null, false));
		ApiClient.Response page = county.get("/campaigns");
		assertThat(page.status()).isEqualTo(200);
		assertThat(page.body()).contains("吉林省房屋建筑和市政公用工程施工现场人员实名制管理水平专项提升行动", "宣传自查自纠阶段",
				"2021-07-01", "2021-08-31", "全面实施阶段", "总结阶段", "人员考勤率", "80%", "100%", "2021-05-30",
				"专项行动已于2021-09-10结束").doesNotContain("SELF_CHECK", "WORKER_ATTENDANCE");
		assertThat(page.body()).doesNotContain("/campaigns/new");

		Map<String, String> plan = plan();
		assertThat(county.get("/campaigns/new").status()).isEqualTo(403);
		ApiClient.Response refusedForCounty = county.form("/campaigns", plan);
		assertThat(refusedForCounty.status()).isEqualTo(403);
		assertThat(refusedForCounty.body()).contains("只有省住建厅可以设定专项行动");
		ApiClient enterprise = as(account(Role.ENTERPRISE_ADMIN, null, enterprise(as(province()), "220102"), null, false));
		assertThat(enterprise.get("/campaigns").status()).isEqualTo(403);
		assertThat(campaigns()).isZero();

		ApiClient province = as(province());
		Map<String, String> broken = new HashMap<>(plan);
		broken.put("phase.FULL_IMPLEMENTATION.from", year + "-04-15");
		broken.put("target.WORKER_ATTENDANCE", "120");
		broken.put("target.COVERAGE", "全部");
		ApiClient.Response refused = province.form("/campaigns", broken);
		assertThat(refused.status()).isEqualTo(200);
		assertThat(refused.body()).contains("全覆盖目标（%）：", "is-invalid");
		broken.put("target.COVERAGE", "100");
		refused = province.form("/campaigns", broken);
		assertThat(refused.body()).contains("全面实施阶段开始日期：须晚于上一阶段的结束日期（" + year + "-04-30）",
				"人员考勤率目标（%）：", "Worker attendance target (%)", "value=\"120\"");
		assertThat(campaigns()).isZero();

		ApiClient.Response added = province.form("/campaigns", plan);
		assertThat(added.status()).isEqualTo(302);
		assertThat(campaigns()).isEqualTo(1);
		long id = jdbc.sql("select id from campaign where name = ?").param(name()).query(Long.class).single();
		assertThat(province.get("/campaigns/" + id).body()).contains(name(), year + "-05-01", "90%",
				"专项行动尚未开始");
		assertThat(county.form("/campaigns/" + id, plan).status()).isEqualTo(403);
		Map<String, String> revised = new HashMap<>(plan);
		revised.put("target.WORKER_ATTENDANCE", "85");
		assertThat(province.form("/campaigns/" + id, revised).status()).isEqualTo(302);
		assertThat(county.get("/campaigns/" + id).body()).contains("85%");
		assertThat(province.get("/campaigns/" + id + "/edit").body()).contains("value=\"85\"", "value=\"" + year + "-04-01\"");
	}

	private String name() {
		return "第" + year + "轮专项行动";
	}

	private Map<String, String> plan() {
		Map<String, String> plan = new HashMap<>();
		plan.put("name", name());
		plan.put("document", "吉建管〔" + year + "〕3号");
		plan.put("contactDeadline", year + "-03-25");
		plan.put("phase.SELF_CHECK.from", year + "-04-01");
		plan.put("phase.SELF_CHECK.to", year + "-04-30");
		plan.put("phase.FULL_IMPLEMENTATION.from", year + "-05-01");
		plan.put("phase.FULL_IMPLEMENTATION.to", year + "-08-31");
		plan.put("phase.SUMMARY.from", year + "-09-01");
		plan.put("phase.SUMMARY.to", year + "-09-10");
		plan.put("target.COVERAGE", "100");
		plan.put("target.WORKER_ATTENDANCE", "90");
		plan.put("target.KEY_MANAGER_DUTY", "80");
		return plan;
	}

	private long campaigns() {
		return jdbc.sql("select count(*) from campaign where name = ?").param(name()).query(Long.class).single();
	}
}
