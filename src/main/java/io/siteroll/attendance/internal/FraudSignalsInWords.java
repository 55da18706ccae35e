package io.siteroll.attendance.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;

import io.siteroll.attendance.FraudSignal;
import io.siteroll.attendance.FraudSignalEvidence.ImpossibleTravelEvidence;
import io.siteroll.attendance.FraudSignalEvidence.LivenessFailuresEvidence;
import io.siteroll.attendance.FraudSignalEvidence.ReplayedPhotoEvidence;
import io.siteroll.attendance.FraudSignalSentences;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Fraud signals in words from the bundles' {@code signal.*} patterns, one per kind of evidence, its numbers and
 * times as arguments; times are shown in the platform's zone whatever offset they were stored with. A gate is named
 * as the page names it (the device module knows gates; this module only their ids), another project by its name (an
 * id is shown, as text so that a pattern does not group its digits, only where the project is gone). Named
 * {@code fraudSignalSentences} for the pages.
 */
@Component("fraudSignalSentences")
class FraudSignalsInWords implements FraudSignalSentences {

	private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

	private final MessageSource messages;

	private final Clock clock;

	private final JdbcClient jdbc;

	FraudSignalsInWords(MessageSource messages, Clock clock, JdbcClient jdbc) {
		this.messages = messages;
		this.clock = clock;
		this.jdbc = jdbc;
	}

	@Override
	public String describe(FraudSignal signal, Locale locale, Map<Long, String> gates) {
		if (signal.evidence() instanceof ReplayedPhotoEvidence e && e.closest() != null) {
			ReplayedPhotoEvidence.Match closest = e.closest();
			String likeness = closest.identical() ? text(locale, "signal.REPLAYED_PHOTO.identical")
					: text(locale, "signal.REPLAYED_PHOTO.near", closest.differingBits(), e.nearPhotoBits());
			return text(locale, "signal.REPLAYED_PHOTO", time(e.passedAt()), e.matches().size(), time(closest.passedAt()),
					gate(locale, closest.deviceId(), gates), likeness);
		}
		if (signal.evidence() instanceof ImpossibleTravelEvidence e) {
			return text(locale, "signal.IMPOSSIBLE_TRAVEL", time(e.passedAt()), project(e.otherProjectId()),
					time(e.otherFirstPassAt()), time(e.otherLastPassAt()), e.distanceKm(), e.hoursBetween(), e.maxKmh());
		}
		if (signal.evidence() instanceof LivenessFailuresEvidence e) {
			return text(locale, "signal.LIVENESS_FAILURES", e.failures());
		}
		return "";
	}

	private String text(Locale locale, String key, Object... args) {
		return messages.getMessage(key, args, locale);
	}

	private String time(Instant at) {
		return at == null ? "" : MINUTE.format(at.atZone(clock.getZone()));
	}

	private String time(OffsetDateTime at) {
		return at == null ? "" : MINUTE.format(at.atZoneSameInstant(clock.getZone()));
	}

	private String gate(Locale locale, Long deviceId, Map<Long, String> gates) {
		String name = deviceId == null ? null : gates.get(deviceId);
		return name != null ? name : text(locale, "signal.gate.elsewhere");
	}

	private String project(long projectId) {
		return jdbc.sql("select name from project where id = ?").param(projectId).query(String.class).optional()
			.orElse(Long.toString(projectId));
	}
}
