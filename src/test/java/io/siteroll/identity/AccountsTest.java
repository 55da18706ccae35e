package io.siteroll.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import io.siteroll.support.ApiClient;
import io.siteroll.support.Exchanges;
import io.siteroll.support.IntegrationTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Accounts: the password policy and changing one's own password, login throttling per account and
 * address, and officers managing the accounts of their region through the API and the page.
 */
class AccountsTest extends IntegrationTest {

	private static final String GOOD = "Bauhaus2026x";

	@AfterEach
	void forgetFailures() {
		jdbc.sql("delete from login_throttle").update();
	}

	@Test
	void aHolderChangesTheirPasswordUnderThePolicy() {
		String user = account(Role.LABOUR_CLERK, null, null, site(as(province()), "220102", today()).projectId(), false);
		ApiClient api = as(user).english();
		assertThat(rules(api.post("/api/account/password", Map.of("currentPassword", "wrong-one", "newPassword", GOOD))))
			.containsExactly("password.current-wrong");
		assertThat(rules(api.post("/api/account/password", Map.of("currentPassword", PASSWORD, "newPassword", "short1"))))
			.containsExactly("password.too-short");
		assertThat(rules(api.post("/api/account/password", Map.of("currentPassword", PASSWORD, "newPassword", "onlyletterspassword"))))
			.containsExactly("password.letters-and-digits");
		assertThat(rules(api.post("/api/account/password", Map.of("currentPassword", PASSWORD, "newPassword", "x1" + user))))
			.containsExactly("password.contains-username");
		assertThat(rules(api.post("/api/account/password", Map.of("currentPassword", PASSWORD, "newPassword", "siteroll-demo1"))))
			.containsExactly("password.known-default");
		assertThat(api.get("/api/projects").status()).as("nothing changed yet").isEqualTo(200);

		assertThat(api.post("/api/account/password", Map.of("currentPassword", PASSWORD, "newPassword", GOOD)).status())
			.isEqualTo(204);
		assertThat(as(user).get("/api/projects").status()).as("old password").isEqualTo(401);
		assertThat(client(user, GOOD).get("/api/projects").status()).as("new password").isEqualTo(200);
		long id = accounts.find(user).orElseThrow().id();
		assertThat(audited("PASSWORD_CHANGED", "account", String.valueOf(id))).isEqualTo(1);
		assertThat(jdbc.sql("select count(*) from audit_entry where after_state::text like ?").param("%" + GOOD + "%")
			.query(Long.class).single()).as("the password is never audited").isZero();
	}

	@Test
	void guessingTheCurrentPasswordWhenChangingItLocksChangingIt() {
		String user = account(Role.COUNTY_OFFICER, "220102", null, null, false);
		ApiClient api = as(user).english();
		for (int i = 0; i < 5; i++) {
			assertThat(rules(api.post("/api/account/password", Map.of("currentPassword", "guess-" + i, "newPassword", GOOD))))
				.containsExactly("password.current-wrong");
		}
		ApiClient.Response locked = api.post("/api/account/password", Map.of("currentPassword", PASSWORD, "newPassword", GOOD));
		assertThat(locked.status()).as("locked even with the right current password").isEqualTo(403);
		assertThat(locked.json().get("rule").asString()).isEqualTo("account.locked");
		assertThat(client(user, GOOD).get("/api/projects").status()).as("password unchanged").isEqualTo(401);
		assertThat(audited("PASSWORD_CHANGE_LOCKED", "login_password_change", user)).isEqualTo(1);
		clock.advance(Duration.ofMinutes(6));
		assertThat(api.post("/api/account/password", Map.of("currentPassword", PASSWORD, "newPassword", GOOD)).status())
			.isEqualTo(204);
	}

	@Test
	void repeatedFailuresLockTheAccountForAGrowingPeriodEvenWithTheRightPassword() {
		String user = account(Role.COUNTY_OFFICER, "220102", null, null, false);
		for (int i = 0; i < 4; i++) {
			assertThat(client(user, "wrong-" + i).get("/api/projects").status()).isEqualTo(401);
		}
		assertThat(as(user).get("/api/projects").status()).as("4 failures: not locked").isEqualTo(200);
		for (int i = 0; i < 5; i++) {
			assertThat(client(user, "wrong-" + i).get("/api/projects").status()).isEqualTo(401);
		}
		assertThat(as(user).get("/api/projects").status()).as("locked after 5 failures").isEqualTo(401);
		assertThat(audited("LOGIN_LOCKED", "login_account", user)).isEqualTo(1);

		clock.advance(Duration.ofMinutes(4));
		assertThat(as(user).get("/api/projects").status()).as("still locked after 4 min").isEqualTo(401);
		clock.advance(Duration.ofMinutes(2));
		for (int i = 0; i < 5; i++) {
			client(user, "wrong-" + i).get("/api/projects");
		}
		clock.advance(Duration.ofMinutes(6));
		assertThat(as(user).get("/api/projects").status()).as("second lock lasts 10 min").isEqualTo(401);
		clock.advance(Duration.ofMinutes(5));
		assertThat(as(user).get("/api/projects").status()).as("open again").isEqualTo(200);
		assertThat(audited("LOGIN_LOCKED", "login_account", user)).isEqualTo(2);
	}

	@Test
	void theLoginPageSaysInChineseThatTheAccountIsLocked() {
		String user = account(Role.COUNTY_OFFICER, "220102", null, null, false);
		Browser browser = new Browser(baseUrl(), null);
		for (int i = 0; i < 4; i++) {
			assertThat(browser.login(user, "wrong-" + i).headers().firstValue("Location").orElse("")).endsWith("/login?error");
		}
		assertThat(browser.login(user, "wrong-5").headers().firstValue("Location").orElse("")).as("the fifth failure locks")
			.endsWith("/login?locked");
		HttpResponse<String> locked = browser.login(user, PASSWORD);
		assertThat(locked.statusCode()).isEqualTo(302);
		assertThat(locked.headers().firstValue("Location").orElse("")).endsWith("/login?locked");
		assertThat(browser.get("/login?locked").body()).contains("账户已被暂时锁定");
		assertThat(new Browser(baseUrl(), null).login(account(Role.COUNTY_OFFICER, "220102", null, null, false), PASSWORD)
			.headers().firstValue("Location").orElse("")).as("another account signs in").doesNotContain("login");
	}

	@Test
	void repeatedFailuresFromOneAddressLockThatAddress() {
		for (int i = 0; i < 20; i++) {
			assertThat(fromOtherAddress("nobody-" + i + "-" + System.nanoTime(), "wrong")).isEqualTo(401);
		}
		String fresh = account(Role.COUNTY_OFFICER, "220102", null, null, false);
		assertThat(fromOtherAddress(fresh, PASSWORD)).as("locked address").isEqualTo(401);
		assertThat(as(fresh).get("/api/projects").status()).as("another address").isEqualTo(200);
		assertThat(audited("LOGIN_LOCKED", "login_address", "127.0.0.2")).isEqualTo(1);
	}

	/** GET /api/projects over a connection from 127.0.0.2 (the client's source address); the status. */
	private int fromOtherAddress(String user, String password) {
		int port = environment.getRequiredProperty("local.server.port", Integer.class);
		try (Socket socket = new Socket()) {
			socket.bind(new InetSocketAddress(InetAddress.getByName("127.0.0.2"), 0));
			socket.connect(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), port), 10_000);
			socket.setSoTimeout(30_000);
			String request = "GET /api/projects HTTP/1.1\r\nHost: localhost\r\nAuthorization: " + basic(user, password)
					+ "\r\nConnection: close\r\n\r\n";
			socket.getOutputStream().write(request.getBytes(StandardCharsets.US_ASCII));
			String status = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII))
				.readLine();
			return Integer.parseInt(status.split(" ")[1]);
		}
		catch (IOException e) {
			throw new IllegalStateException(e);
		}
	}

	@Test
	void anOfficerCreatesAccountsOnlyWithinTheirRegion() {
		ApiClient province = as(province());
		Site nanguan = site(province, "220102", today());
		Site jilin = site(province, "220202", today());
		long nanguanEnterprise = enterprise(province, "220102");
		long jilinEnterprise = enterprise(province, "220204");
		ApiClient officer = as(account(Role.COUNTY_OFFICER, "220102", null, null, false));
		String tag = "t" + Long.toString(System.nanoTime(), 36);

		assertThat(create(officer, tag + "-county", Role.COUNTY_OFFICER, "220102", null, null, false)).isEqualTo(201);
		assertThat(create(officer, tag + "-city", Role.CITY_OFFICER, "220100", null, null, false)).isEqualTo(403);
		assertThat(create(officer, tag + "-chaoyang", Role.COUNTY_OFFICER, "220104", null, null, false)).isEqualTo(403);
		assertThat(create(officer, tag + "-rank", Role.CITY_OFFICER, "220102", null, null, false)).isEqualTo(400);
		assertThat(create(officer, tag + "-ent", Role.ENTERPRISE_ADMIN, null, nanguanEnterprise, null, false)).isEqualTo(201);
		assertThat(create(officer, tag + "-jent", Role.ENTERPRISE_ADMIN, null, jilinEnterprise, null, false)).isEqualTo(403);
		assertThat(create(officer, tag + "-clerk", Role.LABOUR_CLERK, null, null, nanguan.projectId(), false)).isEqualTo(201);
		assertThat(create(officer, tag + "-jclerk", Role.LABOUR_CLERK, null, null, jilin.projectId(), false)).isEqualTo(403);
		assertThat(create(officer, tag + "-reveal", Role.LABOUR_CLERK, null, null, nanguan.projectId(), true)).isEqualTo(403);
		Map<String, Object> weak = body(tag + "-weak", Role.LABOUR_CLERK, null, null, nanguan.projectId(), false);
		weak.put("password", "siteroll-demo");
		assertThat(rules(officer.post("/api/accounts", weak))).contains("password.known-default");
		assertThat(jdbc.sql("select username from account where username like ? order by username").param(tag + "%")
			.query(String.class).list()).containsExactly(tag + "-clerk", tag + "-county", tag + "-ent");
		assertThat(as(account(Role.ENTERPRISE_ADMIN, null, nanguanEnterprise, null, false)).post("/api/accounts",
				body(tag + "-x", Role.LABOUR_CLERK, null, null, nanguan.projectId(), false)).status()).isEqualTo(403);

		assertThat(create(province, tag + "-jcity", Role.CITY_OFFICER, "220200", null, null, false)).isEqualTo(201);
		assertThat(officer.get("/api/accounts?size=500&q=" + tag).json().get("items").valueStream()
			.map(a -> a.get("username").asString())).containsExactlyInAnyOrder(tag + "-clerk", tag + "-county", tag + "-ent");
		assertThat(audited("CREATED", "account", String.valueOf(accounts.find(tag + "-clerk").orElseThrow().id()))).isEqualTo(1);
	}

	@Test
	void anOfficerDisablesEnablesAndResetsAccountsOfTheirRegionOnly() {
		ApiClient province = as(province());
		Site nanguan = site(province, "220102", today());
		String officerName = account(Role.COUNTY_OFFICER, "220102", null, null, false);
		ApiClient officer = as(officerName);
		String clerk = account(Role.LABOUR_CLERK, null, null, nanguan.projectId(), false);
		long clerkId = accounts.find(clerk).orElseThrow().id();
		long jilinId = accounts.find(account(Role.CITY_OFFICER, "220200", null, null, false)).orElseThrow().id();

		assertThat(officer.post("/api/accounts/" + clerkId + "/disable", Map.of()).status()).isEqualTo(200);
		assertThat(as(clerk).get("/api/projects").status()).as("disabled").isEqualTo(401);
		assertThat(officer.post("/api/accounts/" + clerkId + "/enable", Map.of()).status()).isEqualTo(200);
		assertThat(as(clerk).get("/api/projects").status()).as("enabled").isEqualTo(200);
		assertThat(rules(officer.post("/api/accounts/" + clerkId + "/password", Map.of("newPassword", "abc")))).contains(
				"password.too-short");
		assertThat(officer.post("/api/accounts/" + clerkId + "/password", Map.of("newPassword", GOOD)).status()).isEqualTo(204);
		assertThat(client(clerk, GOOD).get("/api/projects").status()).isEqualTo(200);
		assertThat(audited("DISABLED", "account", String.valueOf(clerkId))).isEqualTo(1);
		assertThat(audited("PASSWORD_RESET", "account", String.valueOf(clerkId))).isEqualTo(1);

		assertThat(officer.post("/api/accounts/" + jilinId + "/disable", Map.of()).status()).isEqualTo(404);
		assertThat(officer.post("/api/accounts/" + jilinId + "/password", Map.of("newPassword", GOOD)).status()).isEqualTo(404);
		assertThat(jdbc.sql("select enabled from account where id = ?").param(jilinId).query(Boolean.class).single()).isTrue();
		assertThat(jdbc.sql("select password_changed_at is null from account where id = ?").param(jilinId)
			.query(Boolean.class).single()).isTrue();
		long self = accounts.find(officerName).orElseThrow().id();
		assertThat(officer.post("/api/accounts/" + self + "/disable", Map.of()).status()).isEqualTo(403);
	}

	@Test
	void theAccountsPageListsCreatesAndShowsRefusalsInChinese() {
		ApiClient province = as(province());
		Site nanguan = site(province, "220102", today());
		String officer = account(Role.COUNTY_OFFICER, "220102", null, null, false);
		String clerk = account(Role.LABOUR_CLERK, null, null, nanguan.projectId(), false);
		Browser browser = new Browser(baseUrl(), basic(officer, PASSWORD));
		HttpResponse<String> page = browser.get("/accounts?q=" + clerk);
		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.body()).contains("账户管理", clerk, "劳资专管员", "新建账户");
		assertThat(browser.get("/projects").body()).as("navigation link").contains("href=\"/accounts\"");

		String username = "page" + System.nanoTime();
		Map<String, String> form = new LinkedHashMap<>();
		form.put("username", username);
		form.put("displayName", "页面新建");
		form.put("role", "LABOUR_CLERK");
		form.put("projectId", String.valueOf(nanguan.projectId()));
		form.put("password", "short");
		HttpResponse<String> refused = browser.post("/accounts", form);
		assertThat(refused.statusCode()).as("Post/Redirect/Get").isEqualTo(302);
		assertThat(browser.get("/accounts").body()).contains("密码至少 10 位").contains(username);
		assertThat(accounts.find(username)).isEmpty();
		form.put("password", GOOD);
		assertThat(browser.post("/accounts", form).statusCode()).isEqualTo(302);
		assertThat(browser.get("/accounts").body()).contains("账户 " + username + " 已创建");
		assertThat(accounts.find(username)).isPresent();

		long clerkId = accounts.find(clerk).orElseThrow().id();
		assertThat(browser.post("/accounts/" + clerkId + "/disable", Map.of()).statusCode()).isEqualTo(302);
		assertThat(accounts.find(clerk).orElseThrow().enabled()).isFalse();

		Browser asClerk = new Browser(baseUrl(), basic(username, GOOD));
		assertThat(asClerk.get("/accounts").statusCode()).isEqualTo(403);
		assertThat(asClerk.get("/projects").body()).doesNotContain("href=\"/accounts\"");
		assertThat(asClerk.post("/account/password", Map.of("currentPassword", GOOD, "newPassword", "abc")).statusCode())
			.isEqualTo(302);
		assertThat(asClerk.get("/account/password").body()).contains("密码至少 10 位");
		assertThat(asClerk.post("/account/password", Map.of("currentPassword", GOOD, "newPassword", GOOD + "7")).statusCode())
			.isEqualTo(302);
		assertThat(new Browser(baseUrl(), basic(username, GOOD + "7")).get("/account/password").body()).contains("修改密码");
	}

	private int create(ApiClient api, String username, Role role, String region, Long enterpriseId, Long projectId,
			boolean reveal) {
		return api.post("/api/accounts", body(username, role, region, enterpriseId, projectId, reveal)).status();
	}

	private static Map<String, Object> body(String username, Role role, String region, Long enterpriseId, Long projectId,
			boolean reveal) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("username", username);
		body.put("password", GOOD);
		body.put("displayName", "新账户");
		body.put("role", role.name());
		body.put("regionCode", region);
		body.put("enterpriseId", enterpriseId);
		body.put("projectId", projectId);
		body.put("mayRevealPersonalData", reveal);
		return body;
	}

	private ApiClient client(String user, String password) {
		return new ApiClient(baseUrl(), user, password);
	}

	private long audited(String action, String subjectType, String subjectId) {
		return jdbc.sql("select count(*) from audit_entry where action = ? and subject_type = ? and subject_id = ?")
			.params(action, subjectType, subjectId)
			.query(Long.class)
			.single();
	}

	private static String basic(String user, String password) {
		return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
	}

	/**
	 * A browser: keeps cookies (the session that carries flash messages), never follows redirects, and
	 * sends back the CSRF token of the last page it read, as a form on that page would.
	 */
	static final class Browser {

		private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

		private final HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();

		private final String base;

		private final String authorization;

		private String csrfToken;

		Browser(String base, String authorization) {
			this.base = base;
			this.authorization = authorization;
		}

		HttpResponse<String> get(String path) {
			HttpResponse<String> response = send(request(path).GET());
			Matcher token = CSRF.matcher(response.body());
			if (token.find()) {
				csrfToken = token.group(1);
			}
			return response;
		}

		HttpResponse<String> post(String path, Map<String, String> form) {
			Map<String, String> fields = new LinkedHashMap<>(form);
			if (csrfToken != null) {
				fields.putIfAbsent("_csrf", csrfToken);
			}
			String body = fields.entrySet().stream()
				.map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
						+ URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
				.collect(Collectors.joining("&"));
			return send(request(path).header("Content-Type", "application/x-www-form-urlencoded")
				.POST(HttpRequest.BodyPublishers.ofString(body)));
		}

		/** Signs in through the login form, with the CSRF token the form carries. */
		HttpResponse<String> login(String username, String password) {
			Matcher token = CSRF.matcher(get("/login").body());
			Map<String, String> form = new LinkedHashMap<>();
			form.put("username", username);
			form.put("password", password);
			if (token.find()) {
				form.put("_csrf", token.group(1));
			}
			return post("/login", form);
		}

		private HttpRequest.Builder request(String path) {
			HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(base + path)).header("Accept-Language", "zh-CN");
			return authorization == null ? builder : builder.header("Authorization", authorization);
		}

		private HttpResponse<String> send(HttpRequest.Builder request) {
			return Exchanges.send(http, request.build(), HttpResponse.BodyHandlers.ofString());
		}
	}
}
