package io.siteroll.compliance;

import java.util.List;

import io.siteroll.personnel.Post;

/**
 * The checklist's table of measures (docs/domain.md §11.2, 处理措施), the one place that says, for a broken rule,
 * which measure it calls for and which party answers for it; and, when an order is overdue (or a finding calls
 * for a penalty at once), who is penalised under which law and who gets a bad-credit record. The thresholds it
 * compares against come from the rule set in force.
 */
public final class Escalation {

	public static final String WAGE_REGULATION = "《保障农民工工资支付条例》";

	public static final String WAGE_REGULATION_55 = "《保障农民工工资支付条例》第五十五条";

	public static final String CONSTRUCTOR_REGULATION = "《注册建造师管理规定》";

	/** A penalty to decide: on whom, under which law. */
	public record PenaltyDue(Party party, String legalBasis) {
	}

	/** What the table prescribes once an order is overdue, or at once for a penalty finding. */
	public record Proposal(List<PenaltyDue> penalties, List<Party> creditRecords) {

		public boolean proposes(Party party) {
			return penalties.stream().anyMatch(p -> p.party() == party);
		}
	}

	/** The measure a broken rule calls for and the party that answers for it. */
	public record Responsibility(Measure measure, Party party) {
	}

	private Escalation() {
	}

	/**
	 * Who answers for a broken rule and with which measure.
	 * @param rule the broken rule
	 * @param post for R2: the post of the manager; otherwise ignored
	 * @param shortfall for R3: engaged (or counted) workers without a valid attendance day; otherwise ignored
	 * @param rules the rule set in force, for R3's penalty threshold
	 */
	public static Responsibility responsibility(Rule rule, Post post, int shortfall, RuleSet rules) {
		return switch (rule) {
			case R2 -> new Responsibility(Measure.RECTIFICATION_ORDER,
					post == Post.CHIEF_SUPERVISOR ? Party.SUPERVISION_COMPANY : Party.PROJECT_MANAGER);
			case R3 -> penaltyAtOnce(shortfall, rules) ? new Responsibility(Measure.PENALTY, Party.PROJECT_MANAGER)
					: new Responsibility(Measure.RECTIFICATION_ORDER, Party.CONSTRUCTION_ENTERPRISE);
			case R1, DEVICE_TEST, OTHER, WAGES -> new Responsibility(Measure.RECTIFICATION_ORDER, Party.CONSTRUCTION_ENTERPRISE);
		};
	}

	/** R3: 15人（不含15人）以上 — a shortfall at or above the rule set's threshold is penalised without an order first. */
	public static boolean penaltyAtOnce(int shortfall, RuleSet rules) {
		return shortfall >= rules.shortfallPenaltyFrom();
	}

	/**
	 * What follows an unrectified order, or a penalty finding.
	 * @param post for R2: the post of the manager
	 * @param penaltyAtOnce R3 with a shortfall at or above the threshold: penalty without an order first
	 */
	public static Proposal of(Rule rule, Post post, boolean penaltyAtOnce) {
		return switch (rule) {
			case R1, DEVICE_TEST -> new Proposal(
					List.of(new PenaltyDue(Party.CONSTRUCTION_ENTERPRISE, WAGE_REGULATION),
							new PenaltyDue(Party.PROJECT_MANAGER, CONSTRUCTOR_REGULATION)),
					List.of(Party.CONSTRUCTION_ENTERPRISE, Party.PROJECT_MANAGER));
			case R2 -> post == Post.CHIEF_SUPERVISOR
					? new Proposal(List.of(), List.of(Party.CHIEF_SUPERVISOR, Party.SUPERVISION_COMPANY))
					: new Proposal(List.of(new PenaltyDue(Party.PROJECT_MANAGER, CONSTRUCTOR_REGULATION)),
							List.of(Party.PROJECT_MANAGER));
			case R3 -> penaltyAtOnce
					? new Proposal(List.of(new PenaltyDue(Party.PROJECT_MANAGER, CONSTRUCTOR_REGULATION)),
							List.of(Party.PROJECT_MANAGER))
					: new Proposal(List.of(new PenaltyDue(Party.CONSTRUCTION_ENTERPRISE, WAGE_REGULATION_55)),
							List.of(Party.CONSTRUCTION_ENTERPRISE));
			case WAGES -> new Proposal(List.of(new PenaltyDue(Party.CONSTRUCTION_ENTERPRISE, WAGE_REGULATION_55)),
					List.of(Party.CONSTRUCTION_ENTERPRISE));
			case OTHER -> new Proposal(List.of(), List.of());
		};
	}
}
