package io.siteroll.campaign;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import io.siteroll.identity.Role;
import io.siteroll.support.ApiClient;
import io.siteroll.support.IntegrationTest;
import org.junit.jupiter.api.Test;

/**
 * The contacts pages over HTTP: the scope of {@link DepartmentContacts} (a department changes only its own contact,
 * others get the 403 page), refused forms show each field's error in Chinese and English and change nothing, the
 * province's list filters and downloads.
 */
class ContactPagesTest extends IntegrationTest {

	/** 农安县, a county of 长春市, named only here. */
	private static final String NONGAN = "220122";

	/** 双阳区, another county of 长春市. */
	private static final String SHUANGYANG = "220112";

	@Test
	void aDepartmentChangesOnlyItsOwnContactAndRefusalsChangeNothing() {
		ApiClient county = as(account(Role.COUNTY_OFFICER, NONGAN, null, null, false));
		ApiClient neighbour = as(account(Role.COUNTY_OFFICER, SHUANGYANG, null, null, false));
		ApiClient city = as(account(Role.CITY_OFFICER, "220100", null, null, false));
		ApiClient enterprise = as(account(Role.ENTERPRISE_ADMIN, null, enterprise(as(province()), NONGAN), null, false));

		ApiClient.Response refused = county.form("/contacts/" + NONGAN,
				Map.of("contactName", "", "contactPost", "科长", "contactPhone", "0431-123", "contactEmail", "nongan.gov.cn"));
		assertThat(refused.status()).isEqualTo(200);
		assertThat(refused.body()).contains("联络人姓名：必填，不能为空 / Contact&#39;s name: is required",
				"联系电话：电话号码格式不正确 / Contact phone: is not a valid phone number",
				"电子邮箱：不是有效的电子邮箱 / E-mail: is not a valid e-mail address", "is-invalid", "0431-123");
		assertThat(contacts(NONGAN)).isZero();

		Map<String, String> details = Map.of("contactName", "周伟", "contactPost", "建筑业管理科科长", "contactPhone",
				"0431-83223333", "contactEmail", "zhouwei@nongan.gov.cn");
		assertThat(neighbour.form("/contacts/" + NONGAN, details).status()).as("another county").isEqualTo(403);
		ApiClient.Response byCity = city.form("/contacts/" + NONGAN, details);
		assertThat(byCity.status()).as("its city neither").isEqualTo(403);
		assertThat(byCity.contentType()).contains("text/html");
		assertThat(byCity.body()).contains("只能指定本部门的联络人");
		assertThat(enterprise.get("/contacts").status()).isEqualTo(403);
		assertThat(enterprise.form("/contacts/" + NONGAN, details).status()).isEqualTo(403);
		assertThat(neighbour.get("/contacts/" + NONGAN).status()).as("another county's history").isEqualTo(403);
		assertThat(county.get("/contacts/220000").status()).as("the province names no contact").isEqualTo(404);
		assertThat(contacts(NONGAN)).isZero();

		ApiClient.Response saved = county.form("/contacts/" + NONGAN, details);
		assertThat(saved.status()).isEqualTo(302);
		assertThat(contacts(NONGAN)).isEqualTo(1);
		assertThat(city.get("/contacts/" + NONGAN).body()).as("the city reads its county's contact, without a form")
			.contains("周伟", "0431-83223333").doesNotContain("contact-form");
		assertThat(city.get("/contacts?q=" + URLEncoder.encode("农安", StandardCharsets.UTF_8)).body()).contains("农安县住房和城乡建设局", "周伟", "已指定");

		ApiClient.Response english = county.english().form("/contacts/" + NONGAN,
				Map.of("contactName", "周伟", "contactPost", "科长", "contactPhone", "12", "contactEmail", "zhouwei@nongan.gov.cn"));
		assertThat(english.body()).contains("Contact phone: is not a valid phone number");
		assertThat(contacts(NONGAN)).isEqualTo(1);
	}

	@Test
	void theProvinceFiltersTheMissingOnesAndDownloadsTheList() {
		ApiClient province = as(province());
		ApiClient.Response missing = province.get("/contacts?missing=true&sort=missing&q=" + URLEncoder.encode("长白山", StandardCharsets.UTF_8));
		assertThat(missing.status()).isEqualTo(200);
		assertThat(missing.body()).contains("长白山管委会住房和城乡建设局", "逾期未指定", "报送截止日期：2021-05-30")
			.doesNotContain("已指定</span>");
		assertThat(province.get("/contacts?sort=nonsense").status()).isEqualTo(400);
		ApiClient.Response excel = province.get("/contacts?format=xlsx&missing=true");
		assertThat(excel.status()).isEqualTo(200);
		assertThat(excel.contentType()).contains("spreadsheetml");
	}

	private long contacts(String region) {
		return jdbc.sql("select count(*) from department_contact where region_code = ?").param(region).query(Long.class).single();
	}
}
