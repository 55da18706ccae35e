package io.siteroll.project.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import io.siteroll.identity.Actor;
import io.siteroll.identity.CurrentActor;
import io.siteroll.identity.Role;
import io.siteroll.platform.Forbidden;
import io.siteroll.platform.NotFound;
import io.siteroll.project.Project;
import io.siteroll.project.ProjectAccess;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Who sees, manages and oversees a project. Seeing is decided by one SQL predicate,
 * {@link #visibleProjects(String)}, used by {@link #requireVisible}, the project search and other modules'
 * set-based queries alike; overseeing is {@link Actor#oversees} over the project's region path.
 */
@Service
class ProjectScope implements ProjectAccess {

	private final ProjectRecords records;

	private final CurrentActor actors;

	private final JdbcClient jdbc;

	ProjectScope(ProjectRecords records, CurrentActor actors, JdbcClient jdbc) {
		this.records = records;
		this.actors = actors;
		this.jdbc = jdbc;
	}

	/**
	 * Province officers see every project; city and county officers those whose region lies in their subtree;
	 * an enterprise administrator those its enterprise takes part in (any unit type); a labour clerk their
	 * project. The predicate holds only the condition of the caller's own role, so that PostgreSQL plans each
	 * list for what it really filters (a province officer's lists are not filtered at all) instead of one
	 * disjunction of every role's condition evaluated row by row.
	 */
	@Override
	public Scope visibleProjects(String projectIdColumn) {
		Actor actor = actors.get();
		List<String> conditions = new ArrayList<>();
		Map<String, Object> params = new HashMap<>();
		if (actor.isProvince()) {
			return new Scope("true", params);
		}
		if (actor.isOfficer()) {
			conditions.add("""
					exists (select 1 from project sp join region sr on sr.code = sp.region_code
					        where sp.id = %1$s and sr.path like :scope_region)""");
			params.put("scope_region", actor.regionPath() + "%");
		}
		if (actor.role() == Role.LABOUR_CLERK && actor.projectId() != null) {
			conditions.add("%1$s = :scope_project");
			params.put("scope_project", actor.projectId());
		}
		if (actor.role() == Role.ENTERPRISE_ADMIN && actor.enterpriseId() != null) {
			conditions.add("""
					exists (select 1 from participating_unit spu where spu.project_id = %1$s
					        and spu.enterprise_id = :scope_enterprise)""");
			params.put("scope_enterprise", actor.enterpriseId());
		}
		if (conditions.isEmpty()) {
			return new Scope("false", params);
		}
		return new Scope(("(" + String.join(" or ", conditions) + ")").formatted(projectIdColumn), params);
	}

	@Override
	public boolean seesEveryProjectOf(String regionCode) {
		Actor actor = actors.get();
		if (actor.isProvince()) {
			return true;
		}
		if (!actor.isOfficer() || regionCode == null || regionCode.isBlank()) {
			return false;
		}
		return jdbc.sql("select path from region where code = ?").param(regionCode.strip()).query(String.class)
			.optional()
			.map(actor::oversees)
			.orElse(false);
	}

	@Override
	public Project requireVisible(long projectId) {
		Scope scope = visibleProjects("p.id");
		return records.find(projectId, scope.sql(), scope.params())
			.orElseThrow(() -> new NotFound("project", projectId));
	}

	@Override
	public Project requireManageable(long projectId) {
		Project project = requireVisible(projectId);
		if (!mayManage(actors.get(), project)) {
			throw new Forbidden("project.not-manageable");
		}
		return project;
	}

	@Override
	public Project requireOverseen(long projectId) {
		Project project = requireVisible(projectId);
		if (!oversees(project)) {
			throw new Forbidden("project.not-overseen");
		}
		return project;
	}

	@Override
	public boolean canManage(long projectId) {
		return mayManage(actors.get(), requireVisible(projectId));
	}

	@Override
	public boolean canOversee(long projectId) {
		return oversees(requireVisible(projectId));
	}

	@Override
	public boolean oversees(Project project) {
		return actors.get().oversees(project.regionPath());
	}

	private static boolean mayManage(Actor actor, Project project) {
		return switch (actor.role()) {
			case PROVINCE_OFFICER -> true;
			case ENTERPRISE_ADMIN -> Long.valueOf(project.contractorId()).equals(actor.enterpriseId());
			case LABOUR_CLERK -> Long.valueOf(project.id()).equals(actor.projectId());
			default -> false;
		};
	}

	@Override
	public Optional<Set<Long>> visibleUnits(long projectId) {
		Project project = requireVisible(projectId);
		Actor actor = actors.get();
		if (actor.role() != Role.ENTERPRISE_ADMIN || Long.valueOf(project.contractorId()).equals(actor.enterpriseId())) {
			return Optional.empty();
		}
		List<Long> own = jdbc.sql("select id from participating_unit where project_id = :project and enterprise_id = :enterprise")
			.param("project", projectId)
			.param("enterprise", actor.enterpriseId())
			.query(Long.class)
			.list();
		return Optional.of(Set.copyOf(own));
	}
}
