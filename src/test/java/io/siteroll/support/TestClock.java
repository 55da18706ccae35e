package io.siteroll.support;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * The platform's clock in tests: China Standard Time like production, running with the system clock,
 * but movable. A test that needs time to pass moves this clock instead of back-dating rows, and
 * {@link #reset()}s it afterwards. Dates a test computes come from here, never from the JVM's zone.
 */
public final class TestClock extends Clock {

	/** The platform's zone (it lives in Asia/Shanghai whatever zone the JVM or CI runs in). */
	public static final ZoneId PLATFORM_ZONE = ZoneId.of("Asia/Shanghai");

	/**
	 * Where the suite's time starts: the system clock, unless {@code SITEROLL_TEST_NOW} (an ISO offset date-time,
	 * e.g. {@code 2027-03-01T00:20+08:00}) sets the whole suite at another moment, to try it at the awkward hours
	 * CI may meet (a month's first day, the small hours in Shanghai).
	 */
	static final Duration START = startingOffset(System.getenv("SITEROLL_TEST_NOW"));

	private volatile Duration offset = START;

	/**
	 * Today on the platform's calendar for tests that start the platform in a process of its own (it keeps the
	 * system's time, whatever {@code SITEROLL_TEST_NOW} says).
	 */
	public static LocalDate platformToday() {
		return LocalDate.now(PLATFORM_ZONE);
	}

	/**
	 * The time of the world around a platform running in this JVM (a simulated outside system started before the
	 * application context): the system clock, moved to {@code SITEROLL_TEST_NOW} as the platform's is.
	 */
	public static Clock outsideWorld() {
		return Clock.offset(Clock.system(PLATFORM_ZONE), START);
	}

	static Duration startingOffset(String now) {
		if (now == null || now.isBlank()) {
			return Duration.ZERO;
		}
		return Duration.between(Instant.now(), java.time.OffsetDateTime.parse(now.strip()).toInstant());
	}

	public void advance(Duration by) {
		offset = offset.plus(by);
	}

	public void reset() {
		offset = START;
	}

	@Override
	public ZoneId getZone() {
		return PLATFORM_ZONE;
	}

	@Override
	public Clock withZone(ZoneId zone) {
		return Clock.offset(Clock.system(zone), offset);
	}

	@Override
	public Instant instant() {
		return Instant.now().plus(offset);
	}

	public LocalDate today() {
		return LocalDate.now(this);
	}
}
