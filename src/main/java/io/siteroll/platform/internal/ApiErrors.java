package io.siteroll.platform.internal;

import java.io.IOException;
import java.io.Writer;
import java.net.URI;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.siteroll.platform.Messages;
import jakarta.servlet.http.HttpServletRequest;
import org.apache.catalina.Container;
import org.apache.catalina.Valve;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.web.ErrorProperties;
import org.springframework.boot.tomcat.TomcatWebServer;
import org.springframework.boot.web.server.context.WebServerInitializedEvent;
import org.springframework.boot.webmvc.autoconfigure.error.BasicErrorController;
import org.springframework.boot.webmvc.error.ErrorAttributes;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.context.event.EventListener;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;

/**
 * The last two places an error can be answered, made to speak problem+json to API clients: Spring's
 * {@code /error} dispatch (errors raised outside a controller, such as in a filter) and Tomcat's own
 * error report (requests refused before they reach the application, such as a malformed URL). People
 * still get the HTML error pages.
 */
@Configuration(proxyBeanMethods = false)
class ApiErrors {

	private static final Logger log = LoggerFactory.getLogger(ApiErrors.class);

	@Bean
	BasicErrorController basicErrorController(ErrorAttributes errorAttributes, Messages messages) {
		return new ProblemErrorController(errorAttributes, messages);
	}

	/** Once Tomcat runs, its hosts report errors through {@link ProblemReportValve}. */
	@EventListener
	void problemErrorReports(WebServerInitializedEvent event) {
		if (!(event.getWebServer() instanceof TomcatWebServer tomcat)) {
			return;
		}
		for (Container child : tomcat.getTomcat().getEngine().findChildren()) {
			if (child instanceof StandardHost host) {
				for (Valve valve : host.getPipeline().getValves()) {
					if (valve instanceof ErrorReportValve && !(valve instanceof ProblemReportValve)) {
						host.getPipeline().removeValve(valve);
					}
				}
				host.setErrorReportValveClass(ProblemReportValve.class.getName());
				if (Arrays.stream(host.getPipeline().getValves()).noneMatch(ProblemReportValve.class::isInstance)) {
					host.getPipeline().addValve(new ProblemReportValve());
				}
				log.debug("Tomcat host {} reports errors through {}", host.getName(),
						Arrays.toString(host.getPipeline().getValves()));
			}
		}
	}

	/** Spring Boot's error controller, answering API paths with problem+json. */
	@RequestMapping("${server.error.path:${error.path:/error}}")
	static class ProblemErrorController extends BasicErrorController {

		private final Messages messages;

		ProblemErrorController(ErrorAttributes errorAttributes, Messages messages) {
			super(errorAttributes, new ErrorProperties());
			this.messages = messages;
		}

		@Override
		@RequestMapping
		public ResponseEntity<Map<String, Object>> error(HttpServletRequest request) {
			HttpStatus status = getStatus(request);
			Object uri = request.getAttribute("jakarta.servlet.error.request_uri");
			if (status == HttpStatus.NO_CONTENT || !(uri instanceof String path) || !path.startsWith("/api/")) {
				return super.error(request);
			}
			Locale locale = LocaleContextHolder.getLocale();
			String title = messages.get(locale, titleKey(status.value()));
			Map<String, Object> problem = new LinkedHashMap<>();
			problem.put("type", URI.create("about:blank").toString());
			problem.put("title", title);
			problem.put("status", status.value());
			problem.put("instance", path);
			if (status == HttpStatus.BAD_REQUEST) {
				String message = messages.get(locale, "rule.request.malformed");
				problem.put("detail", message);
				problem.put("errors", List.of(Map.of("field", "request", "rule", "request.malformed", "message", message)));
			}
			return ResponseEntity.status(status).contentType(ProblemResponses.PROBLEM).body(problem);
		}
	}

	static String titleKey(int status) {
		return switch (status) {
			case 401 -> "problem.unauthorized.title";
			case 403 -> "problem.forbidden.title";
			case 404 -> "problem.not-found.title";
			default -> status >= 500 ? "problem.server-error.title" : "problem.invalid.title";
		};
	}

	/**
	 * Tomcat's error report for requests it refuses itself: problem+json on API paths (in the
	 * language asked for; Tomcat has no access to the message bundles), its usual page elsewhere.
	 */
	public static class ProblemReportValve extends ErrorReportValve {

		public ProblemReportValve() {
			setShowReport(false);
			setShowServerInfo(false);
		}

		@Override
		protected void report(Request request, Response response, Throwable throwable) {
			int status = response.getStatus();
			// the raw URI: a request refused for its URL may have no decoded one
			String uri = request.getRequestURI();
			if (status < 400 || response.getContentWritten() > 0 || uri == null || !uri.startsWith("/api/")) {
				super.report(request, response, throwable);
				return;
			}
			if (!response.setErrorReported()) {
				return;
			}
			String language = request.getHeader("Accept-Language");
			boolean english = language != null && language.toLowerCase(Locale.ROOT).startsWith("en");
			String title = english ? "The request cannot be processed" : "请求无法处理";
			String message = english ? "the request is malformed (URL, header or body)" : "请求格式错误（地址、请求头或请求体）";
			StringBuilder json = new StringBuilder("{\"type\":\"about:blank\",\"title\":\"").append(title)
				.append("\",\"status\":").append(status);
			if (status == 400) {
				json.append(",\"detail\":\"").append(message).append("\",\"errors\":[{\"field\":\"request\",")
					.append("\"rule\":\"request.malformed\",\"message\":\"").append(message).append("\"}]");
			}
			json.append('}');
			try {
				response.setContentType("application/problem+json");
				response.setCharacterEncoding("UTF-8");
				Writer writer = response.getReporter();
				if (writer != null) {
					writer.write(json.toString());
					response.finishResponse();
				}
			}
			catch (IOException | IllegalStateException e) {
				// the client went away: nothing left to tell it
			}
		}
	}
}
