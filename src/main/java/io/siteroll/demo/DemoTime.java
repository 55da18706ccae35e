package io.siteroll.demo;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;

/** The instants of the story: a time of day on the platform's calendar, never later than the platform's now. */
final class DemoTime {

	private DemoTime() {
	}

	static Instant at(LocalDate day, int hour, int minute, Clock clock) {
		Instant at = day.atTime(LocalTime.of(hour, minute)).atZone(clock.getZone()).toInstant();
		Instant now = clock.instant();
		return at.isAfter(now) ? now : at;
	}
}
