package io.siteroll.personnel;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.YearMonth;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.siteroll.identity.Role;
import io.siteroll.support.ApiClient;
import io.siteroll.support.IntegrationTest;
import io.siteroll.support.RosterFile;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the labour clerk's browser journey does not cover: refused forms show the rule next to the field and change
 * nothing, the pages keep the API's scope, the filters, the example row of the template, and exports longer than
 * one batch.
 */
class LabourClerkPagesTest extends IntegrationTest {

	private static final DataFormatter CELLS = new DataFormatter();

	@Test
	void aRefusedExitSaysWhyNextToTheDateAndChangesNothing() {
		ApiClient province = as(province());
		Site site = site(province, "220102", today().minusMonths(2));
		ApiClient clerk = as(account(Role.LABOUR_CLERK, null, null, site.projectId(), false));
		long engagementId = clerk.post("/api/projects/" + site.projectId() + "/workers",
				worker(site.teamId(), IDS.idNumber(1970, 1995), IDS.name(), IDS.bankCard())).id();
		String exit = "/projects/" + site.projectId() + "/workers/" + engagementId + "/exit";

		ApiClient.Response beforeEntry = clerk.form(exit, Map.of("exitDate", today().minusDays(6).toString()));
		assertThat(beforeEntry.status()).isEqualTo(200);
		assertThat(beforeEntry.body()).contains("退场日期：不能早于进场日期 / Exit date: must not be before the entry date", "is-invalid");
		ApiClient.Response notADate = clerk.form(exit, Map.of("exitDate", "2026-13-40"));
		assertThat(notADate.body()).contains("Exit date: is not a date like 2026-03-01").contains("2026-13-40");
		ApiClient.Response blank = clerk.form(exit, Map.of("exitDate", ""));
		assertThat(blank.body()).contains("退场日期：必填");
		assertThat(exitDate(engagementId)).as("nothing changed").isNull();

		ApiClient.Response done = clerk.form(exit, Map.of("exitDate", today().toString()));
		assertThat(done.status()).as("post, redirect, get").isEqualTo(302);
		assertThat(exitDate(engagementId)).isEqualTo(today().toString());
		ApiClient.Response again = clerk.form(exit, Map.of("exitDate", today().toString()));
		assertThat(again.body()).contains("该人员已退场");
	}

	@Test
	void theClerkPagesKeepTheApisScope() {
		ApiClient province = as(province());
		Site site = site(province, "220102", today().minusMonths(2));
		Site other = site(province, "220102", today().minusMonths(2));
		long engagementId = province.post("/api/projects/" + site.projectId() + "/workers",
				worker(site.teamId(), IDS.idNumber(1970, 1995), IDS.name(), IDS.bankCard())).id();
		ApiClient otherClerk = as(account(Role.LABOUR_CLERK, null, null, other.projectId(), false));
		ApiClient otherEnterprise = as(account(Role.ENTERPRISE_ADMIN, null, other.contractorId(), null, false));
		ApiClient elsewhere = as(account(Role.CITY_OFFICER, "220200", null, null, false));
		ApiClient supervision = as(account(Role.ENTERPRISE_ADMIN, null, enterpriseOf(site.supervisionUnitId()), null, false));
		String project = "/projects/" + site.projectId();
		for (ApiClient outsider : List.of(otherClerk, otherEnterprise, elsewhere)) {
			for (String path : List.of(project + "/workers", project + "/workers?format=xlsx", project + "/attendance-sheet",
					project + "/attendance-sheet?format=xlsx", project + "/roster",
					project + "/workers/" + engagementId + "/exit")) {
				ApiClient.Response page = outsider.get(path);
				assertThat(page.status()).as(path).isIn(403, 404);
				assertThat(page.body()).as(path).doesNotContain("{\"");
			}
			assertThat(outsider.form(project + "/workers/" + engagementId + "/exit", Map.of("exitDate", today().toString()))
				.status()).isIn(403, 404);
		}
		// an officer of another city sees the 403 or 404 page in words, not problem+json
		assertThat(elsewhere.get(project + "/attendance-sheet").contentType()).startsWith("text/html");
		// a participating enterprise sees the list (its own units' workers only) and may not record an exit
		assertThat(supervision.get(project + "/workers").status()).isEqualTo(200);
		assertThat(supervision.get(project + "/workers").body()).doesNotContain("退场登记");
		assertThat(supervision.form(project + "/workers/" + engagementId + "/exit", Map.of("exitDate", today().toString()))
			.status()).isIn(403, 404);
		assertThat(exitDate(engagementId)).isNull();
	}

	@Test
	void theWorkersListFiltersByTeamWorkTypeAndPresenceAndExportsTheSameInExcel() throws IOException {
		ApiClient province = as(province());
		Site site = site(province, "220102", today().minusMonths(2));
		String stayed = IDS.name();
		String left = IDS.name();
		province.post("/api/projects/" + site.projectId() + "/workers", worker(site.teamId(), IDS.idNumber(1970, 1995), stayed, IDS.bankCard()));
		Map<String, Object> leaver = worker(site.teamId(), IDS.idNumber(1970, 1995), left, IDS.bankCard());
		leaver.put("workType", "010");
		long leaverId = province.post("/api/projects/" + site.projectId() + "/workers", leaver).id();
		province.post("/api/projects/" + site.projectId() + "/workers/" + leaverId + "/exit", Map.of("date", today()));
		String workers = "/projects/" + site.projectId() + "/workers";

		assertThat(province.get(workers).body()).contains(stayed, left, "共 2 条");
		assertThat(province.get(workers + "?active=true").body()).contains(stayed).doesNotContain(left);
		assertThat(province.get(workers + "?active=false").body()).contains(left, "已退场").doesNotContain(stayed);
		assertThat(province.get(workers + "?workType=010").body()).contains(left).doesNotContain(stayed);
		assertThat(province.get(workers + "?teamId=" + site.teamId() + "&q=" + stayed.substring(0, 1)).body()).contains("钢筋班组");
		String byTeam = province.get(workers + "?sort=team").body();
		assertThat(byTeam).contains(stayed, left);
		assertThat(province.get(workers + "?sort=drop%20table").body()).as("only the whitelisted orders").contains(stayed, left);

		ApiClient.Response excel = province.get(workers + "?active=false&format=xlsx");
		assertThat(excel.status()).isEqualTo(200);
		try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(excel.bytes()))) {
			Sheet sheet = wb.getSheetAt(0);
			assertThat(sheet.getLastRowNum()).isEqualTo(1);
			assertThat(CELLS.formatCellValue(sheet.getRow(1).getCell(0))).isEqualTo(left);
			assertThat(CELLS.formatCellValue(sheet.getRow(1).getCell(1))).contains("********");
			assertThat(CELLS.formatCellValue(sheet.getRow(1).getCell(3))).isEqualTo("砌筑工");
			assertThat(CELLS.formatCellValue(sheet.getRow(1).getCell(8))).isEqualTo("已退场");
		}
	}

	@Test
	void theTemplatesExampleRowIsNeverImportedAndARefusedUploadNamesTheField() {
		ApiClient province = as(province());
		Site site = site(province, "220102", today().minusMonths(2));
		ApiClient clerk = as(account(Role.LABOUR_CLERK, null, null, site.projectId(), false));
		byte[] template = clerk.get("/api/roster-template").bytes();
		ApiClient.Response asDownloaded = clerk.upload("/api/projects/" + site.projectId() + "/teams/" + site.teamId() + "/roster",
				"file", "template.xlsx", template);
		assertThat(rules(asDownloaded)).containsExactly("roster.empty");

		ApiClient.Response noTeam = clerk.upload("/projects/" + site.projectId() + "/roster", "file", "roster.xlsx",
				RosterFile.of(IDS, 2, today().minusDays(10), today().minusDays(5)));
		assertThat(noTeam.status()).isEqualTo(200);
		assertThat(noTeam.body()).contains("班组：必填，不能为空 / Team: is required");
		assertThat(jdbc.sql("select count(*) from worker_engagement where project_id = ?").param(site.projectId())
			.query(Long.class).single()).isZero();
	}

	@Test
	void exportsLongerThanOneBatchHaveEveryWorkerOnceAndTheSheetMarksFutureDays() throws IOException {
		ApiClient province = as(province());
		Site site = site(province, "220102", today().minusMonths(2));
		int count = 520;
		ApiClient.Response imported = province.upload("/api/projects/" + site.projectId() + "/teams/" + site.teamId() + "/roster",
				"file", "roster.xlsx", RosterFile.of(IDS, count, today().minusDays(10), today().minusDays(5)));
		assertThat(imported.status()).as(imported.body()).isEqualTo(201);

		try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(
				province.get("/projects/" + site.projectId() + "/workers?format=xlsx").bytes()))) {
			Set<String> ids = new HashSet<>();
			Sheet sheet = wb.getSheetAt(0);
			for (Row row : sheet) {
				if (row.getRowNum() > 0) {
					ids.add(CELLS.formatCellValue(row.getCell(0)) + CELLS.formatCellValue(row.getCell(1)));
				}
			}
			assertThat(sheet.getLastRowNum()).isEqualTo(count);
			assertThat(ids).hasSize(count);
		}
		YearMonth month = YearMonth.from(today());
		try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(
				province.get("/projects/" + site.projectId() + "/attendance-sheet?format=xlsx&month=" + month).bytes()))) {
			Sheet sheet = wb.getSheetAt(0);
			assertThat(sheet.getLastRowNum()).as("title, two heading rows, the workers, the totals").isEqualTo(3 + count);
			if (today().getDayOfMonth() < month.lengthOfMonth()) {
				assertThat(CELLS.formatCellValue(sheet.getRow(3).getCell(4 + today().getDayOfMonth()))).isEqualTo("—");
			}
		}
		String page = province.get("/projects/" + site.projectId() + "/attendance-sheet?month=" + month).body();
		assertThat(page).contains("共 " + count + " 条", month.getYear() + "年" + month.getMonthValue() + "月 考勤表");
		assertThat(province.get("/projects/" + site.projectId() + "/attendance-sheet?month=2026-13").status()).isEqualTo(400);
	}

	private String exitDate(long engagementId) {
		return jdbc.sql("select exit_date::text from worker_engagement where id = ?").param(engagementId).query(String.class)
			.list()
			.get(0);
	}

	private long enterpriseOf(long unitId) {
		return jdbc.sql("select enterprise_id from participating_unit where id = ?").param(unitId).query(Long.class).single();
	}
}
