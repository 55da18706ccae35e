package io.siteroll.compliance.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Locale;
import java.util.stream.IntStream;

import io.siteroll.attendance.ValidDayRule;
import io.siteroll.compliance.Finding;
import io.siteroll.compliance.FindingEvidence;
import io.siteroll.compliance.FindingEvidence.R1Evidence;
import io.siteroll.compliance.FindingEvidence.R2Evidence;
import io.siteroll.compliance.FindingEvidence.R3Evidence;
import io.siteroll.compliance.Measure;
import io.siteroll.compliance.Party;
import io.siteroll.compliance.Recheck;
import io.siteroll.compliance.Rule;
import io.siteroll.compliance.Warning;
import io.siteroll.compliance.WarningEvidence;
import io.siteroll.compliance.WarningEvidence.LowAttendanceEvidence;
import io.siteroll.personnel.Post;
import org.junit.jupiter.api.Test;
import org.springframework.context.support.ResourceBundleMessageSource;
import tools.jackson.databind.json.JsonMapper;

/** The evidence in words, from the bundles, without the application: what a page and an order read. */
class EvidenceInWordsTest {

	static final Locale ZH = Locale.SIMPLIFIED_CHINESE;

	static final YearMonth OCTOBER = YearMonth.of(2026, 10);

	static final JsonMapper JSON = JsonMapper.builder().build();

	final EvidenceInWords words = new EvidenceInWords(bundles());

	static ResourceBundleMessageSource bundles() {
		ResourceBundleMessageSource source = new ResourceBundleMessageSource();
		source.setBasename("messages");
		source.setDefaultEncoding("UTF-8");
		source.setFallbackToSystemLocale(false);
		return source;
	}

	static Finding finding(Rule rule, String person, Post post, FindingEvidence evidence) {
		return new Finding(1, OCTOBER, rule, 2, "长春某项目", "", Finding.Status.OPEN, Measure.RECTIFICATION_ORDER,
				Party.PROJECT_MANAGER, 3L, 4L, null, person, post, 5, "JL-2021", "吉建管〔2021〕6号", "责令限期整改。",
				evidence, Instant.EPOCH, Instant.EPOCH);
	}

	static Warning warning(Warning.Kind kind, String person, WarningEvidence evidence) {
		return new Warning(1, kind, 2, "长春某项目", "", Warning.Status.OPEN, LocalDate.of(2026, 9, 21), null, null, person,
				null, evidence, null, null, null);
	}

	static List<LocalDate> days(int from, int count) {
		return IntStream.range(from, from + count).mapToObj(OCTOBER::atDay).toList();
	}

	final Finding r2 = finding(Rule.R2, "张三", Post.PROJECT_MANAGER,
			new R2Evidence(Post.PROJECT_MANAGER, OCTOBER.atDay(1), null, days(10, 10), 10, days(10, 7), 7, 80,
					new BigDecimal("70.0"), "7 × 100 = 700 < 10 × 80 = 800", ValidDayRule.ANY_PASS, List.of()));

	@Test
	void R2_namesThePersonThePostTheDaysTheRateAndTheArithmetic() {
		assertThat(words.describe(r2, ZH))
			.isEqualTo("张三（项目经理）2026年10月到岗 7 天，施工日 10 天，到岗率 70.0%，低于要求的 80%（7 × 100 = 700 < 10 × 80 = 800）");
		assertThat(words.describe(r2, Locale.ENGLISH)).isEqualTo(
				"张三 (Project manager) attended 7 of the 10 construction days in October 2026: 70.0%, below the required 80% (7 × 100 = 700 < 10 × 80 = 800)");
	}

	@Test
	void R3_statesTheShortfallAndWhetherItCallsForAPenalty() {
		Finding order = finding(Rule.R3, null, null, new R3Evidence(20, 19, 1, 16, List.of(9L), ValidDayRule.ANY_PASS, 22));
		Finding penalty = finding(Rule.R3, null, null, new R3Evidence(20, 4, 16, 16, List.of(), ValidDayRule.ANY_PASS, 22));
		assertThat(words.describe(order, ZH)).isEqualTo("2026年10月在册作业人员 20 人，有有效考勤的 19 人，缺少考勤 1 人，不足 16 人，责令限期整改");
		assertThat(words.describe(penalty, ZH)).endsWith("缺少考勤 16 人，达到 16 人及以上，应予行政处罚");
		assertThat(words.describe(penalty, Locale.ENGLISH))
			.isEqualTo("In October 2026, 20 workers were engaged and 4 had a valid attendance day: 16 without attendance; 16 or more calls for a penalty");
	}

	@Test
	void R1_saysWhetherADeviceEquippedTheProjectByTheStartAndHowManyConstructionDaysWentUnheard() {
		Finding never = finding(Rule.R1, null, null, new R1Evidence(OCTOBER.atDay(8), null, null, false, 20, days(8, 20),
				days(8, 20), 20, 3));
		Finding late = finding(Rule.R1, null, null, new R1Evidence(OCTOBER.atDay(8), OCTOBER.atDay(12), OCTOBER.atDay(1),
				false, 20, days(8, 20), List.of(), 0, 3));
		assertThat(words.describe(never, ZH)).isEqualTo("开工日期为2026年10月8日，平台未观察到该项目配备考勤设备；"
				+ "2026年10月施工日 20 天，其中 20 天未收到任何考勤设备的数据（达到 3 天即不符合要求）");
		assertThat(words.describe(late, ZH)).isEqualTo("开工日期为2026年10月8日，平台自2026年10月12日起才观察到考勤设备，晚于开工日期");
		assertThat(words.describe(late, Locale.ENGLISH))
			.isEqualTo("Started on 8 Oct 2026; the platform observed an attendance device only from 12 Oct 2026, after the start");
	}

	@Test
	void aRevisionIsDescribedWithTheEvidenceItCarried() {
		R2Evidence earlier = new R2Evidence(Post.PROJECT_MANAGER, OCTOBER.atDay(1), null, days(10, 10), 10, days(10, 6), 6,
				80, new BigDecimal("60.0"), "6 × 100 = 600 < 10 × 80 = 800", ValidDayRule.ANY_PASS, List.of());
		Finding.Revision revision = new Finding.Revision(1, 1, Finding.Change.RAISED, Measure.RECTIFICATION_ORDER, earlier,
				Instant.EPOCH);
		assertThat(words.describe(r2, revision, ZH)).contains("到岗 6 天", "60.0%", "6 × 100 = 600");
	}

	@Test
	void everyWarningKindIsASentenceWithItsNumbers() {
		assertThat(words.describe(warning(Warning.Kind.NO_DEVICE, null,
				new WarningEvidence.NoDeviceEvidence(LocalDate.of(2026, 9, 11), LocalDate.of(2026, 9, 15))), ZH))
			.isEqualTo("项目2026年9月11日开工，截至2026年9月15日未配备考勤设备");
		assertThat(words.describe(warning(Warning.Kind.DEVICE_OFFLINE, null, new WarningEvidence.DeviceOfflineEvidence("SN1",
				"1号闸", LocalDate.of(2026, 9, 18), LocalDate.of(2026, 9, 20), null)), ZH))
			.isEqualTo("考勤设备 SN1（1号闸） 最后一次收到数据为2026年9月18日，截至2026年9月20日未再收到");
		assertThat(words.describe(warning(Warning.Kind.DEVICE_OFFLINE, null, new WarningEvidence.DeviceOfflineEvidence("SN1",
				null, null, LocalDate.of(2026, 9, 20), 24)), Locale.ENGLISH))
			.isEqualTo("Attendance device SN1 never heard as of 20 Sep 2026 (offline after 24 hours without contact)");
		assertThat(words.describe(warning(Warning.Kind.KEY_MANAGER_UNREACHABLE, "李四",
				new WarningEvidence.KeyManagerUnreachableEvidence(Post.CHIEF_SUPERVISOR, YearMonth.of(2026, 9),
						LocalDate.of(2026, 9, 18), 20, 3, 12, 80, "(3 + 12) × 100 = 1500 < 20 × 80 = 1600")), ZH))
			.isEqualTo("李四（总监理工程师）2026年9月截至2026年9月18日到岗 3 天，剩余施工日 12 天，"
					+ "即使全部到岗也达不到施工日 20 天的 80%（(3 + 12) × 100 = 1500 < 20 × 80 = 1600）");
		assertThat(words.describe(warning(Warning.Kind.UNREGISTERED_AT_GATE, null,
				new WarningEvidence.UnregisteredAtGateEvidence(LocalDate.of(2026, 9, 21), 3, List.of("a", "b"))), ZH))
			.isEqualTo("2026年9月21日未实名登记人员在闸机被拒 3 次，涉及 2 人");
	}

	@Test
	void lowAttendanceTakesItsWindowAndThresholdFromTheEvidence() {
		List<LocalDate> seven = List.of(LocalDate.of(2026, 9, 15), LocalDate.of(2026, 9, 16), LocalDate.of(2026, 9, 17),
				LocalDate.of(2026, 9, 18), LocalDate.of(2026, 9, 19), LocalDate.of(2026, 9, 20), LocalDate.of(2026, 9, 21));
		Warning firstWritten = warning(Warning.Kind.LOW_ATTENDANCE, null,
				new WarningEvidence.LowAttendanceEvidence(seven, 28, 14, new BigDecimal("50.0"), 80, null, null));
		assertThat(words.describe(firstWritten, ZH))
			.isEqualTo("近 7 个施工日（2026年9月15日至2026年9月21日）作业人员应考勤 28 人日，有效考勤 14 人日，考勤率 50.0%，低于 80%");
		Warning ruleSet = warning(Warning.Kind.LOW_ATTENDANCE, null, new WarningEvidence.LowAttendanceEvidence(seven.subList(2, 7),
				20, 14, new BigDecimal("70.0"), null, 5, 75));
		assertThat(words.describe(ruleSet, Locale.ENGLISH)).isEqualTo(
				"Over the last 5 construction days (17 Sep 2026 to 21 Sep 2026) workers attended 14 of 20 worker-days: 70.0%, below 75%");
	}

	@Test
	void orderItemsAreChineseSentencesWithoutCodesOrMaps() {
		String fromFinding = words.orderItems(r2);
		assertThat(fromFinding).isEqualTo(
				"张三（项目经理）2026年10月到岗 7 天，施工日 10 天，到岗率 70.0%，低于要求的 80%（7 × 100 = 700 < 10 × 80 = 800）。责令限期整改。");
		for (Warning w : List.of(
				warning(Warning.Kind.NO_DEVICE, null, new WarningEvidence.NoDeviceEvidence(LocalDate.of(2026, 9, 11),
						LocalDate.of(2026, 9, 15))),
				warning(Warning.Kind.LOW_ATTENDANCE, null, new WarningEvidence.LowAttendanceEvidence(
						List.of(LocalDate.of(2026, 9, 21)), 4, 2, new BigDecimal("50.0"), 80, null, null)))) {
			String items = words.orderItems(w);
			assertThat(items).startsWith("预警“").doesNotContain("{", "=", w.kind().name(), "null");
		}
		assertThat(words.orderItems(warning(Warning.Kind.NO_DEVICE, null, new WarningEvidence.NoDeviceEvidence(
				LocalDate.of(2026, 9, 11), LocalDate.of(2026, 9, 15)))))
			.isEqualTo("预警“开工未配备考勤设备”：项目2026年9月11日开工，截至2026年9月15日未配备考勤设备。");
	}

	@Test
	void aRecheckIsDescribedInEitherLanguage() {
		assertThat(words.describe(new Recheck.R2RecheckEvidence(YearMonth.of(2026, 11), "JL-2021", 20, 15, 80), ZH))
			.isEqualTo("2026年11月施工日 20 天，到岗 15 天，要求不低于 80%（规则集 JL-2021）");
		assertThat(words.describe(new Recheck.R1RecheckEvidence(true, 2, 9, 1), Locale.ENGLISH))
			.isEqualTo("9 construction days since the deadline: a device assigned, 2 of them without a device heard");
		assertThat(words.describe(new Recheck.R3RecheckEvidence(20, 17, 3, 9), ZH))
			.isEqualTo("复查期间施工日 9 天，在册作业人员 20 人，有有效考勤的 17 人，缺少考勤 3 人");
	}

	/** The records read the jsonb the SQL writes, ignore keys they do not know and keep old names readable. */
	@Test
	void evidenceIsReadFromTheJsonTheStatementsWrite() {
		LowAttendanceEvidence low = (LowAttendanceEvidence) JSON.readValue("""
				{"constructionDays": ["2026-09-21", "2026-09-20"], "registeredWorkerDays": 28, "attendedWorkerDays": 14,
				 "ratePercent": 50.0, "thresholdPercent": 80, "windowDays": 7, "requiredPercent": 80, "somethingNew": 1}""",
				WarningEvidence.typeOf(Warning.Kind.LOW_ATTENDANCE));
		assertThat(low.window()).isEqualTo(7);
		assertThat(low.constructionDays()).containsExactly(LocalDate.of(2026, 9, 20), LocalDate.of(2026, 9, 21));
		R1Evidence r1 = (R1Evidence) JSON.readValue("""
				{"startDate": "2026-10-08", "firstDeviceFrom": null, "declaredInstallation": null, "equippedByStart": false,
				 "constructionDayCount": 20, "disconnectedDays": [], "disconnectedDayCount": 0, "toleranceDays": 3}""",
				FindingEvidence.typeOf(Rule.R1));
		assertThat(r1.constructionDays()).as("written before R1 listed its construction days").isEmpty();
		Recheck.R1RecheckEvidence recheck = (Recheck.R1RecheckEvidence) JSON.readValue("""
				{"equipped": true, "disconnected": 2, "constructionDays": 9}""", Recheck.Evidence.typeOf(Rule.R1));
		assertThat(recheck).isEqualTo(new Recheck.R1RecheckEvidence(true, 2, 9, null));
		assertThat(JSON.writeValueAsString(recheck)).contains("\"constructionDayCount\":9", "\"disconnectedDayCount\":2");
		assertThat(JSON.writeValueAsString(new WarningEvidence.LowAttendanceEvidence(List.of(), 1, 1, BigDecimal.ONE, 80,
				null, null))).as("keys the statement did not write are not invented").doesNotContain("windowDays", "window\"",
						"threshold\"");
	}

	/** The API shows the evidence with exactly the properties the statements write, nothing derived. */
	@Test
	void evidenceIsWrittenWithItsPropertiesOnly() {
		R1Evidence r1 = new R1Evidence(OCTOBER.atDay(8), null, null, false, 2, days(8, 2), days(8, 2), 2, 1);
		assertThat(JSON.readTree(JSON.writeValueAsString(r1)).propertyNames()).containsExactlyInAnyOrder("startDate",
				"firstDeviceFrom", "declaredInstallation", "equippedByStart", "constructionDayCount", "constructionDays",
				"disconnectedDays", "disconnectedDayCount", "toleranceDays");
		R3Evidence r3 = new R3Evidence(20, 4, 16, 16, List.of(), ValidDayRule.ANY_PASS, 22);
		assertThat(JSON.readTree(JSON.writeValueAsString(r3)).propertyNames()).containsExactlyInAnyOrder("engagedWorkers",
				"workersWithValidDay", "shortfall", "penaltyFrom", "absentPersonIds", "validDayRule", "constructionDayCount");
		assertThat(JSON.writeValueAsString(r2.evidence())).contains("\"actualPercent\":70.0", "\"post\":\"PROJECT_MANAGER\"",
				"\"tenureFrom\":\"2026-10-01\"");
	}
}
