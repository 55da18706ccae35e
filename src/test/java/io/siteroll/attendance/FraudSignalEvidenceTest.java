package io.siteroll.attendance;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;

import io.siteroll.attendance.FraudSignalEvidence.ImpossibleTravelEvidence;
import io.siteroll.attendance.FraudSignalEvidence.LivenessFailuresEvidence;
import io.siteroll.attendance.FraudSignalEvidence.ReplayedPhotoEvidence;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.cfg.DateTimeFeature;
import tools.jackson.databind.json.JsonMapper;

/** The evidence records read what the photo check and the ingestion's SQL store, and write the same keys back. */
class FraudSignalEvidenceTest {

	private static final JsonMapper JSON = JsonMapper.builder()
		.disable(DateTimeFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)
		.build();

	@Test
	void eachKindIsReadIntoItsOwnRecord() {
		assertThat(FraudSignalEvidence.typeOf(FraudSignal.Kind.REPLAYED_PHOTO)).isEqualTo(ReplayedPhotoEvidence.class);
		assertThat(FraudSignalEvidence.typeOf(FraudSignal.Kind.IMPOSSIBLE_TRAVEL)).isEqualTo(ImpossibleTravelEvidence.class);
		assertThat(FraudSignalEvidence.typeOf(FraudSignal.Kind.LIVENESS_FAILURES)).isEqualTo(LivenessFailuresEvidence.class);
	}

	@Test
	void impossibleTravelKeepsTheStoredOffsetAndIgnoresUnknownKeys() {
		String stored = """
				{"maxKmh": 120, "passedAt": "2026-12-01T10:40:00+08:00", "projectId": 7, "distanceKm": 358.3,
				 "hoursBetween": 0.67, "otherProjectId": 5, "otherLastPassAt": "2026-12-01T10:00:00+08:00",
				 "otherFirstPassAt": "2026-12-01T10:00:00+08:00", "addedLater": true}""";
		ImpossibleTravelEvidence e = JSON.readValue(stored, ImpossibleTravelEvidence.class);
		assertThat(e.passedAt()).isEqualTo(OffsetDateTime.parse("2026-12-01T10:40:00+08:00"));
		assertThat(e.distanceKm()).isEqualTo(358.3);
		JsonNode written = JSON.valueToTree(e);
		assertThat(written.propertyNames()).containsExactlyInAnyOrder("projectId", "passedAt", "otherProjectId",
				"otherFirstPassAt", "otherLastPassAt", "distanceKm", "hoursBetween", "maxKmh");
		assertThat(written.get("passedAt").asString()).isEqualTo("2026-12-01T10:40:00+08:00");
		assertThat(written.get("hoursBetween").asDouble()).isEqualTo(0.67);
	}

	@Test
	void aReplayedPhotoWritesTheKeysItIsReadWith() {
		Instant at = Instant.parse("2026-12-01T02:05:00Z");
		ReplayedPhotoEvidence e = new ReplayedPhotoEvidence(11, 21, at, 6,
				List.of(new ReplayedPhotoEvidence.Match(10, 20, 3L, 7L, at.minusSeconds(300), 0, true)));
		JsonNode written = JSON.valueToTree(e);
		assertThat(written.propertyNames()).containsExactlyInAnyOrder("passId", "photoId", "passedAt", "nearPhotoBits",
				"matches");
		assertThat(written.get("passedAt").asString()).isEqualTo("2026-12-01T02:05:00Z");
		assertThat(written.get("matches").get(0).propertyNames()).containsExactlyInAnyOrder("passId", "photoId",
				"deviceId", "projectId", "passedAt", "differingBits", "identical");
		assertThat(JSON.treeToValue(written, ReplayedPhotoEvidence.class)).isEqualTo(e);
		assertThat(e.closest().identical()).isTrue();
	}

	@Test
	void livenessFailuresCountAllAndKeepTheirPasses() {
		LivenessFailuresEvidence e = JSON.readValue("{\"failures\": 3, \"passIds\": [4, 5, 6]}",
				LivenessFailuresEvidence.class);
		assertThat(e).isEqualTo(new LivenessFailuresEvidence(3, List.of(4L, 5L, 6L)));
		assertThat(JSON.readValue("{\"failures\": 1}", LivenessFailuresEvidence.class).passIds()).isEmpty();
	}
}
