package io.siteroll.notice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.siteroll.campaign.Campaigns;
import io.siteroll.campaign.DepartmentContacts;
import io.siteroll.campaign.Target;
import io.siteroll.compliance.Warning;
import io.siteroll.identity.Actor;
import io.siteroll.identity.Role;
import io.siteroll.personnel.Post;
import io.siteroll.support.ApiClient;
import io.siteroll.support.Decisions;
import io.siteroll.support.Facts;
import io.siteroll.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * A month with known figures in one county (龙井市), built through the API and the test facts, and the notice the
 * platform drafts for it: every figure checked, then frozen by issuing.
 */
class NoticeFiguresTest extends IntegrationTest {

	static final String COUNTY = "222405";

	@Autowired
	Notices notices;

	@Autowired
	DepartmentContacts contacts;

	@Autowired
	Campaigns campaigns;

	/** The month before today's, so that everything in it lies in the past whatever day the suite runs. */
	private YearMonth month() {
		return YearMonth.from(today()).minusMonths(1);
	}

	private List<Long> roster(ApiClient api, Site site, int workers, LocalDate entry) {
		return importedWorkers(api, site, workers, entry.minusDays(10), entry);
	}

	@Test
	void everyFigureOfTheDraftedNoticeIsTheMonthsAndIssuingFreezesThem() {
		YearMonth month = month();
		LocalDate first = month.atDay(1);
		LocalDate last = month.atEndOfMonth();
		int days = month.lengthOfMonth();
		ApiClient province = as(province());
		String officer = account(Role.COUNTY_OFFICER, COUNTY, null, null, false);
		ApiClient county = as(officer);

		// A: two workers, one every day, one the first ten days; a project manager; a gate heard all month.
		Site a = site(province, COUNTY, first);
		List<Long> aWorkers = roster(province, a, 2, first);
		facts.present(a.projectId(), aWorkers.get(0), first, last);
		facts.present(a.projectId(), aWorkers.get(1), first, first.plusDays(9));
		Facts.Appointment manager = facts.appoint(province, a.projectId(), a.gcUnitId(), Post.PROJECT_MANAGER, first);
		facts.present(a.projectId(), manager.personId(), first, first.plusDays(19));
		String managerName = jdbc.sql("select name from person where id = ?").param(manager.personId()).query(String.class).single();
		RegisteredDevice gate = device(province, a.projectId(), "SITEROLL", "IN");
		fixtureDeviceObservedSince(gate.id(), first);
		facts.connected(a.projectId(), first, last);
		// B: one worker every day, no gate.
		Site b = site(province, COUNTY, first);
		List<Long> bWorkers = roster(province, b, 1, first);
		facts.present(b.projectId(), bWorkers.get(0), first, last);
		// C: one worker who never attended, no gate.
		Site c = site(province, COUNTY, first);
		roster(province, c, 1, first);

		// Warnings of the 20th, one of them confirmed.
		assertThat(province.post("/api/warnings/refresh", Map.of("asOf", month.atDay(20))).status()).isEqualTo(200);
		List<JsonNode> raised = new ArrayList<>();
		for (Site s : List.of(a, b, c)) {
			province.get("/api/warnings?projectId=" + s.projectId() + "&size=50").json().get("items").valueStream()
				.filter(w -> YearMonth.from(LocalDate.parse(w.get("raisedOn").asString())).equals(month))
				.forEach(raised::add);
		}
		assertThat(raised).as("the refresh raised warnings on the county's projects").isNotEmpty();
		long reviewed = raised.get(0).get("id").asLong();
		assertThat(county.post("/api/warnings/" + reviewed + "/review", Map.of("decision", "CONFIRMED", "reason", "现场核实"))
			.status()).isEqualTo(200);

		// An inspection of A on the 15th: two function tests, one failed (an order to the contractor, still open).
		Map<String, Object> record = inspectionRecord(month.atDay(15), 1);
		record.put("functionTests", List.of(
				Map.of("deviceId", gate.id(), "attack", "PRINTED_PHOTO", "passed", true),
				Map.of("deviceId", gate.id(), "attack", "MASK", "passed", false, "evidence", "硅胶面具通过")));
		assertThat(county.post("/api/projects/" + a.projectId() + "/inspections", record).status()).isEqualTo(201);
		// B inspected on the 16th: two workers found where one attended, an order, rectified by attendance since.
		long inspectionB = county.post("/api/projects/" + b.projectId() + "/inspections", inspectionRecord(month.atDay(16), 2)).id();
		long orderB = county.post("/api/orders/from-inspection", Map.of("inspectionId", inspectionB)).id();
		// C inspected on the 16th: three workers found where none attended, an order, overdue, a fine of 50,000.
		long inspection = county.post("/api/projects/" + c.projectId() + "/inspections", inspectionRecord(month.atDay(16), 3)).id();
		long order = county.post("/api/orders/from-inspection", Map.of("inspectionId", inspection)).id();
		jdbc.sql("update rectification_order set issued_on = ?, deadline = ? where project_id in (?, ?, ?)")
			.params(month.atDay(16), month.atDay(23), a.projectId(), b.projectId(), c.projectId()).update();
		assertThat(county.post("/api/orders/" + orderB + "/recheck", Map.of()).json().get("status").asString()).isEqualTo("RECTIFIED");
		assertThat(county.post("/api/orders/" + order + "/recheck", Map.of()).json().get("status").asString()).isEqualTo("OVERDUE");
		assertThat(county.form("/orders/" + order + "/penalties", Decisions.fineOnThePage("50000", month.atDay(25)))
			.status()).isEqualTo(302);
		jdbc.sql("update credit_record set valid_from = ? where project_id = ?").params(month.atDay(25), c.projectId()).update();
		long penalty = county.get("/api/projects/" + c.projectId() + "/penalties").json().get(0).get("id").asLong();
		assertThat(province.post("/api/typical-cases", Map.of("penaltyId", penalty, "title", "龙井某项目考勤不实被罚", "summary", "现场检查发现")).status())
			.isEqualTo(201);

		contacts.name(COUNTY, new DepartmentContacts.Details("金晓明", "质量安全科科长", "13904331234", "jin@longjing.example.cn"),
				Actor.SYSTEM);

		Notice drafted = notices.draft(Actor.SYSTEM, month, COUNTY);
		NoticeFigures f = notices.require(drafted.id()).figures();

		assertThat(f.month()).isEqualTo(month);
		assertThat(f.regionName()).isEqualTo("龙井市");
		assertThat(f.targets().attendancePercent()).isEqualByComparingTo("80");
		assertThat(f.targets().coveragePercent()).isEqualByComparingTo("100");
		assertThat(f.targets().dutyPercent()).as("the campaign's")
			.isEqualByComparingTo(BigDecimal.valueOf(campaigns.inForce(last).orElseThrow().target(Target.Kind.KEY_MANAGER_DUTY)));
		assertThat(f.contact()).isEqualTo(new NoticeFigures.Contact("金晓明", "质量安全科科长", "13904331234",
				"jin@longjing.example.cn"));
		assertThat(f.divisions()).hasSize(1);
		for (NoticeFigures.Division d : List.of(f.divisions().get(0), f.total())) {
			assertThat(d.code()).isEqualTo(COUNTY);
			assertThat(List.of(d.startedProjects(), d.equippedProjects(), d.connectedProjects())).containsExactly(3L, 1L, 1L);
			assertThat(d.coveragePercent()).isEqualByComparingTo("33.3");
			assertThat(d.registeredWorkerDays()).isEqualTo(4L * days);
			assertThat(d.attendedWorkerDays()).isEqualTo(2L * days + 10);
			assertThat(d.attendancePercent()).isEqualByComparingTo(percent(2L * days + 10, 4L * days));
			assertThat(List.of(d.keyPostDays(), d.attendedKeyPostDays())).as("A's project manager, 20 days on duty")
				.containsExactly((long) days, 20L);
			assertThat(d.dutyPercent()).isEqualByComparingTo(percent(20, days));
		}

		for (Warning.Kind kind : Warning.Kind.values()) {
			NoticeFigures.Warnings w = f.warnings().stream().filter(x -> x.kind() == kind).findFirst().orElseThrow();
			List<JsonNode> ofKind = raised.stream().filter(x -> x.get("kind").asString().equals(kind.name())).toList();
			assertThat(w.raised()).as(kind.name()).isEqualTo(ofKind.size());
			assertThat(w.handled()).as(kind.name()).isEqualTo(ofKind.stream()
				.filter(x -> x.get("id").asLong() == reviewed || x.get("status").asString().equals("CLEARED")).count());
		}
		assertThat(f.warningsRaised()).isEqualTo(raised.size());

		NoticeFigures.Enforcement e = f.enforcement();
		assertThat(List.of(e.inspections(), e.inspectedProjects(), e.functionTests(), e.functionTestsFailed()))
			.containsExactly(3L, 3L, 2L, 1L);
		assertThat(List.of(e.ordersIssued(), e.ordersRectified(), e.ordersOverdue(), e.ordersOpen()))
			.as("A's function test order open, B's rectified, C's escalated").containsExactly(3L, 1L, 1L, 1L);
		assertThat(e.penalties()).isEqualTo(1);
		assertThat(e.finesYuan()).isEqualByComparingTo("50000");
		assertThat(e.creditRecords()).isEqualTo(1);

		String contractorA = jdbc.sql("select name from enterprise where id = ?").param(a.contractorId())
			.query(String.class).single();
		assertThat(f.shortfalls()).extracting(NoticeFigures.ProjectLine::projectId).as("the lowest first")
			.containsExactly(c.projectId(), a.projectId());
		assertThat(f.shortfalls().get(0).attendancePercent()).isEqualByComparingTo("0.0");
		assertThat(f.shortfalls().get(0).projectManager()).as("C has none").isNull();
		NoticeFigures.ProjectLine low = f.shortfalls().get(1);
		assertThat(low.projectId()).isEqualTo(a.projectId());
		assertThat(low.regionName()).isEqualTo("龙井市");
		assertThat(low.enterprise()).isEqualTo(contractorA);
		assertThat(low.projectManager()).isEqualTo(managerName);
		assertThat(List.of(low.registeredWorkerDays(), low.attendedWorkerDays())).containsExactly(2L * days, (long) days + 10);
		assertThat(low.attendancePercent()).isEqualByComparingTo(percent(days + 10, 2L * days));
		assertThat(List.of(low.keyPostDays(), low.attendedKeyPostDays())).containsExactly((long) days, 20L);
		assertThat(low.dutyPercent()).isEqualByComparingTo(percent(20, days));
		assertThat(f.praised()).extracting(NoticeFigures.ProjectLine::projectId).containsExactly(b.projectId());
		assertThat(f.praised().get(0).attendancePercent()).isEqualByComparingTo("100.0");
				assertThat(f.cases()).extracting(NoticeFigures.TypicalCase::title).containsExactly("龙井某项目考勤不实被罚");

		// Issued: numbered in the county's series, the figures frozen; a later fact changes the next draft only.
		Notice issued = notices.issue(drafted.id());
		assertThat(issued.number()).matches("龙井住建通〔" + today().getYear() + "〕\\d+号");
		assertThat(issued.issuedOn()).isEqualTo(today());
		facts.present(a.projectId(), aWorkers.get(1), first.plusDays(10), last);
		assertThat(notices.require(issued.id()).figures().total().attendedWorkerDays()).isEqualTo(2L * days + 10);
		assertThat(notices.draft(Actor.SYSTEM, month, COUNTY)).satisfies(
				again -> assertThat(notices.require(again.id()).figures().total().attendedWorkerDays()).isEqualTo(3L * days));
		assertThatThrownBy(() -> jdbc.sql("update notice set preface = 'x' where id = ?").param(issued.id()).update())
			.as("the table refuses to change an issued notice").hasMessageContaining("issued and final");
	}

	private static BigDecimal percent(long part, long whole) {
		return BigDecimal.valueOf(part * 1000).divide(BigDecimal.valueOf(whole), 0, RoundingMode.HALF_UP)
			.movePointLeft(1);
	}
}
