package io.siteroll.enforcement;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import io.siteroll.campaign.DepartmentContacts;
import io.siteroll.identity.Actor;
import io.siteroll.identity.Role;
import io.siteroll.support.ApiClient;
import io.siteroll.support.IntegrationTest;
import io.siteroll.support.PdfText;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/** 责令限期整改通知书: the order as a numbered official document of the issuing department, as PDF. */
class OrderDocumentTest extends IntegrationTest {

	@Autowired
	DepartmentContacts contacts;

	private long orderFromNoDeviceWarning(ApiClient officer, Site site) {
		long warningId = officer.get("/api/warnings?projectId=" + site.projectId() + "&kind=NO_DEVICE").json().get("items")
			.get(0).get("id").asLong();
		ApiClient.Response order = officer.post("/api/orders/from-warning", Map.of("warningId", warningId));
		assertThat(order.status()).as(order.body()).isEqualTo(201);
		return order.id();
	}

	@Test
	void anOrderPrintsAsTheIssuingBureausNumberedNotice() throws IOException {
		ApiClient province = as(province());
		Site first = site(province, "220102", today().minusMonths(2));
		Site second = site(province, "220103", today().minusMonths(2));
		refreshWarnings(province);
		ApiClient changchun = as(account(Role.CITY_OFFICER, "220100", null, null, false));
		long a = orderFromNoDeviceWarning(changchun, first);
		long b = orderFromNoDeviceWarning(changchun, second);
		String contractor = changchun.get("/api/enterprises/" + first.contractorId()).json().get("name").asString();
		int year = today().getYear();

		String phone = "139" + String.format("%08d", System.nanoTime() % 100_000_000);
		contacts.name("220100", new DepartmentContacts.Details("韩立新", "科长", phone, "hlx@example.cn"), Actor.SYSTEM);
		assertThat(changchun.get("/orders/" + a).body()).as("the order's page names the issuing bureau's contact")
			.contains("韩立新", "科长", phone);

		ApiClient.Response firstPdf = changchun.get("/orders/" + a + "/document.pdf");
		Path sample = Path.of("target", "documents", "rectification-order.pdf");
		Files.createDirectories(sample.getParent());
		Files.write(sample, firstPdf.bytes());
		String firstText = PdfText.of(firstPdf);
		assertThat(firstText).contains("长春市住房和城乡建设局", "责令限期整改通知书", contractor.replaceAll("\\s+", ""), "整改期限",
				"《保障农民工工资支付条例》", "未配备考勤设备");
		assertThat(firstText).as("the document names the issuing bureau's current contact")
			.contains("联系人", "韩立新（科长），电话" + phone);
		assertThat(firstText).doesNotContain("NO_DEVICE", "{", "=");
		String number = firstText.replaceAll(".*?(长住建整改〔" + year + "〕\\d+号).*", "$1");
		assertThat(number).startsWith("长住建整改〔" + year + "〕");
		assertThat(PdfText.of(changchun.get("/orders/" + a + "/document.pdf"))).as("a number, once given, stays").contains(number);

		int serial = Integer.parseInt(number.replaceAll(".*〕(\\d+)号", "$1"));
		assertThat(PdfText.of(changchun.get("/orders/" + b + "/document.pdf")))
			.as("the next order of the same bureau takes the next number")
			.contains("长住建整改〔" + year + "〕" + (serial + 1) + "号");

		ApiClient jilin = as(account(Role.CITY_OFFICER, "220200", null, null, false));
		assertThat(jilin.get("/orders/" + a + "/document.pdf").status()).isEqualTo(404);
		ApiClient enterprise = as(account(Role.ENTERPRISE_ADMIN, null, first.contractorId(), null, false));
		assertThat(PdfText.of(enterprise.get("/orders/" + a + "/document.pdf"))).as("the addressee reads the same document")
			.contains(number);
	}
}
