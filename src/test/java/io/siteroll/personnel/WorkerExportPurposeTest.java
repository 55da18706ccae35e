package io.siteroll.personnel;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;

import io.siteroll.identity.Role;
import io.siteroll.privacy.Masking;
import io.siteroll.support.ApiClient;
import io.siteroll.support.IntegrationTest;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.junit.jupiter.api.Test;

/**
 * An officer's Excel of a project's workers holds ID numbers and wage cards masked; in clear only for an officer whose
 * account may reveal personal data and who states the purpose, and then the export is in the audit trail with its
 * purpose and number of records.
 */
class WorkerExportPurposeTest extends IntegrationTest {

	@Test
	void workersAreExportedInClearOnlyWithTheRevealPermissionAndAStatedPurpose() throws IOException {
		ApiClient province = as(province());
		Site site = site(province, "220113", today().minusDays(30));
		String idNumber = IDS.idNumber(1970, 2000);
		String bankCard = IDS.bankCard();
		assertThat(province.post("/api/projects/" + site.projectId() + "/workers",
				worker(site.teamId(), idNumber, IDS.name(), bankCard)).status()).isEqualTo(201);
		String path = "/projects/" + site.projectId() + "/workers?format=xlsx";

		List<String> masked = firstWorker(province.get(path));
		assertThat(masked).contains(Masking.idNumber(idNumber), Masking.bankCard(bankCard)).doesNotContain(idNumber, bankCard);
		assertThat(exports(site)).isZero();

		String purpose = URLEncoder.encode("农民工工资专项检查", StandardCharsets.UTF_8);
		List<String> clear = firstWorker(province.get(path + "&purpose=" + purpose));
		assertThat(clear).contains(idNumber, bankCard);
		assertThat(exports(site)).isEqualTo(1);
		assertThat(jdbc.sql("""
				select after_state ->> 'records' || '|' || (after_state ->> 'purpose') from audit_entry
				where action = 'PERSONAL_DATA_EXPORTED' and subject_id = ?""")
			.param(String.valueOf(site.projectId()))
			.query(String.class)
			.single()).isEqualTo("1|农民工工资专项检查");

		ApiClient blank = as(province());
		assertThat(blank.get(path + "&purpose=").status()).isEqualTo(400);
		ApiClient noReveal = as(account(Role.PROVINCE_OFFICER, "220000", null, null, false));
		ApiClient.Response refused = noReveal.get(path + "&purpose=" + purpose);
		assertThat(refused.status()).isEqualTo(403);
		assertThat(noReveal.get(path).status()).isEqualTo(200);
		ApiClient clerk = as(account(Role.LABOUR_CLERK, "220113", null, site.projectId(), true));
		assertThat(clerk.get(path + "&purpose=" + purpose).status()).isEqualTo(403);
		assertThat(exports(site)).isEqualTo(1);
	}

	private long exports(Site site) {
		return jdbc.sql("select count(*) from audit_entry where action = 'PERSONAL_DATA_EXPORTED' and subject_id = ?")
			.param(String.valueOf(site.projectId()))
			.query(Long.class)
			.single();
	}

	private static List<String> firstWorker(ApiClient.Response excel) throws IOException {
		assertThat(excel.status()).as(excel.body()).isEqualTo(200);
		try (ReadableWorkbook wb = new ReadableWorkbook(new ByteArrayInputStream(excel.bytes()))) {
			List<Row> rows = wb.getFirstSheet().read();
			assertThat(rows).hasSize(2);
			Row worker = rows.get(1);
			return java.util.stream.IntStream.range(0, worker.getCellCount())
				.mapToObj(c -> worker.getCell(c) == null ? "" : worker.getCell(c).getText())
				.toList();
		}
	}
}
