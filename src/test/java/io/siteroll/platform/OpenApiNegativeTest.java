package io.siteroll.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.math.BigInteger;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import io.siteroll.support.ApiClient;
import io.siteroll.support.DeviceClient;
import io.siteroll.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Walks every operation of {@code /v3/api-docs} with a fixed set of malformed inputs per field type
 * (NUL characters, 10,000-character strings, numbers where dates are expected, dates outside
 * 2000–9999, negative, fractional and huge integers, unknown enum values, broken JSON, empty and
 * mistyped bodies, broken multipart) and requires of every answer: no 5xx; every 4xx is
 * problem+json; every 400 names a field for each error; and a refused request wrote no row.
 * Path ids are those of real rows, so the inputs reach validation rather than a 404.
 */
class OpenApiNegativeTest extends IntegrationTest {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

	private final List<String> failures = new ArrayList<>();

	private String authorization;

	private DeviceClient gate;

	private Map<String, Object> ids;

	private Map<String, Long> rows;

	private int requests;

	private long nextTransaction;

	private int refused;

	@Test
	void noMalformedInputReachesAServerErrorOrWritesARow() {
		String officer = province();
		// 1,500 requests: spare each one a bcrypt check (the delegating encoder accepts {noop} hashes)
		jdbc.sql("update account set password_hash = :hash where username = :username")
			.param("hash", "{noop}" + PASSWORD)
			.param("username", officer)
			.update();
		ApiClient api = as(officer);
		authorization = "Basic " + Base64.getEncoder()
			.encodeToString((officer + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8));
		Site site = site(api, "220102", today().minusMonths(2));
		long person = engagedWorker(api, site);
		long engagement = api.get("/api/projects/" + site.projectId() + "/workers").json().get("items").get(0).get("id")
			.asLong();
		RegisteredDevice device = device(api, site.projectId(), "SITEROLL", "IN");
		gate = gate(device);
		long ruleSet = api.get("/api/rule-sets").json().get(0).get("id").asLong();
		ids = new HashMap<>();
		ids.put("projects", site.projectId());
		ids.put("projectId", site.projectId());
		ids.put("enterprises", site.contractorId());
		ids.put("enterpriseId", site.contractorId());
		ids.put("contractorId", site.contractorId());
		ids.put("units", site.labourUnitId());
		ids.put("unitId", site.labourUnitId());
		ids.put("teams", site.teamId());
		ids.put("teamId", site.teamId());
		ids.put("persons", person);
		ids.put("personId", person);
		ids.put("workers", engagement);
		ids.put("engagementId", engagement);
		ids.put("devices", device.id());
		ids.put("deviceId", device.id());
		ids.put("rule-sets", ruleSet);
		ids.put("basedOn", ruleSet);
		ids.put("regions", "220102");
		ids.put("regionCode", "220102");
		ids.put("region", "220102");

		long started = System.nanoTime();
		JsonNode docs = api.get("/v3/api-docs").json();
		rows = rows();
		int operations = 0;
		for (Map.Entry<String, JsonNode> path : docs.get("paths").properties()) {
			for (Map.Entry<String, JsonNode> op : path.getValue().properties()) {
				if (!List.of("get", "post", "put", "delete", "patch").contains(op.getKey())) {
					continue;
				}
				operations++;
				walk(docs, path.getKey(), op.getKey().toUpperCase(), op.getValue());
			}
		}
		long seconds = Duration.ofNanos(System.nanoTime() - started).toSeconds();
		System.out.printf("OpenAPI walk: %d operations, %d malformed requests, %d refused (4xx), %d failures, %d s%n",
				operations, requests, refused, failures.size(), seconds);
		assertThat(operations).isGreaterThan(80);
		assertThat(failures).as(String.join("\n", failures)).isEmpty();
	}

	private void walk(JsonNode docs, String template, String method, JsonNode op) {
		List<JsonNode> parameters = new ArrayList<>();
		op.path("parameters").forEach(parameters::add);
		Map<String, String> validPath = new LinkedHashMap<>();
		Map<String, String> validQuery = new LinkedHashMap<>();
		for (JsonNode p : parameters) {
			String name = p.get("name").asString();
			JsonNode schema = resolve(docs, p.path("schema"));
			if ("path".equals(p.path("in").asString())) {
				validPath.put(name, String.valueOf(idFor(template, name, schema)));
			}
			else if ("query".equals(p.path("in").asString()) && p.path("required").asBoolean(false)) {
				validQuery.put(name, text(valid(docs, name, schema)));
			}
		}
		String validUri = uri(template, validPath, validQuery);
		// path and query parameters, one malformed at a time
		for (JsonNode p : parameters) {
			String name = p.get("name").asString();
			String in = p.path("in").asString();
			JsonNode schema = resolve(docs, p.path("schema"));
			for (Object bad : malformed(schema)) {
				String value = bad instanceof String s ? s : String.valueOf(bad);
				if ("path".equals(in)) {
					Map<String, String> path = new LinkedHashMap<>(validPath);
					path.put(name, value);
					send(method, uri(template, path, validQuery), "application/json", body(docs, method, op),
							name + "=" + shown(value));
				}
				else if ("query".equals(in)) {
					Map<String, String> query = new LinkedHashMap<>(validQuery);
					query.put(name, value);
					send(method, uri(template, validPath, query), "application/json", body(docs, method, op),
							name + "=" + shown(value));
				}
			}
		}
		JsonNode content = op.path("requestBody").path("content");
		if (content.has("multipart/form-data")) {
			send(method, validUri, "multipart/form-data; boundary=zzz", "--zzz\r\nContent-Disposition: form-da",
					"truncated multipart");
			send(method, validUri, "multipart/form-data", "garbage", "multipart without boundary");
			send(method, validUri, "multipart/form-data; boundary=zzz", "--zzz--\r\n", "multipart without the file");
			send(method, validUri, "application/json", "{}", "json instead of multipart");
			return;
		}
		if (content.isMissingNode() || content.isEmpty()) {
			if (!"GET".equals(method)) {
				send(method, validUri, "application/json", "{", "unexpected broken body");
			}
			return;
		}
		JsonNode schema = resolve(docs, content.path("application/json").path("schema"));
		for (String broken : List.of("{", "", "null", "[]", "{\"a\":", "\"x\"", "{\"\u0000\":1}")) {
			send(method, validUri, "application/json", broken, "body " + shown(broken));
		}
		send(method, validUri, "text/plain", "x", "text/plain body");
		if (schema.path("properties").isObject()) {
			ObjectNode base = (ObjectNode) valid(docs, "", schema);
			properties(docs, method, validUri, base, base, schema, "");
		}
	}

	/** Every property of the body, one malformed at a time, the others valid; nested objects and lists too. */
	private void properties(JsonNode docs, String method, String uri, ObjectNode root, ObjectNode holder, JsonNode schema,
			String prefix) {
		for (Map.Entry<String, JsonNode> property : schema.path("properties").properties()) {
			String name = property.getKey();
			JsonNode type = resolve(docs, property.getValue());
			JsonNode original = holder.get(name);
			for (Object bad : malformed(type)) {
				holder.set(name, JSON.valueToTree(bad));
				send(method, uri, "application/json", JSON.writeValueAsString(root), prefix + name + "=" + shown(bad));
			}
			holder.set(name, original);
			if (type.path("properties").isObject() && original instanceof ObjectNode nested && prefix.length() < 40) {
				properties(docs, method, uri, root, nested, type, prefix + name + ".");
			}
			JsonNode items = resolve(docs, type.path("items"));
			if ("array".equals(type.path("type").asString()) && items.path("properties").isObject()
					&& original instanceof ArrayNode list && !list.isEmpty() && list.get(0) instanceof ObjectNode first) {
				properties(docs, method, uri, root, first, items, prefix + name + "[0].");
			}
		}
	}

	private static List<Object> malformed(JsonNode schema) {
		String type = schema.path("type").asString("");
		String format = schema.path("format").asString("");
		List<Object> values = new ArrayList<>();
		if (schema.has("enum")) {
			values.add("NO_SUCH_VALUE");
			values.add("\u0000");
			return values;
		}
		switch (type) {
			case "integer" -> values.addAll(List.of(-1, 1.5, new BigInteger("99999999999999999999"), "x"));
			case "number" -> values.addAll(List.of("x", 1e300, -1e300));
			case "boolean" -> values.addAll(List.of("maybe", 2));
			case "array" -> values.addAll(List.of("x", List.of(List.of())));
			case "object" -> values.add("x");
			case "string" -> {
				if (format.equals("date")) {
					values.addAll(List.of("1900-01-01", "99999-01-01", 20261205, "2026-02-30", "x"));
				}
				else if (format.equals("date-time")) {
					values.addAll(List.of("x", 20261205, "99999-01-01T00:00:00Z"));
				}
				else if (format.equals("binary")) {
					values.add("x");
				}
				else {
					values.addAll(List.of("a\u0000b", "x".repeat(10_000), List.of("x")));
				}
			}
			default -> values.add("\u0000");
		}
		return values;
	}

	/** A plausible value, so that one malformed field at a time reaches the checks beyond "required". */
	private JsonNode valid(JsonNode docs, String name, JsonNode schema) {
		schema = resolve(docs, schema);
		if (schema.has("enum")) {
			return schema.get("enum").get(0);
		}
		String type = schema.path("type").asString("");
		String format = schema.path("format").asString("");
		return switch (type) {
			case "integer" -> {
				Object id = ids.get(name);
				yield id instanceof Long l ? NODES.numberNode(l) : NODES.numberNode(1);
			}
			case "number" -> NODES.numberNode(1.0);
			case "boolean" -> NODES.booleanNode(false);
			case "array" -> NODES.arrayNode().add(valid(docs, name, schema.path("items")));
			case "object" -> {
				ObjectNode object = NODES.objectNode();
				for (Map.Entry<String, JsonNode> p : schema.path("properties").properties()) {
					object.set(p.getKey(), valid(docs, p.getKey(), p.getValue()));
				}
				yield object;
			}
			default -> {
				if (format.equals("date")) {
					yield NODES.stringNode(today().toString());
				}
				if (format.equals("date-time")) {
					yield NODES.stringNode(today() + "T08:00:00+08:00");
				}
				if (name.equals("month") || schema.path("pattern").asString("").contains("\\d{2}$")) {
					yield NODES.stringNode(today().minusMonths(1).toString().substring(0, 7));
				}
				Object id = ids.get(name);
				yield NODES.stringNode(id == null ? "测试" : String.valueOf(id));
			}
		};
	}

	private String body(JsonNode docs, String method, JsonNode op) {
		JsonNode schema = resolve(docs, op.path("requestBody").path("content").path("application/json").path("schema"));
		return "GET".equals(method) || schema.isMissingNode() ? null : JSON.writeValueAsString(valid(docs, "", schema));
	}

	private Object idFor(String template, String name, JsonNode schema) {
		if (!name.equals("id")) {
			return ids.getOrDefault(name, "integer".equals(schema.path("type").asString()) ? 1L : "1");
		}
		String before = template.substring(0, template.indexOf("{id}") - 1);
		String collection = before.substring(before.lastIndexOf('/') + 1);
		return ids.getOrDefault(collection, 1L);
	}

	private static JsonNode resolve(JsonNode docs, JsonNode schema) {
		for (int i = 0; i < 5 && schema.has("$ref"); i++) {
			String ref = schema.get("$ref").asString();
			schema = docs.get("components").get("schemas").get(ref.substring(ref.lastIndexOf('/') + 1));
		}
		if (schema != null && schema.has("allOf") && schema.get("allOf").size() == 1) {
			return resolve(docs, schema.get("allOf").get(0));
		}
		return schema == null ? NODES.missingNode() : schema;
	}

	private static String uri(String template, Map<String, String> path, Map<String, String> query) {
		String uri = template;
		for (Map.Entry<String, String> p : path.entrySet()) {
			uri = uri.replace("{" + p.getKey() + "}", URLEncoder.encode(p.getValue(), StandardCharsets.UTF_8));
		}
		StringBuilder q = new StringBuilder();
		for (Map.Entry<String, String> p : query.entrySet()) {
			q.append(q.isEmpty() ? "?" : "&")
				.append(p.getKey())
				.append('=')
				.append(URLEncoder.encode(p.getValue(), StandardCharsets.UTF_8));
		}
		return uri + q;
	}

	private void send(String method, String uri, String contentType, String body, String input) {
		requests++;
		String label = method + " " + uri.replaceAll("x{50,}", "x…") + " [" + input + "]";
		int status;
		String type;
		String answer;
		if (uri.startsWith("/api/device/")) {
			byte[] bytes = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
			ApiClient.Response r = gate.send(method, uri, bytes, bytes, DeviceClient.nonce());
			status = r.status();
			type = r.contentType();
			answer = r.body();
		}
		else {
			HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl() + uri))
				.timeout(Duration.ofSeconds(60))
				.header("Authorization", authorization)
				.header("Accept", "application/json")
				.header("Accept-Language", "en");
			if (body != null) {
				request.header("Content-Type", contentType);
			}
			request.method(method,
					body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
			try {
				HttpResponse<String> r = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
				status = r.statusCode();
				type = r.headers().firstValue("Content-Type").orElse("");
				answer = r.body();
			}
			catch (IOException e) {
				failures.add(label + " -> " + e);
				return;
			}
			catch (InterruptedException e) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException(e);
			}
		}
		Map<String, Long> after = rows();
		String shortAnswer = answer.length() > 300 ? answer.substring(0, 300) + "…" : answer;
		if (status >= 500) {
			failures.add(label + " -> " + status + " " + shortAnswer);
		}
		else if (status >= 400) {
			refused++;
			if (!type.startsWith("application/problem+json")) {
				failures.add(label + " -> " + status + " as " + type + ": " + shortAnswer);
			}
			else if (status == 400 && !namesFields(answer)) {
				failures.add(label + " -> 400 without a field for every error: " + shortAnswer);
			}
			if (!after.equals(rows)) {
				failures.add(label + " -> " + status + " but rows changed: " + changed(rows, after));
			}
		}
		rows = after;
	}

	private static boolean namesFields(String answer) {
		JsonNode errors = JSON.readTree(answer).path("errors");
		if (!errors.isArray() || errors.isEmpty()) {
			return false;
		}
		for (JsonNode e : errors) {
			if (e.path("field").asString("").isBlank() || e.path("rule").asString("").isBlank()
					|| e.path("message").asString("").isBlank()) {
				return false;
			}
		}
		return true;
	}

	/** Rows per table, except the tables a request legitimately writes whatever its fate (nonces, event log). */
	private Map<String, Long> rows() {
		// Read-only requests assign no transaction id: while the next id is unchanged, no row can have changed.
		long next = jdbc.sql("select pg_snapshot_xmax(pg_current_snapshot())::text::bigint").query(Long.class).single();
		if (rows != null && next == nextTransaction) {
			return rows;
		}
		nextTransaction = next;
		Map<String, Long> counts = new HashMap<>();
		jdbc.sql("""
				select c.relname as name,
				       (xpath('/row/n/text()', query_to_xml(format('select count(*) as n from %I.%I', n.nspname, c.relname),
				        false, true, '')))[1]::text::bigint as rows
				from pg_class c join pg_namespace n on n.oid = c.relnamespace
				where n.nspname = 'public' and c.relkind = 'r'
				  and c.relname not like '%nonce%' and c.relname not like 'event_publication%'
				  and c.relname <> 'flyway_schema_history'
				  -- the sharing access log: every consumer request is logged, the refused ones too
				  and c.relname <> 'sharing_access'
				  -- the attendance tally: a cache of figures derived from presence, brought up to date when read and every minute
				  and c.relname not like 'attendance\\_tally%'
				""").query((rs, i) -> counts.put(rs.getString("name"), rs.getLong("rows"))).list();
		return counts;
	}

	private static String changed(Map<String, Long> before, Map<String, Long> after) {
		List<String> tables = new ArrayList<>();
		after.forEach((table, n) -> {
			if (!Objects.equals(before.get(table), n)) {
				tables.add(table + " " + before.get(table) + "→" + n);
			}
		});
		return String.join(", ", tables);
	}

	private static String text(JsonNode node) {
		return node.isString() ? node.asString() : node.toString();
	}

	private static String shown(Object value) {
		String text = value instanceof String s ? s : String.valueOf(value);
		text = text.replace("\u0000", "\\0");
		return text.length() > 30 ? text.substring(0, 10) + "…(" + text.length() + ")" : text;
	}
}
