package io.siteroll.payroll.internal;

import io.siteroll.identity.Actor;
import io.siteroll.identity.CurrentActor;
import io.siteroll.identity.Role;
import io.siteroll.platform.Forbidden;
import io.siteroll.project.Project;
import io.siteroll.project.ProjectAccess;
import org.springframework.stereotype.Component;

/**
 * Who acts for the money: the general contractor opens the wage account and pays on the units' behalf (总包代发,
 * 条例 art. 26, 31), so only its enterprise administrators open, fund, approve and pay. One definition for the API
 * and the pages.
 */
@Component
class GeneralContractor {

	private final ProjectAccess access;

	private final CurrentActor actors;

	GeneralContractor(ProjectAccess access, CurrentActor actors) {
		this.access = access;
		this.actors = actors;
	}

	Project require(long projectId) {
		Project project = access.requireManageable(projectId);
		Actor actor = actors.get();
		if (actor.role() != Role.ENTERPRISE_ADMIN || actor.enterpriseId() == null
				|| actor.enterpriseId() != project.contractorId()) {
			throw new Forbidden("payroll.general-contractor-only");
		}
		return project;
	}

	boolean is(long projectId) {
		Actor actor = actors.get();
		return actor.role() == Role.ENTERPRISE_ADMIN && access.canManage(projectId);
	}
}
