package io.siteroll.journeys;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import com.microsoft.playwright.Download;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import io.siteroll.identity.Role;
import io.siteroll.support.ApiClient;
import io.siteroll.support.BrowserTest;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DataValidation;
import org.apache.poi.ss.usermodel.DataValidationConstraint;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.AreaReference;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Journey 10: the labour clerk downloads the roster template, fills it in, has a bad row refused in words, imports
 * the corrected roster, finds the workers, records one's exit, and reads and downloads the monthly attendance sheet.
 */
class LabourClerkJourneyTest extends BrowserTest {

	private static final DataFormatter CELLS = new DataFormatter();

	@Test
	void theClerkImportsTheRosterExitsAWorkerAndDownloadsTheAttendanceSheet() throws IOException {
		ApiClient officer = as(province());
		Site site = site(officer, "220102", today().minusMonths(3));
		// a worker on site since last month with three counted days in it
		YearMonth lastMonth = YearMonth.from(today()).minusMonths(1);
		String veteran = IDS.name();
		Map<String, Object> body = worker(site.teamId(), IDS.idNumber(1970, 1995), veteran, IDS.bankCard());
		body.put("contractStart", lastMonth.atDay(1).minusDays(5));
		body.put("entryDate", lastMonth.atDay(1));
		long veteranId = officer.post("/api/projects/" + site.projectId() + "/workers", body).json().get("personId").asLong();
		facts.present(site.projectId(), veteranId, lastMonth.atDay(3), lastMonth.atDay(5));
		String clerk = account(Role.LABOUR_CLERK, null, null, site.projectId(), false);

		signIn(clerk);
		page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("项目").setExact(true)).click();
		page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(site.projectName())).click();
		page.locator("main").getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("花名册导入")).click();

		// the template: an example row, and drop-down lists for 证件类型, 工种 and 开户银行
		Download template = page.waitForDownload(
				() -> page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("花名册模板 (.xlsx)")).click());
		Path templateFile = template.path();
		try (InputStream in = Files.newInputStream(templateFile); XSSFWorkbook wb = new XSSFWorkbook(in)) {
			XSSFSheet roster = wb.getSheet("花名册");
			assertThat(CELLS.formatCellValue(roster.getRow(1).getCell(0))).startsWith("示例");
			assertThat(CELLS.formatCellValue(roster.getRow(1).getCell(6))).isEqualTo("020 钢筋工");
			assertThat(listAt(wb, roster, 1)).contains("01 居民身份证");
			assertThat(listAt(wb, roster, 6)).contains("020 钢筋工", "010 砌筑工");
			assertThat(listAt(wb, roster, 12)).contains("102 中国工商银行");
		}

		// a roster with one bad row (row 4: the ID number's check digit is wrong); the example row stays in
		String first = IDS.name();
		String second = IDS.name();
		String firstId = IDS.idNumber(1975, 1995);
		String secondId = IDS.idNumber(1975, 1995);
		Path withBadRow = filled(templateFile, List.of(row(first, firstId), row("错号", "110105194912310021"),
				row(second, secondId)));
		page.getByLabel("花名册文件 (.xlsx)").setInputFiles(withBadRow);
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("导入")).click();
		String refused = page.locator("#roster-result").innerText();
		assertThat(refused).contains("未导入：共 3 行，其中 1 行有错误", "第 4 行", "证件号码：", "ID number: ", "下载错误报告");
		assertThat(refused).doesNotContain("110105194912310021", "{", "idNumber");
		assertThat(jdbc.sql("select count(*) from worker_engagement where project_id = ?").param(site.projectId())
			.query(Long.class).single()).as("all rows or none").isEqualTo(1);

		page.getByLabel("花名册文件 (.xlsx)").setInputFiles(filled(templateFile, List.of(row(first, firstId), row(second, secondId))));
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("导入")).click();
		assertThat(mainText()).contains("花名册已导入：2 行，其中新登记人员 2 人。");

		// the workers, masked; one exits, first with a day still to come
		page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("工人名册")).first().click();
		String workers = mainText();
		assertThat(workers).contains(first, second, veteran, "共 3 条", "钢筋工", "在场").doesNotContain(firstId, secondId);
		page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("退场登记 " + first)).click();
		page.getByLabel("退场日期").fill(today().plusDays(1).toString());
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("确认退场")).click();
		assertThat(mainText()).contains("退场日期：不能晚于今天 / Exit date: must not be in the future");
		page.getByLabel("退场日期").fill(today().toString());
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("确认退场")).click();
		assertThat(page.url()).endsWith("/projects/" + site.projectId() + "/workers");
		assertThat(page.locator(".alert-success").innerText()).contains(first, today().toString(), "退场");
		assertThat(page.locator("tr", new Page.LocatorOptions().setHasText(first)).innerText()).contains("已退场");

		// last month's attendance sheet on the page and as Excel
		page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("考勤表")).first().click();
		page.locator("a[rel=prev]").first().click();
		Locator sheet = page.locator("#attendance-sheet");
		assertThat(mainText()).contains(site.projectName() + " " + lastMonth.getYear() + "年" + lastMonth.getMonthValue() + "月 考勤表");
		List<String> veteranRow = page.locator("#attendance-sheet tbody tr", new Page.LocatorOptions().setHasText(veteran))
			.locator("td").allInnerTexts();
		assertThat(veteranRow.subList(4, 4 + lastMonth.lengthOfMonth())).containsExactlyElementsOf(
				marks(lastMonth.lengthOfMonth(), 3, 5));
		assertThat(veteranRow.get(veteranRow.size() - 1)).isEqualTo("3");
		assertThat(sheet.locator("tfoot td").allInnerTexts().get(3)).as("present on the 3rd").isEqualTo("1");
		assertThat(sheet.innerText()).doesNotContain("COUNTED", "NONE", "{");

		Download excel = page.waitForDownload(
				() -> page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("导出考勤表 Excel")).click());
		try (InputStream in = Files.newInputStream(excel.path()); XSSFWorkbook wb = new XSSFWorkbook(in)) {
			Sheet ws = wb.getSheetAt(0);
			assertThat(wb.getNumberOfSheets()).isOne();
			assertThat(CELLS.formatCellValue(ws.getRow(0).getCell(0))).contains(site.projectName(),
					lastMonth.getYear() + "年" + lastMonth.getMonthValue() + "月 考勤表");
			assertThat(ws.getMergedRegions()).contains(new CellRangeAddress(0, 0, 0, 4 + lastMonth.lengthOfMonth()));
			assertThat(CELLS.formatCellValue(ws.getRow(1).getCell(0))).isEqualTo("姓名");
			assertThat(CELLS.formatCellValue(ws.getRow(1).getCell(4))).isEqualTo("1");
			assertThat(CELLS.formatCellValue(ws.getRow(1).getCell(4 + lastMonth.lengthOfMonth()))).isEqualTo("出勤天数");
			Row line = rowOf(ws, veteran);
			assertThat(CELLS.formatCellValue(line.getCell(1))).contains("*");
			assertThat(CELLS.formatCellValue(line.getCell(4 + 2))).isEqualTo("√");
			assertThat(CELLS.formatCellValue(line.getCell(4 + 5))).isEmpty();
			assertThat(CELLS.formatCellValue(line.getCell(4 + lastMonth.lengthOfMonth()))).isEqualTo("3");
			Row totals = ws.getRow(ws.getLastRowNum());
			assertThat(CELLS.formatCellValue(totals.getCell(0))).startsWith("合计");
			assertThat(CELLS.formatCellValue(totals.getCell(4 + 2))).isEqualTo("1");
			assertThat(CELLS.formatCellValue(totals.getCell(4 + lastMonth.lengthOfMonth()))).isEqualTo("3");
		}
	}

	/** The entries of the drop-down list (data validation) on a column of the roster sheet. */
	private static List<String> listAt(XSSFWorkbook wb, XSSFSheet sheet, int column) {
		DataValidation validation = sheet.getDataValidations()
			.stream()
			.filter(v -> v.getRegions().getCellRangeAddresses()[0].getFirstColumn() == column)
			.findFirst()
			.orElseThrow(() -> new AssertionError("no drop-down list on column " + column));
		assertThat(validation.getValidationConstraint().getValidationType())
			.isEqualTo(DataValidationConstraint.ValidationType.LIST);
		assertThat(validation.getRegions().getCellRangeAddresses()[0].getFirstRow()).isEqualTo(1);
		String formula = validation.getValidationConstraint().getFormula1();
		AreaReference area = new AreaReference(formula, wb.getSpreadsheetVersion());
		Sheet lists = wb.getSheet(area.getFirstCell().getSheetName());
		return Stream.of(area.getAllReferencedCells())
			.map(CellReference::getRow)
			.map(r -> CELLS.formatCellValue(lists.getRow(r).getCell(area.getFirstCell().getCol())))
			.toList();
	}

	private String[] row(String name, String idNumber) {
		return new String[] { name, "01 居民身份证", idNumber, "汉", IDS.phone(), "吉林省长春市", "020 钢筋工",
				"1 以完成一定工作为期限", today().minusDays(10).toString(), "", today().minusDays(5).toString(), IDS.bankCard(),
				"102 中国工商银行", "", "否" };
	}

	/** The downloaded template with the rows filled in from its third row on, as a clerk fills it in. */
	private static Path filled(Path template, List<String[]> rows) throws IOException {
		Path file = Files.createTempFile("roster", ".xlsx");
		try (InputStream in = Files.newInputStream(template); XSSFWorkbook wb = new XSSFWorkbook(in);
				OutputStream out = Files.newOutputStream(file)) {
			Sheet sheet = wb.getSheet("花名册");
			for (int r = 0; r < rows.size(); r++) {
				Row row = sheet.getRow(2 + r) == null ? sheet.createRow(2 + r) : sheet.getRow(2 + r);
				for (int c = 0; c < rows.get(r).length; c++) {
					row.createCell(c).setCellValue(rows.get(r)[c]);
				}
			}
			wb.write(out);
		}
		return file;
	}

	private static List<String> marks(int days, int from, int to) {
		return IntStream.rangeClosed(1, days).mapToObj(d -> d >= from && d <= to ? "√" : "").toList();
	}

	private static Row rowOf(Sheet sheet, String name) {
		for (Row row : sheet) {
			if (name.equals(CELLS.formatCellValue(row.getCell(0)))) {
				return row;
			}
		}
		throw new AssertionError(name + " not on the sheet");
	}
}
