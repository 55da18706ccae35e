package io.siteroll.identity.internal;

import java.io.IOException;
import java.util.Locale;
import java.util.Map;

import io.siteroll.platform.Messages;
import io.siteroll.platform.ProblemJson;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpMethod;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.WebSecurityCustomizer;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * People sign in with a form and keep a session; API clients may also send HTTP Basic credentials.
 * Unauthenticated API calls get 401, pages redirect to the login form. CSRF protects every request
 * that a session authenticates; only a request that brings HTTP Basic credentials and no session at
 * all is exempt (a browser cannot be tricked into adding an {@code Authorization} header, and without a
 * session there is nothing for a forged request to ride on). Pages get a Content-Security-Policy that
 * allows only the platform's own scripts, styles and images; the session cookie is SameSite=Strict
 * (and Secure when the request came over HTTPS). API clients are refused with problem+json.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

	/**
	 * Own scripts, styles, fonts and images only. Swagger UI and the pages need inline styles (Bootstrap
	 * components and swagger-ui set style attributes); no inline script is allowed.
	 */
	static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
			+ "img-src 'self' data: blob:; font-src 'self' data:; connect-src 'self'; object-src 'none'; "
			+ "base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

	static boolean basicCredentialsWithoutSession(HttpServletRequest request) {
		String authorization = request.getHeader("Authorization");
		return authorization != null && authorization.regionMatches(true, 0, "Basic ", 0, 6)
				&& request.getRequestedSessionId() == null;
	}

	@Bean
	PasswordEncoder passwordEncoder() {
		return PasswordEncoderFactories.createDelegatingPasswordEncoder();
	}

	/**
	 * The only authentication provider: passwords checked by a {@link DaoAuthenticationProvider} over
	 * the accounts, behind the login throttle (the global authentication manager uses this bean alone,
	 * so no other provider can accept a locked account).
	 */
	@Bean
	AuthenticationProvider throttledPasswords(AccountDirectory accounts, PasswordEncoder passwordEncoder,
			LoginThrottle throttle) {
		DaoAuthenticationProvider dao = new DaoAuthenticationProvider(accounts);
		dao.setPasswordEncoder(passwordEncoder);
		return new ThrottledAuthenticationProvider(dao, throttle);
	}

	/**
	 * Gates never hold a session or a password: their requests are authenticated by the device module
	 * (signatures, registered serial numbers) and skip the people's filter chain entirely, which keeps
	 * a gate decision cheap. The national-format interface {@code /open.api} likewise authenticates each call by
	 * its signature under a project key (national module) and acts as the account that issued the key. The data
	 * sharing endpoint {@code /api/sharing/**} is read by other departments, which hold no account: each request is
	 * signed under its agreement's secret and checked by the sharing module.
	 */
	@Bean
	WebSecurityCustomizer gatesAuthenticateThemselves() {
		return web -> web.ignoring().requestMatchers("/api/device/**", "/iclock/**", "/gates/**", "/open.api",
				"/api/sharing/**");
	}

	@Bean
	SecurityFilterChain securityFilterChain(HttpSecurity http, Messages messages) throws Exception {
		RequestMatcher api = request -> request.getRequestURI().startsWith(request.getContextPath() + "/api/");
		RequestMatcher basicWithoutSession = SecurityConfiguration::basicCredentialsWithoutSession;
		http.authorizeHttpRequests(auth -> auth
			.requestMatchers("/login", "/webjars/**", "/css/**", "/js/**", "/favicon.ico", "/error").permitAll()
			.requestMatchers("/actuator/health", "/actuator/health/**").permitAll()
			.requestMatchers("/actuator/**").hasRole("PROVINCE_OFFICER")
			.requestMatchers("/swagger-ui.html", "/swagger-ui/**", "/v3/api-docs/**").permitAll()
			.requestMatchers(HttpMethod.GET, "/api/public/**", "/public/**").permitAll()
			.anyRequest().authenticated())
			.formLogin(form -> form.loginPage("/login")
				.successHandler(new LandingPage())
				.failureHandler((request, response, e) -> response.sendRedirect(request.getContextPath()
						+ (e instanceof LockedException ? "/login?locked" : "/login?error")))
				.permitAll())
			.logout(logout -> logout.logoutUrl("/logout").logoutSuccessUrl("/login?logout"))
			.httpBasic(Customizer.withDefaults())
			.exceptionHandling(ex -> ex
				.defaultAuthenticationEntryPointFor((request, response, e) -> problem(messages, response, HttpStatus.UNAUTHORIZED), api)
				.defaultAccessDeniedHandlerFor((request, response, e) -> problem(messages, response, HttpStatus.FORBIDDEN), api))
			.csrf(csrf -> csrf.ignoringRequestMatchers(basicWithoutSession))
			.headers(headers -> headers
				.contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
				.referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.SAME_ORIGIN))
				.frameOptions(frame -> frame.deny()));
		return http.build();
	}

	/** API clients are refused with problem+json in their language, never with an empty body or a login page. */
	private static void problem(Messages messages, HttpServletResponse response, HttpStatus status) throws IOException {
		Locale locale = LocaleContextHolder.getLocale();
		String kind = status == HttpStatus.UNAUTHORIZED ? "unauthorized" : "forbidden";
		ProblemJson.write(response, status.value(), "https://siteroll.io/problems/" + kind,
				messages.get(locale, "problem." + kind + ".title"), Map.of());
	}
}
