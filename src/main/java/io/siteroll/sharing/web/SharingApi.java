package io.siteroll.sharing.web;

import java.net.URI;
import java.time.Clock;
import java.util.Locale;

import io.siteroll.platform.Messages;
import io.siteroll.sharing.SharedData;
import io.siteroll.sharing.SharingRefused;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The consumers' endpoint (docs/sharing.md). Outside the people's security chain like the gates' API: each request
 * carries the agreement's client id and is signed with its secret.
 */
@RestController
@Tag(name = "Data sharing 数据共享")
class SharingApi {

	private static final MediaType PROBLEM = MediaType.APPLICATION_PROBLEM_JSON;

	private final SharedData data;

	private final Messages messages;

	private final Clock clock;

	SharingApi(SharedData data, Messages messages, Clock clock) {
		this.data = data;
		this.messages = messages;
		this.clock = clock;
	}

	@GetMapping("/api/sharing/{dataset}")
	@Operation(summary = "A page of a data set under the caller's agreement",
			description = "Signed like the device API: X-Client-Id, X-Timestamp (Unix seconds), X-Nonce, "
					+ "X-Signature = hex HMAC-SHA256(secret, GET\\nPATH?QUERY\\nTIMESTAMP\\nNONCE\\nhex SHA-256(empty)). "
					+ "dataset: projects, workers, attendance; attendance takes from/to (yyyy-MM-dd, at most 31 days).")
	SharedData.Answer read(@PathVariable String dataset, @RequestParam(required = false) String region,
			@RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size,
			@RequestParam(required = false) String from, @RequestParam(required = false) String to,
			@RequestHeader(name = "X-Client-Id", required = false) String clientId,
			@RequestHeader(name = "X-Timestamp", required = false) String timestamp,
			@RequestHeader(name = "X-Nonce", required = false) String nonce,
			@RequestHeader(name = "X-Signature", required = false) String signature, HttpServletRequest request) {
		String pathAndQuery = request.getRequestURI()
				+ (request.getQueryString() == null ? "" : "?" + request.getQueryString());
		return data.read(new SharedData.SignedRead(request.getMethod(), pathAndQuery, clientId, timestamp, nonce,
				signature, dataset, region, page, size, from, to));
	}

	@ExceptionHandler(SharingRefused.class)
	ResponseEntity<ProblemDetail> refused(SharingRefused e) {
		Locale locale = LocaleContextHolder.getLocale();
		HttpStatus status = HttpStatus.valueOf(e.status());
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, messages.get(locale, "rule." + e.rule()));
		problem.setType(URI.create("https://siteroll.io/problems/sharing"));
		problem.setTitle(messages.get(locale, "problem.sharing.title"));
		problem.setProperty("rule", e.rule());
		ResponseEntity.BodyBuilder answer = ResponseEntity.status(status).contentType(PROBLEM);
		if (e.status() == 429) {
			answer.header("Retry-After", String.valueOf(60 - clock.instant().getEpochSecond() % 60));
		}
		return answer.body(problem);
	}
}
