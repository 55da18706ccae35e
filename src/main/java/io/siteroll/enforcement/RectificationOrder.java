package io.siteroll.enforcement;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonAutoDetect.Visibility;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.siteroll.compliance.Escalation;
import io.siteroll.compliance.Party;
import io.siteroll.compliance.Recheck;
import io.siteroll.compliance.Rule;
import io.siteroll.personnel.Post;
import io.siteroll.platform.Conflict;

/**
 * 责令限期整改通知, an aggregate: the order decides its own moves. States: ISSUED → ANSWERED (the addressee's
 * report) → RECTIFIED or OVERDUE (the re-check after the deadline, by the platform or an officer); ISSUED →
 * RECTIFIED or OVERDUE when the deadline passes unanswered and the re-check judges it; OVERDUE → ESCALATED once
 * every penalty the escalation table prescribes has been decided. Each move is checked against
 * {@link Status#mayBecome} and returns the {@link Transition} it made; the repository saves the order together
 * with the transitions it has not saved yet ({@link #unsaved()}), so the history is never out of step with the
 * state.
 *
 * <p>Serialized field by field: the API's JSON is the order's fields plus the {@link #escalation()} it proposes;
 * the unsaved transitions are not part of it.
 */
@JsonAutoDetect(fieldVisibility = Visibility.ANY, getterVisibility = Visibility.NONE, isGetterVisibility = Visibility.NONE)
public final class RectificationOrder {

	public enum Status {
		ISSUED, ANSWERED, RECTIFIED, OVERDUE, ESCALATED;

		/** The transitions the order allows. */
		public boolean mayBecome(Status next) {
			return switch (this) {
				case ISSUED -> next == ANSWERED || next == OVERDUE || next == RECTIFIED;
				case ANSWERED -> next == RECTIFIED || next == OVERDUE;
				case OVERDUE -> next == ESCALATED;
				case RECTIFIED, ESCALATED -> false;
			};
		}
	}

	/**
	 * One move of the order: {@code from} is null for the issuing; {@code id} is null until the repository has
	 * saved it.
	 */
	public record Transition(Long id, Status from, Status to, String actor, Instant at, String note) {
	}

	/** What the order was issued for and to whom: fixed once issued. */
	public record Issue(long projectId, String projectName, Long findingId, Rule rule, Post post, Long subjectPersonId,
			Party addressee, long addresseeEnterpriseId, Long addresseePersonId, String items, String legalBasis,
			LocalDate issuedOn, LocalDate deadline, String issuedBy) {
	}

	/**
	 * What the re-check after the deadline found, kept on the order as it is shown: the platform's verdict for R1, R2
	 * and R3 ({@code from}, {@code to}, {@code evidence}), an officer's re-inspection otherwise ({@code reinspection},
	 * the officer's note, empty when none was given). Properties that do not apply are left out of the JSON, so each
	 * kind keeps the keys it has always had. The evidence's record depends on the order's rule
	 * ({@link Recheck.Evidence#typeOf}), which is why the repository, knowing the rule, reads it.
	 */
	@JsonInclude(JsonInclude.Include.NON_NULL)
	public record RecheckResult(LocalDate from, LocalDate to, Recheck.Evidence evidence, String reinspection,
			boolean rectified, String by) {

		/** The platform's verdict on the facts after the deadline. */
		public static RecheckResult of(Recheck.Verdict verdict, String by) {
			return new RecheckResult(verdict.from(), verdict.to(), verdict.evidence(), null, verdict.rectified(), by);
		}

		/** An officer's re-inspection, with the note the officer gave (or none). */
		public static RecheckResult reinspected(boolean rectified, String note, String by) {
			return new RecheckResult(null, null, null, note == null ? "" : note, rectified, by);
		}
	}

	private final long id;

	private final long projectId;

	private final String projectName;

	private final Long findingId;

	private final Rule rule;

	private final Post post;

	private final Long subjectPersonId;

	private final Party addressee;

	private final long addresseeEnterpriseId;

	private final Long addresseePersonId;

	private final String items;

	private final String legalBasis;

	private final LocalDate issuedOn;

	private final LocalDate deadline;

	private Status status;

	private String answer;

	private String answeredBy;

	private Instant answeredAt;

	private RecheckResult recheck;

	private final String issuedBy;

	@JsonIgnore
	private final List<Transition> unsaved = new ArrayList<>();

	/** An order as stored: its issue, its state and what the addressee and the re-check have added to it. */
	public RectificationOrder(long id, Issue issue, Status status, String answer, String answeredBy, Instant answeredAt,
			RecheckResult recheck) {
		this.id = id;
		this.projectId = issue.projectId();
		this.projectName = issue.projectName();
		this.findingId = issue.findingId();
		this.rule = issue.rule();
		this.post = issue.post();
		this.subjectPersonId = issue.subjectPersonId();
		this.addressee = issue.addressee();
		this.addresseeEnterpriseId = issue.addresseeEnterpriseId();
		this.addresseePersonId = issue.addresseePersonId();
		this.items = issue.items();
		this.legalBasis = issue.legalBasis();
		this.issuedOn = issue.issuedOn();
		this.deadline = issue.deadline();
		this.issuedBy = issue.issuedBy();
		this.status = status;
		this.answer = answer;
		this.answeredBy = answeredBy;
		this.answeredAt = answeredAt;
		this.recheck = recheck;
	}

	/**
	 * The addressee's rectification report (整改报告). It does not close the order: only the re-check after the
	 * deadline does.
	 */
	public Transition answer(String report, String by, Instant at) {
		Transition t = move(Status.ANSWERED, by, at, null);
		this.answer = report;
		this.answeredBy = by;
		this.answeredAt = at;
		return t;
	}

	/**
	 * The re-check after the deadline (整改期满复查): rectified closes the order, otherwise it is overdue and the
	 * escalation table's penalties follow. Refused on or before the deadline day.
	 * @param result what the re-check found, kept on the order as it is shown; whether it is rectified decides the move
	 */
	public Transition recheck(RecheckResult result, String by, Instant at, LocalDate today) {
		requireDeadlinePassed(today);
		boolean rectified = result.rectified();
		Transition t = move(rectified ? Status.RECTIFIED : Status.OVERDUE, by, at, rectified ? "rectified" : "still failing");
		this.recheck = result;
		return t;
	}

	/**
	 * Escalates an overdue order once every penalty of {@link #escalation()} has been decided.
	 * @param decided the parties penalties have been decided on for this order
	 */
	public Transition escalate(Collection<Party> decided, String by, Instant at) {
		requireMayBecome(Status.ESCALATED);
		Escalation.Proposal proposal = proposal();
		List<String> missing = proposal.penalties().stream().map(Escalation.PenaltyDue::party)
			.filter(p -> !decided.contains(p)).map(Party::name).toList();
		if (!missing.isEmpty()) {
			throw new Conflict("penalties", "order.penalties-missing", String.join(", ", missing));
		}
		return move(Status.ESCALATED, by, at,
				String.join(", ", proposal.creditRecords().stream().map(Party::name).toList()));
	}

	/** The re-check comes the day after the deadline at the earliest. */
	public void requireDeadlinePassed(LocalDate today) {
		if (!today.isAfter(deadline)) {
			throw new Conflict("deadline", "recheck.before-deadline", deadline.plusDays(1));
		}
	}

	/** Documents of the report may be added until the re-check. */
	public void requireOpenForReport() {
		if (status != Status.ISSUED && status != Status.ANSWERED) {
			throw new Conflict("status", "order.illegal-transition", status.name(), Status.ANSWERED.name());
		}
	}

	/** Penalties are decided on an order only while it is overdue. */
	public void requireOverdue() {
		if (status != Status.OVERDUE) {
			throw new Conflict("orderId", "penalty.order-not-overdue", status.name());
		}
	}

	/** Whether the addressee may still answer (the page offers the form only then). */
	public boolean answerable() {
		return status == Status.ISSUED;
	}

	/** Whether the order awaits its re-check on {@code today}. */
	public boolean dueForRecheck(LocalDate today) {
		return today.isAfter(deadline) && (status == Status.ISSUED || status == Status.ANSWERED);
	}

	/** Once overdue (and after): the penalties and bad-credit records the escalation table prescribes. */
	@JsonProperty("escalation")
	public Escalation.Proposal escalation() {
		return status == Status.OVERDUE || status == Status.ESCALATED ? proposal() : null;
	}

	/** What the escalation table prescribes for this order's rule and post, whatever its state. */
	public Escalation.Proposal proposal() {
		return Escalation.of(rule, post, false);
	}

	/** The transitions made since the order was read, in order; the repository saves and forgets them. */
	public List<Transition> unsaved() {
		return List.copyOf(unsaved);
	}

	/** Called by the repository once the transitions are stored. */
	public void saved() {
		unsaved.clear();
	}

	private Transition move(Status next, String by, Instant at, String note) {
		requireMayBecome(next);
		Transition t = new Transition(null, status, next, by, at, note);
		status = next;
		unsaved.add(t);
		return t;
	}

	/** The state machine: refuses an illegal transition with the current and the requested state. */
	private void requireMayBecome(Status next) {
		if (!status.mayBecome(next)) {
			throw new Conflict("status", "order.illegal-transition", status.name(), next.name());
		}
	}

	public long id() {
		return id;
	}

	public long projectId() {
		return projectId;
	}

	public String projectName() {
		return projectName;
	}

	public Long findingId() {
		return findingId;
	}

	public Rule rule() {
		return rule;
	}

	public Post post() {
		return post;
	}

	public Long subjectPersonId() {
		return subjectPersonId;
	}

	public Party addressee() {
		return addressee;
	}

	public long addresseeEnterpriseId() {
		return addresseeEnterpriseId;
	}

	public Long addresseePersonId() {
		return addresseePersonId;
	}

	public String items() {
		return items;
	}

	public String legalBasis() {
		return legalBasis;
	}

	public LocalDate issuedOn() {
		return issuedOn;
	}

	public LocalDate deadline() {
		return deadline;
	}

	public Status status() {
		return status;
	}

	public String answer() {
		return answer;
	}

	public String answeredBy() {
		return answeredBy;
	}

	public Instant answeredAt() {
		return answeredAt;
	}

	public RecheckResult recheck() {
		return recheck;
	}

	public String issuedBy() {
		return issuedBy;
	}
}
