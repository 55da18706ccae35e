package io.siteroll.personnel;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import io.siteroll.support.ApiClient;
import io.siteroll.support.IntegrationTest;
import org.junit.jupiter.api.Test;

/** 一数一源: one record per identity. */
class PersonRegistryTest extends IntegrationTest {

	@Test
	void theSameIdentityTwiceGivesOnePerson() {
		ApiClient api = as(province());
		String id = IDS.idNumber(1980, 1990);
		String name = IDS.name();
		ApiClient.Response first = api.post("/api/persons", Map.of("idType", "01", "idNumber", id, "name", name));
		ApiClient.Response second = api.post("/api/persons", Map.of("idType", "01", "idNumber", id.toLowerCase(), "name", name));
		assertThat(first.status()).isEqualTo(201);
		assertThat(second.status()).isEqualTo(200);
		assertThat(second.id()).isEqualTo(first.id());
		assertThat(first.json().get("idNumberMasked").asString()).isEqualTo(id.substring(0, 6) + "********" + id.substring(14));
		assertThat(first.json().get("birthDate").asString()).isEqualTo(
				id.substring(6, 10) + "-" + id.substring(10, 12) + "-" + id.substring(12, 14));
		long rows = jdbc.sql("select count(*) from person where id_number_masked = ? and name = ?")
			.params(first.json().get("idNumberMasked").asString(), name)
			.query(Long.class)
			.single();
		assertThat(rows).isEqualTo(1);
	}

	@Test
	void aKnownIdentityUnderAnotherNameIsAConflictAndChangesNothing() {
		ApiClient api = as(province());
		String id = IDS.idNumber(1980, 1990);
		api.post("/api/persons", Map.of("idNumber", id, "name", "张三"));
		ApiClient.Response clash = api.english().post("/api/persons", Map.of("idNumber", id, "name", "李四"));
		assertThat(clash.status()).isEqualTo(409);
		assertThat(rules(clash)).containsExactly("person.name-mismatch");
		assertThat(clash.json().get("errors").get(0).get("message").asString()).contains("registered under another name");
	}

	@Test
	void aBadRegistrationNamesEveryFieldAndRuleInTheCallersLanguage() {
		ApiClient.Response zh = as(province()).post("/api/persons", Map.of("idNumber", "110105194912310021", "phone", "12"));
		assertThat(zh.status()).isEqualTo(400);
		assertThat(zh.contentType()).startsWith("application/problem+json");
		assertThat(rules(zh)).containsExactlyInAnyOrder("id-number.check-digit", "required", "phone.format");
		assertThat(zh.body()).contains("身份证号码校验码错误");
		ApiClient.Response en = as(province()).english().post("/api/persons", Map.of("idNumber", "110105194912310021", "name", "王五"));
		assertThat(en.json().get("errors").get(0).get("field").asString()).isEqualTo("idNumber");
		assertThat(en.body()).contains("check digit of the ID number is wrong");
	}
}
