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
		WarningEvidence.LowAttendanceEvidence.class, WarningEvidence.NoWageAccountEvidence.class,
		WarningEvidence.NoWageGuaranteeEvidence.class, WarningEvidence.NoAllocationEvidence.class,
		WarningEvidence.WageArrearsEvidence.class, WarningEvidence.PayWithoutAttendanceEvidence.class,
		WarningEvidence.PaymentFailedEvidence.class, WarningEvidence.TableUnconfirmedEvidence.class })
public sealed interface WarningEvidence {

	/** The record the evidence of a warning of this kind is read into. */
	static Class<? extends WarningEvidence> typeOf(Warning.Kind kind) {
		return switch (kind) {
			case NO_DEVICE -> NoDeviceEvidence.class;
			case DEVICE_OFFLINE -> DeviceOfflineEvidence.class;
			case KEY_MANAGER_UNREACHABLE -> KeyManagerUnreachableEvidence.class;
			case UNREGISTERED_AT_GATE -> UnregisteredAtGateEvidence.class;
			case LOW_ATTENDANCE -> LowAttendanceEvidence.class;
			case NO_WAGE_ACCOUNT -> NoWageAccountEvidence.class;
			case NO_WAGE_GUARANTEE -> NoWageGuaranteeEvidence.class;
			case NO_ALLOCATION -> NoAllocationEvidence.class;
			case WAGE_ARREARS -> WageArrearsEvidence.class;
			case PAY_WITHOUT_ATTENDANCE -> PayWithoutAttendanceEvidence.class;
			case PAYMENT_FAILED -> PaymentFailedEvidence.class;
			case TABLE_UNCONFIRMED -> TableUnconfirmedEvidence.class;
		};
	}

	/** How many workers' (masked) names a wage warning's evidence lists at most; its counts are always complete. */
	int WORKERS_LISTED = 20;

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

	/** A project under construction since {@code startDate} with no wage account (农民工工资专用账户) as of {@code asOf}. */
	@JsonIgnoreProperties(ignoreUnknown = true)
	record NoWageAccountEvidence(LocalDate startDate, LocalDate asOf) implements WarningEvidence {
	}

	/** A project under construction since {@code startDate} with no wage guarantee (工资保证金) in force on {@code asOf}. */
	@JsonIgnoreProperties(ignoreUnknown = true)
	record NoWageGuaranteeEvidence(LocalDate startDate, LocalDate asOf) implements WarningEvidence {
	}

	/**
	 * A completed {@code month} with {@code constructionDayCount} construction days and no labour-cost allocation
	 * received into the wage account, judged on {@code asOf}.
	 */
	@JsonIgnoreProperties(ignoreUnknown = true)
	record NoAllocationEvidence(YearMonth month, int constructionDayCount, LocalDate asOf) implements WarningEvidence {
	}

	/**
	 * 欠薪: {@code workerCount} workers with {@code validDayCount} valid attendance days in {@code month} between them
	 * and no paid wage line for it, as of {@code asOf}, after the month's {@code payDate}.
	 *
	 * @param workers the workers' names masked (at most {@link #WORKERS_LISTED})
	 */
	@JsonIgnoreProperties(ignoreUnknown = true)
	record WageArrearsEvidence(YearMonth month, LocalDate payDate, LocalDate asOf, int workerCount, long validDayCount,
			List<String> workers) implements WarningEvidence {

		public WageArrearsEvidence {
			workers = workers == null ? List.of() : List.copyOf(workers);
		}
	}

	/**
	 * {@code workerCount} workers paid (or approved to be paid) {@code netTotal} for {@code month} with no valid
	 * attendance day in it.
	 *
	 * @param workers the workers' names masked (at most {@link #WORKERS_LISTED})
	 */
	@JsonIgnoreProperties(ignoreUnknown = true)
	record PayWithoutAttendanceEvidence(YearMonth month, int workerCount, BigDecimal netTotal, List<String> workers)
			implements WarningEvidence {

		public PayWithoutAttendanceEvidence {
			workers = workers == null ? List.of() : List.copyOf(workers);
		}
	}

	/**
	 * {@code lineCount} wage lines of {@code month} the bank reported failed ({@code failedCount}) or returned
	 * ({@code returnedCount}), {@code netTotal} between them, not paid since.
	 *
	 * @param workers the workers' names masked (at most {@link #WORKERS_LISTED})
	 */
	@JsonIgnoreProperties(ignoreUnknown = true)
	record PaymentFailedEvidence(YearMonth month, int lineCount, int failedCount, int returnedCount, BigDecimal netTotal,
			List<String> workers) implements WarningEvidence {

		public PaymentFailedEvidence {
			workers = workers == null ? List.of() : List.copyOf(workers);
		}
	}

	/**
	 * An approved or paid wage table of {@code month} (of the unit {@code unitName}) with {@code unconfirmedCount} of
	 * its {@code lineCount} lines not confirmed by their workers, after the month's {@code payDate}.
	 *
	 * @param workers the workers' names masked (at most {@link #WORKERS_LISTED})
	 */
	@JsonIgnoreProperties(ignoreUnknown = true)
	record TableUnconfirmedEvidence(long tableId, YearMonth month, String unitName, LocalDate payDate, LocalDate asOf,
			int lineCount, int unconfirmedCount, List<String> workers) implements WarningEvidence {

		public TableUnconfirmedEvidence {
			workers = workers == null ? List.of() : List.copyOf(workers);
		}
	}
}
