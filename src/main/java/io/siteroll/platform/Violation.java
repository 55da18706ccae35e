package io.siteroll.platform;

import java.util.List;

/**
 * One broken rule: which field, which rule (a stable code that is also the message key
 * {@code rule.<code>}), and the arguments of the message.
 */
public record Violation(String field, String rule, List<Object> args) {

	public Violation {
		args = args == null ? List.of() : List.copyOf(args);
	}

	public static Violation of(String field, String rule, Object... args) {
		return new Violation(field, rule, List.of(args));
	}

	public Violation atField(String newField) {
		return new Violation(newField, rule, args);
	}
}
