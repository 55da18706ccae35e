package io.siteroll.national.internal;

import java.net.URI;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code siteroll.national.*}: whether and where SiteRoll reports to the national platform. Off unless enabled;
 * {@code simulator=true} starts the protocol simulator inside the platform and reports to it (the demo, development).
 *
 * @param enabled     report at all (default false)
 * @param endpoint    the {@code open.api} URL
 * @param appid       the credential id the national platform issued
 * @param appsecret   its 32-character secret
 * @param simulator   report to an in-process simulator instead of {@code endpoint}
 * @param batch       reports sent per round (default 50)
 * @param retryFirst  the first retry's delay; it doubles per attempt (default 30 s)
 * @param retryMost   the longest delay between retries (default 1 h)
 */
@ConfigurationProperties("siteroll.national")
record NationalSettings(Boolean enabled, URI endpoint, String appid, String appsecret, Boolean simulator, Integer batch,
		Duration retryFirst, Duration retryMost) {

	NationalSettings {
		enabled = enabled != null && enabled;
		simulator = simulator != null && simulator;
		batch = batch == null ? 50 : batch;
		retryFirst = retryFirst == null ? Duration.ofSeconds(30) : retryFirst;
		retryMost = retryMost == null ? Duration.ofHours(1) : retryMost;
	}

	/** The delay before the attempt after {@code attempts} failed ones: doubling from the first, at most the most. */
	Duration backoff(int attempts) {
		long factor = 1L << Math.min(Math.max(attempts - 1, 0), 20);
		Duration delay = retryFirst.multipliedBy(factor);
		return delay.compareTo(retryMost) > 0 ? retryMost : delay;
	}
}
