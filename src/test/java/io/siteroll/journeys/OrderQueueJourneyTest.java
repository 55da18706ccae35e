package io.siteroll.journeys;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import com.microsoft.playwright.Download;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import io.siteroll.identity.Role;
import io.siteroll.support.ApiClient;
import io.siteroll.support.BrowserTest;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Journey 3 (part): a city officer works the order queue, prints an order and takes the queue away as Excel. */
class OrderQueueJourneyTest extends BrowserTest {

	@Test
	void aCityOfficerPrintsAnOrderAndExportsTheQueue() throws IOException {
		ApiClient province = as(province());
		Site site = site(province, "220102", today().minusMonths(2));
		refreshWarnings(province);
		String officer = account(Role.CITY_OFFICER, "220100", null, null, false);
		ApiClient changchun = as(officer);
		long warningId = openWarnings(changchun, site.projectId(), "NO_DEVICE").get(0).get("id").asLong();
		long orderId = changchun.post("/api/orders/from-warning", Map.of("warningId", warningId)).id();

		signIn(officer);
		page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("整改通知")).first().click();
		assertThat(page.locator("nav[aria-label='分页']").innerText()).contains("共");
		page.locator("a[href='/orders/" + orderId + "']").click();
		Page pdf = context.waitForPage(() -> page.getByText("打印通知书（PDF）").click());
		assertThat(pdf.url()).endsWith("/orders/" + orderId + "/document.pdf");
		pdf.close();

		page.navigate(url("/orders"));
		Download download = page.waitForDownload(() -> page.getByText("导出 Excel").click());
		assertThat(download.suggestedFilename()).startsWith("整改通知_").endsWith(".xlsx");
		try (InputStream in = Files.newInputStream(download.path()); ReadableWorkbook workbook = new ReadableWorkbook(in);
				Stream<Row> rows = workbook.getFirstSheet().openStream()) {
			List<Row> all = rows.toList();
			assertThat(all.get(0).getCellText(0)).isEqualTo("编号");
			Row mine = all.stream().filter(r -> r.getCellText(0).equals(String.valueOf(orderId))).findFirst().orElseThrow();
			assertThat(mine.getCellText(2)).isEqualTo("R1 考勤设备配备与联网");
			assertThat(mine.getCellText(7)).isEqualTo("已下达");
			assertThat(mine.getCellText(4)).doesNotContain("NO_DEVICE", "{");
		}
	}
}
