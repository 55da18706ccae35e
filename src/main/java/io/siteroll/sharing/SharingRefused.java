package io.siteroll.sharing;

/** A consumer's request refused (401 unauthenticated, 403 not under the agreement, 429 too many), already logged. */
public class SharingRefused extends RuntimeException {

	private final int status;

	private final String rule;

	public SharingRefused(int status, String rule) {
		super(rule);
		this.status = status;
		this.rule = rule;
	}

	public int status() {
		return status;
	}

	public String rule() {
		return rule;
	}
}
