package io.siteroll.support;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Talks to the running platform over HTTP as a client would, with HTTP Basic credentials. */
public final class ApiClient {

	public record Response(int status, String body, byte[] bytes, String contentType) {

		public JsonNode json() {
			return JSON.readTree(body);
		}

		public long id() {
			return json().get("id").asLong();
		}

		/** The page's input tag with this id, as rendered (attributes in any order); fails the test when there is none. */
		public String input(String id) {
			Matcher tag = Pattern.compile("<input[^>]*\\sid=\"" + Pattern.quote(id) + "\"[^>]*>").matcher(body);
			if (!tag.find()) {
				throw new AssertionError("no input with id " + id + " on the page");
			}
			return tag.group();
		}
	}

	static final JsonMapper JSON = JsonMapper.builder().findAndAddModules().build();

	private final HttpClient http = HttpClient.newHttpClient();

	private final String base;

	private final String authorization;

	private final String language;

	public ApiClient(int port, String username, String password) {
		this("http://localhost:" + port, username, password);
	}

	public ApiClient(String base, String username, String password) {
		this.base = base;
		this.authorization = "Basic " + Base64.getEncoder()
			.encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8));
		this.language = "zh-CN";
	}

	private ApiClient(ApiClient user, String language) {
		this.base = user.base;
		this.authorization = user.authorization;
		this.language = language;
	}

	/** The same user asking in English; this client goes on asking in Chinese. */
	public ApiClient english() {
		return new ApiClient(this, "en");
	}

	public Response get(String path) {
		return send(request(path).GET());
	}

	public Response post(String path, Object body) {
		return send(request(path).header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(body instanceof String s ? s : JSON.writeValueAsString(body))));
	}

	/** A browser form post (application/x-www-form-urlencoded). */
	public Response form(String path, Map<String, String> fields) {
		String body = fields.entrySet().stream()
			.map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
					+ URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
			.reduce((a, b) -> a + "&" + b)
			.orElse("");
		return send(request(path).header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(body)));
	}

	public Response put(String path, Object body) {
		return send(request(path).header("Content-Type", "application/json")
			.PUT(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))));
	}

	public Response upload(String path, String field, String fileName, byte[] content) {
		return upload("POST", path, field, fileName, content);
	}

	public Response upload(String method, String path, String field, String fileName, byte[] content) {
		String boundary = "----siteroll" + UUID.randomUUID();
		byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + field + "\"; filename=\"" + fileName
				+ "\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8);
		byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
		byte[] body = new byte[head.length + content.length + tail.length];
		System.arraycopy(head, 0, body, 0, head.length);
		System.arraycopy(content, 0, body, head.length, content.length);
		System.arraycopy(tail, 0, body, head.length + content.length, tail.length);
		return send(request(path).header("Content-Type", "multipart/form-data; boundary=" + boundary)
			.method(method, HttpRequest.BodyPublishers.ofByteArray(body)));
	}

	private HttpRequest.Builder request(String path) {
		return HttpRequest.newBuilder(URI.create(base + path))
			.timeout(Waits.REQUEST)
			.header("Authorization", authorization)
			.header("Accept-Language", language);
	}

	private Response send(HttpRequest.Builder request) {
		HttpResponse<byte[]> response = Exchanges.send(http, request.build(), HttpResponse.BodyHandlers.ofByteArray());
		return new Response(response.statusCode(), new String(response.body(), StandardCharsets.UTF_8), response.body(),
				response.headers().firstValue("Content-Type").orElse(""));
	}
}
