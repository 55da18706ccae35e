package io.siteroll.project;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Map;

import io.siteroll.support.ApiClient;
import io.siteroll.support.IntegrationTest;
import org.junit.jupiter.api.Test;

/** 施工日: start, stoppages, resumption and completion decide which days count. */
class ConstructionCalendarTest extends IntegrationTest {

	private static final YearMonth MARCH = YearMonth.of(2026, 3);

	private int days(ApiClient api, long projectId, YearMonth month) {
		return api.get("/api/projects/" + projectId + "/construction-days?month=" + month).json().get("count").asInt();
	}

	@Test
	void midMonthStartCountsFromTheStartDate() {
		ApiClient api = as(province());
		Site site = site(api, "220102", LocalDate.of(2026, 3, 10));
		assertThat(days(api, site.projectId(), YearMonth.of(2026, 2))).isZero();
		assertThat(days(api, site.projectId(), MARCH)).isEqualTo(22); // 10 … 31
	}

	@Test
	void stoppagesAndCompletionRemoveDays() {
		ApiClient api = as(province());
		Site site = site(api, "220102", LocalDate.of(2026, 2, 1));
		String p = "/api/projects/" + site.projectId();
		assertThat(days(api, site.projectId(), MARCH)).isEqualTo(31);
		assertThat(api.post(p + "/stoppages", Map.of("firstDay", "2026-03-05", "lastDay", "2026-03-09", "reason", "春季停工")).status())
			.isEqualTo(201);
		assertThat(days(api, site.projectId(), MARCH)).isEqualTo(26);
		// an open stoppage runs until resumption: stopped from the 20th, resumed on the 25th
		assertThat(api.post(p + "/stoppages", Map.of("firstDay", "2026-03-20", "reason", "安全整顿")).status()).isEqualTo(201);
		assertThat(days(api, site.projectId(), MARCH)).isEqualTo(14); // 1–4, 10–19
		assertThat(api.post(p + "/resumption", Map.of("resumptionDay", "2026-03-25")).status()).isEqualTo(200);
		assertThat(days(api, site.projectId(), MARCH)).isEqualTo(21); // + 25–31
		assertThat(api.post(p + "/completion", Map.of("completionDate", "2026-03-28")).status()).isEqualTo(200);
		assertThat(days(api, site.projectId(), MARCH)).isEqualTo(18); // 25–28: the completion day still counts
		assertThat(days(api, site.projectId(), YearMonth.of(2026, 4))).isZero();
	}

	@Test
	void overlappingStoppagesAndStoppagesBeforeTheStartAreRefused() {
		ApiClient api = as(province());
		Site site = site(api, "220102", LocalDate.of(2026, 3, 1));
		String p = "/api/projects/" + site.projectId();
		api.post(p + "/stoppages", Map.of("firstDay", "2026-03-05", "lastDay", "2026-03-09", "reason", "停工"));
		ApiClient.Response overlap = api.post(p + "/stoppages", Map.of("firstDay", "2026-03-08", "reason", "再停工"));
		assertThat(overlap.status()).isEqualTo(409);
		assertThat(rules(overlap)).containsExactly("stoppage.overlaps");
		ApiClient.Response early = api.post(p + "/stoppages", Map.of("firstDay", "2026-02-20", "reason", "停工"));
		assertThat(rules(early)).containsExactly("stoppage.before-start");
		assertThat(days(api, site.projectId(), MARCH)).isEqualTo(26);
	}
}
