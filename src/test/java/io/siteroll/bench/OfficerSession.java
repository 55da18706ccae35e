package io.siteroll.bench;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An officer's browser session for the page benchmarks: signed in through the login form, pages and API answers
 * fetched with its cookie; and the p50/p95 timing of a step the benchmarks print.
 */
final class OfficerSession {

	private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"");

	private final String base;

	private final HttpClient http;

	OfficerSession(String base) {
		this.base = base;
		this.http = HttpClient.newBuilder().cookieHandler(new CookieManager()).followRedirects(HttpClient.Redirect.NORMAL).build();
	}

	void signIn(String username, String password) throws IOException, InterruptedException {
		Matcher csrf = CSRF.matcher(page("/login"));
		if (!csrf.find()) {
			throw new IllegalStateException("no CSRF token on the login page");
		}
		String form = "username=" + URLEncoder.encode(username, StandardCharsets.UTF_8) + "&password="
				+ URLEncoder.encode(password, StandardCharsets.UTF_8) + "&_csrf="
				+ URLEncoder.encode(csrf.group(1), StandardCharsets.UTF_8);
		HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base + "/login"))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(form))
			.build(), HttpResponse.BodyHandlers.ofString());
		if (r.uri().getPath().startsWith("/login")) {
			throw new IllegalStateException("login refused for " + username);
		}
	}

	/** A page as a browser asks for it. */
	String page(String path) throws IOException, InterruptedException {
		return get(path, "text/html");
	}

	String get(String path, String accept) throws IOException, InterruptedException {
		HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base + path)).header("Accept", accept).GET().build(),
				HttpResponse.BodyHandlers.ofString());
		if (r.statusCode() != 200) {
			throw new IllegalStateException("GET " + path + ": " + r.statusCode() + " " + r.body());
		}
		return r.body();
	}

	interface Step {
		Object run(int i) throws Exception;
	}

	/** p50 and p95 in microseconds of {@code times} runs after {@code warmUp} untimed ones. */
	static long[] time(int times, int warmUp, Step step) throws Exception {
		for (int i = 0; i < warmUp; i++) {
			step.run(i);
		}
		List<Long> micros = new ArrayList<>();
		for (int i = 0; i < times; i++) {
			long t = System.nanoTime();
			step.run(i);
			micros.add((System.nanoTime() - t) / 1_000);
		}
		Collections.sort(micros);
		return new long[] { micros.get(micros.size() / 2), micros.get((int) Math.ceil(micros.size() * 0.95) - 1) };
	}
}
