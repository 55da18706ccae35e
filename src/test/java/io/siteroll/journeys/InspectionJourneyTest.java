package io.siteroll.journeys;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.regex.Pattern;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.FilePayload;
import io.siteroll.identity.Role;
import io.siteroll.personnel.Post;
import io.siteroll.support.ApiClient;
import io.siteroll.support.BrowserTest;
import io.siteroll.support.Jpegs;
import org.junit.jupiter.api.Test;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Journey 2: a city officer records an on-site inspection in the browser: the checklist, the project manager present,
 * the headcount whose shortfall and measure appear as it is typed, the gate's function tests with a mask let
 * through, a photo; saving issues the rectification order for the failed test, which the inspection's page links to.
 */
class InspectionJourneyTest extends BrowserTest {

	@Test
	void aCityOfficerRecordsAnInspectionWithAFailedMaskTestAndFollowsTheOrder() {
		ApiClient province = as(province());
		Site site = site(province, "220102", today().minusMonths(2));
		facts.appoint(province, site.projectId(), site.gcUnitId(), Post.PROJECT_MANAGER, today().minusMonths(2));
		String manager = province.get("/api/projects/" + site.projectId() + "/managers").json().get(0).get("personName")
			.asString();
		LocalDate day = today().minusDays(1);
		facts.present(site.projectId(), engagedWorker(province, site), day, day);
		RegisteredDevice gate = device(province, site.projectId(), "SITEROLL", "IN");
		String channel = province.get("/api/devices/" + gate.id()).json().path("channelName").asString();
		String officer = account(Role.CITY_OFFICER, "220100", null, null, false);

		signIn(officer);
		open("/projects/" + site.projectId());
		page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("记录检查")).click();

		page.getByLabel("检查日期").fill(day.toString());
		page.getByLabel("检查人员").fill("王检查、李检查");
		page.getByLabel("已配备").check();
		page.getByLabel("已联网").check();
		page.getByLabel(manager + "（项目经理）").check();
		page.getByLabel("现场清点作业人数").pressSequentially("4");
		assertThat(page.locator("#shortfall")).containsText("缺少考勤 3 人");
		assertThat(page.locator("#shortfall")).containsText("处理措施：责令限期整改（责任方：施工企业）");
		page.getByLabel("现场清点作业人数").pressSequentially("0");
		assertThat(page.locator("#shortfall")).containsText("缺少考勤 39 人");
		assertThat(page.locator("#shortfall")).containsText("行政处罚并记入不良行为记录");
		page.getByLabel("现场清点作业人数").fill("4");
		assertThat(page.locator("#shortfall")).containsText("缺少考勤 3 人");

		page.getByLabel(channel + " 打印照片 通过").check();
		page.getByLabel(channel + " 屏幕显示照片 通过").check();
		page.getByLabel(channel + " 回放视频 通过").check();
		page.getByLabel(channel + " 面具 未通过").check();
		page.getByLabel("测试情况说明").fill("佩戴硅胶面具通过闸机，闸机放行");
		page.getByLabel("备注").fill("东门闸机旁抽查");
		page.locator("input#file").setInputFiles(new FilePayload("现场照片.jpg", "image/jpeg", Jpegs.scene(3)));
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("保存检查记录")).click();

		assertThat(page).hasURL(Pattern.compile(".*/inspections/\\d+$"));
		assertThat(page.locator("[role=status]")).containsText("功能测试未通过，已下达整改通知第");
		String record = mainText();
		assertThat(record).contains("王检查、李检查", officer + "（长春市住房和城乡建设局）", manager + "（项目经理）",
				"当日有效考勤 1 人，现场清点 4 人，缺少考勤 3 人", "责令限期整改", "面具", "未通过（作假被放行）",
				"佩戴硅胶面具通过闸机", "现场照片.jpg", "考勤设备现场功能测试")
			.doesNotContain("MASK", "DEVICE_TEST", "PROJECT_MANAGER", "RECTIFICATION_ORDER", "{");

		page.screenshot(new Page.ScreenshotOptions().setPath(Path.of("target", "journeys", "InspectionJourneyTest-record.png"))
			.setFullPage(true));
		page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(Pattern.compile("责令限期整改通知 第\\d+号")))
			.click();
		assertThat(page).hasURL(Pattern.compile(".*/orders/\\d+$"));
		String order = mainText();
		assertThat(order).contains("面具", "考勤设备须具备防视频、照片作假功能", today().plusDays(7).toString(), "已下达")
			.doesNotContain("MASK", "DEVICE_TEST", "ISSUED", "{");
	}
}
