package io.siteroll.demo;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.function.Supplier;

/**
 * The platform's clock as the demo loader sees it: on the loading thread, and only while a step of the story
 * runs, it reads an earlier instant, so that the platform's own services record the province's past (an order
 * issued three weeks ago, its deadline passing, its re-check) exactly as they would have on that day. Every other
 * thread, and the loading thread outside a step, reads the platform's clock unchanged.
 */
final class DemoClock extends Clock {

	private final Clock platform;

	private final ThreadLocal<Duration> back = new ThreadLocal<>();

	DemoClock(Clock platform) {
		this.platform = platform;
	}

	/** Runs {@code step} as if it were {@code at} (not after the platform's now). */
	<T> T at(Instant at, Supplier<T> step) {
		Duration previous = back.get();
		back.set(Duration.between(at, platform.instant()));
		try {
			return step.get();
		}
		finally {
			if (previous == null) {
				back.remove();
			}
			else {
				back.set(previous);
			}
		}
	}

	void at(Instant at, Runnable step) {
		at(at, () -> {
			step.run();
			return null;
		});
	}

	@Override
	public ZoneId getZone() {
		return platform.getZone();
	}

	@Override
	public Clock withZone(ZoneId zone) {
		return platform.withZone(zone);
	}

	@Override
	public Instant instant() {
		Duration offset = back.get();
		return offset == null ? platform.instant() : platform.instant().minus(offset);
	}
}
