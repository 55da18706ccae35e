package io.siteroll.platform;

import java.util.List;

/**
 * Thrown when input breaks one or more rules. Nothing has been changed when it is thrown.
 * Rendered as problem+json (HTTP 400) naming each field and rule in the caller's language.
 */
public class RuleViolation extends RuntimeException {

	private final List<Violation> violations;

	public RuleViolation(List<Violation> violations) {
		super(describe(violations));
		this.violations = List.copyOf(violations);
	}

	public static RuleViolation of(String field, String rule, Object... args) {
		return new RuleViolation(List.of(Violation.of(field, rule, args)));
	}

	/** A rule broken by a value whose field is not known yet (value objects); see {@link Checks}. */
	public static RuleViolation rule(String rule, Object... args) {
		return of(null, rule, args);
	}

	public List<Violation> violations() {
		return violations;
	}

	/** Field and rule codes only: never the offending value, which may be personal data. */
	private static String describe(List<Violation> violations) {
		StringBuilder text = new StringBuilder();
		for (Violation v : violations) {
			if (!text.isEmpty()) {
				text.append("; ");
			}
			text.append(v.field()).append(": ").append(v.rule());
		}
		return text.toString();
	}
}
