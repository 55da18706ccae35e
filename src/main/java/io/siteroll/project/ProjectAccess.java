package io.siteroll.project;

import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Who may do what with a project. Unseen projects answer as if they did not exist.
 * <ul>
 * <li>see: province officers all; city and county officers their region's subtree; enterprise
 * administrators the projects their enterprise takes part in; labour clerks their project;</li>
 * <li>manage (register units, calendar, managers, teams, workers): province officers, the general
 * contractor's administrators and the project's labour clerk;</li>
 * <li>oversee (approve changes of key managers): officers whose region contains the project.</li>
 * </ul>
 */
public interface ProjectAccess {

	Project requireVisible(long projectId);

	Project requireManageable(long projectId);

	Project requireOverseen(long projectId);

	boolean canManage(long projectId);

	boolean canOversee(long projectId);

	/**
	 * Whether the caller oversees a project they see: an officer whose region contains the project's. The one
	 * definition of overseeing: deciding on requests, ordering stop-work and correcting the project's past are
	 * theirs.
	 */
	boolean oversees(Project project);

	/**
	 * Which participating units' workers the caller may see on a visible project: empty means all
	 * (officers, the general contractor, the labour clerk); otherwise only the units of the caller's
	 * own enterprise.
	 */
	Optional<Set<Long>> visibleUnits(long projectId);

	/**
	 * The caller's project scope as an SQL predicate over a project-id column, for set-based queries
	 * here and in other modules: {@code sql} uses only named parameters starting with {@code scope_}. It is
	 * the one definition of who sees a project; {@link #requireVisible} and the project search use it too.
	 */
	record Scope(String sql, Map<String, Object> params) {
	}

	Scope visibleProjects(String projectIdColumn);

	/**
	 * Whether the caller sees every project of the region (blank: the province), so that a figure summed over the
	 * region's projects regardless of who asks (a roll-up) equals the sum over the caller's visible projects: true for an
	 * officer whose region contains it, false for every other role (their scope is a set of projects).
	 */
	boolean seesEveryProjectOf(String regionCode);
}
