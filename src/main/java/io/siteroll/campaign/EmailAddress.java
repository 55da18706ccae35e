package io.siteroll.campaign;

import java.util.Locale;

import io.siteroll.platform.RuleViolation;

/**
 * An e-mail address a department's contact reads: one {@code @}, a local part of the usual characters, a domain of
 * dot-separated labels ending in a letters-only top-level domain. Stored in lower case so that a change of case is
 * no change of contact.
 */
public record EmailAddress(String value) {

	private static final String FORMAT = "[a-z0-9!#$%&'*+/=?^_`{|}~-]+(\\.[a-z0-9!#$%&'*+/=?^_`{|}~-]+)*"
			+ "@([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\\.)+[a-z]{2,24}";

	public EmailAddress {
		if (value == null || value.length() > 254 || !value.matches(FORMAT)) {
			throw RuleViolation.rule("email");
		}
	}

	public static EmailAddress of(String raw) {
		return new EmailAddress(raw == null ? null : raw.strip().toLowerCase(Locale.ROOT));
	}

	@Override
	public String toString() {
		return value;
	}
}
