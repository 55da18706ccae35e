package io.siteroll.identity.internal;

import java.util.Locale;
import java.util.Set;

import io.siteroll.platform.Checks;

/**
 * The password policy, defined once and applied whenever a password is set (an account created by an
 * officer, a reset, a change by its holder): at least {@value #MIN_LENGTH} characters and at most
 * {@value #MAX_LENGTH}, letters and digits both, not the username nor containing it, and not one of
 * the platform's known defaults. Existing passwords are not re-judged at sign-in.
 */
final class PasswordPolicy {

	static final int MIN_LENGTH = 10;

	static final int MAX_LENGTH = 128;

	/** Defaults published with the platform (demo, tests) and common guesses, compared ignoring case. */
	private static final Set<String> KNOWN = Set.of("siteroll-demo", "siteroll-demo1", "siteroll123", "siteroll1234",
			"test-password", "password123", "password1234", "qwerty123456", "1234567890a", "a1234567890", "abc1234567",
			"admin123456", "siteroll2026");

	private PasswordPolicy() {
	}

	static void check(Checks checks, String field, String username, String password) {
		if (checks.required(field, password) == null) {
			return;
		}
		checks.check(password.length() >= MIN_LENGTH, field, "password.too-short", MIN_LENGTH);
		checks.check(password.length() <= MAX_LENGTH, field, "password.too-long", MAX_LENGTH);
		checks.check(password.chars().anyMatch(Character::isLetter) && password.chars().anyMatch(Character::isDigit), field,
				"password.letters-and-digits");
		String lower = password.toLowerCase(Locale.ROOT);
		checks.check(username == null || username.isBlank() || !lower.contains(username.strip().toLowerCase(Locale.ROOT)),
				field, "password.contains-username");
		checks.check(!KNOWN.contains(lower) && !lower.startsWith("siteroll-demo"), field, "password.known-default");
	}
}
