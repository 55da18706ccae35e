package io.siteroll.enforcement;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import io.siteroll.identity.Role;
import io.siteroll.support.ApiClient;
import io.siteroll.support.IntegrationTest;
import io.siteroll.support.PdfText;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * 行政处罚决定书: a decision taken on the pages is numbered in the deciding county bureau's series and prints as its
 * official document: the bureau, the number, the addressee's full name, the facts (the order and its re-check) in
 * sentences, the legal basis, the measures with the fine, the date and room for the seal.
 */
class PenaltyDocumentTest extends IntegrationTest {

	/** An overdue R3 order (3 workers without attendance) of a project in 双阳区, decided by its officer on the page. */
	private long decidedOnThePage(ApiClient officer, Site site) {
		ApiClient province = as(province());
		for (int i = 0; i < 3; i++) {
			engagedWorker(province, site);
		}
		long inspection = officer.post("/api/projects/" + site.projectId() + "/inspections", inspectionRecord(today().minusDays(1), 3))
			.id();
		long orderId = officer.post("/api/orders/from-inspection", Map.of("inspectionId", inspection)).id();
		jdbc.sql("update rectification_order set issued_on = ?, deadline = ? where id = ?")
			.params(today().minusDays(9), today().minusDays(2), orderId).update();
		assertThat(officer.form("/orders/" + orderId + "/recheck", Map.of()).status()).isEqualTo(302);
		Map<String, String> form = new LinkedHashMap<>();
		form.put("party", "CONSTRUCTION_ENTERPRISE");
		form.put("measures", "FINE");
		form.put("fineYuan", "60000");
		form.put("stopWorkFrom", today().toString());
		form.put("decidedOn", today().toString());
		ApiClient.Response decided = officer.form("/orders/" + orderId + "/penalties?measures=STOP_WORK", form);
		assertThat(decided.status()).as(decided.body()).isEqualTo(302);
		return officer.get("/api/projects/" + site.projectId() + "/penalties").json().get(0).get("id").asLong();
	}

	@Test
	void aDecisionPrintsAsTheCountyBureausNumberedDecision() throws IOException {
		ApiClient officer = as(account(Role.COUNTY_OFFICER, "220112", null, null, false));
		ApiClient province = as(province());
		Site first = site(province, "220112", today().minusMonths(2));
		Site second = site(province, "220112", today().minusMonths(2));
		long a = decidedOnThePage(officer, first);
		long b = decidedOnThePage(officer, second);
		String contractor = officer.get("/api/enterprises/" + first.contractorId()).json().get("name").asString();
		int year = today().getYear();

		ApiClient.Response pdf = officer.get("/penalties/" + a + "/document.pdf");
		Path sample = Path.of("target", "documents", "penalty-decision.pdf");
		Files.createDirectories(sample.getParent());
		Files.write(sample, pdf.bytes());
		String text = PdfText.of(pdf);
		assertThat(text).contains("双阳区住房和城乡建设局", "行政处罚决定书", contractor.replaceAll("\\s+", "") + "：",
				"双阳住建整改〔" + year + "〕", "缺少考勤3人", "逾期未整改", "《保障农民工工资支付条例》第五十五条",
				"罚款人民币60000元", "责令停工整改", "申请行政复议", "罚款金额：60000元");
		assertThat(text).doesNotContain("FINE", "STOP_WORK", "CONSTRUCTION_ENTERPRISE", "R3", "{", "=");
		String number = text.replaceAll(".*?(双阳住建罚〔" + year + "〕\\d+号).*", "$1");
		assertThat(number).startsWith("双阳住建罚〔" + year + "〕");
		assertThat(officer.get("/api/projects/" + first.projectId() + "/penalties").json().get(0).get("documentNumber").asString())
			.as("the document carries the number the decision was taken with").isEqualTo(number);
		int serial = Integer.parseInt(number.replaceAll(".*〕(\\d+)号", "$1"));
		assertThat(PdfText.of(officer.get("/penalties/" + b + "/document.pdf")))
			.as("the bureau's next decision takes the next number of its series")
			.contains("双阳住建罚〔" + year + "〕" + (serial + 1) + "号");

		String printable = officer.get("/penalties/" + a + "/document").body();
		assertThat(printable).contains("双阳区住房和城乡建设局", number, "行政处罚决定书", "罚款人民币60000元", "盖章处",
				"window.print()");
		ApiClient enterprise = as(account(Role.ENTERPRISE_ADMIN, null, first.contractorId(), null, false));
		assertThat(PdfText.of(enterprise.get("/penalties/" + a + "/document.pdf"))).as("the addressee reads the same document")
			.contains(number);
		assertThat(as(account(Role.CITY_OFFICER, "220200", null, null, false)).get("/penalties/" + a + "/document.pdf").status())
			.isEqualTo(404);
	}
}
