package io.siteroll.platform;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/** Renders rule codes as sentences in Chinese (default) or English. */
@Component
public class Messages {

	public static final Locale CHINESE = Locale.SIMPLIFIED_CHINESE;

	private final MessageSource source;

	Messages(MessageSource source) {
		this.source = source;
	}

	public String get(String key, Object... args) {
		return get(LocaleContextHolder.getLocale(), key, args);
	}

	public String get(Locale locale, String key, Object... args) {
		return source.getMessage(key, args, key, locale);
	}

	/** The messages of {@code keys} in the current user's language, in order: a table's or a sheet's column headers. */
	public List<String> all(String... keys) {
		Locale locale = LocaleContextHolder.getLocale();
		return Arrays.stream(keys).map(key -> get(locale, key)).toList();
	}

	/** "字段 姓名: 必填" style sentence for one violation. */
	public String describe(Locale locale, Violation violation) {
		return get(locale, "rule." + violation.rule(), violation.args().toArray());
	}

	/** Every violation of a refused input as one Chinese sentence for a page ("字段：规则；字段：规则"). */
	public String summary(RuleViolation violation) {
		StringBuilder text = new StringBuilder();
		for (Violation v : violation.violations()) {
			if (!text.isEmpty()) {
				text.append('；');
			}
			String label = fieldLabel(CHINESE, v.field());
			text.append(label.isEmpty() ? "" : label + "：").append(describe(CHINESE, v));
		}
		return text.toString();
	}

	/**
	 * One violation in Chinese first and English second, each naming the field: "项目名称：必填 / Project name: required".
	 * What a form shows next to a field, and what a page's error line says.
	 */
	public String bilingual(Violation violation) {
		return inLanguage(CHINESE, violation) + " / " + inLanguage(Locale.ENGLISH, violation);
	}

	private String inLanguage(Locale locale, Violation violation) {
		String label = fieldLabel(locale, violation.field());
		return (label.isEmpty() ? "" : label + (locale == CHINESE ? "：" : ": ")) + describe(locale, violation);
	}

	/**
	 * The label of a code: {@code label.<EnumType>.<CONSTANT>} ({@code label.<Outer>.<EnumType>.<CONSTANT>} for a
	 * nested enum) from the bundles, in the user's language (for
	 * pages: {@code ${@messages.label(f.rule)}}); the constant's name when the bundle has none.
	 */
	public String label(Enum<?> code) {
		return code == null ? "" : label(LocaleContextHolder.getLocale(), code);
	}

	public String label(Locale locale, Enum<?> code) {
		return source.getMessage(labelKey(code), null, code.name(), locale);
	}

	/** The bundle key of a code's label: {@code label.<EnumType>.<CONSTANT>}, nested enums {@code label.<Outer>.<EnumType>.<CONSTANT>}. */
	public static String labelKey(Enum<?> code) {
		Class<?> type = code.getDeclaringClass();
		String name = type.getEnclosingClass() == null ? type.getSimpleName()
				: type.getEnclosingClass().getSimpleName() + "." + type.getSimpleName();
		return "label." + name + "." + code.name();
	}

	public String fieldLabel(Locale locale, String field) {
		if (field == null) {
			return "";
		}
		String base = field.replaceAll("\\[\\d+]", "");
		return source.getMessage("field." + base, null, field, locale);
	}
}
