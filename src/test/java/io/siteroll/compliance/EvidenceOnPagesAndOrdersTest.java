package io.siteroll.compliance;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.YearMonth;
import java.util.Map;

import io.siteroll.support.ApiClient;
import io.siteroll.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Evidence reaches people as sentences: an order's 整改事项, the warnings list, the R1 finding's calendar. */
class EvidenceOnPagesAndOrdersTest extends IntegrationTest {

	@Test
	void anOrderIssuedFromAWarningStatesTheFactsInChineseWithoutCodesOrMaps() {
		ApiClient officer = as(province());
		Site site = site(officer, "220102", today().minusMonths(2));
		refreshWarnings(officer);
		JsonNode warning = openWarnings(officer, site.projectId(), "NO_DEVICE").get(0);
		assertThat(warning.get("evidence").get("startDate").asString()).as("the API keeps the evidence's properties")
			.isEqualTo(today().minusMonths(2).toString());

		ApiClient.Response order = officer.post("/api/orders/from-warning", Map.of("warningId", warning.get("id").asLong()));
		assertThat(order.status()).as(order.body()).isEqualTo(201);
		String items = order.json().get("items").asString();
		assertThat(items).contains("开工未配备考勤设备", "未配备考勤设备").doesNotContain("{", "=", "NO_DEVICE", "startDate");

		String list = officer.get("/projects/" + site.projectId() + "/compliance").body();
		assertThat(list).contains("未配备考勤设备").doesNotContain("startDate", "asOf=");
	}

	@Test
	void theR1FindingPageDrawsTheConstructionDaysAndTheDaysWithoutADeviceHeard() {
		ApiClient officer = as(province());
		YearMonth last = YearMonth.from(today()).minusMonths(1);
		Site site = site(officer, "220102", last.atDay(1).minusMonths(1));
		ApiClient.Response evaluated = officer.post("/api/evaluations", Map.of("month", last.toString()));
		assertThat(evaluated.status()).as(evaluated.body()).isEqualTo(200);
		JsonNode r1 = officer.get("/api/findings?projectId=" + site.projectId() + "&month=" + last + "&rule=R1").json()
			.get("items").get(0);
		assertThat(r1.get("evidence").get("constructionDays").size()).isEqualTo(r1.get("evidence").get("constructionDayCount").asInt())
			.isPositive();
		assertThat(r1.has("measures")).as("the prescribed measures keep their API name").isTrue();
		assertThat(r1.has("prescribedMeasures")).isFalse();

		JsonNode detail = officer.get("/api/findings/" + r1.get("id").asLong()).json();
		assertThat(detail.get("finding").get("evidence")).isEqualTo(r1.get("evidence"));
		assertThat(detail.get("revisions").get(0).get("evidence").get("constructionDays").size()).isPositive();
		JsonNode schemas = officer.get("/v3/api-docs").json().get("components").get("schemas");
		assertThat(schemas.get("R2Evidence").get("properties").has("arithmetic")).as("the document shows each kind").isTrue();
		assertThat(schemas.get("LowAttendanceEvidence").get("properties").has("ratePercent")).isTrue();

		String page = officer.get("/findings/" + r1.get("id").asLong()).body();
		assertThat(page).contains("class=\"work gap\"", "平台未观察到该项目配备考勤设备").doesNotContain("class=\"off gap\"");
	}
}
