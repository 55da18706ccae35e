package io.siteroll.attendance;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.swagger.v3.oas.annotations.media.Schema;

/**
 * What made a gate event look like fraud, one record per {@link FraudSignal.Kind}. Stored as jsonb with these
 * property names (the photo check and the ingestion's SQL write them); a reader ignores properties it does not know,
 * and which record a signal's evidence is read into follows from its kind ({@link #typeOf}), which the JSON alone
 * does not name.
 */
@Schema(oneOf = { FraudSignalEvidence.ReplayedPhotoEvidence.class, FraudSignalEvidence.ImpossibleTravelEvidence.class,
		FraudSignalEvidence.LivenessFailuresEvidence.class })
public sealed interface FraudSignalEvidence {

	/** The record the evidence of a signal of this kind is read into. */
	static Class<? extends FraudSignalEvidence> typeOf(FraudSignal.Kind kind) {
		return switch (kind) {
			case REPLAYED_PHOTO -> ReplayedPhotoEvidence.class;
			case IMPOSSIBLE_TRAVEL -> ImpossibleTravelEvidence.class;
			case LIVENESS_FAILURES -> LivenessFailuresEvidence.class;
		};
	}

	/**
	 * The photo of pass {@code passId} is the same as, or within {@code nearPhotoBits} differing bits of its
	 * perceptual hash from, the photos of other passes stored before it; {@code matches} holds the closest first (at
	 * most five).
	 */
	@JsonIgnoreProperties(ignoreUnknown = true)
	record ReplayedPhotoEvidence(long passId, long photoId, Instant passedAt, int nearPhotoBits, List<Match> matches)
			implements FraudSignalEvidence {

		public ReplayedPhotoEvidence {
			matches = matches == null ? List.of() : List.copyOf(matches);
		}

		/** The closest match, or {@code null} when none is recorded. */
		public Match closest() {
			return matches.isEmpty() ? null : matches.get(0);
		}

		/**
		 * An earlier pass whose photo matches: {@code identical} when the files are the same byte for byte (then
		 * {@code differingBits} is 0).
		 */
		@JsonIgnoreProperties(ignoreUnknown = true)
		public record Match(long passId, long photoId, Long deviceId, Long projectId, Instant passedAt, int differingBits,
				boolean identical) {
		}
	}

	/**
	 * A pass at project {@code projectId} at {@code passedAt}, while the same person passed at {@code otherProjectId},
	 * {@code distanceKm} away, between {@code otherFirstPassAt} and {@code otherLastPassAt}: {@code hoursBetween}
	 * hours apart, too little to cover the distance at {@code maxKmh}. Times keep the offset they were written with.
	 */
	@JsonIgnoreProperties(ignoreUnknown = true)
	record ImpossibleTravelEvidence(long projectId, OffsetDateTime passedAt, long otherProjectId,
			OffsetDateTime otherFirstPassAt, OffsetDateTime otherLastPassAt, double distanceKm, double hoursBetween,
			int maxKmh) implements FraudSignalEvidence {
	}

	/**
	 * The passes of one device and day whose liveness check failed: {@code failures} counts them all, {@code passIds}
	 * keeps the first hundred.
	 */
	@JsonIgnoreProperties(ignoreUnknown = true)
	record LivenessFailuresEvidence(int failures, List<Long> passIds) implements FraudSignalEvidence {

		public LivenessFailuresEvidence {
			passIds = passIds == null ? List.of() : List.copyOf(passIds);
		}
	}
}
