package io.siteroll.platform;

import java.util.List;

/** The request is valid but clashes with the state of the registry (HTTP 409). Nothing was changed. */
public class Conflict extends RuleViolation {

	public Conflict(String field, String rule, Object... args) {
		super(List.of(Violation.of(field, rule, args)));
	}
}
