package io.siteroll.platform;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.function.Supplier;

/**
 * Collects every broken rule of one input before anything is changed, so that a caller learns all
 * that is wrong at once.
 */
public final class Checks {

	private final List<Violation> violations = new ArrayList<>();

	/** Builds a value object; a {@link RuleViolation} it throws is recorded against {@code field}. */
	public <T> T field(String field, Supplier<T> parse) {
		try {
			return parse.get();
		}
		catch (RuleViolation e) {
			e.violations().forEach(v -> violations.add(v.field() == null ? v.atField(field) : v));
			return null;
		}
	}

	public String required(String field, String value) {
		if (value == null || value.isBlank()) {
			violations.add(Violation.of(field, "required"));
			return null;
		}
		return value.strip();
	}

	public <T> T required(String field, T value) {
		if (value == null) {
			violations.add(Violation.of(field, "required"));
		}
		return value;
	}

	public String maxLength(String field, String value, int max) {
		if (value != null && value.length() > max) {
			violations.add(Violation.of(field, "max-length", max));
		}
		return value;
	}

	/**
	 * A filter or code value that must be one of {@code allowed} (compared without case): null when absent,
	 * else the allowed spelling; an unknown value is refused ({@code one-of}) rather than matching nothing.
	 */
	public static String oneOf(String field, String value, Collection<String> allowed) {
		if (value == null || value.isBlank()) {
			return null;
		}
		String wanted = value.strip();
		for (String a : allowed) {
			if (a.equalsIgnoreCase(wanted)) {
				return a;
			}
		}
		throw RuleViolation.of(field, "one-of", String.join(", ", allowed));
	}

	public void check(boolean ok, String field, String rule, Object... args) {
		if (!ok) {
			violations.add(Violation.of(field, rule, args));
		}
	}

	public void add(Violation violation) {
		violations.add(violation);
	}

	public void addAll(Collection<Violation> more) {
		violations.addAll(more);
	}

	public boolean ok() {
		return violations.isEmpty();
	}

	public List<Violation> violations() {
		return List.copyOf(violations);
	}

	public void throwIfAny() {
		if (!violations.isEmpty()) {
			throw new RuleViolation(violations);
		}
	}
}
