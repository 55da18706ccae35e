package io.siteroll.journeys;

import java.util.LinkedHashMap;
import java.util.Map;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import io.siteroll.identity.Role;
import io.siteroll.support.ApiClient;
import io.siteroll.support.BrowserTest;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Journey 4: an officer of the project's city works the approvals queue: approves the general contractor's request
 * to replace the project manager and rejects a back-dated stoppage, each with a reason, and sees the outcome on the
 * project's pages.
 */
class ApprovalJourneyTest extends BrowserTest {

	private Locator button(Locator scope, String name) {
		return scope.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName(name).setExact(true));
	}

	private String notice() {
		return page.locator("[role=status]").innerText();
	}

	@Test
	void aCityOfficerApprovesAManagerChangeAndRejectsALateStoppage() {
		ApiClient province = as(province());
		Site site = site(province, "220102", today().minusDays(60));
		ApiClient contractor = as(account(Role.ENTERPRISE_ADMIN, null, site.contractorId(), null, false));
		String outgoing = IDS.name();
		long outgoingId = person(province, outgoing);
		assertThat(contractor.post("/api/projects/" + site.projectId() + "/managers", Map.of("personId", outgoingId,
				"post", "PROJECT_MANAGER", "unitId", site.gcUnitId(), "tenureFrom", today().minusDays(60))).status())
			.isEqualTo(201);
		String incoming = IDS.name();
		long incomingId = person(province, incoming);
		Map<String, Object> change = new LinkedHashMap<>();
		change.put("post", "PROJECT_MANAGER");
		change.put("incomingPersonId", incomingId);
		change.put("incomingUnitId", site.gcUnitId());
		change.put("effectiveDate", today());
		change.put("reason", "原项目经理调任");
		assertThat(contractor.post("/api/projects/" + site.projectId() + "/manager-changes", change).status()).isEqualTo(201);
		assertThat(contractor.post("/api/projects/" + site.projectId() + "/stoppages", Map.of("firstDay",
				today().minusDays(10), "lastDay", today().minusDays(8), "reason", "补报：设备检修")).json()
			.get("status").asString()).isEqualTo("PENDING");
		String officer = account(Role.CITY_OFFICER, "220100", null, null, false);

		signIn(officer);
		open("/approvals");
		Locator changeRow = page.locator("table.approvals-changes tr", new Page.LocatorOptions().setHasText(site.projectName()));
		assertThat(changeRow.innerText()).contains("项目经理", outgoing, incoming, "原项目经理调任", today().toString())
			.doesNotContain("PROJECT_MANAGER");
		changeRow.getByLabel("审批理由").fill("新任项目经理资格证书已核验");
		button(changeRow, "批准").click();
		assertThat(notice()).contains(site.projectName(), incoming, "已批准");
		assertThat(page.url()).contains("/approvals");

		Locator stoppageRow = page.locator("table.approvals-stoppages tr", new Page.LocatorOptions().setHasText(site.projectName()));
		assertThat(stoppageRow.innerText()).contains("补报：设备检修", today().minusDays(10).toString());
		button(stoppageRow, "驳回").click();
		assertThat(page.locator("[role=alert]").innerText()).contains("审批意见", "必填");
		stoppageRow.getByLabel("审批理由").fill("检修期间仍有考勤记录，不予认定");
		button(stoppageRow, "驳回").click();
		assertThat(notice()).contains(site.projectName(), "已驳回");
		assertThat(page.locator("table.approvals-stoppages tr", new Page.LocatorOptions().setHasText(site.projectName())).count())
			.isZero();

		open("/projects/" + site.projectId());
		assertThat(page.locator("ul.stoppages").innerText())
			.contains("补报：设备检修", "已驳回", officer + "（长春市住房和城乡建设局） 审批：检修期间仍有考勤记录，不予认定")
			.doesNotContain("REJECTED");
		page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("管理人员").setExact(true)).click();
		assertThat(page.locator("table.posts tr", new Page.LocatorOptions().setHasText(incoming)).innerText())
			.contains("项目经理", today() + " 至 在岗");
		assertThat(page.locator("table.posts tr", new Page.LocatorOptions().setHasText(outgoing)).innerText())
			.contains(today().minusDays(1).toString());
		assertThat(page.locator("table.requests").innerText()).contains("已批准", "新任项目经理资格证书已核验")
			.doesNotContain("APPROVED", "{");
	}

	private long person(ApiClient api, String name) {
		return api.post("/api/persons", Map.of("idType", "01", "idNumber", IDS.idNumber(1970, 1990), "name", name)).id();
	}
}
