package io.siteroll.support;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;

import io.siteroll.demo.SyntheticIdentities;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;

/** Builds a roster (花名册) workbook of fresh synthetic workers in the platform's template. */
public final class RosterFile {

	private RosterFile() {
	}

	public static byte[] of(SyntheticIdentities ids, int rows, LocalDate contractStart, LocalDate entry) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try {
			Workbook wb = new Workbook(out, "siteroll-test", "1.0");
			Worksheet ws = wb.newWorksheet("花名册");
			String[] header = { "姓名*", "证件类型(默认01)", "证件号码*", "民族", "手机号码", "住址", "工种代码*",
					"合同期限类型*(0固定期限/1完成一定工作)", "合同开始日期*", "合同结束日期", "进场日期*", "工资卡号", "开户银行代码", "开户银行名称",
					"允许多项目并存(是/否)" };
			for (int c = 0; c < header.length; c++) {
				ws.value(0, c, header[c]);
			}
			for (int r = 1; r <= rows; r++) {
				String[] row = { ids.name(), "01", ids.idNumber(1970, 2000), "汉", ids.phone(), "吉林省长春市", "020", "1",
						contractStart.toString(), "", entry.toString(), ids.bankCard(), "102", "", "否" };
				for (int c = 0; c < row.length; c++) {
					ws.value(r, c, row[c]);
				}
			}
			wb.finish();
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		return out.toByteArray();
	}
}
