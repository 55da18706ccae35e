package io.siteroll.compliance.web;

import io.siteroll.identity.Accounts;
import io.siteroll.identity.Actor;
import io.siteroll.platform.Messages;
import io.siteroll.region.Region;
import io.siteroll.region.Regions;
import org.springframework.stereotype.Component;

/**
 * Who acted, as an officer reads it on these pages: the account's name and, for an officer, the department
 * (the province's 住房和城乡建设厅 or a region's 住房和城乡建设局), never the login; 系统 for the platform's jobs.
 */
@Component
class OfficerNames {

	private final Accounts accounts;

	private final Regions regions;

	private final Messages messages;

	OfficerNames(Accounts accounts, Regions regions, Messages messages) {
		this.accounts = accounts;
		this.regions = regions;
		this.messages = messages;
	}

	String of(String username) {
		if (username == null) {
			return "";
		}
		if (Actor.SYSTEM.username().equals(username)) {
			return Actor.SYSTEM.displayName();
		}
		return accounts.find(username).map(a -> {
			if (!a.role().isOfficer() || a.regionCode() == null) {
				return a.displayName();
			}
			return regions.find(a.regionCode())
				.map(r -> messages.get("officer.with-department", a.displayName(), r.department()))
				.orElse(a.displayName());
		}).orElse(messages.get("officer.unknown"));
	}
}
