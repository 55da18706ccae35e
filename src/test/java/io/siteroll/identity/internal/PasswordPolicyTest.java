package io.siteroll.identity.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.siteroll.platform.Checks;
import io.siteroll.platform.Violation;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The password policy, one row per rule, at its boundaries. */
class PasswordPolicyTest {

	@ParameterizedTest(name = "{1} for {0}: {2}")
	@CsvSource({
			"wang.fang, Bauhaus2026x,          ''",
			"wang.fang, abcdefgh12,            ''",
			"wang.fang, abcdefg12,             password.too-short",
			"wang.fang, abcdefghijkl,          password.letters-and-digits",
			"wang.fang, 123456789012,          password.letters-and-digits",
			"wang.fang, x9WANG.FANGx,          password.contains-username",
			"wang.fang, siteroll-demo,         password.letters-and-digits password.known-default",
			"wang.fang, siteroll-demo2026,     password.known-default",
			"wang.fang, Password1234,          password.known-default",
			"wang.fang, '',                    required" })
	void judges(String username, String password, String expected) {
		Checks checks = new Checks();
		PasswordPolicy.check(checks, "password", username, password);
		assertThat(checks.violations().stream().map(Violation::rule).toList())
			.containsExactly(expected.isBlank() ? new String[0] : expected.split(" "));
	}

	@ParameterizedTest(name = "{0} characters: {1}")
	@CsvSource({ "128, true", "129, false" })
	void atMost128Characters(int length, boolean accepted) {
		Checks checks = new Checks();
		PasswordPolicy.check(checks, "password", "someone", "a1".repeat(length / 2) + "b".repeat(length % 2));
		assertThat(checks.ok()).isEqualTo(accepted);
	}
}
