package io.siteroll.bench;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import io.siteroll.support.ApiClient;
import io.siteroll.support.IntegrationTest;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.junit.jupiter.api.Test;

/**
 * Prints the time to import a 10,000-row roster through the HTTP API (parse, validate, encrypt,
 * write persons, engagements, movements and audit in one transaction). Not part of the default
 * suite (the name does not end in Test); run on demand:
 * {@code ./mvnw test -Dtest=RosterImportBenchmark -Dsurefire.failIfNoSpecifiedTests=false}.
 * Prints figures, asserts nothing about time.
 */
class RosterImportBenchmark extends IntegrationTest {

	static final int ROWS = 10_000;

	static final int RUNS = 3;

	private byte[] roster() throws IOException {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		Workbook wb = new Workbook(out, "bench", "1.0");
		Worksheet ws = wb.newWorksheet("花名册");
		String[] header = { "姓名*", "证件类型(默认01)", "证件号码*", "民族", "手机号码", "住址", "工种代码*", "合同期限类型*(0固定期限/1完成一定工作)",
				"合同开始日期*", "合同结束日期", "进场日期*", "工资卡号", "开户银行代码", "开户银行名称", "允许多项目并存(是/否)" };
		for (int c = 0; c < header.length; c++) {
			ws.value(0, c, header[c]);
		}
		String start = today().minusDays(20).toString();
		String entry = today().minusDays(3).toString();
		for (int r = 1; r <= ROWS; r++) {
			String[] row = { IDS.name(), "01", IDS.idNumber(1970, 2000), "汉", IDS.phone(), "吉林省长春市", "020", "1", start, "",
					entry, IDS.bankCard(), "102", "", "否" };
			for (int c = 0; c < row.length; c++) {
				ws.value(r, c, row[c]);
			}
		}
		wb.finish();
		return out.toByteArray();
	}

	@Test
	void importTenThousandRows() throws IOException {
		ApiClient api = as(province());
		List<Long> millis = new ArrayList<>();
		for (int run = 0; run < RUNS; run++) {
			Site site = site(api, "220102", today().minusMonths(1));
			byte[] file = roster();
			long started = System.nanoTime();
			ApiClient.Response result = api.upload("/api/projects/" + site.projectId() + "/teams/" + site.teamId() + "/roster",
					"file", "bench.xlsx", file);
			long took = (System.nanoTime() - started) / 1_000_000;
			if (result.status() != 201) {
				throw new IllegalStateException(result.body());
			}
			millis.add(took);
			System.out.printf("roster import run %d: %,d rows in %,d ms (%,.0f rows/s)%n", run + 1, ROWS, took, ROWS * 1000.0 / took);
		}
		Collections.sort(millis);
		long median = millis.get(millis.size() / 2);
		System.out.printf("ROSTER IMPORT BENCHMARK: %,d rows, median %,d ms over %d runs (%,.0f rows/s)%n", ROWS, median, RUNS,
				ROWS * 1000.0 / median);
	}
}
