package io.siteroll.platform.internal;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Map;
import java.util.function.Function;

import io.siteroll.platform.Checks;
import io.siteroll.platform.Dates;
import io.siteroll.platform.RuleViolation;
import io.siteroll.platform.Texts;
import io.siteroll.platform.Violation;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.convert.converter.Converter;
import org.springframework.format.FormatterRegistry;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.module.SimpleModule;

/**
 * Refuses malformed input where it enters, once for every endpoint, so that nothing reaches the
 * database or a stack trace: JSON dates only as {@code yyyy-MM-dd} strings (never numbers) within
 * {@link Dates}' range, months as {@code yyyy-MM}; no fractions for whole numbers; no control
 * characters (NUL…) in any text; query and path parameters checked the same way and at most
 * {@link #MAX_PARAMETER_LENGTH} characters. A refusal names the field (the JSON path, or the
 * parameter) and the rule.
 */
@Configuration(proxyBeanMethods = false)
class InputHardening implements WebMvcConfigurer {

	static final int MAX_PARAMETER_LENGTH = 200;

	@Bean
	JsonMapperBuilderCustomizer strictInput() {
		SimpleModule module = new SimpleModule("siteroll-input");
		module.addDeserializer(String.class, new TextDeserializer());
		module.addDeserializer(LocalDate.class, new CalendarDeserializer<>("date.format", Dates::day));
		module.addDeserializer(YearMonth.class, new CalendarDeserializer<>("month.format", Dates::month));
		return builder -> builder.disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
			.enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
			.addModule(module);
	}

	@Override
	public void addFormatters(FormatterRegistry registry) {
		registry.addConverter(String.class, LocalDate.class, (Converter<String, LocalDate>) text -> text.isBlank() ? null : Dates.day(text));
		registry.addConverter(String.class, YearMonth.class,
				(Converter<String, YearMonth>) text -> text.isBlank() ? null : Dates.month(text));
	}

	@Override
	public void addInterceptors(InterceptorRegistry registry) {
		// ZKTeco terminals post raw text under a form content type: reading parameters would consume it
		registry.addInterceptor(new ParameterCheck()).excludePathPatterns("/iclock/**", "/gates/**");
	}

	/**
	 * Query, form and path parameters: no control characters anywhere; on the API (where bodies are JSON)
	 * not longer than a filter can sensibly be.
	 */
	static final class ParameterCheck implements HandlerInterceptor {

		@Override
		public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
			if (!(handler instanceof HandlerMethod)) {
				return true;
			}
			Checks checks = new Checks();
			boolean api = ProblemResponses.api(request);
			for (Map.Entry<String, String[]> p : request.getParameterMap().entrySet()) {
				for (String value : p.getValue()) {
					check(checks, p.getKey(), value, api);
				}
			}
			Object variables = request.getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE);
			if (variables instanceof Map<?, ?> map) {
				map.forEach((name, value) -> check(checks, String.valueOf(name), String.valueOf(value), api));
			}
			checks.throwIfAny();
			return true;
		}

		private static void check(Checks checks, String name, String value, boolean api) {
			if (value == null) {
				return;
			}
			if (Texts.hasControlCharacter(value)) {
				checks.add(Violation.of(name, "text.control-character"));
			}
			else if (api) {
				checks.maxLength(name, value, MAX_PARAMETER_LENGTH);
			}
		}
	}

	/** Text without control characters; numbers and booleans are taken as their text, objects and lists refused. */
	static final class TextDeserializer extends ValueDeserializer<String> {

		@Override
		public String deserialize(JsonParser p, DeserializationContext ctxt) {
			JsonToken token = p.currentToken();
			if (token == JsonToken.VALUE_STRING || token == JsonToken.VALUE_NUMBER_INT
					|| token == JsonToken.VALUE_NUMBER_FLOAT || token == JsonToken.VALUE_TRUE
					|| token == JsonToken.VALUE_FALSE) {
				return Texts.withoutControlCharacters(p.getString());
			}
			return (String) ctxt.handleUnexpectedToken(String.class, p);
		}
	}

	/**
	 * A date-like value written as a string and read by {@code parse} (which keeps it within the platform's range); a
	 * blank string is no value, any other token (a number such as epoch days) is refused with {@code formatRule}.
	 */
	static final class CalendarDeserializer<T> extends ValueDeserializer<T> {

		private final String formatRule;

		private final Function<String, T> parse;

		CalendarDeserializer(String formatRule, Function<String, T> parse) {
			this.formatRule = formatRule;
			this.parse = parse;
		}

		@Override
		public T deserialize(JsonParser p, DeserializationContext ctxt) {
			if (p.currentToken() != JsonToken.VALUE_STRING) {
				throw RuleViolation.rule(formatRule);
			}
			String text = p.getString();
			return text.isBlank() ? null : parse.apply(text);
		}
	}
}
