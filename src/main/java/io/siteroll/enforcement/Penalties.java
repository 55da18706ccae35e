package io.siteroll.enforcement;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

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

	Penalty liftStopWork(long penaltyId, LocalDate resumptionDay);

	List<Penalty> forProject(long projectId);
}
