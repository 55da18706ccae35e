package io.siteroll.platform.internal;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.temporal.Temporal;
import java.util.Arrays;
import java.util.Collection;
import java.util.stream.Collectors;

import io.siteroll.platform.RuleViolation;
import io.siteroll.platform.Violation;
import org.springframework.http.converter.HttpMessageNotReadableException;
import tools.jackson.core.JacksonException;
import tools.jackson.core.exc.InputCoercionException;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.exc.MismatchedInputException;

/** Turns an unreadable input into one violation: the JSON path of the field and the rule it broke. */
final class JsonInputs {

	private JsonInputs() {
	}

	static Violation violation(HttpMessageNotReadableException e) {
		JacksonException json = find(e, JacksonException.class);
		String field = json == null ? "" : path(json);
		if (field.isEmpty()) {
			field = "body";
		}
		RuleViolation rule = find(e, RuleViolation.class);
		if (rule != null) {
			return rule.violations().get(0).atField(field);
		}
		if (json instanceof MismatchedInputException mismatch && mismatch.getTargetType() != null
				&& !"body".equals(field)) {
			return typeRule(field, mismatch.getTargetType());
		}
		if (json instanceof InputCoercionException coercion && coercion.getTargetType() != null) {
			return typeRule(field, coercion.getTargetType());
		}
		if (json instanceof StreamReadException || json != null) {
			return Violation.of(field, "json");
		}
		return Violation.of("body", "body.required");
	}

	/** The rule for a value that is not of the expected type, with the expected format in its message. */
	static Violation typeRule(String field, Class<?> type) {
		if (type == null) {
			return Violation.of(field, "format");
		}
		if (type == LocalDate.class) {
			return Violation.of(field, "date.format");
		}
		if (type == YearMonth.class) {
			return Violation.of(field, "month.format");
		}
		if (type == OffsetDateTime.class || Temporal.class.isAssignableFrom(type)) {
			return Violation.of(field, "datetime.format");
		}
		if (type.isEnum()) {
			return Violation.of(field, "one-of",
					Arrays.stream(type.getEnumConstants()).map(String::valueOf).collect(Collectors.joining(", ")));
		}
		if (type == Integer.class || type == int.class || type == Long.class || type == long.class || type == Short.class
				|| type == short.class || type == BigInteger.class) {
			return Violation.of(field, "integer");
		}
		if (Number.class.isAssignableFrom(type) || type == double.class || type == float.class || type == BigDecimal.class) {
			return Violation.of(field, "number");
		}
		if (type == Boolean.class || type == boolean.class) {
			return Violation.of(field, "boolean");
		}
		if (type == String.class) {
			return Violation.of(field, "text");
		}
		if (Collection.class.isAssignableFrom(type) || type.isArray()) {
			return Violation.of(field, "list");
		}
		return Violation.of(field, "object");
	}

	/** {@code passes[3].time} for the path Jackson recorded. */
	static String path(JacksonException e) {
		StringBuilder path = new StringBuilder();
		for (JacksonException.Reference ref : e.getPath()) {
			if (ref.getPropertyName() != null) {
				if (!path.isEmpty()) {
					path.append('.');
				}
				path.append(ref.getPropertyName());
			}
			else if (ref.getIndex() >= 0) {
				path.append('[').append(ref.getIndex()).append(']');
			}
		}
		return path.toString();
	}

	static <T extends Throwable> T find(Throwable e, Class<T> type) {
		for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
			if (type.isInstance(t)) {
				return type.cast(t);
			}
		}
		return null;
	}
}
