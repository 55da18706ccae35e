package io.siteroll.compliance.internal;

import java.time.Duration;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Map;

import io.siteroll.compliance.EvaluationRuns;
import io.siteroll.identity.Role;
import io.siteroll.support.ApiClient;
import io.siteroll.support.IntegrationTest;
import io.siteroll.support.Waits;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the browser journeys of the evaluation and rule-set pages do not show: the refusals (a field error, nothing
 * changed), one run of a month at a time, a run cut off by a stop kept as interrupted, and the scope (province
 * officers only; others get the 403 page).
 */
class EvaluationAndRuleSetPagesTest extends IntegrationTest {

	@Autowired
	EvaluationRunner runner;

	@Test
	void onlyProvinceOfficersReachThePagesOthersGetTheForbiddenPage() {
		ApiClient city = as(account(Role.CITY_OFFICER, "220100", null, null, false));
		for (String path : new String[] { "/evaluations", "/rule-sets", "/rule-sets/new", "/rule-sets/1" }) {
			ApiClient.Response page = city.get(path);
			assertThat(page.status()).as(path).isEqualTo(403);
			assertThat(page.contentType()).startsWith("text/html");
			assertThat(page.body()).contains("无权访问").doesNotContain("\"type\"");
		}
		long runs = count("evaluation_run");
		long ruleSets = count("rule_set");
		assertThat(city.form("/evaluations", Map.of("month", YearMonth.from(today()).minusMonths(1).toString())).status())
			.isEqualTo(403);
		assertThat(city.form("/rule-sets", Map.of("basedOn", "1", "code", "city-" + System.nanoTime(), "name", "x"))
			.status()).isEqualTo(403);
		assertThat(count("evaluation_run")).isEqualTo(runs);
		assertThat(count("rule_set")).isEqualTo(ruleSets);
	}

	@Test
	void aMonthNotEndedIsRefusedOnItsFieldAndNothingStarts() {
		ApiClient province = as(province());
		assertThat(province.get("/evaluations").body()).contains("value=\"" + YearMonth.from(today()).minusMonths(1) + "\"");
		for (YearMonth month : new YearMonth[] { YearMonth.from(today()), YearMonth.from(today()).plusMonths(2) }) {
			ApiClient.Response refused = province.form("/evaluations", Map.of("month", month.toString()));
			assertThat(refused.status()).isEqualTo(200);
			assertThat(refused.body()).contains("is-invalid", "月份：只能检查已经结束的月份").doesNotContain("{");
			assertThat(jdbc.sql("select count(*) from evaluation_run where month = ?").param(month.atDay(1))
				.query(Long.class).single()).isZero();
		}
		assertThat(province.form("/evaluations", Map.of()).body()).contains("月份：必填");
	}

	@Test
	void aSecondStartWhileAMonthRunsIsRefusedAndARunCutOffByAStopIsKeptAsInterrupted() throws InterruptedException {
		ApiClient province = as(province());
		YearMonth month = YearMonth.of(2001, 1);
		jdbc.sql("delete from evaluation_run where month = ?").param(month.atDay(1)).update();
		long cutOff = jdbc.sql("""
				insert into evaluation_run (month, state, step, started_by, started_at, projects_total)
				values (?, 'RUNNING', 'MANAGERS', 'system', now(), 3) returning id""")
			.param(month.atDay(1)).query(Long.class).single();

		ApiClient.Response refused = province.form("/evaluations", Map.of("month", month.toString()));
		assertThat(refused.body()).contains("2001-01 的月度检查正在进行，请等它结束后再发起");
		assertThat(jdbc.sql("select count(*) from evaluation_run where month = ?").param(month.atDay(1))
			.query(Long.class).single()).isEqualTo(1);

		assertThat(runner.interruptAbandoned()).as("as when the platform starts again").isGreaterThanOrEqualTo(1);
		String page = province.get("/evaluations/" + cutOff).body();
		assertThat(page).contains("已中断", "停在第 2 步（共 5 步）：核查管理人员到岗（R2）", "平台重启时2001年1月的检查被中断", "系统")
			.doesNotContain("INTERRUPTED", "MANAGERS", "hx-get");

		ApiClient.Response started = province.form("/evaluations", Map.of("month", month.toString()));
		assertThat(started.status()).as("redirected to the run").isEqualTo(302);
		long run = jdbc.sql("select id from evaluation_run where month = ? and id <> ?").params(month.atDay(1), cutOff)
			.query(Long.class).single();
		Waits.until("the run of 2001-01 to end", Duration.ofSeconds(60),
				() -> !runner.require(run).running(), () -> false);
		EvaluationRuns.Run done = runner.require(run);
		assertThat(done.state()).isEqualTo(EvaluationRuns.State.DONE);
		assertThat(done.evaluationId()).isNotNull();
		String block = province.get("/evaluations/" + run + "/progress").body();
		assertThat(block).contains("已完成", "已核查 0 / 0 个施工项目", "2001年1月检查完成", "/compliance?month=2001-01")
			.doesNotContain("hx-get", "<html", "{");
	}

	@Test
	void theFullOptionOnThePageJudgesEveryProjectAgainAndWithoutItOnlyTheChangedOnes() throws InterruptedException {
		ApiClient province = as(province());
		YearMonth month = YearMonth.of(2001, 3);
		assertThat(province.get("/evaluations").body()).contains("全部项目重新检查", "name=\"full\"");
		ApiClient.Response first = province.post("/api/evaluations", Map.of("month", month.toString()));
		assertThat(first.json().get("full").asBoolean()).as("a month's first evaluation judges all").isTrue();
		for (boolean full : new boolean[] { true, false }) {
			Map<String, String> form = full ? Map.of("month", month.toString(), "full", "true") : Map.of("month", month.toString());
			assertThat(province.form("/evaluations", form).status()).isEqualTo(302);
			long run = jdbc.sql("select max(id) from evaluation_run where month = ?").param(month.atDay(1))
				.query(Long.class).single();
			Waits.until("the run of 2001-03 to end", Duration.ofSeconds(60), () -> !runner.require(run).running(), () -> false);
			long evaluation = runner.require(run).evaluationId();
			assertThat(jdbc.sql("select full_evaluation from evaluation where id = ?").param(evaluation)
				.query(Boolean.class).single()).as("full option %s", full).isEqualTo(full);
			assertThat(province.get("/evaluations/" + run).body()).as("the run's page says which projects it judged")
				.contains(full ? "全部项目" : "仅有变动的项目").doesNotContain(full ? "仅有变动的项目" : ">全部项目<");
		}
		assertThat(province.get("/evaluations").body()).contains("<th>范围</th>", "仅有变动的项目", ">全部项目<");
	}

	@Test
	void anEvaluationThroughTheApiIsListedWithThoseStartedOnThePage() {
		ApiClient province = as(province());
		YearMonth month = YearMonth.of(2001, 2);
		jdbc.sql("delete from evaluation_run where month = ?").param(month.atDay(1)).update();
		ApiClient.Response evaluated = province.post("/api/evaluations", Map.of("month", month.toString()));
		assertThat(evaluated.status()).as(evaluated.body()).isEqualTo(200);
		EvaluationRuns.Run run = runner.recent(0, 50).items().stream().filter(r -> r.month().equals(month)).findFirst()
			.orElseThrow();
		assertThat(run.state()).isEqualTo(EvaluationRuns.State.DONE);
		assertThat(run.evaluationId()).isEqualTo(evaluated.json().get("evaluationId").asLong());
		assertThat(province.get("/evaluations").body()).contains("/evaluations/" + run.id(), "2001年2月");
	}

	@Test
	void refusedDraftsAndAdoptionsShowTheirFieldErrorsAndChangeNothing() {
		ApiClient province = as(province());
		long base = jdbc.sql("select id from rule_set where code = '吉建管〔2021〕6号'").query(Long.class).single();
		long ruleSets = count("rule_set");
		String code = "refused-" + System.nanoTime();
		ApiClient.Response draft = province.form("/rule-sets", Map.of("basedOn", String.valueOf(base), "code", code,
				"name", "x", "keyPostPercent", "150", "keyPosts", "PROJECT_MANAGER"));
		assertThat(draft.status()).isEqualTo(200);
		assertThat(draft.body()).contains("须为1至100之间的百分比", "value=\"" + code + "\"", "value=\"150\"");
		assertThat(count("rule_set")).isEqualTo(ruleSets);

		LocalDate thisMonth = YearMonth.from(today()).atDay(1);
		Long before = jdbc.sql("select rule_set_id from rule_set_adoption where effective_from = ?").param(thisMonth)
			.query(Long.class).optional().orElse(null);
		ApiClient.Response begun = province.form("/rule-sets/" + base + "/adoption",
				Map.of("month", YearMonth.from(today()).toString()));
		assertThat(begun.body()).contains("is-invalid", "已开始或已评价");
		ApiClient.Response noReason = province.form("/rule-sets/" + base + "/adoption",
				Map.of("month", YearMonth.from(today()).toString(), "retroactive", "true"));
		assertThat(noReason.body()).contains("追溯适用规则须说明理由", "checked");
		assertThat(jdbc.sql("select rule_set_id from rule_set_adoption where effective_from = ?").param(thisMonth)
			.query(Long.class).optional().orElse(null)).isEqualTo(before);

		assertThat(province.get("/rule-sets/compare?a=" + base + "&b=" + base).body()).contains("两个规则集的各项标准相同");
	}

	private long count(String table) {
		return jdbc.sql("select count(*) from " + table).query(Long.class).single();
	}
}
