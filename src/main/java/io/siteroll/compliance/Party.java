package io.siteroll.compliance;

/**
 * 责任主体: who answers for a broken rule, is addressed by an order, penalised, or given a credit record.
 * Labels: {@code party.<name>}.
 */
public enum Party {

	/** 施工企业: the general contractor of the project. */
	CONSTRUCTION_ENTERPRISE,

	/** 项目经理: the contractor's project manager in post. */
	PROJECT_MANAGER,

	/** 总监理工程师: the supervision company's chief supervising engineer. */
	CHIEF_SUPERVISOR,

	/** 监理企业: the supervision company. */
	SUPERVISION_COMPANY;

	/** Whether the party is a person (rather than an enterprise). */
	public boolean person() {
		return this == PROJECT_MANAGER || this == CHIEF_SUPERVISOR;
	}
}
