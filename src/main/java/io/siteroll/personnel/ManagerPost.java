package io.siteroll.personnel;

import java.time.LocalDate;
import java.util.Set;

/** 管理人员岗位: a person in a post on a project for a tenure, employed by a participating unit. */
public record ManagerPost(long id, long projectId, long personId, String personName, String idNumberMasked, String post,
		long unitId, String unitName, String unitType, LocalDate tenureFrom, LocalDate tenureTo) {

	public static final String PROJECT_MANAGER = "PROJECT_MANAGER";

	public static final String CHIEF_SUPERVISOR = "CHIEF_SUPERVISOR";

	/** Posts whose holder may be replaced only with the supervising department's approval. */
	public static final Set<String> KEY_POSTS = Set.of(PROJECT_MANAGER, CHIEF_SUPERVISOR);

	public boolean active() {
		return tenureTo == null;
	}
}
