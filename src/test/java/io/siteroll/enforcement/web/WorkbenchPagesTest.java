package io.siteroll.enforcement.web;

import java.util.ArrayList;
import java.util.List;

import io.siteroll.enforcement.web.WorkbenchPages.Tally;
import io.siteroll.identity.Role;
import io.siteroll.support.ApiClient;
import io.siteroll.support.IntegrationTest;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The workbench: what needs attention first, in words when nothing does, and only within the caller's scope. */
class WorkbenchPagesTest extends IntegrationTest {

	@Test
	void overdueOrdersComeFirstThenOpenOrdersThenFindingsThenWarnings() {
		Tally warningsOnly = new Tally(1, 0, 0, 0, 0, 9);
		Tally findings = new Tally(2, 0, 0, 0, 1, 0);
		Tally answered = new Tally(3, 0, 0, 1, 0, 0);
		Tally overdue = new Tally(4, 1, 0, 0, 0, 0);
		Tally twoOpen = new Tally(5, 0, 1, 1, 0, 0);
		List<Tally> tallies = new ArrayList<>(List.of(warningsOnly, findings, answered, overdue, twoOpen));
		tallies.sort(WorkbenchPages.MOST_PRESSING_FIRST);
		assertThat(tallies).containsExactly(overdue, twoOpen, answered, findings, warningsOnly);
	}

	@Test
	void nothingOpenIsSaidInWords() {
		long enterprise = enterprise(as(province()), "220102");
		ApiClient.Response page = as(account(Role.ENTERPRISE_ADMIN, null, enterprise, null, false)).get("/workbench");
		assertThat(page.status()).isEqualTo(200);
		assertThat(page.body()).contains("目前没有逾期或未结的整改通知").doesNotContain("<table");
	}

	@Test
	void theListBehindACountIsRefusedOutsideTheCallersScope() {
		ApiClient province = as(province());
		Site site = site(province, "220102", today().minusMonths(2));
		refreshWarnings(province);

		ApiClient own = as(account(Role.ENTERPRISE_ADMIN, null, site.contractorId(), null, false));
		String workbench = own.get("/workbench").body();
		assertThat(workbench).contains("/workbench/projects/" + site.projectId() + "?show=WARNINGS");
		String warnings = own.get("/workbench/projects/" + site.projectId() + "?show=WARNINGS").body();
		assertThat(warnings).contains("开工未配备考勤设备").doesNotContain("NO_DEVICE");

		ApiClient stranger = as(account(Role.ENTERPRISE_ADMIN, null, enterprise(province, "220102"), null, false));
		assertThat(stranger.get("/workbench").body()).doesNotContain("/workbench/projects/" + site.projectId());
		assertThat(stranger.get("/workbench/projects/" + site.projectId() + "?show=WARNINGS").status()).isEqualTo(404);
		assertThat(as(account(Role.CITY_OFFICER, "220200", null, null, false))
			.get("/workbench/projects/" + site.projectId()).status()).isEqualTo(404);
		assertThat(own.get("/workbench/projects/" + site.projectId() + "?show=SOMETHING").status()).isEqualTo(400);
	}
}
