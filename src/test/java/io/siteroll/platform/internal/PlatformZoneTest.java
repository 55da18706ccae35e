package io.siteroll.platform.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;

import io.siteroll.support.TestClock;
import org.junit.jupiter.api.Test;

/**
 * The platform keeps China Standard Time whatever zone its JVM runs in, and the suite runs in a zone far
 * from +08:00 (see the surefire {@code argLine}), so a test or a rule that takes a date from the JVM's
 * zone instead of the platform's clock is caught at any hour, not only between 16:00 and 24:00 UTC.
 */
class PlatformZoneTest {

	@Test
	void theSuiteRunsFarFromThePlatformsZone() {
		Instant now = Instant.now();
		ZoneOffset jvm = ZoneId.systemDefault().getRules().getOffset(now);
		ZoneOffset platform = TestClock.PLATFORM_ZONE.getRules().getOffset(now);
		Duration apart = Duration.ofSeconds(Math.abs(platform.getTotalSeconds() - jvm.getTotalSeconds()));
		assertThat(apart).as("JVM zone %s against the platform's %s", ZoneId.systemDefault(), platform)
			.isGreaterThanOrEqualTo(Duration.ofHours(12));
	}

	@Test
	void thePlatformClockKeepsChinaStandardTimeWhateverTheJvmZone() {
		Clock clock = new ClockConfiguration().clock();
		assertThat(clock.getZone()).isEqualTo(ZoneId.of("Asia/Shanghai"));
		assertThat(new TestClock().getZone()).isEqualTo(clock.getZone());
	}

	@Test
	void theTestClockMovesAndResets() {
		TestClock clock = new TestClock();
		var today = clock.today();
		clock.advance(Duration.ofDays(3));
		assertThat(clock.today()).isEqualTo(today.plusDays(3));
		clock.reset();
		assertThat(clock.today()).isEqualTo(LocalDate.now(TestClock.outsideWorld()));
	}
}
