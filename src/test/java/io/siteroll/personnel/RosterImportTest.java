package io.siteroll.personnel;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import io.siteroll.support.ApiClient;
import io.siteroll.support.IntegrationTest;
import io.siteroll.support.Workbooks;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.junit.jupiter.api.Test;

/** 花名册导入: every row is checked; one bad row and nothing goes in, with an error report. */
class RosterImportTest extends IntegrationTest {

	private static List<String> header() {
		return Workbooks.ROSTER_HEADER;
	}

	private String[] row(String name, String id, String workType) {
		String start = today().minusDays(20).toString();
		String entry = today().minusDays(3).toString();
		return new String[] { name, "01", id, "汉", IDS.phone(), "吉林省长春市", workType, "1", start, "", entry, IDS.bankCard(), "102", "", "否" };
	}

	private static byte[] xlsx(List<String[]> rows) {
		return Workbooks.roster(rows);
	}

	private long workers(long projectId) {
		return jdbc.sql("select count(*) from worker_engagement where project_id = ?").param(projectId).query(Long.class).single();
	}

	@Test
	void templateHasTheChineseHeaders() throws IOException {
		ApiClient.Response template = as(province()).get("/api/roster-template");
		assertThat(template.status()).isEqualTo(200);
		try (ReadableWorkbook wb = new ReadableWorkbook(new ByteArrayInputStream(template.bytes()))) {
			Row first = wb.getFirstSheet().read().get(0);
			List<String> cells = new ArrayList<>();
			for (int c = 0; c < first.getCellCount(); c++) {
				cells.add(first.getCellAsString(c).orElse(""));
			}
			assertThat(cells).containsExactlyElementsOf(header());
		}
	}

	@Test
	void oneBadRowAndNothingIsImportedWithAReportBesideEachBadRow() throws IOException {
		ApiClient api = as(province());
		Site site = site(api, "220102", today().minusMonths(1));
		String duplicated = IDS.idNumber(1975, 1995);
		List<String[]> rows = new ArrayList<>();
		for (int i = 0; i < 5; i++) {
			rows.add(row(IDS.name(), IDS.idNumber(1975, 1995), "020"));
		}
		rows.add(row("错号", "110105194912310021", "020")); // row 7: bad check digit
		rows.add(row("乱工种", IDS.idNumber(1975, 1995), "999")); // row 8: unknown work type
		String name = IDS.name();
		rows.add(row(name, duplicated, "020")); // row 9
		rows.add(row(name, duplicated, "020")); // row 10: duplicate of row 9

		ApiClient.Response result = api.upload("/api/projects/" + site.projectId() + "/teams/" + site.teamId() + "/roster",
				"file", "roster.xlsx", xlsx(rows));

		assertThat(result.status()).isEqualTo(422);
		assertThat(result.json().get("imported").asBoolean()).isFalse();
		assertThat(result.json().get("rows").asInt()).isEqualTo(9);
		assertThat(result.json().get("errors").valueStream().map(e -> e.get("row").asInt()).toList()).containsExactly(7, 8, 10);
		assertThat(workers(site.projectId())).as("all or nothing").isZero();

		long importId = result.json().get("importId").asLong();
		ApiClient.Response report = api.get("/api/roster-imports/" + importId + "/error-report");
		assertThat(report.status()).isEqualTo(200);
		try (ReadableWorkbook wb = new ReadableWorkbook(new ByteArrayInputStream(report.bytes()))) {
			List<Row> lines = wb.getFirstSheet().read();
			assertThat(lines).hasSize(4);
			assertThat(lines.get(1).getCell(0).asNumber().intValue()).isEqualTo(7);
			assertThat(lines.get(1).getCellAsString(2)).hasValue("110105********0021");
			assertThat(lines.get(1).getCellAsString(3).orElseThrow()).contains("身份证号码校验码错误");
			assertThat(lines.get(2).getCellAsString(3).orElseThrow()).contains("工种");
			assertThat(lines.get(3).getCellAsString(3).orElseThrow()).contains("与第 9 行证件号码重复");
		}
	}

	@Test
	void aCleanFileGoesInWholeAndAPersonAlreadyOnTheProjectIsRefusedNextTime() throws IOException {
		ApiClient api = as(province());
		Site site = site(api, "220102", today().minusMonths(1));
		List<String[]> rows = new ArrayList<>();
		for (int i = 0; i < 50; i++) {
			rows.add(row(IDS.name(), IDS.idNumber(1975, 1995), "040"));
		}
		String path = "/api/projects/" + site.projectId() + "/teams/" + site.teamId() + "/roster";
		ApiClient.Response result = api.upload(path, "file", "roster.xlsx", xlsx(rows));
		assertThat(result.status()).as(result.body()).isEqualTo(201);
		assertThat(result.json().get("newPersons").asInt()).isEqualTo(50);
		assertThat(workers(site.projectId())).isEqualTo(50);

		ApiClient.Response again = api.upload(path, "file", "roster.xlsx", xlsx(List.of(rows.get(0), row(IDS.name(), IDS.idNumber(1975, 1995), "040"))));
		assertThat(again.status()).isEqualTo(422);
		assertThat(again.json().get("errors").get(0).get("reasons").get(0).asString()).contains("已在本项目进场登记");
		assertThat(workers(site.projectId())).isEqualTo(50);
	}

	@Test
	void aFileThatIsNotTheTemplateIsRefusedClearly() throws IOException {
		ApiClient api = as(province());
		Site site = site(api, "220102", today().minusMonths(1));
		ApiClient.Response garbage = api.upload("/api/projects/" + site.projectId() + "/teams/" + site.teamId() + "/roster",
				"file", "roster.xlsx", "not a workbook".getBytes());
		assertThat(garbage.status()).isEqualTo(400);
		assertThat(rules(garbage)).containsExactly("roster.unreadable");
		assertThat(api.get("/api/projects/" + site.projectId()).status()).isEqualTo(200);
	}
}
