package io.siteroll.identity;

/**
 * The signed-in user and their scope. {@code regionPath} is set for officers (the subtree they
 * oversee), {@code enterpriseId} for enterprise administrators, {@code projectId} for labour clerks.
 */
public record Actor(long accountId, String username, String displayName, Role role, String regionCode,
		String regionPath, Long enterpriseId, Long projectId, boolean mayRevealPersonalData) {

	public static final Actor SYSTEM = new Actor(0, "system", "系统", Role.PROVINCE_OFFICER, "220000", "220000/", null,
			null, false);

	public boolean isOfficer() {
		return role.isOfficer();
	}

	public boolean isProvince() {
		return role == Role.PROVINCE_OFFICER;
	}

	/** True for an officer whose region contains the region with this path. */
	public boolean oversees(String path) {
		return isOfficer() && path != null && path.startsWith(regionPath);
	}
}
