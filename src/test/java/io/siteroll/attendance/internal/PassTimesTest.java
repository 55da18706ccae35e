package io.siteroll.attendance.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;

import org.junit.jupiter.api.Test;

/** A pass's time goes to the database as microseconds since 1970, rounded to the nearest as the driver rounds. */
class PassTimesTest {

	@Test
	void wholeMicrosecondsAreSentAsTheyAre() {
		assertThat(PassLedger.epochMicros(Instant.parse("2026-11-24T07:58:12Z"))).isEqualTo(1_795_507_092_000_000L);
		assertThat(PassLedger.epochMicros(Instant.parse("2026-11-24T07:58:12.123456Z"))).isEqualTo(1_795_507_092_123_456L);
	}

	@Test
	void aFractionOfAMicrosecondIsRoundedToTheNearest() {
		assertThat(PassLedger.epochMicros(Instant.parse("2026-11-24T07:58:12.123456499Z"))).isEqualTo(1_795_507_092_123_456L);
		assertThat(PassLedger.epochMicros(Instant.parse("2026-11-24T07:58:12.123456500Z"))).isEqualTo(1_795_507_092_123_457L);
		assertThat(PassLedger.epochMicros(Instant.parse("2026-11-24T07:58:12.999999900Z"))).isEqualTo(1_795_507_093_000_000L);
	}

	@Test
	void timesBefore1970CountBackwards() {
		assertThat(PassLedger.epochMicros(Instant.parse("1969-12-31T23:59:59.000001Z"))).isEqualTo(-999_999L);
	}
}
