package io.siteroll.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

import io.siteroll.campaign.Campaign;
import io.siteroll.campaign.Campaigns;
import io.siteroll.campaign.ContactStatus;
import io.siteroll.campaign.DepartmentContacts;
import io.siteroll.campaign.Phase;
import io.siteroll.compliance.AttendanceRates;
import io.siteroll.compliance.Finding;
import io.siteroll.compliance.Findings;
import io.siteroll.compliance.Warning;
import io.siteroll.compliance.Warnings;
import io.siteroll.device.Device;
import io.siteroll.device.DeviceReadModel;
import io.siteroll.device.DeviceSilence;
import io.siteroll.device.Devices;
import io.siteroll.enforcement.CreditRecords;
import io.siteroll.enforcement.RectificationOrder;
import io.siteroll.enforcement.RectificationOrders;
import io.siteroll.enforcement.TypicalCases;
import io.siteroll.notice.Notice;
import io.siteroll.notice.Notices;
import io.siteroll.payroll.WageLine;
import io.siteroll.payroll.WageTable;
import io.siteroll.payroll.WageTables;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

/**
 * The demo province tells its story: loaded on the first start of an empty platform (its own embedded database and
 * data directory, wiped, even where the suite runs against a PostgreSQL server)
 * with the platform's clock fixed on 18 November 2026, 11:00 in Jilin, so that last month is October. Everything is
 * read back through the services and read models the pages use.
 */
@SpringBootTest(properties = { "spring.datasource.url=", "siteroll.demo.enabled=true", "siteroll.data-dir=target/demo-story-data",
		"siteroll.embedded-postgres.fresh=true", "siteroll.demo.projects=24", "siteroll.demo.workers=1200" })
@ActiveProfiles("test")
class DemoStoryTest {

	static final Instant NOW = Instant.parse("2026-11-18T03:00:00Z");

	static final LocalDate TODAY = LocalDate.of(2026, 11, 18);

	static final YearMonth LAST_MONTH = YearMonth.of(2026, 10);

	@TestConfiguration(proxyBeanMethods = false)
	static class FixedClock {

		@Bean
		@Primary
		Clock fixedClock() {
			return Clock.fixed(NOW, ZoneId.of("Asia/Shanghai"));
		}
	}

	@Autowired
	DemoDataLoader loader;

	@Autowired
	Findings findings;

	@Autowired
	RectificationOrders orders;

	@Autowired
	AttendanceRates rates;

	@Autowired
	Devices devices;

	@Autowired
	DeviceSilence silence;

	@Autowired
	CreditRecords credit;

	@Autowired
	TypicalCases typicalCases;

	@Autowired
	Warnings warnings;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Campaigns campaigns;

	@Autowired
	DepartmentContacts contacts;

	@Autowired
	Notices notices;

	@Autowired
	WageTables wageTables;

	@Test
	void theFirstStartTellsTheProvincesStory() {
		DemoProvince.Summary loaded = loader.loaded();
		assertThat(loaded).isNotNull();
		System.out.println("Demo province loaded in " + loaded.took().toMillis() + " ms (" + loaded.projects() + " projects, "
				+ loaded.workers() + " workers)");

		// attendance rate per city last month: every city at or above the 80 % target (长春市 just: its project
		// that never connected has no valid day), but 长春新区, whose only project has 20 workers who never came
		List<AttendanceRates.Rate> cityRates = rates.rates(AttendanceRates.Level.CITY, AttendanceRates.Period.MONTH,
				LAST_MONTH.atDay(1), LAST_MONTH.atEndOfMonth(), null);
		System.out.println("Attendance rates of " + LAST_MONTH + ": " + cityRates);
		assertThat(cityRates).hasSize(8);
		assertThat(cityRates).filteredOn(r -> r.key().equals("229901"))
			.singleElement()
			.satisfies(r -> assertThat(r.ratePercent()).isBetween(50.0, 65.0));
		assertThat(cityRates).filteredOn(r -> !r.key().equals("229901"))
			.allSatisfy(r -> assertThat(r.ratePercent()).as(r.name()).isBetween(80.0, 97.0));

		// gates: every started project but one (never connected) is equipped, and all but that one and the one
		// whose gates fell silent three days ago were heard today: 21 connected projects of 23 started
		AttendanceRates.Coverage province = rates.coverage(AttendanceRates.Level.PROVINCE, TODAY, null).get(0);
		List<AttendanceRates.Coverage> cities = rates.coverage(AttendanceRates.Level.CITY, TODAY, null);
		System.out.println("Coverage today: " + province + "\n  " + cities);
		assertThat(province.startedProjects()).isEqualTo(23);
		assertThat(province.connectedProjects()).isEqualTo(21);
		assertThat(province.startedProjects() - province.equippedProjects()).isEqualTo(1);
		assertThat(province.startedProjects() - province.connectedProjects()).isEqualTo(2);
		assertThat(cities.stream().mapToLong(AttendanceRates.Coverage::connectedProjects).sum()).isEqualTo(province.connectedProjects());

		// no gate with passes today is reported as never heard, nor silent
		List<Long> passedToday = jdbc.sql("select distinct device_id from pass where passed_at >= :from order by 1")
			.param("from", Timestamp.from(TODAY.atStartOfDay(ZoneId.of("Asia/Shanghai")).toInstant()))
			.query(Long.class)
			.list();
		assertThat(passedToday).isNotEmpty();
		for (long id : passedToday) {
			Device gate = devices.require(id);
			assertThat(gate.lastHeardAt()).as("gate %s", gate.serialNumber()).isNotNull();
			assertThat(gate.online()).as("gate %s", gate.serialNumber()).isTrue();
		}
		List<Long> unheard = jdbc.sql("""
				select r.id from %s r
				where r.id in (:ids) and not exists (select 1 from %s h where h.device_id = r.id and h.day = :today)
				   or r.id in (:ids) and %s((select d.last_heard_at from device d where d.id = r.id), null, :now, :tolerance::interval)"""
			.formatted(DeviceReadModel.REGISTRATION.sql(), DeviceReadModel.HEARD_DAY.sql(), DeviceReadModel.SILENT.sql()))
			.param("ids", passedToday)
			.param("today", TODAY)
			.param("now", Timestamp.from(NOW))
			.param("tolerance", silence.interval())
			.query(Long.class)
			.list();
		assertThat(unheard).isEmpty();

		// last month's findings, by rule and responsible party
		List<Finding> found = findings.search(new Findings.Search(LAST_MONTH, null, null, null, null, null), 0, 500).items();
		Map<String, Long> byRuleAndParty = new TreeMap<>(found.stream()
			.collect(Collectors.groupingBy(f -> f.rule() + " " + f.responsible() + (f.post() == null ? "" : " " + f.post()),
					Collectors.counting())));
		System.out.println("Findings of " + LAST_MONTH + ": " + byRuleAndParty);
		assertThat(byRuleAndParty).containsEntry("R1 CONSTRUCTION_ENTERPRISE", 3L)
			.containsEntry("R2 PROJECT_MANAGER PROJECT_MANAGER", 2L)
			.containsEntry("R2 SUPERVISION_COMPANY CHIEF_SUPERVISOR", 2L)
			.containsEntry("R2 PROJECT_MANAGER SAFETY_OFFICER", 2L)
			.containsEntry("R3 CONSTRUCTION_ENTERPRISE", 1L)
			.containsEntry("R3 PROJECT_MANAGER", 2L)
			.containsEntry("R2 PROJECT_MANAGER TECHNICAL_LEAD", 1L)
			.containsEntry("R2 PROJECT_MANAGER QUALITY_OFFICER", 1L)
			.hasSize(8);

		// orders in every state
		Map<RectificationOrder.Status, Long> byStatus = orders.search(new RectificationOrders.Search(null, null, null), 0, 500)
			.items()
			.stream()
			.collect(Collectors.groupingBy(RectificationOrder::status, () -> new EnumMap<>(RectificationOrder.Status.class),
					Collectors.counting()));
		System.out.println("Orders: " + byStatus);
		assertThat(byStatus).as("issued: three R2 findings and 长春新区's open warning; escalated: the project that never connected, "
				+ "and the failed function tests in 南关区 and 吉林市").containsEntry(RectificationOrder.Status.ISSUED, 4L)
			.containsEntry(RectificationOrder.Status.ANSWERED, 1L)
			.containsEntry(RectificationOrder.Status.RECTIFIED, 2L)
			.containsEntry(RectificationOrder.Status.OVERDUE, 1L)
			.containsEntry(RectificationOrder.Status.ESCALATED, 3L);

		// penalties, credit records and a typical case
		assertThat(credit.search(new CreditRecords.Search(null, null, null, TODAY), 0, 100).items()).hasSizeGreaterThanOrEqualTo(3);
		assertThat(typicalCases.published()).hasSize(1);

		// this year's campaign in its full-implementation phase, and the contacts most departments named for it
		Campaign campaign = campaigns.inForce(TODAY).orElseThrow();
		assertThat(campaign.name()).startsWith("2026年");
		assertThat(campaign.phaseOn(TODAY)).map(Phase::kind).contains(Phase.Kind.FULL_IMPLEMENTATION);
		List<ContactStatus> departments = contacts.status();
		assertThat(departments).as("every department below the province").hasSize(80);
		List<ContactStatus> missing = departments.stream().filter(d -> !d.named()).toList();
		assertThat(missing).as("one in ten has named no one, and is late").hasSizeBetween(5, 10).allMatch(ContactStatus::late);
		assertThat(departments).filteredOn(d -> List.of("220100", "220200", "220102", "229901").contains(d.department().code()))
			.as("the demo officers' departments").hasSize(4).allMatch(ContactStatus::named);

		// last month's notices: 长春市's and 吉林市's issued in their series, the others drafted
		List<Notice> drafted = notices.search(new Notices.Search(null, null, LAST_MONTH), 0, 20).items();
		assertThat(drafted).extracting(Notice::regionCode, Notice::status).containsExactlyInAnyOrder(
				tuple("220100", Notice.Status.ISSUED), tuple("220200", Notice.Status.ISSUED), tuple("220102", Notice.Status.DRAFT),
				tuple("229901", Notice.Status.DRAFT), tuple("220000", Notice.Status.DRAFT));
		assertThat(drafted).filteredOn(n -> n.status() == Notice.Status.ISSUED).extracting(Notice::number)
			.allSatisfy(number -> assertThat(number).contains("〔2026〕").endsWith("号"));

		// the enterprise's project paid last month's wages through its wage account: every table paid but one line
		long home = jdbc.sql("select project_id from account where username = 'clerk'").query(Long.class).single();
		List<WageTable> paid = wageTables.tables(home, LAST_MONTH);
		assertThat(paid).as("a table per building unit with workers").isNotEmpty();
		List<WageLine> lines = paid.stream().flatMap(t -> wageTables.lines(t.id()).stream()).toList();
		assertThat(lines).filteredOn(l -> l.payment() == WageLine.Payment.FAILED).as("the closed card").hasSize(1);
		assertThat(lines).filteredOn(l -> l.payment() == WageLine.Payment.PAID).hasSize(lines.size() - 1);

		// warnings reviewed both ways, and the two frauds the gates saw
		List<Warning> reviewed = warnings.search(new Warnings.Search(null, null, null, null, null), 0, 500).items().stream()
			.filter(w -> w.review() != null)
			.toList();
		assertThat(reviewed).extracting(Warning::review).containsExactlyInAnyOrder(Warning.Review.CONFIRMED, Warning.Review.DISMISSED);
		List<String> signals = jdbc.sql("select distinct kind from fraud_signal order by kind").query(String.class).list();
		assertThat(signals).contains("IMPOSSIBLE_TRAVEL", "REPLAYED_PHOTO");

	}
}
