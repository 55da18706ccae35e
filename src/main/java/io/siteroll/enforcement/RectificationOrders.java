package io.siteroll.enforcement;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

import io.siteroll.platform.Checks;
import io.siteroll.platform.Page;

/**
 * Rectification orders. Officers of the project's region issue and re-check them; the addressed
 * enterprise sees and answers its own; nobody closes an order by answering it.
 */
public interface RectificationOrders {

	/** An order from a finding: items and deadline default from the finding and the rule set. */
	record FromFinding(Long findingId, String items, LocalDate deadline) {
	}

	/** An order from a daily warning (R1 for devices, R2 for a key manager, R3 for workers). */
	record FromWarning(Long warningId, String items, LocalDate deadline) {
	}

	/** An order from an inspection's worker shortfall (R3, a shortfall below the rule set's penalty threshold). */
	record FromInspection(Long inspectionId, String items, LocalDate deadline) {
	}

	RectificationOrder issue(FromWarning request);

	RectificationOrder issue(FromInspection request);

	/** The addressee's rectification report (整改报告). */
	record Answer(String report) {
	}

	/** An officer's re-inspection, for orders the platform cannot judge itself. */
	record Reinspection(Boolean rectified, String note) {
	}

	RectificationOrder issue(FromFinding request);

	RectificationOrder answer(long orderId, Answer answer);

	/** A document or photo of the addressee's report (stored encrypted); only the addressee, before the re-check. */
	long attach(long orderId, String fileName, String contentType, byte[] content);

	/** The attachments of the addressee's report, oldest first; for whoever sees the order. */
	List<Attachment> attachments(long orderId);

	/** One attachment of the report, opened in clear (audited); for whoever sees the order. */
	Attachment.File attachment(long orderId, long attachmentId);

	/** After the deadline: rectified and closed, or overdue (which proposes the escalation). */
	RectificationOrder recheck(long orderId, Reinspection reinspection);

	/**
	 * Escalates an overdue order once every penalty the escalation table prescribes has been decided
	 * (none for a chief supervisor): writes the prescribed bad-credit records.
	 */
	RectificationOrder escalate(long orderId);

	RectificationOrder require(long orderId);

	List<RectificationOrder.Transition> transitions(long orderId);

	/**
	 * An unknown status is refused, not answered with an empty list. {@code status} may name several statuses
	 * separated by commas ({@code OVERDUE,ESCALATED}: the orders a notice counts as overdue); {@code region} keeps the
	 * orders of projects in the region or below it, {@code issuedIn} those issued on a day of that month.
	 */
	record Search(Long projectId, String status, Boolean due, String region, YearMonth issuedIn) {

		private static final List<String> STATUSES = Arrays.stream(RectificationOrder.Status.values())
			.map(Enum::name)
			.toList();

		public Search {
			if (status != null && !status.isBlank()) {
				status = Arrays.stream(status.split(","))
					.map(s -> Checks.oneOf("status", s, STATUSES))
					.filter(Objects::nonNull)
					.distinct()
					.collect(Collectors.joining(","));
				status = status.isEmpty() ? null : status;
			}
			else {
				status = null;
			}
		}

		/** Without region and month: the search as it was before those filters. */
		public Search(Long projectId, String status, Boolean due) {
			this(projectId, status, due, null, null);
		}

		/** The statuses asked for; empty for any status. */
		public List<RectificationOrder.Status> statuses() {
			return status == null ? List.of()
					: Arrays.stream(status.split(",")).map(RectificationOrder.Status::valueOf).toList();
		}
	}

	Page<RectificationOrder> search(Search search, int page, int size);

	/**
	 * Re-checks the orders the platform judges itself (R1, R2, R3) still open after their deadline: each becomes
	 * rectified or overdue; returns how many were judged.
	 */
	int markOverdue(LocalDate today);
}
