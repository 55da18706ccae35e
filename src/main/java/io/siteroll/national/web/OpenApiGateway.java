package io.siteroll.national.web;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.http.MediaType;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.siteroll.national.NationalAnswer;
import io.siteroll.national.NationalInbound;
import io.siteroll.national.OpenApiEnvelope;
import io.swagger.v3.oas.annotations.Hidden;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code POST /open.api}: the national interface on SiteRoll, for enterprise labour systems that already speak it.
 * The envelope and the answers are the national platform's (docs/national-platform.md), not this API's problem+json:
 * a refused call is HTTP 200 with a non-zero {@code code}, as the labour systems expect. Left out of the OpenAPI
 * document, whose conventions it does not follow.
 */
@Hidden
@RestController
class OpenApiGateway {

	private final NationalInbound inbound;

	private final JsonMapper json = JsonMapper.builder().build();

	OpenApiGateway(NationalInbound inbound) {
		this.inbound = inbound;
	}

	@PostMapping(path = "/open.api", consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE,
			produces = MediaType.APPLICATION_JSON_VALUE)
	String call(@RequestParam MultiValueMap<String, String> form) {
		Map<String, String> fields = new LinkedHashMap<>();
		for (String name : OpenApiEnvelope.FIELDS) {
			fields.put(name, form.getFirst(name));
		}
		NationalAnswer answer = inbound.answer(OpenApiEnvelope.of(fields));
		ObjectNode body = json.createObjectNode();
		body.put("code", answer.code());
		body.put("message", answer.message());
		body.set("data", answer.data() == null ? json.createObjectNode() : json.readTree(answer.data()));
		return body.toString();
	}
}
