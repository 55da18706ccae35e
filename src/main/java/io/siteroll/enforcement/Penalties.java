package io.siteroll.enforcement;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Optional;

import io.siteroll.compliance.Escalation;
import io.siteroll.platform.Page;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * Penalty decisions, from an overdue order or a finding that calls for a penalty at once. Deciding
 * the last penalty the escalation table asks for escalates the order and writes the bad-credit
 * records it prescribes. A stop-work order stops the project (an ORDERED stoppage) until lifted.
 */
public interface Penalties {

	/**
	 * A decision as the officer records it: {@code party} a {@code Party} code and {@code measures}
	 * {@link Penalty.Sanction} codes, kept as codes so that a party outside the escalation table and an unknown measure
	 * are refused by name ({@code penalty.not-in-table}, {@code code.unknown}).
	 */
	@Schema(name = "PenaltyDecision")
	record Decision(Long orderId, Long findingId, String party, List<String> measures, BigDecimal fineYuan,
			LocalDate stopWorkFrom, String decisionMaker, LocalDate decidedOn, String documentNumber) {
	}

	Penalty decide(Decision decision);

	/** The range the law allows a fine in, both ends included. */
	record FineRange(BigDecimal min, BigDecimal max) {

		public boolean allows(BigDecimal amount) {
			return amount.compareTo(min) >= 0 && amount.compareTo(max) <= 0;
		}
	}

	/**
	 * The legal range of a fine under a legal basis: the wage regulation's 55th article allows 5万 to 10万 yuan; other
	 * bases of the escalation table set none the platform checks. The one definition the decision and its form use.
	 */
	static Optional<FineRange> fineRange(String legalBasis) {
		return Escalation.WAGE_REGULATION_55.equals(legalBasis)
				? Optional.of(new FineRange(new BigDecimal("50000"), new BigDecimal("100000")))
				: Optional.empty();
	}

	Penalty liftStopWork(long penaltyId, LocalDate resumptionDay);

	List<Penalty> forProject(long projectId);

	/** Decisions across projects: of projects in {@code region} or below it, decided on a day of {@code decidedIn}. */
	record Search(String region, YearMonth decidedIn) {
	}

	/** A decision in a list across projects, with the name of its project. */
	record Listed(Penalty penalty, String projectName) {
	}

	/**
	 * The decisions of the projects an officer oversees, newest first: the list a month's count of penalties in a
	 * notice opens. Only officers: the enterprise side reads its decisions per project.
	 */
	Page<Listed> search(Search search, int page, int size);

	/** A decision of a project the caller sees. */
	Penalty require(long penaltyId);

	/** Who recorded a decision and who lifted its stop-work order (account usernames; {@code liftedBy} null until lifted). */
	record Recorded(String recordedBy, String liftedBy) {
	}

	Recorded recorded(long penaltyId);
}
