package io.siteroll.platform;

/** The caller can see the thing but may not perform this action on it (HTTP 403). */
public class Forbidden extends RuntimeException {

	private final String rule;

	public Forbidden(String rule) {
		super(rule);
		this.rule = rule;
	}

	public String rule() {
		return rule;
	}
}
