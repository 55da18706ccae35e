package io.siteroll.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Parameter;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import io.siteroll.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import tools.jackson.databind.JsonNode;

/**
 * The OpenAPI document tells the truth: every operation's documented JSON body is the record its
 * controller binds (same property names), and one schema name never stands for two Java types (nested
 * records called Registration, Decision or Result used to overwrite each other).
 */
class OpenApiDocumentTest extends IntegrationTest {

	@Autowired
	@Qualifier("requestMappingHandlerMapping")
	RequestMappingHandlerMapping mappings;

	@Test
	void everyDocumentedBodyIsTheRecordTheOperationAccepts() {
		JsonNode docs = as(province()).get("/v3/api-docs").json();
		List<String> mismatches = new ArrayList<>();
		Map<String, Class<?>> schemaTypes = new HashMap<>();
		int bodies = 0;
		for (Map.Entry<RequestMappingInfo, HandlerMethod> mapping : mappings.getHandlerMethods().entrySet()) {
			Parameter body = bodyParameter(mapping.getValue());
			Class<?> answer = mapping.getValue().getMethod().getReturnType();
			if (answer.isRecord()) {
				answers(docs, mapping.getKey(), answer, schemaTypes, mismatches);
			}
			if (body == null || !body.getType().isRecord()) {
				continue;
			}
			for (String pattern : mapping.getKey().getPatternValues()) {
				for (RequestMethod method : mapping.getKey().getMethodsCondition().getMethods()) {
					JsonNode op = docs.path("paths").path(pattern).path(method.name().toLowerCase());
					if (op.isMissingNode()) {
						continue;
					}
					bodies++;
					JsonNode schema = op.path("requestBody").path("content").path("application/json").path("schema");
					String ref = schema.path("$ref").asString("");
					String name = ref.substring(ref.lastIndexOf('/') + 1);
					Class<?> previous = schemaTypes.putIfAbsent(name, body.getType());
					if (previous != null && previous != body.getType()) {
						mismatches.add("schema " + name + " stands for " + previous.getName() + " and " + body.getType().getName());
					}
					Set<String> documented = new TreeSet<>();
					docs.path("components").path("schemas").path(name).path("properties").propertyNames()
						.forEach(documented::add);
					Set<String> accepted = new TreeSet<>();
					for (RecordComponent c : body.getType().getRecordComponents()) {
						accepted.add(c.getName());
					}
					if (!documented.equals(accepted)) {
						mismatches.add(method + " " + pattern + " documents " + name + documented + " but accepts "
								+ body.getType().getName() + accepted);
					}
				}
			}
		}
		assertThat(bodies).isGreaterThan(40);
		assertThat(mismatches).as(String.join("\n", mismatches)).isEmpty();
		assertThat(docs.path("components").path("schemas").has("PenaltyDecision")).isTrue();
		assertThat(docs.path("components").path("schemas").has("ManagerChangeDecision")).isTrue();
		assertThat(docs.path("components").path("schemas").has("EvaluationResult")).isTrue();
	}

	/** The documented answer of an operation returning a record is that record. */
	private static void answers(JsonNode docs, RequestMappingInfo info, Class<?> type, Map<String, Class<?>> schemaTypes,
			List<String> mismatches) {
		for (String pattern : info.getPatternValues()) {
			for (RequestMethod method : info.getMethodsCondition().getMethods()) {
				JsonNode responses = docs.path("paths").path(pattern).path(method.name().toLowerCase()).path("responses");
				for (String status : List.of("200", "201")) {
					for (JsonNode content : responses.path(status).path("content")) {
						String ref = content.path("schema").path("$ref").asString("");
						if (ref.isEmpty()) {
							continue;
						}
						String name = ref.substring(ref.lastIndexOf('/') + 1);
						Class<?> previous = schemaTypes.putIfAbsent(name, type);
						if (previous != null && previous != type) {
							mismatches.add("schema " + name + " stands for " + previous.getName() + " and " + type.getName());
						}
						Set<String> documented = new TreeSet<>();
						docs.path("components").path("schemas").path(name).path("properties").propertyNames()
							.forEach(documented::add);
						Set<String> returned = new TreeSet<>();
						for (RecordComponent c : type.getRecordComponents()) {
							returned.add(c.getName());
						}
						if (!documented.equals(returned)) {
							mismatches.add(method + " " + pattern + " answers " + name + documented + " but returns "
									+ type.getName() + returned);
						}
					}
				}
			}
		}
	}

	private static Parameter bodyParameter(HandlerMethod method) {
		for (Parameter p : method.getMethod().getParameters()) {
			if (p.isAnnotationPresent(RequestBody.class)) {
				return p;
			}
		}
		return null;
	}
}
