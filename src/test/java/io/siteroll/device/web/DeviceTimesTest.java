package io.siteroll.device.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

/** The hand-read device time is exactly what {@link OffsetDateTime#parse} reads, and refuses what it refuses. */
class DeviceTimesTest {

	@Test
	void readsAsTheIsoParserDoes() {
		long seed = System.nanoTime();
		Random random = new Random(seed);
		int byHand = 0;
		for (int i = 0; i < 20_000; i++) {
			String text = sample(random);
			OffsetDateTime expected;
			try {
				expected = OffsetDateTime.parse(text);
			}
			catch (DateTimeParseException e) {
				assertThat(DeviceTimes.common(text)).as("seed %d: %s", seed, text).isNull();
				assertThatThrownBy(() -> DeviceTimes.parse(text)).as(text).isInstanceOf(DateTimeParseException.class);
				continue;
			}
			OffsetDateTime quick = DeviceTimes.common(text);
			if (quick != null) {
				byHand++;
				assertThat(quick).as("seed %d: %s", seed, text).isEqualTo(expected);
				assertThat(quick.getOffset()).isEqualTo(expected.getOffset());
			}
			assertThat(DeviceTimes.parse(text)).as(text).isEqualTo(expected);
		}
		assertThat(byHand).as("the common shape is read by hand").isGreaterThan(5_000);
	}

	@Test
	void edgesGoToTheIsoParser() {
		for (String text : List.of("2026-02-29T07:00:00+08:00", "2026-11-24T24:00:00+08:00", "2026-11-24T07:60:00+08:00",
				"2026-11-24T07:58:60+08:00", "2026-11-24T07:58:12+18:30", "2026-11-24T07:58:12+08:60",
				"2026-11-24T07:58:12.1234567890+08:00", "2026-11-24T07:58:12", "２０２６-11-24T07:58:12Z",
				"2026-11-24 07:58:12+08:00", "2026-11-24T07:58:12+0800", "")) {
			assertThat(DeviceTimes.common(text)).as(text).isNull();
			assertThatThrownBy(() -> DeviceTimes.parse(text)).as(text).isInstanceOf(DateTimeParseException.class);
		}
		for (String text : List.of("2026-11-24T07:58:12.+08:00", "2026-11-24t07:58:12z", "2026-11-24T07:58:12+08:00:30",
				"+12026-11-24T07:58:12Z")) {
			assertThat(DeviceTimes.common(text)).as(text).isNull();
			assertThat(DeviceTimes.parse(text)).as(text).isEqualTo(OffsetDateTime.parse(text));
		}
		assertThat(DeviceTimes.common("2024-02-29T23:59:59.999999999-00:00")).isEqualTo(
				OffsetDateTime.parse("2024-02-29T23:59:59.999999999-00:00"));
		assertThat(DeviceTimes.common("2026-11-24T07:58+08:00")).isEqualTo(OffsetDateTime.parse("2026-11-24T07:58+08:00"));
		assertThat(DeviceTimes.common("2026-11-24T07:58:12.5-03:30")).isEqualTo(OffsetDateTime.parse("2026-11-24T07:58:12.5-03:30"));
	}

	/** Mostly well-formed times with random fields, fractions and offsets; some with one character changed. */
	private static String sample(Random random) {
		StringBuilder s = new StringBuilder();
		s.append(String.format("%04d-%02d-%02dT%02d:%02d", random.nextInt(10_000), random.nextInt(14), random.nextInt(33),
				random.nextInt(26), random.nextInt(62)));
		boolean seconds = random.nextInt(4) > 0;
		if (seconds) {
			s.append(String.format(":%02d", random.nextInt(62)));
		}
		if (seconds && random.nextInt(3) == 0 || random.nextInt(20) == 0) {
			s.append('.');
			for (int k = random.nextInt(11); k >= 0; k--) {
				s.append((char) ('0' + random.nextInt(10)));
			}
		}
		switch (random.nextInt(4)) {
			case 0 -> s.append('Z');
			case 1 -> s.append(String.format("%s%02d:%02d", random.nextBoolean() ? "+" : "-", random.nextInt(20), random.nextInt(61)));
			default -> s.append(String.format("%s%02d:%02d", random.nextBoolean() ? "+" : "-", random.nextInt(15),
					random.nextInt(2) * 30));
		}
		if (random.nextInt(8) == 0) {
			int at = random.nextInt(s.length());
			s.setCharAt(at, "0123456789-:T.+Zx ".charAt(random.nextInt(18)));
		}
		return s.toString();
	}
}
