package io.siteroll.payroll;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;

import io.siteroll.campaign.DepartmentContacts;
import io.siteroll.identity.Actor;
import io.siteroll.identity.Role;
import io.siteroll.support.ApiClient;
import io.siteroll.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * 维权信息告示牌 (条例 art. 34) generated from the project's records: units, the project manager and the 劳资专管员 with
 * their phones, the wage account's bank with the number masked, the pay date, the guarantee, the department and the
 * complaint lines; anyone who sees the project prints it, nobody else reaches it.
 */
class RightsBoardTest extends IntegrationTest {

	/** 四平市铁西区: a county no other test names a contact for. */
	static final String COUNTY = "220302";

	@Autowired
	DepartmentContacts contacts;

	/** A project with everything the board shows; returns the board's facts for the assertions. */
	record Board(Site site, String ownerName, String labourName, String manager, String managerPhone, String officer,
			String officerPhone, String accountNumber, String contactPhone) {
	}

	Board board(ApiClient province) {
		Site site = site(province, COUNTY, today().minusMonths(2));
		long owner = enterprise(province, COUNTY);
		assertThat(province.post("/api/projects/" + site.projectId() + "/units", Map.of("enterpriseId", owner, "unitType",
				"008", "entryDate", today().minusMonths(2))).status()).isEqualTo(201);
		ApiClient contractor = as(account(Role.ENTERPRISE_ADMIN, null, site.contractorId(), null, true));
		String manager = IDS.name();
		String officer = IDS.name();
		String managerPhone = IDS.phone();
		String officerPhone = IDS.phone();
		appoint(province, contractor, site, manager, managerPhone, "PROJECT_MANAGER");
		appoint(province, contractor, site, officer, officerPhone, "LABOUR_OFFICER");
		String accountNumber = "2205011101" + String.format("%010d", IDS.nextInt(1_000_000_000));
		assertThat(contractor.post("/api/projects/" + site.projectId() + "/wage-account", Map.of("bankName",
				"中国建设银行四平铁西支行", "bankCode", "105", "accountNumber", accountNumber, "agreementFileName", "三方协议.pdf",
				"agreementType", "application/pdf", "agreement",
				Base64.getEncoder().encodeToString("%PDF-1.4".getBytes(StandardCharsets.UTF_8)))).status()).isEqualTo(201);
		assertThat(contractor.post("/api/projects/" + site.projectId() + "/wage-guarantees", Map.of("kind", "BANK_GUARANTEE",
				"amount", "600000", "contractValue", "30000000", "providedOn", today(), "validUntil", today().plusYears(1)))
			.status()).isEqualTo(201);
		String contactPhone = "0434-" + (3_000_000 + IDS.nextInt(999_999));
		contacts.name(COUNTY, new DepartmentContacts.Details("周立新", "建筑市场科科长", contactPhone, "zhou@tiexi.gov.cn"),
				Actor.SYSTEM);
		String ownerName = null;
		String labourName = null;
		for (JsonNode unit : province.get("/api/projects/" + site.projectId() + "/units").json()) {
			if (unit.get("enterpriseId").asLong() == owner) {
				ownerName = unit.get("enterpriseName").asString();
			}
			if (unit.get("id").asLong() == site.labourUnitId()) {
				labourName = unit.get("enterpriseName").asString();
			}
		}
		return new Board(site, ownerName, labourName, manager, managerPhone, officer, officerPhone, accountNumber,
				contactPhone);
	}

	private void appoint(ApiClient province, ApiClient contractor, Site site, String name, String phone, String post) {
		ApiClient.Response person = province.post("/api/persons", Map.of("idNumber", IDS.idNumber(1970, 1990), "name", name,
				"phone", phone));
		assertThat(person.status()).as(person.body()).isIn(200, 201);
		ApiClient.Response appointed = contractor.post("/api/projects/" + site.projectId() + "/managers", Map.of("personId",
				person.id(), "post", post, "unitId", site.gcUnitId(), "tenureFrom", today().minusMonths(1)));
		assertThat(appointed.status()).as(appointed.body()).isEqualTo(201);
	}

	@Test
	void theBoardShowsWhatArticle34AsksFromTheProjectsRecords() {
		ApiClient province = as(province());
		Board b = board(province);
		ApiClient contractor = as(account(Role.ENTERPRISE_ADMIN, null, b.site().contractorId(), null, true));
		String project = province.get("/api/projects/" + b.site().projectId()).json().get("name").asString();
		String contractorName = province.get("/api/projects/" + b.site().projectId()).json().get("contractorName").asString();

		ApiClient.Response wages = contractor.get("/projects/" + b.site().projectId() + "/wages");
		assertThat(wages.body()).contains("/projects/" + b.site().projectId() + "/rights-board", "维权信息告示牌");

		ApiClient.Response page = contractor.get("/projects/" + b.site().projectId() + "/rights-board");
		assertThat(page.status()).isEqualTo(200);
		assertThat(page.body()).contains("维权信息告示牌", "第三十四条", project, contractorName, b.ownerName(), b.labourName(),
				"劳务分包", b.manager(), b.managerPhone(), b.officer(), b.officerPhone(), "劳资专管员", "中国建设银行四平铁西支行",
				b.accountNumber().substring(0, 4), b.accountNumber().substring(b.accountNumber().length() - 4),
				"每月15日前支付上月工资", "银行保函", "600,000.00", "12333", "12348", "劳动保障监察",
				"住房和城乡建设局", "周立新", b.contactPhone(),
				"以当地人力资源社会保障部门公布的标准为准", "@media print", "size: A4")
			.doesNotContain(b.accountNumber());

		ApiClient.Response english = contractor.english().get("/projects/" + b.site().projectId() + "/rights-board");
		assertThat(english.body()).contains("Workers&#39; rights information", "Labour-inspection complaints", "12333");

		// whoever sees the project prints it (a subcontractor, an officer of the region); others do not reach it
		long labourEnterprise = jdbc.sql("select enterprise_id from participating_unit where id = ?")
			.param(b.site().labourUnitId()).query(Long.class).single();
		assertThat(as(account(Role.ENTERPRISE_ADMIN, null, labourEnterprise, null, false))
			.get("/projects/" + b.site().projectId() + "/rights-board").body()).contains(b.officerPhone());
		assertThat(as(account(Role.COUNTY_OFFICER, COUNTY, null, null, false))
			.get("/projects/" + b.site().projectId() + "/rights-board").status()).isEqualTo(200);
		ApiClient.Response elsewhere = as(account(Role.CITY_OFFICER, "220100", null, null, false))
			.get("/projects/" + b.site().projectId() + "/rights-board");
		assertThat(elsewhere.status()).isEqualTo(404);
		assertThat(elsewhere.body()).doesNotContain(b.officerPhone());
	}
}
