package io.siteroll.enforcement;

import java.util.List;

/**
 * The checklist's escalation table (docs/domain.md §11, 处理措施): when a rectification order is overdue (or a
 * finding calls for a penalty at once), who is penalised under which rule, and who gets a bad-credit
 * record.
 */
public final class Escalation {

	public static final String WAGE_REGULATION = "《保障农民工工资支付条例》";

	public static final String WAGE_REGULATION_55 = "《保障农民工工资支付条例》第五十五条";

	public static final String CONSTRUCTOR_REGULATION = "《注册建造师管理规定》";

	/** A penalty to decide: on whom, under which rule. */
	public record PenaltyDue(String party, String legalBasis) {
	}

	/** What the table prescribes. */
	public record Proposal(List<PenaltyDue> penalties, List<String> creditRecords) {
	}

	private Escalation() {
	}

	/**
	 * @param rule R1, R2, R3 or DEVICE_TEST
	 * @param post for R2: the post of the manager
	 * @param penaltyAtOnce R3 with a shortfall of 16 or more: penalty without an order first
	 */
	public static Proposal of(String rule, String post, boolean penaltyAtOnce) {
		return switch (rule) {
			case "R1", "DEVICE_TEST" -> new Proposal(
					List.of(new PenaltyDue("CONSTRUCTION_ENTERPRISE", WAGE_REGULATION),
							new PenaltyDue("PROJECT_MANAGER", CONSTRUCTOR_REGULATION)),
					List.of("CONSTRUCTION_ENTERPRISE", "PROJECT_MANAGER"));
			case "R2" -> "CHIEF_SUPERVISOR".equals(post)
					? new Proposal(List.of(), List.of("CHIEF_SUPERVISOR", "SUPERVISION_COMPANY"))
					: new Proposal(List.of(new PenaltyDue("PROJECT_MANAGER", CONSTRUCTOR_REGULATION)), List.of("PROJECT_MANAGER"));
			case "R3" -> penaltyAtOnce
					? new Proposal(List.of(new PenaltyDue("PROJECT_MANAGER", CONSTRUCTOR_REGULATION)), List.of("PROJECT_MANAGER"))
					: new Proposal(List.of(new PenaltyDue("CONSTRUCTION_ENTERPRISE", WAGE_REGULATION_55)),
							List.of("CONSTRUCTION_ENTERPRISE"));
			default -> new Proposal(List.of(), List.of());
		};
	}
}
