package io.siteroll.compliance;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import io.siteroll.attendance.ValidDayRule;
import io.siteroll.compliance.Escalation.PenaltyDue;
import io.siteroll.compliance.Escalation.Proposal;
import io.siteroll.compliance.Escalation.Responsibility;
import io.siteroll.personnel.Post;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The checklist's table of measures (处理措施), row by row: who answers for each broken rule with which measure, and
 * what follows an overdue order or a penalty finding. R3's threshold is the rule set's: 15 missing workers is still an
 * order, 16 a penalty at once (15人（不含15人）以上).
 */
class EscalationTest {

	/** A rule set as the province's first one: a penalty from 16 missing workers on. */
	private static final RuleSet RULES = ruleSet(16);

	private static RuleSet ruleSet(int shortfallPenaltyFrom) {
		return new RuleSet(1, "TEST", "test", 80, 70, List.of("PROJECT_MANAGER", "CHIEF_SUPERVISOR"), shortfallPenaltyFrom,
				ValidDayRule.ANY_PASS, 0, 7, 7, 80, Map.of(), "test");
	}

	private static final PenaltyDue ENTERPRISE_UNDER_WAGE_REGULATION = new PenaltyDue(Party.CONSTRUCTION_ENTERPRISE,
			Escalation.WAGE_REGULATION);

	private static final PenaltyDue ENTERPRISE_UNDER_ARTICLE_55 = new PenaltyDue(Party.CONSTRUCTION_ENTERPRISE,
			Escalation.WAGE_REGULATION_55);

	private static final PenaltyDue PROJECT_MANAGER_UNDER_CONSTRUCTOR_REGULATION = new PenaltyDue(Party.PROJECT_MANAGER,
			Escalation.CONSTRUCTOR_REGULATION);

	// ---- responsibility: the measure a broken rule calls for and who answers for it

	@Test
	void devicesMissingOrOfflineAreTheConstructionEnterprisesToRectify() {
		assertThat(Escalation.responsibility(Rule.R1, null, 0, RULES))
			.isEqualTo(new Responsibility(Measure.RECTIFICATION_ORDER, Party.CONSTRUCTION_ENTERPRISE));
	}

	@ParameterizedTest
	@EnumSource(value = Post.class, names = "CHIEF_SUPERVISOR", mode = EnumSource.Mode.EXCLUDE)
	void aManagerAwayIsTheProjectManagersToRectify(Post post) {
		assertThat(Escalation.responsibility(Rule.R2, post, 0, RULES))
			.isEqualTo(new Responsibility(Measure.RECTIFICATION_ORDER, Party.PROJECT_MANAGER));
	}

	@Test
	void aChiefSupervisorAwayIsTheSupervisionCompanysToRectify() {
		assertThat(Escalation.responsibility(Rule.R2, Post.CHIEF_SUPERVISOR, 0, RULES))
			.isEqualTo(new Responsibility(Measure.RECTIFICATION_ORDER, Party.SUPERVISION_COMPANY));
	}

	@ParameterizedTest(name = "{0} missing: {1} for {2}")
	@CsvSource({ "1, RECTIFICATION_ORDER, CONSTRUCTION_ENTERPRISE", "14, RECTIFICATION_ORDER, CONSTRUCTION_ENTERPRISE",
			"15, RECTIFICATION_ORDER, CONSTRUCTION_ENTERPRISE", "16, PENALTY, PROJECT_MANAGER",
			"17, PENALTY, PROJECT_MANAGER", "120, PENALTY, PROJECT_MANAGER" })
	void workersWithoutAttendanceUpToFifteenAreAnOrderFromSixteenAPenaltyOnTheProjectManager(int shortfall,
			Measure measure, Party party) {
		assertThat(Escalation.responsibility(Rule.R3, null, shortfall, RULES)).isEqualTo(new Responsibility(measure, party));
		assertThat(Escalation.penaltyAtOnce(shortfall, RULES)).isEqualTo(measure == Measure.PENALTY);
	}

	@Test
	void theThresholdIsTheRuleSets() {
		RuleSet stricter = ruleSet(10);
		assertThat(Escalation.responsibility(Rule.R3, null, 9, stricter).measure()).isEqualTo(Measure.RECTIFICATION_ORDER);
		assertThat(Escalation.responsibility(Rule.R3, null, 10, stricter).measure()).isEqualTo(Measure.PENALTY);
		assertThat(Escalation.penaltyAtOnce(15, stricter)).isTrue();
	}

	@ParameterizedTest
	@EnumSource(value = Rule.class, names = { "DEVICE_TEST", "OTHER" })
	void aFailedFunctionTestAndAnythingElseAreTheConstructionEnterprisesToRectify(Rule rule) {
		assertThat(Escalation.responsibility(rule, null, 0, RULES))
			.isEqualTo(new Responsibility(Measure.RECTIFICATION_ORDER, Party.CONSTRUCTION_ENTERPRISE));
	}

	// ---- what follows an overdue order (or a penalty finding)

	@ParameterizedTest
	@EnumSource(value = Rule.class, names = { "R1", "DEVICE_TEST" })
	void overdueDevicesPenaliseTheEnterpriseAndTheProjectManagerAndRecordBoth(Rule rule) {
		Proposal proposal = Escalation.of(rule, null, false);
		assertThat(proposal.penalties()).containsExactly(ENTERPRISE_UNDER_WAGE_REGULATION,
				PROJECT_MANAGER_UNDER_CONSTRUCTOR_REGULATION);
		assertThat(proposal.creditRecords()).containsExactly(Party.CONSTRUCTION_ENTERPRISE, Party.PROJECT_MANAGER);
		assertThat(proposal.proposes(Party.CONSTRUCTION_ENTERPRISE)).isTrue();
		assertThat(proposal.proposes(Party.PROJECT_MANAGER)).isTrue();
		assertThat(proposal.proposes(Party.SUPERVISION_COMPANY)).isFalse();
	}

	@ParameterizedTest
	@EnumSource(value = Post.class, names = "CHIEF_SUPERVISOR", mode = EnumSource.Mode.EXCLUDE)
	void anOverdueManagerOrderPenalisesTheProjectManager(Post post) {
		Proposal proposal = Escalation.of(Rule.R2, post, false);
		assertThat(proposal.penalties()).containsExactly(PROJECT_MANAGER_UNDER_CONSTRUCTOR_REGULATION);
		assertThat(proposal.creditRecords()).containsExactly(Party.PROJECT_MANAGER);
	}

	@Test
	void anOverdueChiefSupervisorOrderIsNoPenaltyButRecordsTheSupervisorAndTheCompany() {
		Proposal proposal = Escalation.of(Rule.R2, Post.CHIEF_SUPERVISOR, false);
		assertThat(proposal.penalties()).isEmpty();
		assertThat(proposal.proposes(Party.PROJECT_MANAGER)).isFalse();
		assertThat(proposal.creditRecords()).containsExactly(Party.CHIEF_SUPERVISOR, Party.SUPERVISION_COMPANY);
	}

	@Test
	void anOverdueShortfallOrderFinesTheEnterpriseUnderArticle55() {
		Proposal proposal = Escalation.of(Rule.R3, null, false);
		assertThat(proposal.penalties()).containsExactly(ENTERPRISE_UNDER_ARTICLE_55);
		assertThat(proposal.creditRecords()).containsExactly(Party.CONSTRUCTION_ENTERPRISE);
	}

	@Test
	void aShortfallFromSixteenPenalisesTheProjectManagerAtOnce() {
		Proposal proposal = Escalation.of(Rule.R3, null, Escalation.penaltyAtOnce(16, RULES));
		assertThat(proposal.penalties()).containsExactly(PROJECT_MANAGER_UNDER_CONSTRUCTOR_REGULATION);
		assertThat(proposal.creditRecords()).containsExactly(Party.PROJECT_MANAGER);
		assertThat(Escalation.of(Rule.R3, null, Escalation.penaltyAtOnce(15, RULES)).penalties())
			.containsExactly(ENTERPRISE_UNDER_ARTICLE_55);
	}

	@Test
	void anotherOrderProposesNothing() {
		Proposal proposal = Escalation.of(Rule.OTHER, null, false);
		assertThat(proposal.penalties()).isEmpty();
		assertThat(proposal.creditRecords()).isEmpty();
	}
}
