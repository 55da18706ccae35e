package io.siteroll.support;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.Response;
import com.microsoft.playwright.assertions.PlaywrightAssertions;
import com.microsoft.playwright.options.AriaRole;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestInfo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * A user journey in a real browser: Playwright for Java drives Debian's Chromium ({@code /usr/bin/chromium},
 * or {@code SITEROLL_CHROMIUM}); Playwright never downloads a browser. Without Chromium the journeys are
 * skipped on a developer's machine, but CI sets {@code SITEROLL_BROWSER_TESTS=required} and then a missing
 * browser fails the run, so a skip can never pass CI. Each journey logs in through the login form as its
 * role, works through the UI only, checks the outcome on the page, and leaves a screenshot of its last step
 * under {@code target/journeys/}.
 */
public abstract class BrowserTest extends IntegrationTest {

	private static final Path SCREENSHOTS = Path.of("target", "journeys");

	private static Playwright playwright;

	private static Browser browser;

	protected BrowserContext context;

	protected Page page;

	private String journey;

	/** How long a page action or a web-first assertion waits, for a loaded 2-core CI machine. */
	private static final double TIMEOUT_MILLIS = 15_000;

	@BeforeAll
	static void launchChromium() {
		Path chromium = Path.of(System.getenv().getOrDefault("SITEROLL_CHROMIUM", "/usr/bin/chromium"));
		if (!Files.isExecutable(chromium)) {
			String why = "Chromium not found at " + chromium + " (apt-get install chromium fonts-noto-cjk)";
			if ("required".equals(System.getenv("SITEROLL_BROWSER_TESTS"))) {
				fail(why + "; browser journeys are required here (SITEROLL_BROWSER_TESTS=required)");
			}
			Assumptions.abort(why);
		}
		// web-first assertions (assertThat(locator)…) keep their own 5 s default; give them the pages' bound
		PlaywrightAssertions.setDefaultAssertionTimeout(TIMEOUT_MILLIS);
		playwright = Playwright.create(new Playwright.CreateOptions()
			.setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
		browser = playwright.chromium()
			.launch(new BrowserType.LaunchOptions().setExecutablePath(chromium)
				.setHeadless(true)
				.setArgs(List.of("--no-sandbox", "--disable-gpu", "--disable-background-networking",
						"--disable-component-update", "--disable-sync", "--no-first-run")));
	}

	@AfterAll
	static void closeChromium() {
		if (browser != null) {
			browser.close();
			browser = null;
		}
		if (playwright != null) {
			playwright.close();
			playwright = null;
		}
	}

	@BeforeEach
	void openContext(TestInfo info) {
		journey = getClass().getSimpleName() + "-" + info.getTestMethod().map(m -> m.getName()).orElse("journey");
		context = browser.newContext(new Browser.NewContextOptions().setLocale("zh-CN")
			.setTimezoneId("Asia/Shanghai")
			.setViewportSize(1366, 900));
		context.setDefaultTimeout(TIMEOUT_MILLIS);
		page = context.newPage();
	}

	@AfterEach
	void keepLastStep() throws IOException {
		if (page != null) {
			Files.createDirectories(SCREENSHOTS);
			page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve(journey + ".png")).setFullPage(true));
		}
		if (context != null) {
			context.close();
		}
	}

	/** The platform's address for a path. */
	protected String url(String path) {
		return "http://localhost:" + environment.getRequiredProperty("local.server.port") + path;
	}

	/** Opens a page and expects it to load without an error status. */
	protected Response open(String path) {
		Response response = page.navigate(url(path));
		assertThat(response.status()).as("GET %s", path).isLessThan(400);
		return response;
	}

	/** Signs in through the login form, as a person would. */
	protected void signIn(String username) {
		signIn(username, PASSWORD);
	}

	/** Signs in with an account's own password (the demo accounts'). */
	protected void signIn(String username, String password) {
		page.navigate(url("/login"));
		page.getByLabel("用户名 Username").fill(username);
		page.getByLabel("密码 Password").fill(password);
		page.getByRole(AriaRole.BUTTON,
				new Page.GetByRoleOptions().setName("登录 Sign in"))
			.click();
		page.waitForURL(u -> !u.contains("/login"));
	}

	/** The visible text of the page's main area. */
	protected String mainText() {
		return page.locator("main").innerText();
	}
}
