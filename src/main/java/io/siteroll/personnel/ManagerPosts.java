package io.siteroll.personnel;

import java.time.LocalDate;
import java.util.List;

import io.siteroll.platform.Page;

/** Appointing managers, and replacing key managers only through an approved change request. */
public interface ManagerPosts {

	record Appointment(Long personId, String post, Long unitId, LocalDate tenureFrom) {
	}

	record ChangeRequest(String post, Long incomingPersonId, Long incomingUnitId, LocalDate effectiveDate,
			String reason) {
	}

	ManagerPost appoint(long projectId, Appointment appointment);

	/** Ends the tenure of a post that is not a key post. */
	ManagerPost endTenure(long projectId, long postId, LocalDate lastDay);

	List<ManagerPost> posts(long projectId);

	List<ManagerPost> postsOf(long personId);

	ManagerChangeRequest requestChange(long projectId, ChangeRequest request);

	ManagerChangeRequest approve(long projectId, long requestId, String note);

	ManagerChangeRequest reject(long projectId, long requestId, String note);

	List<ManagerChangeRequest> changeRequests(long projectId);

	/**
	 * The change requests awaiting a decision on the projects the caller oversees, oldest first: an officer's
	 * queue. Anyone else oversees nothing and gets an empty page.
	 */
	Page<ManagerChangeRequest> pendingChanges(int page, int size);
}
