package io.siteroll.personnel;

import java.time.LocalDate;

import io.siteroll.project.ParticipatingUnit;

/**
 * 管理人员岗位: a person in a post on a project for a tenure, employed by a participating unit. Whether the
 * holder may be replaced only with approval is the post's to say ({@link Post#replacedOnlyWithApproval()}).
 */
public record ManagerPost(long id, long projectId, long personId, String personName, String idNumberMasked, Post post,
		long unitId, String unitName, ParticipatingUnit.Type unitType, LocalDate tenureFrom, LocalDate tenureTo) {

	public boolean active() {
		return tenureTo == null;
	}
}
