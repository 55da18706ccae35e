package io.siteroll.platform;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A refused form's errors, ready to show next to their fields: each field's rule in Chinese first and
 * English second, and the errors that belong to no field (shown above the form). A page controller catches
 * the {@link RuleViolation}, puts {@code FormErrors.of(e, messages)} in the model as {@code errors} and shows
 * the form again with what was typed; the template marks a field with
 * {@code th:replace="~{fragments/form :: error(${errors}, 'name')}"}.
 */
public record FormErrors(Map<String, String> byField, List<String> general) {

	public static final FormErrors NONE = new FormErrors(Map.of(), List.of());

	public static FormErrors of(RuleViolation violation, Messages messages) {
		Map<String, String> byField = new LinkedHashMap<>();
		List<String> general = new ArrayList<>();
		for (Violation v : violation.violations()) {
			String text = messages.bilingual(v);
			if (v.field() == null || v.field().isBlank()) {
				general.add(text);
			}
			else {
				byField.merge(v.field(), text, (a, b) -> a + "；" + b);
			}
		}
		return new FormErrors(Map.copyOf(byField), List.copyOf(general));
	}

	public boolean any() {
		return !byField.isEmpty() || !general.isEmpty();
	}

	public boolean has(String field) {
		return byField.containsKey(field);
	}

	public String on(String field) {
		return byField.get(field);
	}
}
