package io.siteroll.payroll.internal;

import static io.siteroll.platform.Spreadsheets.text;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import io.siteroll.payroll.WageTables.NewLine;
import io.siteroll.platform.RuleViolation;
import io.siteroll.platform.Spreadsheets;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.dhatim.fastexcel.reader.Row;
import org.springframework.stereotype.Component;

/**
 * 工资表 as an .xlsx file: the template to download and the reading of a filled one into lines. Days worked are not
 * a column: they come from attendance. A value that is not a number where money goes is refused by its row.
 */
@Component
class WageTableSheet {

	static final String[] COLUMNS = { "姓名*", "证件号码*", "工资卡号*", "开户银行代码", "基本工资(元)*", "其他应发(元)", "扣款(元)" };

	private static final int TEMPLATE_ROWS = 2000;

	byte[] template() {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try {
			Workbook wb = new Workbook(out, "SiteRoll", "1.0");
			Worksheet ws = wb.newWorksheet("工资表");
			for (int c = 0; c < COLUMNS.length; c++) {
				ws.value(0, c, COLUMNS[c]);
				ws.style(0, c).bold().fillColor("DDEBF7").set();
				ws.width(c, 18);
				if (c < 4) {
					// ID and card numbers must stay text: 18 digits do not survive as an Excel number
					ws.range(1, c, TEMPLATE_ROWS, c).style().format("@").set();
				}
			}
			ws.freezePane(0, 1);
			Worksheet help = wb.newWorksheet("填写说明");
			help.value(0, 0, "每行一名工人。出勤天数不填写：由平台按本月有效考勤自动计算。工资卡必须是工人本人登记在册的工资卡，"
					+ "不得使用班组长的银行卡。证件号码和工资卡号请按文本填写。");
			wb.finish();
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		return out.toByteArray();
	}

	List<NewLine> read(InputStream xlsx) {
		List<NewLine> lines = new ArrayList<>();
		return Spreadsheets.readFirstSheet(xlsx, "wage-table.unreadable", WageTableBook.MAX_LINES, header -> {
			if (!COLUMNS[0].equals(text(header, 0)) || !COLUMNS[2].equals(text(header, 2))) {
				throw RuleViolation.of("file", "wage-table.template");
			}
		}, row -> {
			if (text(row, 0) == null && text(row, 1) == null && text(row, 2) == null) {
				return null;
			}
			int i = lines.size();
			NewLine line = new NewLine(text(row, 1), text(row, 0), text(row, 2), text(row, 3),
					amount(row, 4, i, "basicPay"), amount(row, 5, i, "otherPay"), amount(row, 6, i, "deductions"));
			lines.add(line);
			return line;
		});
	}

	private static BigDecimal amount(Row row, int c, int line, String field) {
		String text = text(row, c);
		if (text == null) {
			return null;
		}
		try {
			return new BigDecimal(text);
		}
		catch (NumberFormatException e) {
			throw RuleViolation.of("lines[" + line + "]." + field, "money.amount");
		}
	}

}
