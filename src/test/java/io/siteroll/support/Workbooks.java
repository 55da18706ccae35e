package io.siteroll.support;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;

/**
 * Excel files as a labour clerk fills in the platform's templates: the template's header in the first row, then the
 * rows given, a {@code null} cell left empty.
 */
public final class Workbooks {

	/** The roster (花名册) template's columns, as the platform serves them at {@code /api/roster-template}. */
	public static final List<String> ROSTER_HEADER = List.of("姓名*", "证件类型(默认01)", "证件号码*", "民族", "手机号码", "住址",
			"工种代码*", "合同期限类型*(0固定期限/1完成一定工作)", "合同开始日期*", "合同结束日期", "进场日期*", "工资卡号", "开户银行代码",
			"开户银行名称", "允许多项目并存(是/否)");

	/** The wage table (工资表) template's columns: name, ID number, card, bank code, basic pay, other pay, deductions. */
	public static final List<String> WAGE_TABLE_HEADER = List.of("姓名*", "证件号码*", "工资卡号*", "开户银行代码", "基本工资(元)*",
			"其他应发(元)", "扣款(元)");

	private Workbooks() {
	}

	public static byte[] roster(List<String[]> rows) {
		return sheet("花名册", ROSTER_HEADER, rows);
	}

	public static byte[] wageTable(List<String[]> rows) {
		return sheet("工资表", WAGE_TABLE_HEADER, rows);
	}

	public static byte[] sheet(String name, List<String> header, List<String[]> rows) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try {
			Workbook wb = new Workbook(out, "siteroll-test", "1.0");
			Worksheet ws = wb.newWorksheet(name);
			for (int c = 0; c < header.size(); c++) {
				ws.value(0, c, header.get(c));
			}
			for (int r = 0; r < rows.size(); r++) {
				String[] row = rows.get(r);
				for (int c = 0; c < row.length; c++) {
					if (row[c] != null) {
						ws.value(r + 1, c, row[c]);
					}
				}
			}
			wb.finish();
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		return out.toByteArray();
	}

	/** The cells of a workbook's first sheet as text, row by row (an empty cell is ""). */
	public static List<List<String>> cells(byte[] xlsx) {
		try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
			DataFormatter format = new DataFormatter();
			List<List<String>> rows = new ArrayList<>();
			for (Row row : wb.getSheetAt(0)) {
				List<String> cells = new ArrayList<>();
				for (int c = 0; c < row.getLastCellNum(); c++) {
					cells.add(format.formatCellValue(row.getCell(c)));
				}
				rows.add(cells);
			}
			return rows;
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}
}
