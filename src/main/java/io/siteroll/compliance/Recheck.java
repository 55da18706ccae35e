package io.siteroll.compliance;

import java.time.LocalDate;
import java.time.YearMonth;

import com.fasterxml.jackson.annotation.JsonAlias;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.swagger.v3.oas.annotations.media.Schema;

/**
 * Whether a rule still fails after a rectification deadline (整改期满复查), judged on the facts after it:
 * R2 over the first full month after the deadline (the post judged as the monthly evaluation would); R1 and R3
 * over the construction days from the day after the deadline to yesterday.
 */
public interface Recheck {

	record Verdict(boolean rectified, LocalDate from, LocalDate to, Evidence evidence) {
	}

	/**
	 * The facts a verdict rests on, one record per rule, in the vocabulary of the findings' evidence (numbers of days
	 * end in {@code Count}). Orders keep them as jsonb; the {@link JsonAlias aliases} read what verdicts wrote before.
	 */
	@Schema(oneOf = { R1RecheckEvidence.class, R2RecheckEvidence.class, R3RecheckEvidence.class })
	sealed interface Evidence {

		/** The record the evidence of a verdict on this rule is read into. */
		static Class<? extends Evidence> typeOf(Rule rule) {
			return switch (rule) {
				case R1 -> R1RecheckEvidence.class;
				case R2 -> R2RecheckEvidence.class;
				case R3 -> R3RecheckEvidence.class;
				default -> throw new IllegalArgumentException("the platform does not re-check " + rule);
			};
		}
	}

	/** R1 after the deadline: a device assigned over the whole period, and no construction day without one heard. */
	@JsonIgnoreProperties(ignoreUnknown = true)
	record R1RecheckEvidence(boolean equipped, @JsonAlias("disconnected") int disconnectedDayCount,
			@JsonAlias("constructionDays") int constructionDayCount, Integer toleranceDays) implements Evidence {
	}

	/** R2 over the first full month after the deadline, under the rule set in force then. */
	@JsonIgnoreProperties(ignoreUnknown = true)
	record R2RecheckEvidence(YearMonth month, String ruleSet, int constructionDayCount, int attendedDayCount,
			int requiredPercent) implements Evidence {
	}

	/** R3 after the deadline: workers engaged on a construction day of the period against those who attended. */
	@JsonIgnoreProperties(ignoreUnknown = true)
	record R3RecheckEvidence(@JsonAlias("engaged") int engagedWorkers, @JsonAlias("attended") int workersWithValidDay,
			int shortfall, @JsonAlias("constructionDays") int constructionDayCount) implements Evidence {
	}

	/** Refused for a rule only an inspection can re-check. */
	Verdict judge(Rule rule, long projectId, Long personId, LocalDate deadline);
}
