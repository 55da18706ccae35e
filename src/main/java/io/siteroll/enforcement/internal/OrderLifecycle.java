package io.siteroll.enforcement.internal;

import java.time.Clock;
import java.time.LocalDate;

import io.siteroll.compliance.Recheck;
import io.siteroll.enforcement.RectificationOrder;
import io.siteroll.enforcement.RectificationOrder.RecheckResult;
import io.siteroll.enforcement.RectificationOrders.Answer;
import io.siteroll.enforcement.RectificationOrders.Reinspection;
import io.siteroll.identity.Actor;
import io.siteroll.identity.CurrentActor;
import io.siteroll.identity.Role;
import io.siteroll.platform.Checks;
import io.siteroll.platform.Forbidden;
import io.siteroll.platform.RuleViolation;
import io.siteroll.project.ProjectAccess;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * An order after its issuing: the addressee's report and its documents, the re-check after the deadline (by the
 * platform for R1, R2 and R3, by an officer's re-inspection otherwise) and the escalation once the penalties are
 * decided. Who may do what is checked here; whether the order may make the move is the order's own business.
 */
@Service
class OrderLifecycle {

	private final OrderRepository repository;

	private final PartyDirectory parties;

	private final CreditWriter credits;

	private final Recheck rechecks;

	private final ProjectAccess access;

	private final CurrentActor actors;

	private final AttachmentStore attachments;

	private final Clock clock;

	OrderLifecycle(OrderRepository repository, PartyDirectory parties, CreditWriter credits, Recheck rechecks,
			ProjectAccess access, CurrentActor actors, AttachmentStore attachments, Clock clock) {
		this.repository = repository;
		this.parties = parties;
		this.credits = credits;
		this.rechecks = rechecks;
		this.access = access;
		this.actors = actors;
		this.attachments = attachments;
		this.clock = clock;
	}

	/** The addressed enterprise's report; nobody closes an order by answering it. */
	@Transactional
	void answer(long orderId, Answer answer) {
		RectificationOrder order = repository.lock(orderId);
		Actor actor = requireAddressee(order);
		Checks checks = new Checks();
		checks.maxLength("report", checks.required("report", answer.report()), 4000);
		checks.throwIfAny();
		order.answer(answer.report().strip(), actor.username(), clock.instant());
		repository.save(order);
	}

	/** A document or photo of the report, stored encrypted; only the addressee, before the re-check. */
	@Transactional
	long attach(long orderId, String fileName, String contentType, byte[] content) {
		RectificationOrder order = repository.lock(orderId);
		Actor actor = requireAddressee(order);
		order.requireOpenForReport();
		return attachments.store(AttachmentStore.Owner.ORDER, orderId, fileName, contentType, content, actor.username());
	}

	/** An officer's re-check after the deadline. */
	@Transactional
	void recheck(long orderId, Reinspection reinspection) {
		RectificationOrder order = repository.lock(orderId);
		access.requireOverseen(order.projectId());
		if (!actors.get().isOfficer()) {
			throw new Forbidden("order.officers-only");
		}
		order.requireDeadlinePassed(LocalDate.now(clock));
		recheck(order, reinspection, actors.get().username());
	}

	/**
	 * Judges the order and saves the outcome: the platform's verdict on the facts after the deadline for R1, R2 and
	 * R3, the officer's re-inspection otherwise.
	 */
	void recheck(RectificationOrder order, Reinspection reinspection, String by) {
		RecheckResult result;
		if (order.rule().monthly()) {
			result = RecheckResult.of(rechecks.judge(order.rule(), order.projectId(), order.subjectPersonId(),
					order.deadline()), by);
		}
		else {
			if (reinspection == null || reinspection.rectified() == null) {
				throw RuleViolation.of("rectified", "required");
			}
			result = RecheckResult.reinspected(reinspection.rectified(), reinspection.note(), by);
		}
		order.recheck(result, actors.get().username(), clock.instant(), LocalDate.now(clock));
		repository.save(order);
	}

	/**
	 * Escalates an overdue order whose prescribed penalties are all decided, and writes the bad-credit records the
	 * escalation table prescribes.
	 */
	@Transactional
	void escalate(long orderId) {
		RectificationOrder order = repository.lock(orderId);
		access.requireOverseen(order.projectId());
		order.escalate(repository.penalisedParties(orderId), actors.get().username(), clock.instant());
		credits.write(parties.of(order), order.proposal().creditRecords(), order.items(), order.legalBasis(), orderId,
				null, order.findingId());
		repository.save(order);
	}

	private Actor requireAddressee(RectificationOrder order) {
		Actor actor = actors.get();
		if (actor.role() != Role.ENTERPRISE_ADMIN || actor.enterpriseId() == null
				|| actor.enterpriseId() != order.addresseeEnterpriseId()) {
			throw new Forbidden("order.not-addressee");
		}
		return actor;
	}
}
