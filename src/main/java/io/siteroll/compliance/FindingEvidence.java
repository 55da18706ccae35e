package io.siteroll.compliance;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import io.siteroll.attendance.ValidDayRule;
import io.siteroll.personnel.Post;
import io.swagger.v3.oas.annotations.media.Schema;

/**
 * What the monthly evaluation observed when it found a rule broken, one record per rule. The evaluation writes it
 * as jsonb with these property names (so the API, the database and the Java agree on one vocabulary: lists of days
 * are plural nouns, numbers of them end in {@code Count}); a reader ignores properties it does not know, so a new
 * fact can be added to the SQL before the record learns it.
 */
@Schema(oneOf = { FindingEvidence.R1Evidence.class, FindingEvidence.R2Evidence.class, FindingEvidence.R3Evidence.class })
public sealed interface FindingEvidence {

	/** The record the evidence of a finding of this rule is read into. */
	static Class<? extends FindingEvidence> typeOf(Rule rule) {
		return switch (rule) {
			case R1 -> R1Evidence.class;
			case R2 -> R2Evidence.class;
			case R3 -> R3Evidence.class;
			default -> throw new IllegalArgumentException("no monthly evidence for " + rule);
		};
	}

	/**
	 * R1: a device observably equipping the project by the start date, and heard on the construction days.
	 *
	 * @param firstDeviceFrom the first day a device was observed on the project (registered, assigned and heard)
	 * @param declaredInstallation the installation date the enterprise declared: its claim, not the basis
	 * @param constructionDays the month's construction days up to the evaluation (absent from evidence written
	 *        before they were recorded: then empty)
	 * @param disconnectedDays construction days on which no device of the project was heard
	 * @param toleranceDays construction days without a device heard before the rule is broken
	 */
	@JsonIgnoreProperties(ignoreUnknown = true)
	record R1Evidence(LocalDate startDate, LocalDate firstDeviceFrom, LocalDate declaredInstallation, boolean equippedByStart,
			int constructionDayCount, List<LocalDate> constructionDays, List<LocalDate> disconnectedDays,
			int disconnectedDayCount, int toleranceDays) implements FindingEvidence {

		public R1Evidence {
			constructionDays = constructionDays == null ? List.of() : List.copyOf(constructionDays);
			disconnectedDays = disconnectedDays == null ? List.of() : List.copyOf(disconnectedDays);
		}

		/** Whether the month had more construction days without a device heard than the rule tolerates. */
		public boolean disconnected() {
			return disconnectedDayCount > 0 && disconnectedDayCount >= toleranceDays;
		}
	}

	/**
	 * R2: the valid attendance days of the holder of one post within the tenure, against the construction days
	 * within it; broken when {@code attendedDayCount × 100 < constructionDayCount × requiredPercent}.
	 *
	 * @param arithmetic that comparison written out with the month's numbers
	 * @param stoppages the stoppages in force in the month, which is why some working days are not construction days
	 */
	@JsonIgnoreProperties(ignoreUnknown = true)
	record R2Evidence(Post post, LocalDate tenureFrom, LocalDate tenureTo, List<LocalDate> constructionDays,
			int constructionDayCount, List<LocalDate> attendedDays, int attendedDayCount, int requiredPercent,
			BigDecimal actualPercent, String arithmetic, ValidDayRule validDayRule, List<Stoppage> stoppages)
			implements FindingEvidence {

		public R2Evidence {
			constructionDays = constructionDays == null ? List.of() : List.copyOf(constructionDays);
			attendedDays = attendedDays == null ? List.of() : List.copyOf(attendedDays);
			stoppages = stoppages == null ? List.of() : List.copyOf(stoppages);
		}
	}

	/** A stoppage in force in the month: its days are not construction days. */
	@JsonIgnoreProperties(ignoreUnknown = true)
	record Stoppage(LocalDate firstDay, LocalDate lastDay, String kind, String reason) {

		/** Whether the day falls within the stoppage (an open-ended one lasts until lifted). */
		public boolean covers(LocalDate day) {
			return !day.isBefore(firstDay) && (lastDay == null || !day.isAfter(lastDay));
		}
	}

	/**
	 * R3: workers engaged on a construction day of the month against those with a valid attendance day.
	 *
	 * @param shortfall engaged workers without a valid day
	 * @param penaltyFrom a shortfall of this many or more calls for a penalty rather than an order
	 * @param absentPersonIds the workers without a valid day (at most 500)
	 * @param payrollCounted true when {@code engagedWorkers} also counts the workers on the month's payroll (the rule
	 *        set's {@code r3CountsPayroll}); written only then, absent otherwise (and from evidence written before the
	 *        option), so that the option off changes no finding's evidence
	 */
	@JsonIgnoreProperties(ignoreUnknown = true)
	record R3Evidence(int engagedWorkers, int workersWithValidDay, int shortfall, int penaltyFrom,
			List<Long> absentPersonIds, ValidDayRule validDayRule, int constructionDayCount,
			@JsonInclude(JsonInclude.Include.NON_NULL) Boolean payrollCounted) implements FindingEvidence {

		public R3Evidence {
			absentPersonIds = absentPersonIds == null ? List.of() : List.copyOf(absentPersonIds);
		}

		/** Evidence of the month's engaged workers only (without R3's payroll variant). */
		public R3Evidence(int engagedWorkers, int workersWithValidDay, int shortfall, int penaltyFrom,
				List<Long> absentPersonIds, ValidDayRule validDayRule, int constructionDayCount) {
			this(engagedWorkers, workersWithValidDay, shortfall, penaltyFrom, absentPersonIds, validDayRule,
					constructionDayCount, null);
		}

		/** Whether the month's payroll was counted as employed. */
		public boolean countsPayroll() {
			return Boolean.TRUE.equals(payrollCounted);
		}

		/** Whether the shortfall is large enough for a penalty at once. */
		public boolean calledForPenalty() {
			return shortfall >= penaltyFrom;
		}
	}
}
