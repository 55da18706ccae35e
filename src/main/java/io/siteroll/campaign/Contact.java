package io.siteroll.campaign;

import java.time.Instant;

/**
 * One department's responsible contact as named at one time. A change names a new contact and closes this one, so a
 * department's contacts, newest first, are its history.
 *
 * @param regionCode the department's region
 * @param post the contact's post or title (科长, 质量安全监督站站长…)
 * @param namedBy the username of the officer who named this contact ({@code system} for the platform)
 * @param namedAt when, by the platform's clock
 * @param replacedAt when a later contact replaced this one; null for the current one
 */
public record Contact(long id, String regionCode, String name, String post, String phone, String email, String namedBy,
		Instant namedAt, Instant replacedAt) {

	public boolean current() {
		return replacedAt == null;
	}
}
