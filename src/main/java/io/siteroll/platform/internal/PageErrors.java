package io.siteroll.platform.internal;

import java.util.Locale;
import java.util.Map;

import io.siteroll.platform.Conflict;
import io.siteroll.platform.Forbidden;
import io.siteroll.platform.Messages;
import io.siteroll.platform.NotFound;
import io.siteroll.platform.RuleViolation;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.HandlerExceptionResolver;
import org.springframework.web.servlet.ModelAndView;

/**
 * A page (a controller that renders a view, not the API) that refuses a request answers with a page in the
 * user's language and a way back, never with problem+json: the platform's refusals (invalid input 400, a
 * conflict 409, not visible 404, not allowed 403) and malformed page parameters (a month like {@code 2026-13})
 * become the {@code error} view. What happens before a controller runs (an unknown address, a wrong method,
 * Spring Security's 403) and any unexpected failure reach the same view through Spring Boot's error
 * controller. The API keeps problem+json ({@link ProblemResponses}).
 */
@Component
class PageErrors implements HandlerExceptionResolver, Ordered {

	private final Messages messages;

	PageErrors(Messages messages) {
		this.messages = messages;
	}

	@Override
	public int getOrder() {
		return Ordered.HIGHEST_PRECEDENCE;
	}

	@Override
	public ModelAndView resolveException(HttpServletRequest request, HttpServletResponse response, Object handler,
			Exception e) {
		if (!(handler instanceof HandlerMethod method) || ProblemResponses.api(request) || rendersBody(method)) {
			return null;
		}
		Locale locale = LocaleContextHolder.getLocale();
		HttpStatus status;
		String detail;
		if (e instanceof RuleViolation violation) {
			status = violation instanceof Conflict ? HttpStatus.CONFLICT : HttpStatus.BAD_REQUEST;
			detail = messages.summary(violation);
		}
		else if (e instanceof NotFound) {
			status = HttpStatus.NOT_FOUND;
			detail = null;
		}
		else if (e instanceof Forbidden forbidden) {
			status = HttpStatus.FORBIDDEN;
			detail = messages.get(locale, "rule." + forbidden.rule());
		}
		else if (e instanceof MethodArgumentTypeMismatchException mismatch) {
			status = HttpStatus.BAD_REQUEST;
			detail = messages.fieldLabel(Messages.CHINESE, mismatch.getName()) + "："
					+ messages.get(Messages.CHINESE, "rule.format");
		}
		else if (e instanceof MissingServletRequestParameterException missing) {
			status = HttpStatus.BAD_REQUEST;
			detail = messages.fieldLabel(Messages.CHINESE, missing.getParameterName()) + "："
					+ messages.get(Messages.CHINESE, "rule.required");
		}
		else {
			return null;
		}
		response.setStatus(status.value());
		return new ModelAndView("error", Map.of("status", status.value(), "detail", detail == null ? "" : detail,
				"path", request.getRequestURI()), status);
	}

	private static boolean rendersBody(HandlerMethod method) {
		return AnnotatedElementUtils.hasAnnotation(method.getBeanType(), ResponseBody.class)
				|| method.hasMethodAnnotation(ResponseBody.class);
	}
}
