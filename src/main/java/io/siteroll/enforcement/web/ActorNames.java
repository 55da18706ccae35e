package io.siteroll.enforcement.web;

import io.siteroll.identity.Accounts;
import io.siteroll.identity.Actor;
import org.springframework.stereotype.Component;

/**
 * Who acted, as people read it on the enforcement pages: the account's name (officers' accounts carry their
 * department), 系统 for the nightly jobs, never a login.
 */
@Component
class ActorNames {

	private final Accounts accounts;

	ActorNames(Accounts accounts) {
		this.accounts = accounts;
	}

	String of(String username) {
		if (username == null) {
			return "";
		}
		if (Actor.SYSTEM.username().equals(username)) {
			return Actor.SYSTEM.displayName();
		}
		return accounts.find(username).map(Accounts.AccountView::displayName).orElse(username);
	}
}
