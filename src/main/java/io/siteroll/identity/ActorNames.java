package io.siteroll.identity;

import io.siteroll.platform.Messages;
import io.siteroll.region.Regions;
import org.springframework.stereotype.Component;

/**
 * Who acted, as every page and record names them: the account's name and, for an officer, the housing department of
 * the officer's region (长春市住房和城乡建设局, as the documents they issue are headed); 系统 for the platform's own jobs;
 * never a login. The one definition the pages use, so an order's history, a decision, an inspection and an approval
 * name the same person the same way.
 */
@Component
public class ActorNames {

	/** {@code department} is null for accounts that are not an officer's (an enterprise's, a clerk's, the system). */
	public record Named(String name, String department) {
	}

	private final Accounts accounts;

	private final Regions regions;

	private final Messages messages;

	ActorNames(Accounts accounts, Regions regions, Messages messages) {
		this.accounts = accounts;
		this.regions = regions;
		this.messages = messages;
	}

	/** The name and, for an officer, the department; an account that no longer exists keeps the name it acted under. */
	public Named named(String username) {
		if (username == null) {
			return new Named("", null);
		}
		if (Actor.SYSTEM.username().equals(username)) {
			return new Named(Actor.SYSTEM.displayName(), null);
		}
		return accounts.find(username)
			.map(a -> new Named(a.displayName(), a.role().isOfficer() && a.regionCode() != null
					? regions.find(a.regionCode()).map(r -> r.department()).orElse(null) : null))
			.orElse(new Named(username, null));
	}

	/** "王检查（长春市住房和城乡建设局）" for an officer, the account's name for anyone else. */
	public String of(String username) {
		Named named = named(username);
		return named.department() == null ? named.name() : messages.get("officer.with-department", named.name(), named.department());
	}
}
