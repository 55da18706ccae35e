package io.siteroll.notice.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;

import io.siteroll.identity.Role;
import io.siteroll.personnel.Post;
import io.siteroll.support.ApiClient;
import io.siteroll.support.Facts;
import io.siteroll.support.IntegrationTest;
import io.siteroll.support.RosterFile;
import org.junit.jupiter.api.Test;

/**
 * The dashboard's scope and drill-down at the HTTP level: the province sees its cities, a city its counties, a county
 * its projects with links to the project and its attendance sheet; a city officer never sees another city (the page
 * answers 403 for one), neither on the dashboard nor in the project list's region filter.
 */
class DashboardPagesTest extends IntegrationTest {

	@Test
	void theProvinceDrillsFromCitiesToCountiesToProjectsWithTheMonthKept() {
		ApiClient api = as(province());
		LocalDate start = today().withDayOfMonth(1).minusDays(20);
		Site site = site(api, "220881", start);
		List<Long> workers = importedWorkers(api, site, 2, start.minusDays(5), start);
		facts.present(site.projectId(), workers.get(0), start, today());
		Facts.Appointment manager = facts.appoint(api, site.projectId(), site.gcUnitId(), Post.PROJECT_MANAGER, start);
		facts.present(site.projectId(), manager.personId(), start, today());
		String month = YearMonth.from(today()).toString();
		String name = jdbc.sql("select name from project where id = ?").param(site.projectId()).query(String.class).single();

		ApiClient.Response province = api.get("/dashboard");
		assertThat(province.status()).isEqualTo(200);
		assertThat(province.body()).contains("驾驶舱 · 吉林省", "长春市", "吉林市", "工人考勤率", "关键岗位人员到岗率",
				"/dashboard?region=220100&amp;month=" + month, "echarts.min.js");
		// a county no other test puts projects in, so that its table (the 50 projects needing attention most) holds this one
		ApiClient.Response city = api.get("/dashboard?region=220800&month=" + month);
		assertThat(city.body()).contains("驾驶舱 · 白城市", "洮南市", "/dashboard?region=220881&amp;month=" + month);
		ApiClient.Response county = api.get("/dashboard?region=220881&month=" + month);
		assertThat(county.body()).contains(name, "/projects/" + site.projectId() + "/attendance-sheet?month=" + month,
				"/projects/" + site.projectId() + "\"");
		assertThat(api.get("/projects/" + site.projectId() + "/attendance-sheet?month=" + month).status()).isEqualTo(200);

		ApiClient.Response later = api.get("/dashboard?month=" + YearMonth.from(today()).plusMonths(1));
		assertThat(later.status()).isEqualTo(400);
		assertThat(later.body()).contains("不能查看尚未到来的月份");
	}

	/**
	 * A county with more projects than the table lists: the page lists 50, the short project among them, says so and
	 * links to the full list of the county's projects.
	 */
	@Test
	void aCountyWithManyProjectsListsThoseNeedingAttentionAndLinksToAll() {
		ApiClient api = as(province());
		LocalDate start = today().withDayOfMonth(1).minusDays(20);
		Site site = site(api, "220882", start);
		assertThat(api.upload("/api/projects/" + site.projectId() + "/teams/" + site.teamId() + "/roster", "file", "w.xlsx",
				RosterFile.of(IDS, 2, start.minusDays(5), start)).status()).isEqualTo(201);
		Long worker = jdbc.sql("select min(person_id) from worker_engagement where project_id = ?")
			.param(site.projectId()).query(Long.class).single();
		facts.present(site.projectId(), worker, start, today());
		jdbc.sql("""
				insert into project (code, name, region_code, address, category, construction_nature, contractor_id, start_date)
				select 'MANY' || lpad(i::text, 6, '0'), '多项目' || i, '220882', '多项目路' || i || '号', '01', '001', ?, ?
				from generate_series(1, 60) i""").params(site.contractorId(), start).update();
		String name = jdbc.sql("select name from project where id = ?").param(site.projectId()).query(String.class).single();

		String county = api.get("/dashboard?region=220882&month=" + YearMonth.from(today())).body();
		assertThat(county).contains("id=\"projects-limited\"", "/projects?region=220882", name,
				"/projects/" + site.projectId() + "/attendance-sheet");
		assertThat(county.split("/attendance-sheet\\?month=", -1)).hasSize(Dashboard.PROJECT_ROWS + 1);
	}

	@Test
	void aCityOfficerSeesOnlyItsRegionAndGetsTheForbiddenPageForAnother() {
		ApiClient city = as(account(Role.CITY_OFFICER, "220200", null, null, false));
		ApiClient.Response own = city.get("/dashboard");
		assertThat(own.status()).isEqualTo(200);
		assertThat(own.body()).contains("驾驶舱 · 吉林市", "昌邑区", "龙潭区").doesNotContain("长春市", "南关区");
		ApiClient.Response other = city.get("/dashboard?region=220100");
		assertThat(other.status()).isEqualTo(403);
		assertThat(other.contentType()).startsWith("text/html");
		assertThat(city.get("/dashboard?region=220102").status()).isEqualTo(403);

		String filter = city.get("/projects").body();
		assertThat(filter).contains("<option value=\"220200\"", "<option value=\"220202\"")
			.doesNotContain("<option value=\"220100\"", "<option value=\"220102\"");
		String provinceFilter = as(province()).get("/projects").body();
		assertThat(provinceFilter).contains("<option value=\"220100\"", "<option value=\"220102\"", "<option value=\"220202\"");
	}

	@Test
	void theEnterpriseSideSeesItsProjectsAttendanceDutyAndCases() {
		ApiClient api = as(province());
		LocalDate start = today().minusDays(10);
		Site site = site(api, "220102", start);
		String admin = account(Role.ENTERPRISE_ADMIN, null, site.contractorId(), null, false);
		String name = jdbc.sql("select name from project where id = ?").param(site.projectId()).query(String.class).single();
		ApiClient.Response page = as(admin).get("/dashboard");
		assertThat(page.status()).isEqualTo(200);
		assertThat(page.body()).contains(name, "未结发现", "整改中").doesNotContain("dash-tiles\" id=\"tiles\"");
		assertThat(as(admin).get("/dashboard?region=220100").status()).isEqualTo(200);
	}
}
