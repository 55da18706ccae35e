package io.siteroll.enforcement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.siteroll.compliance.Party;
import io.siteroll.compliance.Recheck;
import io.siteroll.compliance.Rule;
import io.siteroll.enforcement.RectificationOrder.RecheckResult;
import io.siteroll.enforcement.RectificationOrder.Status;
import io.siteroll.enforcement.RectificationOrder.Transition;
import io.siteroll.personnel.Post;
import io.siteroll.platform.Conflict;
import io.siteroll.platform.RuleViolation;
import io.siteroll.platform.Violation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The order's state machine without a database: every move it allows returns the transition it made and changes
 * the state; every move it refuses is a conflict naming the current and the requested state, and changes nothing.
 */
class RectificationOrderTest {

	private static final LocalDate DEADLINE = LocalDate.of(2026, 3, 10);

	private static final Instant AT = Instant.parse("2026-03-11T01:00:00Z");

	/** The moves {@link Status#mayBecome} allows, and no other. */
	private static final Map<Status, Set<Status>> ALLOWED = Map.of(Status.ISSUED,
			EnumSet.of(Status.ANSWERED, Status.RECTIFIED, Status.OVERDUE), Status.ANSWERED,
			EnumSet.of(Status.RECTIFIED, Status.OVERDUE), Status.OVERDUE, EnumSet.of(Status.ESCALATED), Status.RECTIFIED,
			EnumSet.noneOf(Status.class), Status.ESCALATED, EnumSet.noneOf(Status.class));

	private static RectificationOrder order(Status status) {
		return order(Rule.R1, null, status);
	}

	private static RectificationOrder order(Rule rule, Post post, Status status) {
		RectificationOrder.Issue issue = new RectificationOrder.Issue(1, "项目", null, rule, post, null,
				Party.CONSTRUCTION_ENTERPRISE, 2, 3L, "整改事项", "依据", DEADLINE.minusDays(7), DEADLINE, "officer");
		return new RectificationOrder(9, issue, status, null, null, null, null);
	}

	@Test
	void theTransitionTableIsExactlyTheDocumentedOne() {
		for (Status from : Status.values()) {
			for (Status to : Status.values()) {
				assertThat(from.mayBecome(to)).as(from + " → " + to).isEqualTo(ALLOWED.get(from).contains(to));
			}
		}
	}

	// ---- answer

	@Test
	void anIssuedOrderIsAnsweredAndStaysOpen() {
		RectificationOrder order = order(Status.ISSUED);
		Transition t = order.answer("已安装并联网", "enterprise", AT);
		assertThat(t).isEqualTo(new Transition(null, Status.ISSUED, Status.ANSWERED, "enterprise", AT, null));
		assertThat(order.status()).isEqualTo(Status.ANSWERED);
		assertThat(order.answer()).isEqualTo("已安装并联网");
		assertThat(order.answeredBy()).isEqualTo("enterprise");
		assertThat(order.answeredAt()).isEqualTo(AT);
		assertThat(order.unsaved()).containsExactly(t);
		assertThat(order.answerable()).isFalse();
	}

	@ParameterizedTest
	@EnumSource(value = Status.class, names = "ISSUED", mode = EnumSource.Mode.EXCLUDE)
	void onlyAnIssuedOrderIsAnswered(Status status) {
		RectificationOrder order = order(status);
		assertThat(order.answerable()).isFalse();
		refused(() -> order.answer("x", "enterprise", AT), status, Status.ANSWERED);
		assertThat(order.status()).isEqualTo(status);
		assertThat(order.answer()).isNull();
		assertThat(order.unsaved()).isEmpty();
	}

	// ---- re-check

	@ParameterizedTest
	@EnumSource(value = Status.class, names = { "ISSUED", "ANSWERED" })
	void anOpenOrderRectifiedAfterTheDeadlineIsClosed(Status status) {
		RectificationOrder order = order(status);
		RecheckResult result = RecheckResult.reinspected(true, "已整改", "officer");
		Transition t = order.recheck(result, "officer", AT, DEADLINE.plusDays(1));
		assertThat(t).isEqualTo(new Transition(null, status, Status.RECTIFIED, "officer", AT, "rectified"));
		assertThat(order.status()).isEqualTo(Status.RECTIFIED);
		assertThat(order.recheck()).isEqualTo(result);
		assertThat(order.escalation()).isNull();
		assertThat(order.unsaved()).containsExactly(t);
	}

	@ParameterizedTest
	@EnumSource(value = Status.class, names = { "ISSUED", "ANSWERED" })
	void anOpenOrderStillFailingAfterTheDeadlineIsOverdueAndProposesTheEscalation(Status status) {
		RectificationOrder order = order(status);
		assertThat(order.dueForRecheck(DEADLINE.plusDays(1))).isTrue();
		Transition t = order.recheck(stillFailing(), "system", AT, DEADLINE.plusDays(1));
		assertThat(t).isEqualTo(new Transition(null, status, Status.OVERDUE, "system", AT, "still failing"));
		assertThat(order.status()).isEqualTo(Status.OVERDUE);
		assertThat(order.escalation()).isEqualTo(order.proposal());
		assertThat(order.escalation().proposes(Party.CONSTRUCTION_ENTERPRISE)).isTrue();
	}

	@Test
	void theReCheckComesTheDayAfterTheDeadline() {
		RectificationOrder order = order(Status.ANSWERED);
		assertThat(order.dueForRecheck(DEADLINE)).isFalse();
		assertThatThrownBy(() -> order.recheck(rectified(), "officer", AT, DEADLINE)).isInstanceOf(Conflict.class)
			.satisfies(e -> assertThat(violation(e)).isEqualTo(Violation.of("deadline", "recheck.before-deadline",
					DEADLINE.plusDays(1))));
		assertThat(order.status()).isEqualTo(Status.ANSWERED);
		assertThat(order.recheck()).isNull();
		assertThat(order.unsaved()).isEmpty();
	}

	@ParameterizedTest
	@EnumSource(value = Status.class, names = { "RECTIFIED", "OVERDUE", "ESCALATED" })
	void aClosedOrOverdueOrderIsNotReChecked(Status status) {
		RectificationOrder order = order(status);
		assertThat(order.dueForRecheck(DEADLINE.plusDays(1))).isFalse();
		refused(() -> order.recheck(rectified(), "officer", AT, DEADLINE.plusDays(1)), status, Status.RECTIFIED);
		refused(() -> order.recheck(stillFailing(), "officer", AT, DEADLINE.plusDays(1)), status, Status.OVERDUE);
		assertThat(order.status()).isEqualTo(status);
		assertThat(order.recheck()).isNull();
		assertThat(order.unsaved()).isEmpty();
	}

	// ---- escalation

	@Test
	void anOverdueOrderIsEscalatedOnceEveryPrescribedPenaltyIsDecided() {
		RectificationOrder order = order(Status.OVERDUE);
		assertThatThrownBy(() -> order.escalate(List.of(Party.CONSTRUCTION_ENTERPRISE), "officer", AT))
			.isInstanceOf(Conflict.class)
			.satisfies(e -> assertThat(violation(e)).isEqualTo(Violation.of("penalties", "order.penalties-missing",
					"PROJECT_MANAGER")));
		assertThat(order.status()).isEqualTo(Status.OVERDUE);
		Transition t = order.escalate(List.of(Party.CONSTRUCTION_ENTERPRISE, Party.PROJECT_MANAGER), "officer", AT);
		assertThat(t).isEqualTo(new Transition(null, Status.OVERDUE, Status.ESCALATED, "officer", AT,
				"CONSTRUCTION_ENTERPRISE, PROJECT_MANAGER"));
		assertThat(order.status()).isEqualTo(Status.ESCALATED);
		assertThat(order.escalation()).isEqualTo(order.proposal());
		assertThat(order.unsaved()).containsExactly(t);
	}

	@Test
	void anOverdueChiefSupervisorOrderNeedsNoPenalty() {
		RectificationOrder order = order(Rule.R2, Post.CHIEF_SUPERVISOR, Status.OVERDUE);
		Transition t = order.escalate(List.of(), "officer", AT);
		assertThat(t.to()).isEqualTo(Status.ESCALATED);
		assertThat(t.note()).isEqualTo("CHIEF_SUPERVISOR, SUPERVISION_COMPANY");
	}

	@ParameterizedTest
	@EnumSource(value = Status.class, names = "OVERDUE", mode = EnumSource.Mode.EXCLUDE)
	void onlyAnOverdueOrderIsEscalated(Status status) {
		RectificationOrder order = order(status);
		refused(() -> order.escalate(List.of(Party.CONSTRUCTION_ENTERPRISE, Party.PROJECT_MANAGER), "officer", AT), status,
				Status.ESCALATED);
		assertThat(order.status()).isEqualTo(status);
		assertThat(order.unsaved()).isEmpty();
	}

	// ---- what the order allows besides its moves

	@ParameterizedTest
	@EnumSource(Status.class)
	void documentsAreAddedUntilTheReCheckAndPenaltiesDecidedOnlyWhileOverdue(Status status) {
		RectificationOrder order = order(status);
		if (status == Status.ISSUED || status == Status.ANSWERED) {
			order.requireOpenForReport();
		}
		else {
			refused(order::requireOpenForReport, status, Status.ANSWERED);
		}
		if (status == Status.OVERDUE) {
			order.requireOverdue();
		}
		else {
			assertThatThrownBy(order::requireOverdue).isInstanceOf(Conflict.class)
				.satisfies(e -> assertThat(violation(e)).isEqualTo(Violation.of("orderId", "penalty.order-not-overdue",
						status.name())));
		}
	}

	@Test
	void theRepositoryForgetsTheTransitionsItSaved() {
		RectificationOrder order = order(Status.ISSUED);
		Transition answered = order.answer("报告", "enterprise", AT);
		order.saved();
		Transition overdue = order.recheck(stillFailing(), "system", AT, DEADLINE.plusDays(1));
		assertThat(order.unsaved()).containsExactly(overdue).doesNotContain(answered);
	}

	@Test
	void theJsonIsTheOrdersFieldsAndTheEscalationItProposesNotItsUnsavedTransitions() {
		RectificationOrder order = order(Status.ANSWERED);
		order.recheck(stillFailing(), "system", AT, DEADLINE.plusDays(1));
		JsonNode json = JsonMapper.builder().build().valueToTree(order);
		assertThat(json.propertyNames()).containsExactlyInAnyOrder("id", "projectId", "projectName", "findingId", "rule",
				"post", "subjectPersonId", "addressee", "addresseeEnterpriseId", "addresseePersonId", "items", "legalBasis",
				"issuedOn", "deadline", "status", "answer", "answeredBy", "answeredAt", "recheck", "issuedBy", "escalation");
		assertThat(json.get("status").asString()).isEqualTo("OVERDUE");
		assertThat(json.get("addressee").asString()).isEqualTo("CONSTRUCTION_ENTERPRISE");
		assertThat(json.get("rule").asString()).isEqualTo("R1");
		assertThat(json.get("escalation").get("penalties").get(0).get("party").asString())
			.isEqualTo("CONSTRUCTION_ENTERPRISE");
	}

	@Test
	void aReCheckResultKeepsTheKeysOfItsKind() {
		JsonMapper json = JsonMapper.builder().build();
		JsonNode verdict = json.valueToTree(RecheckResult.of(new Recheck.Verdict(false, DEADLINE.plusDays(1),
				DEADLINE.plusDays(9), new Recheck.R1RecheckEvidence(true, 2, 9, null)), "system"));
		assertThat(verdict.propertyNames()).containsExactlyInAnyOrder("from", "to", "evidence", "rectified", "by");
		assertThat(verdict.get("from").asString()).isEqualTo(DEADLINE.plusDays(1).toString());
		assertThat(verdict.get("evidence").get("disconnectedDayCount").asInt()).isEqualTo(2);
		JsonNode reinspected = json.valueToTree(RecheckResult.reinspected(true, null, "officer"));
		assertThat(reinspected.propertyNames()).containsExactlyInAnyOrder("reinspection", "rectified", "by");
		assertThat(reinspected.get("reinspection").asString()).isEmpty();
	}

	private static RecheckResult rectified() {
		return RecheckResult.reinspected(true, null, "officer");
	}

	private static RecheckResult stillFailing() {
		return RecheckResult.reinspected(false, null, "system");
	}

	private static void refused(Runnable move, Status current, Status requested) {
		assertThatThrownBy(move::run).isInstanceOf(Conflict.class)
			.satisfies(e -> assertThat(violation(e)).isEqualTo(Violation.of("status", "order.illegal-transition",
					current.name(), requested.name())));
	}

	private static Violation violation(Throwable e) {
		return ((RuleViolation) e).violations().get(0);
	}
}
