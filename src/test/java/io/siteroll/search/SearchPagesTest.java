package io.siteroll.search;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

import io.siteroll.identity.Role;
import io.siteroll.support.ApiClient;
import io.siteroll.support.IntegrationTest;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The search page finds within the caller's scope as the API does, and refuses what cannot be searched, in words. */
class SearchPagesTest extends IntegrationTest {

	/** A worker engaged on a fresh site in 长春市朝阳区: the site, the ID number and the name. */
	record Worker(Site site, String idNumber, String name, String masked) {
	}

	private Worker worker(ApiClient province) {
		Site site = site(province, "220102", today().minusMonths(1));
		String idNumber = IDS.idNumber(1975, 1995);
		String name = "查" + IDS.name();
		ApiClient.Response engaged = province.post("/api/projects/" + site.projectId() + "/workers",
				worker(site.teamId(), idNumber, name, IDS.bankCard()));
		assertThat(engaged.status()).as(engaged.body()).isEqualTo(201);
		return new Worker(site, idNumber, name, engaged.json().get("idNumberMasked").asString());
	}

	private static String search(ApiClient client, String q) {
		ApiClient.Response page = client.get("/search?q=" + URLEncoder.encode(q, StandardCharsets.UTF_8));
		assertThat(page.status()).as(page.body()).isEqualTo(200);
		assertThat(page.contentType()).startsWith("text/html");
		return page.body();
	}

	@Test
	void personsAreFoundWithinTheScopeTheApiGivesEachRole() {
		ApiClient province = as(province());
		Worker w = worker(province);
		Site elsewhere = site(province, "220202", today().minusMonths(1));

		assertThat(search(as(account(Role.CITY_OFFICER, "220100", null, null, false)), w.idNumber()))
			.contains(w.name(), w.masked());
		assertThat(search(as(account(Role.CITY_OFFICER, "220200", null, null, false)), w.idNumber()))
			.doesNotContain(w.name(), w.masked()).contains("没有找到");
		assertThat(search(as(account(Role.ENTERPRISE_ADMIN, null, w.site().contractorId(), null, false)), w.name()))
			.as("the general contractor sees the persons engaged on its projects").contains(w.masked());
		assertThat(search(as(account(Role.LABOUR_CLERK, null, null, w.site().projectId(), false)), w.idNumber()))
			.contains(w.name());
		assertThat(search(as(account(Role.ENTERPRISE_ADMIN, null, elsewhere.contractorId(), null, false)), w.idNumber()))
			.as("another enterprise does not").doesNotContain(w.name(), w.masked());
		assertThat(search(as(account(Role.LABOUR_CLERK, null, null, elsewhere.projectId(), false)), w.name()))
			.doesNotContain(w.masked());
	}

	@Test
	void anIdNumberIsMatchedWholeNeverInPart() {
		ApiClient province = as(province());
		Worker w = worker(province);
		ApiClient officer = as(account(Role.CITY_OFFICER, "220100", null, null, false));

		assertThat(search(officer, w.idNumber().substring(0, 14))).doesNotContain(w.masked());
		assertThat(search(officer, w.idNumber().substring(4))).doesNotContain(w.masked());
		String wrongCheck = w.idNumber().substring(0, 17) + (w.idNumber().endsWith("0") ? "1" : "0");
		assertThat(search(officer, wrongCheck)).doesNotContain(w.masked()).contains("没有找到");
		assertThat(search(officer, w.idNumber().toLowerCase())).contains(w.masked());
	}

	@Test
	void projectsAreFoundByCodeOnlyWhereTheCallerSeesThem() {
		ApiClient province = as(province());
		Site site = site(province, "220102", today().minusMonths(1));
		String code = province.get("/api/projects/" + site.projectId()).json().get("code").asString();
		String name = site.projectName();

		assertThat(search(as(account(Role.COUNTY_OFFICER, "220102", null, null, false)), code)).contains(name);
		assertThat(search(as(account(Role.COUNTY_OFFICER, "220103", null, null, false)), code)).doesNotContain(name);
		assertThat(search(as(account(Role.ENTERPRISE_ADMIN, null, site.contractorId(), null, false)), code)).contains(name);
	}

	@Test
	void aQueryTooShortOrTooLongIsRefusedInWordsAndSearchesNothing() {
		ApiClient officer = as(province());
		String oneCharacter = search(officer, "张");
		assertThat(oneCharacter).contains("请至少输入 2 个字", "is-invalid").doesNotContain("<h2");
		assertThat(search(officer.english(), " a ")).contains("type at least 2 characters");
		assertThat(search(as(province()), "长".repeat(61))).contains("长度不能超过 60 个字符").doesNotContain("<h2");
		assertThat(search(as(province()), "")).doesNotContain("is-invalid", "<h2");
	}
}
