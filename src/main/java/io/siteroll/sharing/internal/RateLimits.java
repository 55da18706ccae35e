package io.siteroll.sharing.internal;

import java.time.Clock;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.stereotype.Component;

/**
 * Requests per agreement and minute of the platform clock, counted in memory: one platform node, and a restart
 * forgets at most one minute's count, which lets a consumer read at most one more minute's worth. Several nodes
 * would count in the database or a shared cache instead.
 */
@Component
class RateLimits {

	private record Window(long minute, int count) {
	}

	private final Map<Long, Window> windows = new ConcurrentHashMap<>();

	private final Clock clock;

	RateLimits(Clock clock) {
		this.clock = clock;
	}

	/** True when this request is within the agreement's limit for the current minute (and counts it). */
	boolean take(long agreementId, int perMinute) {
		long minute = clock.instant().getEpochSecond() / 60;
		Window w = windows.compute(agreementId, (id, old) -> old == null || old.minute() != minute ? new Window(minute, 1)
				: new Window(minute, old.count() + 1));
		return w.count() <= perMinute;
	}
}
