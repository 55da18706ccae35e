package io.siteroll.identity.internal;

import io.siteroll.identity.Role;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;

/**
 * Where a person lands after signing in, when they did not ask for a page first: the enterprise side
 * (administrators and labour clerks) on their workbench, with what needs their attention first; officers on the
 * dashboard (驾驶舱) of their region, the campaign's targets and where their region stands. A page asked for before
 * signing in still wins.
 */
class LandingPage extends SavedRequestAwareAuthenticationSuccessHandler {

	LandingPage() {
		setDefaultTargetUrl("/dashboard");
	}

	@Override
	protected String determineTargetUrl(HttpServletRequest request, HttpServletResponse response,
			Authentication authentication) {
		return authentication.getPrincipal() instanceof SiteRollPrincipal principal ? of(principal.actor().role())
				: getDefaultTargetUrl();
	}

	/** The landing page of a role. */
	static String of(Role role) {
		return role.isOfficer() ? "/dashboard" : "/workbench";
	}
}
