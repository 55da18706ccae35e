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
import jakarta.servlet.http.HttpServletRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.validation.FieldError;
import org.springframework.web.ErrorResponse;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingRequestHeaderException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.ServletRequestBindingException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.multipart.support.MissingServletRequestPartException;
import org.springframework.web.servlet.NoHandlerFoundException;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * RFC 9457 problem+json for every API error, with a field-level list in the caller's language
 * ({@code Accept-Language}: Chinese by default, English on request). Besides the platform's own
 * refusals it answers what the framework refuses before a controller runs (unreadable JSON with the
 * JSON path of the field, wrong parameter types, broken multipart, 404/405/406/415), so that an API
 * client never sees Spring's or Tomcat's default error bodies. For pages (not {@code /api/}) the
 * framework's refusals keep their usual handling.
 */
@RestControllerAdvice
class ProblemResponses {

	private static final Logger log = LoggerFactory.getLogger(ProblemResponses.class);

	static final MediaType PROBLEM = MediaType.APPLICATION_PROBLEM_JSON;

	private final Messages messages;

	ProblemResponses(Messages messages) {
		this.messages = messages;
	}

	@ExceptionHandler(RuleViolation.class)
	ResponseEntity<ProblemDetail> ruleViolation(RuleViolation e) {
		HttpStatus status = e instanceof Conflict ? HttpStatus.CONFLICT : HttpStatus.BAD_REQUEST;
		List<Violation> list = e.violations().stream().map(v -> v.field() == null ? v.atField("body") : v).toList();
		return violations(status, e instanceof Conflict ? "conflict" : "invalid", list);
	}

	@ExceptionHandler(MethodArgumentNotValidException.class)
	ResponseEntity<ProblemDetail> beanValidation(MethodArgumentNotValidException e) {
		List<Violation> list = new ArrayList<>();
		for (FieldError error : e.getBindingResult().getFieldErrors()) {
			list.add(Violation.of(error.getField(), beanRule(error.getCode())));
		}
		return violations(HttpStatus.BAD_REQUEST, "invalid", list);
	}

	/** A body that cannot be read: the JSON path of the field and the expected format, or the body itself. */
	@ExceptionHandler(HttpMessageNotReadableException.class)
	ResponseEntity<ProblemDetail> unreadable(HttpMessageNotReadableException e, HttpServletRequest request) throws Exception {
		if (!api(request)) {
			throw e;
		}
		return violations(HttpStatus.BAD_REQUEST, "invalid", List.of(JsonInputs.violation(e)));
	}

	@ExceptionHandler(MethodArgumentTypeMismatchException.class)
	ResponseEntity<ProblemDetail> typeMismatch(MethodArgumentTypeMismatchException e) {
		RuleViolation rule = JsonInputs.find(e, RuleViolation.class);
		if (rule != null) {
			return violations(HttpStatus.BAD_REQUEST, "invalid",
					rule.violations().stream().map(v -> v.atField(e.getName())).toList());
		}
		return violations(HttpStatus.BAD_REQUEST, "invalid", List.of(JsonInputs.typeRule(e.getName(), e.getRequiredType())));
	}

	@ExceptionHandler(MissingServletRequestParameterException.class)
	ResponseEntity<ProblemDetail> missingParameter(MissingServletRequestParameterException e) {
		return violations(HttpStatus.BAD_REQUEST, "invalid", List.of(Violation.of(e.getParameterName(), "required")));
	}

	@ExceptionHandler(MissingServletRequestPartException.class)
	ResponseEntity<ProblemDetail> missingPart(MissingServletRequestPartException e, HttpServletRequest request)
			throws Exception {
		if (!api(request)) {
			throw e;
		}
		return violations(HttpStatus.BAD_REQUEST, "invalid", List.of(Violation.of(e.getRequestPartName(), "required")));
	}

	@ExceptionHandler(MaxUploadSizeExceededException.class)
	ResponseEntity<ProblemDetail> tooLarge(MaxUploadSizeExceededException e) {
		return violations(HttpStatus.PAYLOAD_TOO_LARGE, "invalid", List.of(Violation.of("file", "upload-too-large")));
	}

	/** A multipart body that cannot be parsed (no boundary, truncated): the upload is named, nothing stored. */
	@ExceptionHandler(MultipartException.class)
	ResponseEntity<ProblemDetail> multipart(MultipartException e, HttpServletRequest request) throws Exception {
		if (!api(request)) {
			throw e;
		}
		return violations(HttpStatus.BAD_REQUEST, "invalid", List.of(Violation.of("file", "multipart")));
	}

	@ExceptionHandler(HttpMediaTypeNotSupportedException.class)
	ResponseEntity<ProblemDetail> mediaType(HttpMediaTypeNotSupportedException e, HttpServletRequest request)
			throws Exception {
		if (!api(request)) {
			throw e;
		}
		String supported = e.getSupportedMediaTypes().stream().map(MediaType::toString).reduce((a, b) -> a + ", " + b)
			.orElse("application/json");
		return violations(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "invalid", List.of(Violation.of("Content-Type", "media-type", supported)));
	}

	@ExceptionHandler(HttpRequestMethodNotSupportedException.class)
	ResponseEntity<ProblemDetail> method(HttpRequestMethodNotSupportedException e, HttpServletRequest request)
			throws Exception {
		if (!api(request)) {
			throw e;
		}
		String supported = e.getSupportedHttpMethods() == null ? ""
				: e.getSupportedHttpMethods().stream().map(Object::toString).reduce((a, b) -> a + ", " + b).orElse("");
		ResponseEntity<ProblemDetail> answer = violations(HttpStatus.METHOD_NOT_ALLOWED, "invalid",
				List.of(Violation.of("method", "method", e.getMethod(), supported)));
		return ResponseEntity.status(HttpStatus.METHOD_NOT_ALLOWED).contentType(PROBLEM).header("Allow", supported)
			.body(answer.getBody());
	}

	@ExceptionHandler(HttpMediaTypeNotAcceptableException.class)
	ResponseEntity<ProblemDetail> notAcceptable(HttpMediaTypeNotAcceptableException e, HttpServletRequest request)
			throws Exception {
		if (!api(request)) {
			throw e;
		}
		return violations(HttpStatus.NOT_ACCEPTABLE, "invalid", List.of(Violation.of("Accept", "not-acceptable")));
	}

	@ExceptionHandler({ NoResourceFoundException.class, NoHandlerFoundException.class })
	ResponseEntity<ProblemDetail> noSuchPath(Exception e, HttpServletRequest request) throws Exception {
		if (!api(request)) {
			throw e;
		}
		return notFound(null);
	}

	@ExceptionHandler(ServletRequestBindingException.class)
	ResponseEntity<ProblemDetail> binding(ServletRequestBindingException e, HttpServletRequest request) throws Exception {
		if (!api(request)) {
			throw e;
		}
		String field = e instanceof MissingRequestHeaderException header ? header.getHeaderName() : "request";
		return violations(HttpStatus.BAD_REQUEST, "invalid", List.of(Violation.of(field, "required")));
	}

	@ExceptionHandler(NotFound.class)
	ResponseEntity<ProblemDetail> notFound(NotFound e) {
		Locale locale = LocaleContextHolder.getLocale();
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, messages.get(locale, "problem.not-found"));
		problem.setType(URI.create("https://siteroll.io/problems/not-found"));
		problem.setTitle(messages.get(locale, "problem.not-found.title"));
		return ResponseEntity.status(HttpStatus.NOT_FOUND).contentType(PROBLEM).body(problem);
	}

	@ExceptionHandler(Forbidden.class)
	ResponseEntity<ProblemDetail> forbidden(Forbidden e) {
		Locale locale = LocaleContextHolder.getLocale();
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.FORBIDDEN, messages.get(locale, "rule." + e.rule()));
		problem.setType(URI.create("https://siteroll.io/problems/forbidden"));
		problem.setTitle(messages.get(locale, "problem.forbidden.title"));
		problem.setProperty("rule", e.rule());
		return ResponseEntity.status(HttpStatus.FORBIDDEN).contentType(PROBLEM).body(problem);
	}

	/** Anything else on the API: its own status if it has one, otherwise 500, always as problem+json. */
	@ExceptionHandler(Exception.class)
	ResponseEntity<ProblemDetail> other(Exception e, HttpServletRequest request) throws Exception {
		if (!api(request) || e.getClass().getName().startsWith("org.springframework.security.")) {
			throw e;
		}
		HttpStatusCode status = e instanceof ErrorResponse response ? response.getStatusCode()
				: HttpStatus.INTERNAL_SERVER_ERROR;
		if (status.is5xxServerError()) {
			log.error("API request failed: {} {}", request.getMethod(), request.getRequestURI(), e);
		}
		Locale locale = LocaleContextHolder.getLocale();
		ProblemDetail problem = ProblemDetail.forStatus(status);
		problem.setTitle(messages.get(locale, status.is5xxServerError() ? "problem.server-error.title" : "problem.invalid.title"));
		if (status.value() == 400) {
			return violations(HttpStatus.BAD_REQUEST, "invalid", List.of(Violation.of("request", "invalid")));
		}
		return ResponseEntity.status(status).contentType(PROBLEM).body(problem);
	}

	static boolean api(HttpServletRequest request) {
		return request.getRequestURI().startsWith(request.getContextPath() + "/api/");
	}

	private ResponseEntity<ProblemDetail> violations(HttpStatus status, String kind, List<Violation> list) {
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
		return ResponseEntity.status(status).contentType(PROBLEM).body(problem);
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
