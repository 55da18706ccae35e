package io.siteroll.national;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import io.siteroll.national.NationalReport.State;
import io.siteroll.national.NationalReport.Subject;
import io.siteroll.national.simulator.NationalPlatformSimulator;
import io.siteroll.support.ApiClient;
import io.siteroll.support.DeviceClient;
import io.siteroll.support.IntegrationTest;
import io.siteroll.support.Jpegs;

/**
 * Out to the national platform (issue 15): a registry change is queued in its own transaction, reaches the simulator
 * once and in the upload order, a lost answer or a crash between "sending" and the answer resends nothing the
 * platform holds, and a refusal is shown with the platform's reason and retried after the record's correction.
 */
class NationalReportingTest extends IntegrationTest {

	private static final String APPID = "220102209912310001";

	private static final String SECRET = "0123456789abcdef0123456789abcdef";

	private static final NationalPlatformSimulator SIMULATOR = startSimulator();

	private static NationalPlatformSimulator startSimulator() {
		try {
			return new NationalPlatformSimulator(io.siteroll.support.TestClock.outsideWorld()).register(APPID, SECRET).start(0);
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	@DynamicPropertySource
	static void national(DynamicPropertyRegistry registry) {
		registry.add("siteroll.data-dir", () -> "target/test-data-national");
		registry.add("siteroll.national.enabled", () -> "true");
		registry.add("siteroll.national.endpoint", () -> SIMULATOR.uri().toString());
		registry.add("siteroll.national.appid", () -> APPID);
		registry.add("siteroll.national.appsecret", () -> SECRET);
		registry.add("siteroll.national.retry-first", () -> "PT0S");
		registry.add("siteroll.national.interval", () -> "PT10H");
	}

	@Autowired
	NationalReporting reporting;

	private ApiClient province;

	private Site site;

	private long worker;

	@BeforeEach
	void registerASite() {
		province = as(province());
		site = site(province, "220102", today().minusDays(20));
		String id = IDS.idNumber(1980, 1990);
		worker = province.post("/api/projects/" + site.projectId() + "/workers", worker(site.teamId(), id, "王国上报", IDS.bankCard()))
			.id();
		long person = jdbc.sql("select person_id from worker_engagement where id = ?").param(worker).query(Long.class).single();
		assertThat(province.upload("PUT", "/api/persons/" + person + "/face", "file", "face.jpg", Jpegs.scene(person))
			.status()).isEqualTo(200);
		// other tests' projects are not this story's: only this site's reports are owed
		jdbc.sql("update national_report set state = 'ACCEPTED' where project_id <> ? and state <> 'ACCEPTED'")
			.param(site.projectId())
			.update();
	}

	private List<NationalReport> reports() {
		return jdbc.sql("select id from national_report where project_id = ? order by id")
			.param(site.projectId())
			.query(Long.class)
			.list()
			.stream()
			.map(id -> reporting.reports(site.projectId(), 500).stream().filter(r -> r.id() == id).findFirst().orElseThrow())
			.toList();
	}

	private void rounds(int n) {
		for (int i = 0; i < n; i++) {
			reporting.sendDue();
		}
	}

	private List<NationalPlatformSimulator.Received> receivedOfThisProject() {
		String code = jdbc.sql("select code from project where id = ?").param(site.projectId()).query(String.class).single();
		return SIMULATOR.received().stream().filter(r -> r.key().startsWith(code)).toList();
	}

	@Test
	void theRegistryReachesThePlatformOnceAndInTheUploadOrder() {
		assertThat(reports()).extracting(NationalReport::subject)
			.as("queued in the registering transactions")
			.containsExactlyInAnyOrder(Subject.PROJECT, Subject.UNIT, Subject.UNIT, Subject.UNIT, Subject.TEAM,
					Subject.WORKER, Subject.CONTRACT, Subject.ENTRY_EXIT);
		assertThat(reporting.tally(site.projectId()).pending()).isEqualTo(8);

		// the platform answers one call, then its answer is lost: the project is held, the report not told
		SIMULATOR.loseAnswers(1);
		rounds(12);

		assertThat(reports()).allSatisfy(r -> assertThat(r.state()).as(r.subject() + " " + r.lastError()).isEqualTo(State.ACCEPTED));
		List<NationalPlatformSimulator.Received> received = receivedOfThisProject();
		assertThat(received).extracting(NationalPlatformSimulator.Received::method)
			.as("each change once, in the upload order")
			.containsExactly(NationalMethod.PROJECT_ADD, NationalMethod.SUBCONTRACTOR_ADD, NationalMethod.SUBCONTRACTOR_ADD,
					NationalMethod.SUBCONTRACTOR_ADD, NationalMethod.TEAM_ADD, NationalMethod.WORKER_ADD,
					NationalMethod.CONTRACT_ADD, NationalMethod.ENTRY_EXIT_ADD);
		assertThat(jdbc.sql("select national_key from national_reference where subject = 'TEAM' and subject_id = ?")
			.param(site.teamId()).query(String.class).optional()).as("the team's teamSysNo kept").isPresent();
		assertThat(jdbc.sql("select count(*) from audit_entry where action = 'PERSONAL_DATA_DISCLOSED' and subject_id = "
				+ "(select person_id::text from worker_engagement where id = ?)").param(worker).query(Long.class).single())
			.as("the ID number released to the national platform is audited").isGreaterThanOrEqualTo(2);

		// a crash after "sending" was written and before the call went out: nothing held, so it is sent, once
		assertThat(province.post("/api/projects/" + site.projectId() + "/workers/" + worker + "/exit", Map.of("date", today()))
			.status()).isEqualTo(200);
		long exit = reports().get(reports().size() - 1).id();
		jdbc.sql("update national_report set state = 'SENDING', attempts = 1 where id = ?").param(exit).update();
		rounds(3);
		assertThat(receivedOfThisProject()).filteredOn(r -> r.method() == NationalMethod.ENTRY_EXIT_ADD).hasSize(2);
		assertThat(reports()).allSatisfy(r -> assertThat(r.state()).isEqualTo(State.ACCEPTED));
	}

	@Test
	void aRefusalIsShownWithThePlatformsReasonAndRetriedAfterCorrection() {
		SIMULATOR.refuseNext(NationalMethod.PROJECT_ADD, "[name]项目名称不规范");
		rounds(4);
		NationalReport project = reports().stream().filter(r -> r.subject() == Subject.PROJECT).findFirst().orElseThrow();
		assertThat(project.state()).isEqualTo(State.REFUSED);
		assertThat(project.refusal()).isEqualTo("[name]项目名称不规范");
		assertThat(reports()).filteredOn(r -> r.subject() != Subject.PROJECT)
			.as("what depends on the project waits")
			.allSatisfy(r -> assertThat(r.state()).isEqualTo(State.PENDING));
		assertThat(reporting.tally(site.projectId()).refused()).isEqualTo(1);
		ApiClient.Response page = province.get("/projects/" + site.projectId() + "/national");
		assertThat(page.status()).isEqualTo(200);
		assertThat(page.body()).as("the page names the refusal in the platform's words")
			.contains("被退回", "[name]项目名称不规范", "id=\"national-refused\">1<");
		ApiClient.Response api = province.get("/api/projects/" + site.projectId() + "/national-reports");
		assertThat(api.json().path("tally").path("refused").asLong()).isEqualTo(1);
		assertThat(as(account(io.siteroll.identity.Role.ENTERPRISE_ADMIN, null, enterprise(province, "220102"), null, false))
			.get("/projects/" + site.projectId() + "/national").status()).as("an unrelated enterprise").isEqualTo(404);

		Map<String, Object> corrected = new java.util.LinkedHashMap<>();
		corrected.put("name", "更正后的项目名称" + site.projectId());
		corrected.put("regionCode", site.regionCode());
		corrected.put("address", "测试路1号");
		corrected.put("category", "01");
		corrected.put("constructionNature", "001");
		corrected.put("contractorId", site.contractorId());
		corrected.put("startDate", today().minusDays(20));
		assertThat(province.put("/api/projects/" + site.projectId(), corrected).status()).isEqualTo(200);
		assertThat(reports()).filteredOn(r -> r.subject() == Subject.PROJECT)
			.as("the correction puts the refused report back, not a second one")
			.singleElement()
			.satisfies(r -> assertThat(r.state()).isEqualTo(State.PENDING));

		rounds(12);
		assertThat(reports()).allSatisfy(r -> assertThat(r.state()).isEqualTo(State.ACCEPTED));
		assertThat(receivedOfThisProject()).filteredOn(r -> r.method() == NationalMethod.PROJECT_ADD).hasSize(1);
	}

	@Test
	void theGatesPassesFollowInWindowsEachOnce() {
		rounds(12);
		assertThat(reports()).allSatisfy(r -> assertThat(r.state()).isEqualTo(State.ACCEPTED));
		long person = jdbc.sql("select person_id from worker_engagement where id = ?").param(worker).query(Long.class).single();
		DeviceClient gate = gate(device(province, site.projectId(), "SITEROLL", "BOTH"));
		java.time.OffsetDateTime morning = java.time.OffsetDateTime.now(clock).minusMinutes(40);
		assertThat(gate.post("/api/device/v1/passes", Map.of("passes", List.of(
				DeviceClient.pass("n-in-" + person, person, morning),
				DeviceClient.pass("n-again-" + person, person, morning.plusMinutes(20))))).status()).isEqualTo(200);

		rounds(2);
		assertThat(reports()).as("a window closes two minutes behind the clock").noneMatch(r -> r.subject() == Subject.ATTENDANCE);
		clock.advance(java.time.Duration.ofMinutes(3));
		rounds(4);
		assertThat(reports()).filteredOn(r -> r.subject() == Subject.ATTENDANCE).singleElement()
			.satisfies(r -> assertThat(r.state()).as(r.refusal()).isEqualTo(State.ACCEPTED));
		assertThat(receivedOfThisProject()).filteredOn(r -> r.method() == NationalMethod.ATTENDANCE_ADD).hasSize(2);

		assertThat(gate.post("/api/device/v1/passes", Map.of("passes", List.of(
				DeviceClient.pass("n-later-" + person, person, java.time.OffsetDateTime.now(clock).minusMinutes(1))))).status())
			.isEqualTo(200);
		clock.advance(java.time.Duration.ofMinutes(3));
		rounds(4);
		assertThat(reports()).filteredOn(r -> r.subject() == Subject.ATTENDANCE).hasSize(2)
			.allSatisfy(r -> assertThat(r.state()).isEqualTo(State.ACCEPTED));
		assertThat(receivedOfThisProject()).filteredOn(r -> r.method() == NationalMethod.ATTENDANCE_ADD)
			.as("each pass once").hasSize(3).doesNotHaveDuplicates();
	}
}
