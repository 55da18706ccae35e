package io.siteroll.enforcement.internal;

import io.siteroll.identity.Accounts;
import io.siteroll.identity.Actor;
import io.siteroll.region.Regions;
import org.springframework.stereotype.Component;

/**
 * Who acted, as an official record names them: the account's name and, for an officer, the department of their
 * region (the same department that heads the documents they issue), never the login.
 */
@Component
public class OfficerDirectory {

	/** {@code department} is null for accounts that are not an officer's (an enterprise's, the system). */
	public record Officer(String name, String department) {
	}

	private final Accounts accounts;

	private final Regions regions;

	OfficerDirectory(Accounts accounts, Regions regions) {
		this.accounts = accounts;
		this.regions = regions;
	}

	public Officer of(String username) {
		if (Actor.SYSTEM.username().equals(username)) {
			return new Officer(Actor.SYSTEM.displayName(), null);
		}
		return accounts.find(username)
			.map(a -> new Officer(a.displayName(), a.role().isOfficer() && a.regionCode() != null
					? DocumentSeries.department(regions.require(a.regionCode())) : null))
			.orElse(new Officer(username, null));
	}
}
