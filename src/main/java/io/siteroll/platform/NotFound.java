package io.siteroll.platform;

/**
 * The thing does not exist, or the caller may not see it: both answer the same (HTTP 404) so that
 * scope never leaks existence.
 */
public class NotFound extends RuntimeException {

	public NotFound(String what, Object id) {
		super(what + " " + id + " not found");
	}
}
