package io.siteroll.journeys;

import java.net.URI;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import com.microsoft.playwright.APIResponse;
import com.microsoft.playwright.Response;
import io.siteroll.support.BrowserTest;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.beans.factory.annotation.AnnotatedBeanDefinition;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every demo account crawls the workbench as a curious newcomer would: from the landing page it follows every
 * link and submits every filter form (GET) it can reach, then submits every form that takes input with its
 * fields left blank. No page may answer 4xx or 5xx, show JSON, or show a raw code (an enum constant's name such
 * as {@code PROJECT_MANAGER} or {@code ISSUED}) or a {@code {key=value}} map; downloads (Excel, PDF) must come
 * back as files. No page of an account's navigation may show only empty lists: the demo province gives each account
 * something to look at on every page it is offered. The platform here is the demo province on its own embedded database, loaded on start as
 * {@code ./mvnw spring-boot:run} loads it; the crawl visits at most {@value #SAME_SHAPE} pages of one shape
 * (the path with its ids replaced, and the names of its query parameters) and {@value #PAGES} pages per account.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "spring.datasource.url=", "siteroll.demo.enabled=true", "siteroll.data-dir=target/crawl-data",
				"siteroll.embedded-postgres.fresh=true" })
class CrawlTest extends BrowserTest {

	static final String DEMO_PASSWORD = "siteroll-demo";

	static final int PAGES = 60;

	static final int SAME_SHAPE = 2;

	/** Where a crawler must not go: leaving, the API explorer, the probes. */
	private static final Pattern OFF_LIMITS = Pattern.compile("^/(logout|swagger-ui|v3/api-docs|actuator|webjars|css|js)(/.*)?$");

	private static final Pattern DOWNLOAD = Pattern.compile("(format=xlsx|\\.pdf$|\\.xlsx$|^/api/|/attachments/\\d+$)");

	private static final Pattern MAP = Pattern.compile("\\{[^{}\\n]{0,80}=[^{}\\n]{0,80}}");

	private static final Pattern TOKEN = Pattern.compile("\\b[A-Z][A-Z0-9_]{2,}\\b");

	private static final Set<String> CODES = enumConstants();

	private static final String GET_FORMS = """
			() => Array.from(document.querySelectorAll('form'))
			  .filter(f => (f.getAttribute('method') || 'get').toLowerCase() === 'get')
			  .map(f => { const u = new URL(f.action || location.href, location.href); u.search = '';
			              for (const [k, v] of new FormData(f)) { if (typeof v === 'string') u.searchParams.append(k, v); }
			              return u.href; })""";

	private static final String INPUT_FORMS = """
			() => Array.from(document.querySelectorAll('form')).map((f, i) => ({ i, f }))
			  .filter(x => (x.f.getAttribute('method') || 'get').toLowerCase() === 'post'
			       && x.f.querySelector('input:not([type=hidden]):not([type=submit]):not([type=button]):not([type=checkbox]):not([type=radio]), textarea'))
			  .map(x => x.i + ' ' + new URL(x.f.action || location.href, location.href).pathname)""";

	/** A page whose tables have no row of data (only headings, or the one-cell row that says the list is empty). */
	private static final String EMPTY_LISTS = """
			() => { const tables = document.querySelectorAll('main table');
			        return tables.length > 0 && Array.from(tables).every(t => t.querySelectorAll('tbody tr').length === 0
			          || Array.from(t.querySelectorAll('tbody tr')).every(r => r.querySelectorAll('td').length < 2)); }""";

	/** The post form that takes input and posts to {@code action} (a path), on the page as it is now. */
	private static final String FIND_FORM = """
			action => Array.from(document.querySelectorAll('form')).find(f =>
			  (f.getAttribute('method') || 'get').toLowerCase() === 'post'
			  && new URL(f.action || location.href, location.href).pathname === action
			  && f.querySelector('input:not([type=hidden]):not([type=submit]):not([type=button]):not([type=checkbox]):not([type=radio]), textarea'))""";

	private static final String FORM_PRESENT = "action => !!(" + FIND_FORM + ")(action)";

	private static final String SUBMIT_BLANK = """
			action => { const f = (%s)(action);
			       f.querySelectorAll('input:not([type=hidden]):not([type=submit]):not([type=button]):not([type=checkbox]):not([type=radio]), textarea')
			        .forEach(e => { e.value = ''; });
			       f.submit(); }""".formatted(FIND_FORM);

	/** Every demo account, or those named in {@code -Dsiteroll.crawl.accounts=province,clerk} while working on one. */
	static Stream<String> accounts() {
		String only = System.getProperty("siteroll.crawl.accounts", "");
		return only.isBlank() ? Stream.of("province", "changchun", "jilinshi", "nanguan", "xinqu", "enterprise", "clerk")
				: Stream.of(only.split(",")).map(String::strip);
	}

	@ParameterizedTest
	@MethodSource("accounts")
	void everyLinkAndFormAnswersInWords(String account) {
		assertThat(CODES).as("the codes a page must not show are the platform's enum constants").contains("ISSUED", "PROJECT_MANAGER");
		signIn(account, DEMO_PASSWORD);
		Set<String> navigation = new HashSet<>();
		for (Object href : (List<?>) page.evaluate("() => Array.from(document.querySelectorAll('nav a.nav-link')).map(a => a.href)")) {
			String path = sameSite(String.valueOf(href));
			if (path != null) {
				navigation.add(path);
			}
		}
		List<String> empty = new ArrayList<>();
		Deque<String> queue = new ArrayDeque<>(List.of(path(page.url())));
		Set<String> seen = new HashSet<>(queue);
		Map<String, Integer> shapes = new HashMap<>();
		List<String> problems = new ArrayList<>();
		List<String> visited = new ArrayList<>();
		Map<String, String> inputForms = new HashMap<>();
		while (!queue.isEmpty() && visited.size() < PAGES) {
			String path = queue.poll();
			if (shapes.merge(shape(path), 1, Integer::sum) > SAME_SHAPE) {
				continue;
			}
			if (DOWNLOAD.matcher(path).find()) {
				download(path, problems);
				continue;
			}
			Response response = page.navigate(url(path));
			visited.add(path);
			check(path, response, problems);
			if (navigation.contains(path) && (Boolean) page.evaluate(EMPTY_LISTS)) {
				empty.add(path);
			}
			for (Object href : links()) {
				String next = sameSite(String.valueOf(href));
				if (next != null && seen.add(next)) {
					queue.add(next);
				}
			}
			for (Object action : (List<?>) page.evaluate(INPUT_FORMS)) {
				inputForms.putIfAbsent(shape(path) + " → " + shape(String.valueOf(action)), path + "#" + action);
			}
		}
		for (String form : new TreeSet<>(inputForms.values())) {
			String path = form.substring(0, form.indexOf('#'));
			String action = form.substring(form.indexOf('#') + 1);
			page.navigate(url(path));
			if (!(Boolean) page.evaluate(FORM_PRESENT, action)) {
				continue; // an earlier blank submission changed this page (the form was for a state that has passed)
			}
			Response response = page.waitForResponse(r -> "POST".equals(r.request().method()) && r.request().isNavigationRequest(),
					() -> page.evaluate(SUBMIT_BLANK, action));
			page.waitForLoadState();
			if (response.status() >= 500) {
				problems.add("form to " + action + " on " + path + " blank: " + response.status());
			}
			check("form to " + action + " on " + path + " (blank) → " + path(page.url()), null, problems);
		}
		System.out.printf("CRAWL %s: %d pages, %d forms submitted blank, %d problems, navigation pages with empty lists: %s%n",
				account, visited.size(), inputForms.size(), problems.size(), empty);
		assertThat(visited).as("the crawl of %s reached pages beyond the landing page", account).hasSizeGreaterThan(5);
		assertThat(problems).as("what %s found crawling %s", account, visited).isEmpty();
		assertThat(empty).as("pages of %s's navigation that show only empty lists on the demo province", account).isEmpty();
	}

	private List<?> links() {
		List<Object> links = new ArrayList<>((List<?>) page.evaluate("() => Array.from(document.querySelectorAll('a[href]')).map(a => a.href)"));
		links.addAll((List<?>) page.evaluate(GET_FORMS));
		return links;
	}

	private void check(String where, Response response, List<String> problems) {
		if (response != null) {
			if (response.status() >= 400) {
				problems.add(where + ": " + response.status());
			}
			String type = response.headers().getOrDefault("content-type", "");
			if (!type.startsWith("text/html")) {
				problems.add(where + ": shows " + type + " instead of a page");
				return;
			}
		}
		String text = page.locator("body").innerText();
		String trimmed = text.strip();
		if (trimmed.startsWith("{") || trimmed.startsWith("[")) {
			problems.add(where + ": shows JSON");
		}
		Matcher map = MAP.matcher(text);
		if (map.find()) {
			problems.add(where + ": shows a map " + map.group());
		}
		Matcher token = TOKEN.matcher(text);
		Set<String> raw = new TreeSet<>();
		while (token.find()) {
			if (CODES.contains(token.group()) || token.group().contains("_")) {
				raw.add(token.group());
			}
		}
		if (!raw.isEmpty()) {
			problems.add(where + ": shows raw codes " + raw);
		}
	}

	private void download(String path, List<String> problems) {
		APIResponse response = context.request().get(url(path));
		String type = response.headers().getOrDefault("content-type", "");
		if (response.status() >= 400) {
			problems.add(path + ": " + response.status());
		}
		else if (type.contains("json") || type.startsWith("text/html")) {
			problems.add(path + ": a download link answers " + type);
		}
	}

	/** The path and query of a link on this platform, or null when it leads elsewhere or must not be followed. */
	private String sameSite(String href) {
		URI uri = URI.create(href);
		URI base = URI.create(url("/"));
		if (!base.getHost().equals(uri.getHost()) || base.getPort() != uri.getPort()) {
			return null;
		}
		String path = uri.getRawPath();
		if (path == null || path.isEmpty() || OFF_LIMITS.matcher(path).matches() || path.startsWith("/login")) {
			return null;
		}
		return uri.getRawQuery() == null ? path : path + "?" + uri.getRawQuery();
	}

	private static String path(String url) {
		URI uri = URI.create(url);
		return uri.getRawQuery() == null ? uri.getRawPath() : uri.getRawPath() + "?" + uri.getRawQuery();
	}

	/** A page's kind: its path with the ids replaced and the names of its query parameters, without their values. */
	static String shape(String path) {
		int q = path.indexOf('?');
		String route = (q < 0 ? path : path.substring(0, q)).replaceAll("\\d+", "#");
		if (q < 0) {
			return route;
		}
		Set<String> names = new TreeSet<>();
		for (String pair : path.substring(q + 1).split("&")) {
			names.add(pair.split("=", 2)[0]);
		}
		return route + "?" + String.join("&", names);
	}

	/** Every constant of every enum of the platform: what a page must show as words. */
	private static Set<String> enumConstants() {
		ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(false) {
			@Override
			protected boolean isCandidateComponent(AnnotatedBeanDefinition definition) {
				return true;
			}
		};
		scanner.addIncludeFilter((reader, factory) -> "java.lang.Enum".equals(reader.getClassMetadata().getSuperClassName()));
		Set<String> codes = new HashSet<>();
		scanner.findCandidateComponents("io.siteroll").forEach(definition -> {
			try {
				for (Object constant : Class.forName(definition.getBeanClassName()).getEnumConstants()) {
					String name = ((Enum<?>) constant).name();
					if (name.length() >= 3 && name.equals(name.toUpperCase(Locale.ROOT))) {
						codes.add(name);
					}
				}
			}
			catch (ClassNotFoundException e) {
				throw new IllegalStateException(e);
			}
		});
		return codes;
	}
}
