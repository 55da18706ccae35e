package io.siteroll.attendance;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import io.siteroll.identity.Role;
import io.siteroll.support.ApiClient;
import io.siteroll.support.IntegrationTest;
import org.junit.jupiter.api.Test;

/** The blacklist page: the API's scope (officers of the person's region; others get the error pages), refusals change nothing. */
class BlacklistPagesTest extends IntegrationTest {

	@Test
	void theBlacklistPageKeepsTheApiScopeAndRefusalsChangeNothing() {
		ApiClient province = as(province());
		Site site = site(province, "220102", today().minusMonths(2));
		EngagedWorker worker = engage(province, site);
		ApiClient city = as(account(Role.CITY_OFFICER, "220100", null, null, false));
		ApiClient elsewhere = as(account(Role.CITY_OFFICER, "220200", null, null, false));
		ApiClient enterprise = as(account(Role.ENTERPRISE_ADMIN, null, site.contractorId(), null, false));

		ApiClient.Response forbidden = enterprise.get("/gate-blacklist");
		assertThat(forbidden.status()).isEqualTo(403);
		assertThat(forbidden.contentType()).contains("text/html");
		assertThat(enterprise.form("/gate-blacklist", Map.of("idNumber", worker.idNumber(), "reason", "x")).status()).isEqualTo(403);

		ApiClient.Response outside = elsewhere.form("/gate-blacklist", Map.of("idNumber", worker.idNumber(), "reason", "冒名"));
		assertThat(outside.status()).isEqualTo(200);
		assertThat(outside.body()).contains("证件号码：本地区没有登记此证件号码的人员", "is-invalid");
		ApiClient.Response malformed = city.form("/gate-blacklist", Map.of("idNumber", "12345", "reason", "冒名"));
		assertThat(malformed.body()).contains("证件号码：", "is-invalid");
		assertThat(listings(worker.personId())).isZero();

		assertThat(city.form("/gate-blacklist", Map.of("idNumber", worker.idNumber(), "reason", "冒名顶替")).status()).isEqualTo(302);
		assertThat(listings(worker.personId())).isEqualTo(1);
		ApiClient.Response twice = city.form("/gate-blacklist", Map.of("idNumber", worker.idNumber(), "reason", "再次"));
		assertThat(twice.body()).contains("已在黑名单", "is-invalid");
		long id = jdbc.sql("select id from gate_blacklist where person_id = ?").param(worker.personId()).query(Long.class).single();

		assertThat(city.get("/gate-blacklist?q=" + worker.idNumber()).status()).as("a full ID number redirects to its person")
			.isEqualTo(302);
		assertThat(city.form("/gate-blacklist/search", Map.of("q", worker.idNumber())).status())
			.as("the search box posts, so the number never travels in an address").isEqualTo(302);
		ApiClient.Response list = city.get("/gate-blacklist?person=" + worker.personId());
		assertThat(list.body()).contains(worker.name(), "冒名顶替", "共 1 条").doesNotContain(worker.idNumber());
		assertThat(city.get("/gate-blacklist?q=" + URLEncoder.encode(worker.name().substring(0, 1), StandardCharsets.UTF_8)).body()).contains(worker.name());
		assertThat(elsewhere.get("/gate-blacklist").body()).doesNotContain(worker.name());
		assertThat(city.get("/gate-blacklist?format=xlsx").contentType()).contains("spreadsheetml");

		assertThat(elsewhere.form("/gate-blacklist/" + id + "/lift", Map.of("liftReason", "越权")).status())
			.as("another region's listing answers as if it did not exist").isEqualTo(404);
		ApiClient.Response blank = city.form("/gate-blacklist/" + id + "/lift", Map.of("liftReason", ""));
		assertThat(blank.body()).contains("解除理由：必填", "is-invalid");
		assertThat(jdbc.sql("select lifted_at is null from gate_blacklist where id = ?").param(id).query(Boolean.class)
			.single()).isTrue();

		assertThat(city.form("/gate-blacklist/" + id + "/lift", Map.of("liftReason", "复核解除")).status()).isEqualTo(302);
		assertThat(jdbc.sql("select lift_reason from gate_blacklist where id = ?").param(id).query(String.class).single())
			.isEqualTo("复核解除");
		assertThat(city.get("/gate-blacklist?lifted=true&person=" + worker.personId()).body()).contains("已解除", "复核解除");
	}

	private long listings(long person) {
		return jdbc.sql("select count(*) from gate_blacklist where person_id = ?").param(person).query(Long.class).single();
	}
}
