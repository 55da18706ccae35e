package io.siteroll.national;

/**
 * The platform's answer to a call: {@code code} {@code "0"} when accepted, otherwise a failure code with the message
 * in the platform's wording (e.g. {@code 请求参数无效:appid无效}); {@code data} the payload as JSON, e.g.
 * {@code {"requestSerialCode":"team-add-2026120210-1-7"}} for a write.
 */
public record NationalAnswer(String code, String message, String data) {

	/** The codes one client observed (not confirmed as the national set). */
	public static final String OK = "0", BAD_PARAMETERS = "-1", BAD_SIGNATURE = "-2", NO_PERMISSION = "-3",
			RATE_LIMITED = "-5", ERROR = "9999";

	public boolean accepted() {
		return OK.equals(code);
	}
}
