package io.siteroll.compliance.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.IntStream;

import io.siteroll.compliance.Rule;
import io.siteroll.compliance.Warning;
import io.siteroll.compliance.WarningEvidence;
import io.siteroll.platform.Messages;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/** The wage warnings' evidence in words (zh and en), and every kind and rule labelled in the bundles. */
class WageEvidenceInWordsTest {

	static final Locale ZH = Locale.SIMPLIFIED_CHINESE;

	static final YearMonth OCTOBER = YearMonth.of(2026, 10);

	final EvidenceInWords words = new EvidenceInWords(EvidenceInWordsTest.bundles());

	static Warning warning(Warning.Kind kind, WarningEvidence evidence) {
		return EvidenceInWordsTest.warning(kind, null, evidence);
	}

	@Test
	void theAccountTheGuaranteeAndTheAllocationAreSentencesWithTheirDates() {
		assertThat(words.describe(warning(Warning.Kind.NO_WAGE_ACCOUNT, new WarningEvidence.NoWageAccountEvidence(
				LocalDate.of(2026, 9, 1), LocalDate.of(2026, 10, 3))), ZH))
			.isEqualTo("项目2026年9月1日开工，截至2026年10月3日未开设农民工工资专用账户");
		assertThat(words.describe(warning(Warning.Kind.NO_WAGE_GUARANTEE, new WarningEvidence.NoWageGuaranteeEvidence(
				LocalDate.of(2026, 9, 1), LocalDate.of(2026, 10, 3))), Locale.ENGLISH))
			.isEqualTo("Started on 1 Sep 2026; no wage guarantee in force as of 3 Oct 2026");
		assertThat(words.describe(warning(Warning.Kind.NO_ALLOCATION, new WarningEvidence.NoAllocationEvidence(
				OCTOBER, 31, LocalDate.of(2026, 11, 1))), ZH))
			.isEqualTo("2026年10月有施工日 31 天，农民工工资专用账户未收到人工费用拨付（2026年11月1日判定）");
	}

	@Test
	void arrearsNameTheCountTheDaysThePayDateAndTheMaskedWorkersAndSayHowManyMoreThereAre() {
		WarningEvidence.WageArrearsEvidence two = new WarningEvidence.WageArrearsEvidence(OCTOBER, LocalDate.of(2026, 11, 15),
				LocalDate.of(2026, 11, 16), 2, 9, List.of("王**", "李*"));
		assertThat(words.describe(warning(Warning.Kind.WAGE_ARREARS, two), ZH))
			.isEqualTo("2026年10月有 2 名工人（共 9 个有效考勤日）截至2026年11月16日未获支付工资，工资支付日为2026年11月15日：王**、李*");
		assertThat(words.describe(warning(Warning.Kind.WAGE_ARREARS, two), Locale.ENGLISH))
			.isEqualTo("2 workers with 9 valid attendance days in October 2026 had not been paid by 16 Nov 2026; "
					+ "the pay date was 15 Nov 2026: 王**, 李*");
		List<String> listed = IntStream.range(0, WarningEvidence.WORKERS_LISTED).mapToObj(i -> "张*").toList();
		WarningEvidence.WageArrearsEvidence many = new WarningEvidence.WageArrearsEvidence(OCTOBER,
				LocalDate.of(2026, 11, 15), LocalDate.of(2026, 11, 16), 25, 100, listed);
		assertThat(words.describe(warning(Warning.Kind.WAGE_ARREARS, many), ZH)).endsWith("张*等（另 5 人）");
		assertThat(words.orderItems(warning(Warning.Kind.WAGE_ARREARS, two))).startsWith("预警“欠薪预警”");
	}

	@Test
	void paymentsAndConfirmationsAreSentencesWithTheirAmounts() {
		assertThat(words.describe(warning(Warning.Kind.PAY_WITHOUT_ATTENDANCE, new WarningEvidence.PayWithoutAttendanceEvidence(
				OCTOBER, 1, new BigDecimal("4100"), List.of("赵**"))), ZH))
			.isEqualTo("2026年10月有 1 名工人无有效考勤却已审核或发放工资，合计 4100.00 元：赵**");
		assertThat(words.describe(warning(Warning.Kind.PAYMENT_FAILED, new WarningEvidence.PaymentFailedEvidence(OCTOBER, 2, 1,
				1, new BigDecimal("8200.5"), List.of("钱*", "孙**"))), Locale.ENGLISH))
			.isEqualTo("2 wage payments of October 2026 did not go through (1 failed, 1 returned, 8200.50 yuan) and have "
					+ "not been paid again: 钱*, 孙**");
		assertThat(words.describe(warning(Warning.Kind.TABLE_UNCONFIRMED, new WarningEvidence.TableUnconfirmedEvidence(7,
				OCTOBER, "某劳务公司", LocalDate.of(2026, 11, 15), LocalDate.of(2026, 11, 20), 10, 3, List.of("周*"))), ZH))
			.isEqualTo("某劳务公司2026年10月工资表 10 行中有 3 行未经工人确认，工资支付日2026年11月15日已过（截至2026年11月20日）：周*等（另 2 人）");
	}

	@Test
	void anR3FindingThatCountedThePayrollSaysSoAndOlderEvidenceReadsAsNotCounted() {
		var counted = new io.siteroll.compliance.FindingEvidence.R3Evidence(2, 1, 1, 16, List.of(9L),
				io.siteroll.attendance.ValidDayRule.ANY_PASS, 20, true);
		assertThat(words.describe(EvidenceInWordsTest.finding(Rule.R3, null, null, counted), ZH))
			.contains("缺少考勤 1 人（在册人数含当月已审核工资表上的工人）");
		assertThat(words.describe(EvidenceInWordsTest.finding(Rule.R3, null, null, counted), Locale.ENGLISH))
			.contains("(workers on the month payroll counted as engaged)");
		var older = JsonMapper.builder().build().readValue("""
				{"engagedWorkers": 2, "workersWithValidDay": 1, "shortfall": 1, "penaltyFrom": 16, "absentPersonIds": [9],
				 "validDayRule": "ANY_PASS", "constructionDayCount": 20}""",
				io.siteroll.compliance.FindingEvidence.R3Evidence.class);
		assertThat(older.countsPayroll()).isFalse();
		assertThat(words.describe(EvidenceInWordsTest.finding(Rule.R3, null, null, older), ZH)).doesNotContain("工资表");
	}

	@Test
	void theEvidenceIsReadBackFromJsonIntoTheRecordOfItsKind() {
		JsonMapper json = JsonMapper.builder().build();
		WarningEvidence read = json.readValue("""
				{"month": "2026-10", "payDate": "2026-11-15", "asOf": "2026-11-16", "workerCount": 1, "validDayCount": 3,
				 "workers": ["王**"], "unknown": true}""", WarningEvidence.typeOf(Warning.Kind.WAGE_ARREARS));
		assertThat(read).isEqualTo(new WarningEvidence.WageArrearsEvidence(OCTOBER, LocalDate.of(2026, 11, 15),
				LocalDate.of(2026, 11, 16), 1, 3, List.of("王**")));
	}

	@Test
	void everyKindAndRuleHasALabelInEveryBundleAndTheWageKindsRestOnTheWageRule() {
		var bundles = EvidenceInWordsTest.bundles();
		for (Locale locale : List.of(ZH, Locale.ENGLISH, Locale.ROOT)) {
			for (Warning.Kind kind : Warning.Kind.values()) {
				assertThat(bundles.getMessage(Messages.labelKey(kind), null, null, locale)).as(kind + " " + locale).isNotBlank();
			}
			for (Rule rule : Rule.values()) {
				assertThat(bundles.getMessage(Messages.labelKey(rule), null, null, locale)).as(rule + " " + locale).isNotBlank();
			}
		}
		assertThat(Arrays.stream(Warning.Kind.values()).filter(Warning.Kind::article55))
			.containsExactly(Warning.Kind.NO_WAGE_ACCOUNT, Warning.Kind.NO_WAGE_GUARANTEE);
		assertThat(Warning.Kind.WAGE_ARREARS.rule()).isEqualTo(Rule.WAGES);
		assertThat(Rule.WAGES.monthly()).isFalse();
	}
}
