package io.siteroll.platform;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes an RFC 9457 problem+json answer straight to the servlet response, for the places that answer
 * before Spring MVC's error handling can (servlet filters, Spring Security's entry points).
 */
public final class ProblemJson {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private ProblemJson() {
	}

	/** {@code type}, {@code title}, {@code status}, then {@code members} in their order. */
	public static void write(HttpServletResponse response, int status, String type, String title, Map<String, ?> members)
			throws IOException {
		Map<String, Object> problem = new LinkedHashMap<>();
		problem.put("type", type);
		problem.put("title", title);
		problem.put("status", status);
		problem.putAll(members);
		response.setStatus(status);
		response.setContentType("application/problem+json;charset=UTF-8");
		response.getWriter().write(JSON.writeValueAsString(problem));
	}
}
