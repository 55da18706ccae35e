package io.siteroll.notice;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;

import io.siteroll.identity.Actor;
import io.siteroll.identity.Role;
import io.siteroll.support.ApiClient;
import io.siteroll.support.Decisions;
import io.siteroll.support.IntegrationTest;
import io.siteroll.support.RosterFile;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The lists a notice's figures open, filtered by region (the region and below it, within the reader's scope) and
 * month: warnings, rectification orders, inspections, penalties and credit records count what the notice counts, another
 * region's or month's items stay out, a mistyped filter is refused on its field (400 on the API, never a server
 * error), and the notice links each figure to its filtered list. Projects in 通化市 (通化县, 辉南县) and 白山市 (浑江区),
 * regions no other test uses.
 */
class FigureListsTest extends IntegrationTest {

	static final String CITY = "220500";

	static final String COUNTY_A = "220521";

	static final String COUNTY_B = "220523";

	static final String OTHER_CITY_COUNTY = "220602";

	@Autowired
	Notices notices;

	private void roster(ApiClient api, Site site, LocalDate entry) {
		assertThat(api.upload("/api/projects/" + site.projectId() + "/teams/" + site.teamId() + "/roster", "file", "w.xlsx",
				RosterFile.of(IDS, 1, entry.minusDays(10), entry)).status()).isEqualTo(201);
	}

	/** An order from an inspection on {@code day} that found three workers where none attended, issued that day. */
	private long order(ApiClient officer, Site site, LocalDate day) {
		long inspection = officer.post("/api/projects/" + site.projectId() + "/inspections", inspectionRecord(day, 3)).id();
		long order = officer.post("/api/orders/from-inspection", Map.of("inspectionId", inspection)).id();
		jdbc.sql("update rectification_order set issued_on = ?, deadline = ? where id = ?")
			.params(day, day.plusDays(7), order).update();
		return order;
	}

	private static long total(ApiClient api, String path) {
		ApiClient.Response r = api.get(path);
		assertThat(r.status()).as(path).isEqualTo(200);
		return r.json().get("total").asLong();
	}

	private long warningsOf(Site site, YearMonth month, String condition) {
		return jdbc.sql("select count(*) from warning where project_id = ? and raised_on between ? and ?" + condition)
			.params(site.projectId(), month.atDay(1), month.atEndOfMonth()).query(Long.class).single();
	}

	@Test
	void eachListCountsTheRegionsMonthAndLeavesOtherRegionsAndMonthsOut() {
		YearMonth month = YearMonth.from(today()).minusMonths(1);
		YearMonth before = month.minusMonths(1);
		LocalDate first = before.atDay(1);
		ApiClient province = as(province());
		ApiClient city = as(account(Role.CITY_OFFICER, CITY, null, null, false));
		ApiClient countyB = as(account(Role.COUNTY_OFFICER, COUNTY_B, null, null, false));

		Site a = site(province, COUNTY_A, first);
		Site b = site(province, COUNTY_B, first);
		Site c = site(province, OTHER_CITY_COUNTY, first);
		for (Site s : List.of(a, b, c)) {
			roster(province, s, first);
		}
		// warnings of the month's 20th (no device on any of them), one of A's confirmed
		assertThat(province.post("/api/warnings/refresh", Map.of("asOf", month.atDay(20))).status()).isEqualTo(200);
		long raisedA = warningsOf(a, month, "");
		long raisedB = warningsOf(b, month, "");
		assertThat(raisedA).as("the refresh raised warnings on A").isPositive();
		long reviewed = jdbc.sql("select min(id) from warning where project_id = ?").param(a.projectId()).query(Long.class).single();
		assertThat(city.post("/api/warnings/" + reviewed + "/review", Map.of("decision", "CONFIRMED", "reason", "现场核实"))
			.status()).isEqualTo(200);

		// A: an order of the month, overdue, a fine decided on the 25th and its credit records; B: an order of the month
		// before; C (another city): an order of the month, still open
		long orderA = order(city, a, month.atDay(16));
		order(countyB, b, before.atDay(16));
		order(province, c, month.atDay(16));
		assertThat(city.post("/api/orders/" + orderA + "/recheck", Map.of()).json().get("status").asString()).isEqualTo("OVERDUE");
		assertThat(city.form("/orders/" + orderA + "/penalties", Decisions.fineOnThePage("50000", month.atDay(25))).status())
			.isEqualTo(302);
		jdbc.sql("update credit_record set valid_from = ? where project_id = ?").params(month.atDay(25), a.projectId()).update();
		long credits = jdbc.sql("select count(*) from credit_record where project_id = ?").param(a.projectId())
			.query(Long.class).single();
		assertThat(credits).isPositive();
		String nameA = jdbc.sql("select name from project where id = ?").param(a.projectId()).query(String.class).single();
		String nameC = jdbc.sql("select name from project where id = ?").param(c.projectId()).query(String.class).single();

		// warnings: the region and below it, raised in the month, every status or the handled ones
		assertThat(total(province, "/api/warnings?region=" + COUNTY_A + "&month=" + month + "&status=ALL")).isEqualTo(raisedA);
		assertThat(total(province, "/api/warnings?region=" + CITY + "&month=" + month + "&status=ALL"))
			.as("the city: both counties").isEqualTo(raisedA + raisedB);
		assertThat(total(province, "/api/warnings?region=" + CITY + "&month=" + month + "&status=HANDLED"))
			.isEqualTo(warningsOf(a, month, " and (status = 'CLEARED' or review is not null)")
					+ warningsOf(b, month, " and (status = 'CLEARED' or review is not null)"));
		assertThat(total(province, "/api/warnings?region=" + CITY + "&month=" + before + "&status=ALL")).isZero();
		assertThat(total(countyB, "/api/warnings?region=" + CITY + "&month=" + month + "&status=ALL"))
			.as("within the reader's scope").isEqualTo(raisedB);
		String warningsPage = province.get("/compliance?month=" + month + "&region=" + COUNTY_A + "&warningsMonth=" + month
				+ "&warningsStatus=ALL").body();
		assertThat(warningsPage).contains(nameA).doesNotContain(nameC).contains("value=\"" + month + "\"");
		ApiClient.Response warningsExcel = province.get("/compliance?region=" + COUNTY_A + "&warningsMonth=" + month
				+ "&warningsStatus=ALL&format=xlsx&list=warnings");
		assertThat(warningsExcel.status()).isEqualTo(200);
		assertThat(warningsExcel.contentType()).contains("spreadsheet");
		assertThat(warningsPage).contains("list=warnings");

		// orders: issued in the month, one status or several
		assertThat(total(province, "/api/orders?region=" + CITY + "&month=" + month)).isEqualTo(1);
		assertThat(total(province, "/api/orders?region=" + CITY)).as("without a month: B's too").isEqualTo(2);
		assertThat(total(province, "/api/orders?region=" + CITY + "&month=" + month + "&status=OVERDUE,ESCALATED")).isEqualTo(1);
		assertThat(total(province, "/api/orders?region=" + CITY + "&month=" + month + "&status=ISSUED,ANSWERED")).isZero();
		assertThat(total(province, "/api/orders?region=" + OTHER_CITY_COUNTY + "&month=" + month + "&status=ISSUED,ANSWERED"))
			.isEqualTo(1);
		assertThat(total(countyB, "/api/orders?region=" + COUNTY_A)).as("another county's, out of scope").isZero();
		String ordersPage = province.get("/orders?region=" + CITY + "&month=" + month + "&status=OVERDUE,ESCALATED").body();
		assertThat(ordersPage).contains(nameA, "共 1 条").doesNotContain(nameC);
		ApiClient.Response ordersExcel = province.get("/orders?region=" + CITY + "&month=" + month + "&format=xlsx");
		assertThat(ordersExcel.status()).isEqualTo(200);
		assertThat(ordersExcel.contentType()).contains("spreadsheet");

		// penalties across projects, for officers
		String penaltiesPage = city.get("/penalties?region=" + CITY + "&month=" + month).body();
		assertThat(penaltiesPage).contains(nameA, "共 1 条", "罚款", "50000");
		assertThat(city.get("/penalties?region=" + CITY + "&month=" + before).body()).doesNotContain(nameA);
		assertThat(province.get("/penalties?region=" + OTHER_CITY_COUNTY + "&month=" + month).body()).doesNotContain(nameA);
		assertThat(countyB.get("/penalties?month=" + month).body()).as("another county's officer").doesNotContain(nameA);
		assertThat(city.get("/penalties?region=" + CITY + "&month=" + month + "&format=xlsx").status()).isEqualTo(200);
		String enterprise = account(Role.ENTERPRISE_ADMIN, null, a.contractorId(), null, false);
		assertThat(as(enterprise).get("/penalties").status()).isEqualTo(403);

		// inspections across projects, held in the month
		String inspectionsPage = city.get("/inspections?region=" + CITY + "&month=" + month).body();
		assertThat(inspectionsPage).contains(nameA, "共 1 条", month.atDay(16).toString()).doesNotContain(nameC);
		assertThat(city.get("/inspections?region=" + CITY).body()).as("without a month: B's too").contains("共 2 条");
		assertThat(countyB.get("/inspections?region=" + CITY + "&month=" + month).body()).doesNotContain(nameA);
		assertThat(city.get("/inspections?region=" + CITY + "&month=" + month + "&format=xlsx").status()).isEqualTo(200);
		assertThat(as(enterprise).get("/inspections").status()).isEqualTo(403);

		// credit records valid from a day of the month
		assertThat(total(province, "/api/credit-records?region=" + CITY + "&month=" + month)).isEqualTo(credits);
		assertThat(total(province, "/api/credit-records?region=" + OTHER_CITY_COUNTY + "&month=" + month)).isZero();
		assertThat(total(province, "/api/credit-records?region=" + CITY + "&month=" + before)).isZero();
		assertThat(province.get("/credit-records?region=" + CITY + "&month=" + month).body()).contains(nameA, "共 " + credits + " 条");

		// the notice of the city links each figure to its list
		Notice drafted = notices.draft(Actor.SYSTEM, month, CITY);
		String noticePage = province.get("/notices/" + drafted.id()).body();
		String filter = "region=" + CITY + "&amp;month=" + month;
		assertThat(noticePage).contains("/orders?" + filter + "&amp;status=OVERDUE,ESCALATED", "/orders?" + filter + "&amp;status=ISSUED,ANSWERED",
				"/penalties?" + filter, "/credit-records?" + filter, "/inspections?" + filter,
				"&amp;warningsMonth=" + month + "&amp;warningsStatus=ALL", "&amp;warningsStatus=HANDLED");
	}

	@Test
	void malformedFiltersAreRefusedOnTheirFieldNeverAServerError() {
		ApiClient province = as(province());
		for (String path : new String[] { "/api/warnings?region=999999", "/api/orders?region=999999",
				"/api/credit-records?region=999999" }) {
			ApiClient.Response r = province.get(path);
			assertThat(r.status()).as(path).isEqualTo(400);
			assertThat(rules(r)).as(path).containsExactly("region.unknown");
		}
		for (String path : new String[] { "/api/warnings?month=2026-13", "/api/orders?month=11-2026",
				"/api/credit-records?month=2026/11" }) {
			ApiClient.Response r = province.get(path);
			assertThat(r.status()).as(path).isEqualTo(400);
			assertThat(rules(r)).as(path).containsExactly("month.format");
		}
		assertThat(province.get("/api/warnings?status=SOMETIMES").status()).isEqualTo(400);
		assertThat(province.get("/api/orders?status=OVERDUE,SOMETIMES").status()).isEqualTo(400);

		for (String path : new String[] { "/orders?region=999999&month=2026-13", "/penalties?region=999999&month=2026-13",
				"/inspections?region=999999&month=2026-13",
				"/credit-records?region=999999&month=2026-13" }) {
			ApiClient.Response r = province.get(path);
			assertThat(r.status()).as(path).isEqualTo(200);
			assertThat(r.body()).as(path).contains("地区：", "月份：", "value=\"2026-13\"", "共 0 条");
			assertThat(as(province()).english().get(path).body()).as(path).contains("is not a region of Jilin Province",
					"0 in all");
		}
		ApiClient.Response warnings = province.get("/compliance?region=999999&warningsMonth=2026-13&warningsStatus=NEVER");
		assertThat(warnings.status()).isEqualTo(200);
		assertThat(warnings.body()).contains("地区：", "预警发出月份：", "预警状态：", "value=\"2026-13\"");
		assertThat(province.get("/orders?status=OVERDUE,SOMETIMES").body()).contains("状态：");
	}
}
