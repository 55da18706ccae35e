package io.siteroll.compliance;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonAlias;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import io.siteroll.personnel.Post;
import io.swagger.v3.oas.annotations.media.Schema;

/**
 * What the daily watch observed when it raised a warning, one record per {@link Warning.Kind}. Written as jsonb by
 * the watch with these property names; a reader ignores properties it does not know.
 */
@Schema(oneOf = { WarningEvidence.NoDeviceEvidence.class, WarningEvidence.DeviceOfflineEvidence.class,
		WarningEvidence.KeyManagerUnreachableEvidence.class, WarningEvidence.UnregisteredAtGateEvidence.class,
		WarningEvidence.LowAttendanceEvidence.class })
public sealed interface WarningEvidence {

	/** The record the evidence of a warning of this kind is read into. */
	static Class<? extends WarningEvidence> typeOf(Warning.Kind kind) {
		return switch (kind) {
			case NO_DEVICE -> NoDeviceEvidence.class;
			case DEVICE_OFFLINE -> DeviceOfflineEvidence.class;
			case KEY_MANAGER_UNREACHABLE -> KeyManagerUnreachableEvidence.class;
			case UNREGISTERED_AT_GATE -> UnregisteredAtGateEvidence.class;
			case LOW_ATTENDANCE -> LowAttendanceEvidence.class;
		};
	}

	/** A project started on {@code startDate} without a device assigned as of {@code asOf}. */
	@JsonIgnoreProperties(ignoreUnknown = true)
	record NoDeviceEvidence(LocalDate startDate, LocalDate asOf) implements WarningEvidence {
	}

	/**
	 * A device not heard since {@code lastHeardDay} ({@code null}: never heard).
	 *
	 * @param toleranceHours how long a device may stay silent before it counts as offline (absent from older
	 *        evidence)
	 */
	@JsonIgnoreProperties(ignoreUnknown = true)
	record DeviceOfflineEvidence(String serialNumber, String channelName, LocalDate lastHeardDay, LocalDate asOf,
			@JsonInclude(JsonInclude.Include.NON_NULL) Integer toleranceHours) implements WarningEvidence {
	}

	/**
	 * A key manager who cannot reach {@code requiredPercent} of the month's construction days even attending every
	 * one of the {@code remainingDayCount} left: {@code (attendedSoFar + remainingDayCount) × 100 <
	 * constructionDayCount × requiredPercent}, written out in {@code arithmetic}.
	 *
	 * @param remainingDayCount read also from {@code remainingDays}, its name in evidence written before it was a
	 *        count by name
	 */
	@JsonIgnoreProperties(ignoreUnknown = true)
	record KeyManagerUnreachableEvidence(Post post, YearMonth month, LocalDate asOf, int constructionDayCount,
			int attendedSoFar, @JsonAlias("remainingDays") int remainingDayCount, int requiredPercent, String arithmetic)
			implements WarningEvidence {
	}

	/** People not registered by real name refused at the project's gates on {@code day}. */
	@JsonIgnoreProperties(ignoreUnknown = true)
	record UnregisteredAtGateEvidence(LocalDate day, int refusedAttempts, List<String> references)
			implements WarningEvidence {

		public UnregisteredAtGateEvidence {
			references = references == null ? List.of() : List.copyOf(references);
		}
	}

	/**
	 * Workers' attendance over the last construction days below the threshold: worker-days with a valid day against
	 * worker-days engaged.
	 *
	 * @param thresholdPercent the threshold as first written; {@code requiredPercent} is its rule-set name
	 * @param windowDays how many construction days the watch looks back over (absent from older evidence: then the
	 *        number of {@code constructionDays})
	 */
	@JsonIgnoreProperties(ignoreUnknown = true)
	record LowAttendanceEvidence(List<LocalDate> constructionDays, int registeredWorkerDays, int attendedWorkerDays,
			BigDecimal ratePercent, @JsonInclude(JsonInclude.Include.NON_NULL) Integer thresholdPercent,
			@JsonInclude(JsonInclude.Include.NON_NULL) Integer windowDays,
			@JsonInclude(JsonInclude.Include.NON_NULL) Integer requiredPercent) implements WarningEvidence {

		public LowAttendanceEvidence {
			constructionDays = constructionDays == null ? List.of() : constructionDays.stream().sorted().toList();
		}

		/** The construction days looked back over. */
		public int window() {
			return windowDays != null ? windowDays : constructionDays.size();
		}

		/** The attendance rate below which the warning is raised. */
		public Integer threshold() {
			return requiredPercent != null ? requiredPercent : thresholdPercent;
		}
	}
}
