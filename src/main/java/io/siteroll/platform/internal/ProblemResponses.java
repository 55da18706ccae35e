package io.siteroll.platform.internal;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.siteroll.platform.Conflict;
import io.siteroll.platform.Forbidden;
import io.siteroll.platform.Messages;
import io.siteroll.platform.NotFound;
import io.siteroll.platform.RuleViolation;
import io.siteroll.platform.Violation;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;

/**
 * RFC 9457 problem+json for every API error, with a field-level list in the caller's language
 * ({@code Accept-Language}: Chinese by default, English on request).
 */
@RestControllerAdvice(basePackages = "io.siteroll")
class ProblemResponses {

	private static final Logger log = LoggerFactory.getLogger(ProblemResponses.class);

	private final Messages messages;

	ProblemResponses(Messages messages) {
		this.messages = messages;
	}

	@ExceptionHandler(RuleViolation.class)
	ProblemDetail ruleViolation(RuleViolation e) {
		HttpStatus status = e instanceof Conflict ? HttpStatus.CONFLICT : HttpStatus.BAD_REQUEST;
		return violations(status, e instanceof Conflict ? "conflict" : "invalid", e.violations());
	}

	@ExceptionHandler(MethodArgumentNotValidException.class)
	ProblemDetail beanValidation(MethodArgumentNotValidException e) {
		List<Violation> list = new ArrayList<>();
		for (FieldError error : e.getBindingResult().getFieldErrors()) {
			list.add(Violation.of(error.getField(), beanRule(error.getCode())));
		}
		return violations(HttpStatus.BAD_REQUEST, "invalid", list);
	}

	@ExceptionHandler(HttpMessageNotReadableException.class)
	ProblemDetail unreadable(HttpMessageNotReadableException e) {
		return violations(HttpStatus.BAD_REQUEST, "invalid", List.of(Violation.of("body", "unreadable")));
	}

	@ExceptionHandler(MethodArgumentTypeMismatchException.class)
	ProblemDetail typeMismatch(MethodArgumentTypeMismatchException e) {
		return violations(HttpStatus.BAD_REQUEST, "invalid", List.of(Violation.of(e.getName(), "format")));
	}

	@ExceptionHandler(MissingServletRequestParameterException.class)
	ProblemDetail missingParameter(MissingServletRequestParameterException e) {
		return violations(HttpStatus.BAD_REQUEST, "invalid", List.of(Violation.of(e.getParameterName(), "required")));
	}

	@ExceptionHandler(MaxUploadSizeExceededException.class)
	ProblemDetail tooLarge(MaxUploadSizeExceededException e) {
		return violations(HttpStatus.PAYLOAD_TOO_LARGE, "invalid", List.of(Violation.of("file", "upload-too-large")));
	}

	@ExceptionHandler(NotFound.class)
	ProblemDetail notFound(NotFound e) {
		Locale locale = LocaleContextHolder.getLocale();
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, messages.get(locale, "problem.not-found"));
		problem.setType(URI.create("https://siteroll.io/problems/not-found"));
		problem.setTitle(messages.get(locale, "problem.not-found.title"));
		return problem;
	}

	@ExceptionHandler(Forbidden.class)
	ProblemDetail forbidden(Forbidden e) {
		Locale locale = LocaleContextHolder.getLocale();
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.FORBIDDEN, messages.get(locale, "rule." + e.rule()));
		problem.setType(URI.create("https://siteroll.io/problems/forbidden"));
		problem.setTitle(messages.get(locale, "problem.forbidden.title"));
		problem.setProperty("rule", e.rule());
		return problem;
	}

	private ProblemDetail violations(HttpStatus status, String kind, List<Violation> list) {
		Locale locale = LocaleContextHolder.getLocale();
		List<Map<String, Object>> errors = new ArrayList<>();
		StringBuilder detail = new StringBuilder();
		for (Violation v : list) {
			String message = messages.describe(locale, v);
			String label = messages.fieldLabel(locale, v.field());
			errors.add(Map.of("field", v.field() == null ? "" : v.field(), "rule", v.rule(), "message",
					label.isEmpty() ? message : label + ": " + message));
			if (!detail.isEmpty()) {
				detail.append(locale.getLanguage().equals("zh") ? "；" : "; ");
			}
			detail.append(label.isEmpty() ? message : label + ": " + message);
		}
		log.debug("Rejected request: {}", list.stream().map(v -> v.field() + "=" + v.rule()).toList());
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail.toString());
		problem.setType(URI.create("https://siteroll.io/problems/" + kind));
		problem.setTitle(messages.get(locale, "problem." + kind + ".title"));
		problem.setProperty("errors", errors);
		return problem;
	}

	private static String beanRule(String code) {
		if (code == null) {
			return "invalid";
		}
		return switch (code) {
			case "NotNull", "NotBlank", "NotEmpty" -> "required";
			case "Size", "Length" -> "size";
			case "Pattern" -> "format";
			case "Email" -> "email";
			case "Min", "Max", "Positive", "PositiveOrZero", "DecimalMin", "DecimalMax" -> "range";
			case "PastOrPresent", "Past" -> "not-in-future";
			default -> "invalid";
		};
	}
}
