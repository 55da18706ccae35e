package io.siteroll.identity.internal;

import jakarta.servlet.http.HttpServletRequest;
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
import org.springframework.security.web.authentication.HttpStatusEntryPoint;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * People sign in with a form and keep a session; API clients may also send HTTP Basic credentials.
 * Unauthenticated API calls get 401, pages redirect to the login form. CSRF protects every
 * browser form; requests that carry their own credentials need no CSRF token.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

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
	AuthenticationProvider throttledPasswords(JdbcAccounts accounts, PasswordEncoder passwordEncoder,
			LoginThrottle throttle) {
		DaoAuthenticationProvider dao = new DaoAuthenticationProvider(accounts);
		dao.setPasswordEncoder(passwordEncoder);
		return new ThrottledAuthenticationProvider(dao, throttle);
	}

	/**
	 * Gates never hold a session or a password: their requests are authenticated by the device module
	 * (signatures, registered serial numbers) and skip the people's filter chain entirely, which keeps
	 * a gate decision cheap.
	 */
	@Bean
	WebSecurityCustomizer gatesAuthenticateThemselves() {
		return web -> web.ignoring().requestMatchers("/api/device/**", "/iclock/**");
	}

	@Bean
	SecurityFilterChain securityFilterChain(HttpSecurity http) throws Exception {
		RequestMatcher api = request -> request.getRequestURI().startsWith(request.getContextPath() + "/api/");
		RequestMatcher ownCredentials = (HttpServletRequest request) -> request.getHeader("Authorization") != null;
		http.authorizeHttpRequests(auth -> auth
			.requestMatchers("/login", "/webjars/**", "/css/**", "/js/**", "/favicon.ico", "/error").permitAll()
			.requestMatchers("/actuator/health", "/actuator/health/**", "/actuator/prometheus").permitAll()
			.requestMatchers("/swagger-ui.html", "/swagger-ui/**", "/v3/api-docs/**").permitAll()
			.requestMatchers(org.springframework.http.HttpMethod.GET, "/api/public/**").permitAll()
			.anyRequest().authenticated())
			.formLogin(form -> form.loginPage("/login")
				.defaultSuccessUrl("/projects", false)
				.failureHandler((request, response, e) -> response.sendRedirect(request.getContextPath()
						+ (e instanceof LockedException ? "/login?locked" : "/login?error")))
				.permitAll())
			.logout(logout -> logout.logoutUrl("/logout").logoutSuccessUrl("/login?logout"))
			.httpBasic(Customizer.withDefaults())
			.exceptionHandling(ex -> ex.defaultAuthenticationEntryPointFor(new HttpStatusEntryPoint(HttpStatus.UNAUTHORIZED), api))
			.csrf(csrf -> csrf.ignoringRequestMatchers(ownCredentials));
		return http.build();
	}
}
