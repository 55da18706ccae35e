package io.siteroll.identity.internal;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

/**
 * Checks a sign-in (form or HTTP Basic) against {@link LoginThrottle} before the password: a locked
 * account or address is refused with {@link LoginLocked} whatever the password; a wrong password counts
 * a failure, a right one clears the account's count.
 */
class ThrottledAuthenticationProvider implements AuthenticationProvider {

	/** The account or address is temporarily locked after repeated failures. */
	static class LoginLocked extends LockedException {

		LoginLocked() {
			super("temporarily locked after repeated failed sign-ins");
		}
	}

	private final AuthenticationProvider passwords;

	private final LoginThrottle throttle;

	ThrottledAuthenticationProvider(AuthenticationProvider passwords, LoginThrottle throttle) {
		this.passwords = passwords;
		this.throttle = throttle;
	}

	@Override
	public Authentication authenticate(Authentication authentication) {
		String username = authentication.getName();
		String address = authentication.getDetails() instanceof WebAuthenticationDetails details
				? details.getRemoteAddress() : "";
		if (throttle.lockedUntil(username, address).isPresent()) {
			throw new LoginLocked();
		}
		Authentication result;
		try {
			result = passwords.authenticate(authentication);
		}
		catch (BadCredentialsException wrong) {
			throttle.failed(username, address);
			if (throttle.lockedUntil(username, address).isPresent()) {
				throw new LoginLocked();
			}
			throw wrong;
		}
		throttle.succeeded(username);
		return result;
	}

	@Override
	public boolean supports(Class<?> authentication) {
		return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
	}
}
