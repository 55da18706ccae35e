package io.siteroll.device.web;

import java.io.IOException;
import java.util.Iterator;
import java.util.Locale;

import io.siteroll.attendance.GateDecisions;
import io.siteroll.device.internal.DeviceCredentials;
import io.siteroll.device.internal.DeviceCredentials.KnownDevice;
import io.siteroll.platform.Texts;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.filter.ServerHttpObservationFilter;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The short way through for a well-formed gate decision ({@code POST /api/device/v1/gate-decisions}), after the
 * signed-request filter has authenticated the device: the body is read with the platform's own JSON mapper, the
 * decision is taken and its answer written as {@link DeviceGatewayApi#decide} writes it, without Spring MVC's
 * handler lookup, argument resolution and content negotiation (which took about half of a decision's CPU).
 * Anything this lane does not recognise as plainly well formed (other fields, a person id that is not a whole
 * number, text with control characters, a query string, another content type or Accept, missing person) goes on
 * to the controller, which answers it, errors included, as every other endpoint does.
 */
class GateDecisionLane extends OncePerRequestFilter {

	static final String PATH = "/api/device/v1/gate-decisions";

	private static final int MAX_ID_NUMBER = 64;

	private final GateDecisions decisions;

	private final JsonMapper json;

	GateDecisionLane(GateDecisions decisions, JsonMapper json) {
		this.decisions = decisions;
		this.json = json;
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		return !"POST".equals(request.getMethod()) || !(request.getContextPath() + PATH).equals(request.getRequestURI())
				|| request.getQueryString() != null;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		KnownDevice device = request.getAttribute(DeviceCredentials.REQUEST_ATTRIBUTE) instanceof KnownDevice d ? d : null;
		DeviceGatewayApi.DecisionRequest asked = device == null || !plainJson(request) ? null : read(request.getInputStream().readAllBytes());
		if (asked == null) {
			chain.doFilter(request, response);
			return;
		}
		// answered here, not by a handler: name the endpoint for the request metrics as Spring MVC would
		ServerHttpObservationFilter.findObservationContext(request).ifPresent(context -> context.setPathPattern(PATH));
		GateDecisions.GateDecision decision = decisions.decide(device.gate(), asked.personId(), asked.idNumber());
		byte[] answer = json.writeValueAsBytes(decision);
		response.setStatus(HttpServletResponse.SC_OK);
		response.setContentType("application/json");
		response.setContentLength(answer.length);
		response.getOutputStream().write(answer);
	}

	/** A JSON body is declared, and a JSON answer is acceptable. */
	private static boolean plainJson(HttpServletRequest request) {
		String type = request.getContentType();
		String accept = request.getHeader("Accept");
		return type != null && type.toLowerCase(Locale.ROOT).startsWith("application/json")
				&& (accept == null || accept.contains("*/*") || accept.toLowerCase(Locale.ROOT).contains("application/json"));
	}

	/** The request when it is exactly {@code {"personId": <whole number>}} or {@code {"idNumber": "<text>"}}; else null. */
	private DeviceGatewayApi.DecisionRequest read(byte[] body) {
		JsonNode node;
		try {
			node = json.readTree(body);
		}
		catch (JacksonException e) {
			return null;
		}
		if (node == null || !node.isObject()) {
			return null;
		}
		Long personId = null;
		String idNumber = null;
		for (Iterator<String> names = node.propertyNames().iterator(); names.hasNext();) {
			String name = names.next();
			JsonNode value = node.get(name);
			if (name.equals("personId") && value.isIntegralNumber() && value.canConvertToLong()) {
				personId = value.asLong();
			}
			else if (name.equals("idNumber") && value.isString() && !value.asString().isBlank()
					&& value.asString().length() <= MAX_ID_NUMBER && !Texts.hasControlCharacter(value.asString())) {
				idNumber = value.asString();
			}
			else {
				return null;
			}
		}
		return personId == null && idNumber == null ? null : new DeviceGatewayApi.DecisionRequest(personId, idNumber);
	}
}
