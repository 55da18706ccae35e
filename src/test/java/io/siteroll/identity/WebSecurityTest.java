package io.siteroll.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.siteroll.support.ApiClient;
import io.siteroll.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/**
 * The web's own defences: CSRF whenever a session authenticates (an unrelated {@code Authorization}
 * header does not switch it off), the security headers on pages, a SameSite session cookie, and metrics
 * that are not public.
 */
class WebSecurityTest extends IntegrationTest {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final HttpClient http = HttpClient.newHttpClient();

	@Test
	void aSessionAlwaysNeedsItsCsrfTokenEvenWithAnAuthorizationHeader() throws Exception {
		String province = province();
		ApiClient api = as(province);
		Site site = site(api, "220102", today().minusMonths(2));
		String session = login(province);
		String serial = "CSRF" + System.nanoTime();
		String body = JSON.writeValueAsString(Map.of("serialNumber", serial, "vendor", "v", "model", "m",
				"protocol", "SITEROLL", "kind", "FACE_TURNSTILE", "direction", "IN", "channelName", "东门",
				"registeredOn", today().toString()));
		for (String authorization : List.of("Bearer junk", "Basic " + "bm9ib2R5Om5vdGhpbmc=")) {
			HttpResponse<String> forged = http.send(HttpRequest.newBuilder(URI.create(baseUrl() + "/api/projects/"
					+ site.projectId() + "/devices"))
				.header("Cookie", "JSESSIONID=" + session)
				.header("Authorization", authorization)
				.header("Content-Type", "application/json")
				.POST(HttpRequest.BodyPublishers.ofString(body))
				.build(), HttpResponse.BodyHandlers.ofString());
			assertThat(forged.statusCode()).as("%s with a session cookie and no CSRF token", authorization).isIn(401, 403);
		}
		assertThat(jdbc.sql("select count(*) from device where serial_number = ?").param(serial).query(Long.class).single())
			.isZero();

		ApiClient.Response basicOnly = api.post("/api/projects/" + site.projectId() + "/devices",
				JSON.readTree(body));
		assertThat(basicOnly.status()).as("HTTP Basic without a session is an API client: " + basicOnly.body()).isEqualTo(201);
	}

	@Test
	void pagesCarryTheSecurityHeadersAndTheSessionCookieIsSameSite() throws Exception {
		HttpResponse<String> login = http.send(HttpRequest.newBuilder(URI.create(baseUrl() + "/login")).build(),
				HttpResponse.BodyHandlers.ofString());
		assertThat(login.statusCode()).isEqualTo(200);
		String csp = login.headers().firstValue("Content-Security-Policy").orElse("");
		assertThat(csp).contains("default-src 'self'", "script-src 'self'", "frame-ancestors 'none'", "object-src 'none'")
			.doesNotContain("unsafe-eval");
		assertThat(csp.replaceAll("style-src[^;]*", "")).doesNotContain("unsafe-inline");
		assertThat(login.headers().firstValue("Referrer-Policy")).contains("same-origin");
		assertThat(login.headers().firstValue("X-Content-Type-Options")).contains("nosniff");
		assertThat(login.headers().allValues("Set-Cookie")).anySatisfy(cookie -> assertThat(cookie).startsWith("JSESSIONID=")
			.containsIgnoringCase("SameSite=Strict").containsIgnoringCase("HttpOnly"));
		assertThat(login.body()).as("no inline script on a page under this policy").doesNotContainPattern("<script(?![^>]*src=)");
	}

	@Test
	void metricsAreForProvinceOfficersOnlyAndHealthIsPublic() throws Exception {
		HttpResponse<String> anonymous = http.send(HttpRequest.newBuilder(URI.create(baseUrl() + "/actuator/prometheus")).build(),
				HttpResponse.BodyHandlers.ofString());
		assertThat(anonymous.statusCode()).isIn(401, 302);
		assertThat(anonymous.body()).doesNotContain("jvm_memory");
		String enterpriseAdmin = account(Role.ENTERPRISE_ADMIN, null, enterprise(as(province()), "220102"), null, false);
		assertThat(as(enterpriseAdmin).get("/actuator/prometheus").status()).isEqualTo(403);
		assertThat(as(province()).get("/actuator/prometheus").body()).contains("jvm_memory");
		HttpResponse<String> readiness = http.send(HttpRequest.newBuilder(URI.create(baseUrl() + "/actuator/health/readiness"))
			.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(readiness.statusCode()).isEqualTo(200);
		assertThat(readiness.body()).contains("UP");
		assertThat(http.send(HttpRequest.newBuilder(URI.create(baseUrl() + "/actuator/health/liveness")).build(),
				HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(200);
	}

	/** Signs in through the login form as a browser would and returns the session id. */
	private String login(String username) throws IOException, InterruptedException {
		HttpResponse<String> form = http.send(HttpRequest.newBuilder(URI.create(baseUrl() + "/login")).build(),
				HttpResponse.BodyHandlers.ofString());
		String anonymousSession = cookie(form, "JSESSIONID");
		Matcher token = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"").matcher(form.body());
		assertThat(token.find()).as("the login form carries a CSRF token").isTrue();
		String fields = "username=" + URLEncoder.encode(username, StandardCharsets.UTF_8) + "&password="
				+ URLEncoder.encode(PASSWORD, StandardCharsets.UTF_8) + "&_csrf="
				+ URLEncoder.encode(token.group(1), StandardCharsets.UTF_8);
		HttpResponse<String> signedIn = http.send(HttpRequest.newBuilder(URI.create(baseUrl() + "/login"))
			.header("Cookie", "JSESSIONID=" + anonymousSession)
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(fields))
			.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(signedIn.statusCode()).isEqualTo(302);
		assertThat(signedIn.headers().firstValue("Location").orElse("")).doesNotContain("error");
		String session = cookie(signedIn, "JSESSIONID");
		HttpResponse<String> page = http.send(HttpRequest.newBuilder(URI.create(baseUrl() + "/projects"))
			.header("Cookie", "JSESSIONID=" + session).build(), HttpResponse.BodyHandlers.ofString());
		assertThat(page.statusCode()).as("the session authenticates").isEqualTo(200);
		return session;
	}

	private static String cookie(HttpResponse<?> response, String name) {
		return response.headers().allValues("Set-Cookie").stream()
			.filter(c -> c.startsWith(name + "="))
			.map(c -> c.substring(name.length() + 1, c.indexOf(';') < 0 ? c.length() : c.indexOf(';')))
			.findFirst()
			.orElseThrow(() -> new AssertionError("no " + name + " cookie in " + response.headers().map()));
	}
}
