package io.siteroll.notice;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.YearMonth;
import java.util.Map;

import io.siteroll.identity.Role;
import io.siteroll.support.ApiClient;
import io.siteroll.support.IntegrationTest;
import org.junit.jupiter.api.Test;

/**
 * The notice pages' refusals and scope, which the browser journeys do not walk: a refused draft or narrative shows the
 * field's error and changes nothing; another region's officer gets the 403 page and cannot issue; an issued notice is
 * final and public, a draft is not.
 */
class NoticePagesTest extends IntegrationTest {

	private long count() {
		return jdbc.sql("select count(*) from notice").query(Long.class).single();
	}


	private long latest() {
		return jdbc.sql("select max(id) from notice").query(Long.class).single();
	}

	private HttpResponse<String> anonymous(String path) throws IOException, InterruptedException {
		return HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create(baseUrl() + path)).header("Accept", "text/html").GET().build(),
					HttpResponse.BodyHandlers.ofString());
	}

	@Test
	void aRefusedDraftShowsTheFieldsErrorsAndSavesNothing() {
		ApiClient city = as(account(Role.CITY_OFFICER, "220200", null, null, false));
		long before = count();
		ApiClient.Response badMonth = city.form("/notices", Map.of("month", "2026-13", "regionCode", "220200"));
		assertThat(badMonth.status()).isEqualTo(200);
		assertThat(badMonth.body()).contains("未保存", "is-invalid", "value=\"2026-13\"", "通报月份", "月份格式应为 2026-11");
		String future = YearMonth.from(today()).plusMonths(1).toString();
		assertThat(city.form("/notices", Map.of("month", future, "regionCode", "220200")).body())
			.contains("不能为尚未开始的月份起草通报");
		ApiClient.Response elsewhere = city.form("/notices", Map.of("month", "2026-10", "regionCode", "220100"));
		assertThat(elsewhere.body()).contains("不在本部门辖区内", "is-invalid");
		ApiClient english = as(account(Role.CITY_OFFICER, "220200", null, null, false)).english();
		assertThat(english.form("/notices", Map.of("month", "2026-10", "regionCode", "220100")).body())
			.contains("outside your region");
		assertThat(count()).as("nothing drafted").isEqualTo(before);
		assertThat(city.get("/notices?month=2026-13").status()).as("a list filter is refused, not ignored").isEqualTo(400);

		ApiClient.Response drafted = city.form("/notices", Map.of("month", "2026-10", "regionCode", "220282"));
		assertThat(drafted.status()).as("a county of its city").isEqualTo(302);
		long id = latest();
		String page = city.get("/notices/" + id).body();
		assertThat(page).contains("关于2026年10月桦甸市建筑工人实名制管理工作情况的通报", "草稿");
		ApiClient.Response empty = city.form("/notices/" + id, Map.of("preface", " ", "requirements", "一、整改。", "closing", "特此通报。"));
		assertThat(empty.status()).isEqualTo(200);
		assertThat(empty.body()).contains("导语：必填", "value", "一、整改。");
		assertThat(jdbc.sql("select preface from notice where id = ?").param(id).query(String.class).single())
			.as("unchanged").contains("现将2026年10月桦甸市");
	}

	@Test
	void aRegionThatHoldsItsProjectsItselfIsItsOwnDivision() {
		ApiClient xinqu = as(account(Role.CITY_OFFICER, "229901", null, null, false));
		site(as(province()), "229901", today().minusMonths(2));
		String month = YearMonth.from(today()).minusMonths(1).toString();
		assertThat(xinqu.form("/notices", Map.of("month", month, "regionCode", "229901")).status()).isEqualTo(302);
		ApiClient.Response page = xinqu.get("/notices/" + latest());
		assertThat(page.status()).as("长春新区 has no division below it").isEqualTo(200);
		assertThat(page.body()).contains("长春新区", "草稿").doesNotContain("{");
	}

	@Test
	void anotherRegionsOfficerIsRefusedAndAnIssuedNoticeIsFinalAndPublic() throws Exception {
		ApiClient province = as(province());
		assertThat(province.form("/notices", Map.of("month", "2026-10", "regionCode", "220000")).status()).isEqualTo(302);
		long id = latest();
		ApiClient.Response draft = province.get("/notices/" + id);
		assertThat(draft.body()).as("the whole page: every city and the narrative form").contains("延边朝鲜族自治州", "长白山",
				"id=\"preface\"", "</html>");
		ApiClient city = as(account(Role.CITY_OFFICER, "220200", null, null, false));

		ApiClient.Response seen = city.get("/notices/" + id);
		assertThat(seen.status()).isEqualTo(403);
		assertThat(seen.body()).contains("无权访问");
		assertThat(city.get("/notices/" + id + "/document.pdf").status()).isEqualTo(403);
		assertThat(city.form("/notices/" + id + "/issue", Map.of()).status()).isEqualTo(403);
		assertThat(city.get("/notices").body()).doesNotContain("/notices/" + id + "\"");
		assertThat(as(account(Role.ENTERPRISE_ADMIN, null, enterprise(province, "220102"), null, false)).get("/notices").status()).isEqualTo(403);

		assertThat(anonymous("/public/notices/" + id).statusCode()).as("a draft is not published").isEqualTo(404);
		assertThat(province.form("/notices/" + id + "/issue", Map.of()).status()).isEqualTo(302);
		String number = jdbc.sql("select number from notice where id = ?").param(id).query(String.class).single();
		assertThat(number).matches("吉住建通〔" + today().getYear() + "〕\\d+号");

		HttpResponse<String> published = anonymous("/public/notices/" + id);
		assertThat(published.statusCode()).isEqualTo(200);
		assertThat(published.body()).contains(number, "吉林省住房和城乡建设厅", "关于2026年10月全省建筑工人实名制管理工作情况的通报",
				"附件1", "人员考勤率未达标项目名单");
		assertThat(anonymous("/public/notices/" + id + "/document.pdf").statusCode()).isEqualTo(200);
		assertThat(anonymous("/public/notices/" + id + "/annex.xlsx").statusCode()).isEqualTo(200);
		assertThat(anonymous("/notices/" + id).statusCode()).as("the officers' page still needs a sign-in")
			.isNotEqualTo(200);

		ApiClient.Response edit = province.form("/notices/" + id, Map.of("preface", "改", "requirements", "改", "closing", "改"));
		assertThat(jdbc.sql("select preface from notice where id = ?").param(id).query(String.class).single())
			.as("an issued notice keeps its text").isNotEqualTo("改");
		assertThat(edit.status()).as("back to the notice, with the refusal").isEqualTo(302);

		assertThat(province.form("/notices/" + id + "/correction", Map.of()).status()).isEqualTo(302);
		long correction = latest();
		assertThat(province.get("/notices/" + correction).body()).contains("本通报更正" + number, "（更正" + number + "）");
	}
}
