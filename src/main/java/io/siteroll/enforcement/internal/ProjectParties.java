package io.siteroll.enforcement.internal;

import io.siteroll.compliance.Party;

/**
 * Who each party of the escalation table is for one case of a project: the general contractor, the project
 * manager, and, when the case is about a chief supervisor, that supervisor and the supervision company. Orders
 * address them, penalties are decided on them and bad-credit records name them.
 *
 * @param projectManagerId the project manager in post (SQL {@code project_manager_during}), or the one an order
 *        was addressed to; null when the project has none
 * @param chiefSupervisorId only for a case about a chief supervisor
 * @param supervisionCompanyId only for a case about a chief supervisor: the enterprise the supervisor works for
 */
record ProjectParties(long projectId, long contractorId, Long projectManagerId, Long chiefSupervisorId,
		Long supervisionCompanyId) {

	/** The enterprise a party stands for, or null for a person or one the case does not have. */
	Long enterprise(Party party) {
		return switch (party) {
			case CONSTRUCTION_ENTERPRISE -> contractorId;
			case SUPERVISION_COMPANY -> supervisionCompanyId;
			case PROJECT_MANAGER, CHIEF_SUPERVISOR -> null;
		};
	}

	/** The person a party stands for, or null for an enterprise or one the case does not have. */
	Long person(Party party) {
		return switch (party) {
			case PROJECT_MANAGER -> projectManagerId;
			case CHIEF_SUPERVISOR -> chiefSupervisorId;
			case CONSTRUCTION_ENTERPRISE, SUPERVISION_COMPANY -> null;
		};
	}
}
