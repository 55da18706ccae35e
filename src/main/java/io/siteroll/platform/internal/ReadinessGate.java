package io.siteroll.platform.internal;

import java.io.IOException;
import java.util.Locale;
import java.util.Map;

import io.siteroll.platform.Messages;
import io.siteroll.platform.ProblemJson;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.boot.availability.ApplicationAvailability;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Tomcat listens before the platform can answer correctly (the demo province is still loading, or the
 * platform is shutting down). Until Spring Boot declares the application ready to accept traffic, every
 * request but the health probes gets 503 with {@code Retry-After}, as problem+json, instead of a wrong
 * answer such as a 401 for an account that is about to exist. Load balancers follow
 * {@code /actuator/health/readiness}; {@code /actuator/health/liveness} says whether to restart.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class ReadinessGate extends OncePerRequestFilter {

	static final int RETRY_AFTER_SECONDS = 5;

	private final ApplicationAvailability availability;

	private final Messages messages;

	ReadinessGate(ApplicationAvailability availability, Messages messages) {
		this.availability = availability;
		this.messages = messages;
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		return request.getRequestURI().startsWith(request.getContextPath() + "/actuator/health");
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		if (availability.getReadinessState() == ReadinessState.ACCEPTING_TRAFFIC) {
			chain.doFilter(request, response);
			return;
		}
		Locale locale = request.getLocale() != null && "en".equals(request.getLocale().getLanguage()) ? Locale.ENGLISH
				: Messages.CHINESE;
		response.setHeader("Retry-After", Integer.toString(RETRY_AFTER_SECONDS));
		ProblemJson.write(response, HttpServletResponse.SC_SERVICE_UNAVAILABLE, "about:blank",
				messages.get(locale, "problem.not-ready.title"), Map.of("retryAfter", RETRY_AFTER_SECONDS));
	}
}
