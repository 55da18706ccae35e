package io.siteroll.personnel;

import io.siteroll.project.ParticipatingUnit;

/**
 * 管理人员岗位: the posts of the national code table (MANAGER_POST). Which posts a rule set holds to the
 * higher attendance percentage is the rule set's business ({@code RuleSet.keyPosts}); which posts may be
 * replaced only with the supervising department's approval is fixed by the action plan
 * ({@link #replacedOnlyWithApproval()}). Labels: {@code post.<name>}.
 */
public enum Post {

	PROJECT_MANAGER, CHIEF_SUPERVISOR, TECHNICAL_LEAD, SAFETY_OFFICER, QUALITY_OFFICER, CONSTRUCTION_OFFICER,
	SAFETY_SUPERVISOR, LABOUR_OFFICER, OTHER;

	/** 项目经理、总监理工程师: one holder at a time, replaced only with the department's approval. */
	public boolean replacedOnlyWithApproval() {
		return this == PROJECT_MANAGER || this == CHIEF_SUPERVISOR;
	}

	/**
	 * Which kind of participating unit may employ a holder of this post: the project manager and the wage
	 * officer the general contractor, the supervising engineers the supervision company, the site staff any
	 * builder on site; any unit an {@link #OTHER} manager.
	 */
	public boolean mayBeEmployedBy(ParticipatingUnit.Type unit) {
		return switch (this) {
			case PROJECT_MANAGER, LABOUR_OFFICER -> unit == ParticipatingUnit.Type.GENERAL_CONTRACTOR;
			case CHIEF_SUPERVISOR, SAFETY_SUPERVISOR -> unit == ParticipatingUnit.Type.SUPERVISION;
			case TECHNICAL_LEAD, SAFETY_OFFICER, QUALITY_OFFICER, CONSTRUCTION_OFFICER -> unit != null && unit.builds();
			case OTHER -> true;
		};
	}

	/** The post of a code, or {@code null} for null or an unknown code. */
	public static Post ofCode(String code) {
		if (code == null) {
			return null;
		}
		for (Post p : values()) {
			if (p.name().equals(code)) {
				return p;
			}
		}
		return null;
	}
}
