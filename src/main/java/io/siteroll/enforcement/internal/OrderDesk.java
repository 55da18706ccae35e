package io.siteroll.enforcement.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

import io.siteroll.enforcement.Attachment;
import io.siteroll.enforcement.RectificationOrder;
import io.siteroll.enforcement.RectificationOrders;
import io.siteroll.platform.Page;
import io.siteroll.project.ProjectAccess;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The module's entry for rectification orders: hands issuing to {@link OrderIssuing}, the moves after it to
 * {@link OrderLifecycle} and the deadline to {@link DeadlineWatch}, and answers the reads within the caller's
 * projects.
 */
@Service
class OrderDesk implements RectificationOrders {

	private final OrderIssuing issuing;

	private final OrderLifecycle lifecycle;

	private final DeadlineWatch watch;

	private final OrderRepository repository;

	private final ProjectAccess access;

	private final AttachmentStore attachments;

	private final Clock clock;

	OrderDesk(OrderIssuing issuing, OrderLifecycle lifecycle, DeadlineWatch watch, OrderRepository repository,
			ProjectAccess access, AttachmentStore attachments, Clock clock) {
		this.issuing = issuing;
		this.lifecycle = lifecycle;
		this.watch = watch;
		this.repository = repository;
		this.access = access;
		this.attachments = attachments;
		this.clock = clock;
	}

	@Override
	@Transactional
	public RectificationOrder issue(FromFinding request) {
		return require(issuing.issue(request));
	}

	@Override
	@Transactional
	public RectificationOrder issue(FromWarning request) {
		return require(issuing.issue(request));
	}

	@Override
	@Transactional
	public RectificationOrder issue(FromInspection request) {
		return require(issuing.issue(request));
	}

	@Override
	@Transactional
	public RectificationOrder answer(long orderId, Answer answer) {
		lifecycle.answer(orderId, answer);
		return require(orderId);
	}

	@Override
	@Transactional
	public long attach(long orderId, String fileName, String contentType, byte[] content) {
		return lifecycle.attach(orderId, fileName, contentType, content);
	}

	@Override
	@Transactional
	public RectificationOrder recheck(long orderId, Reinspection reinspection) {
		lifecycle.recheck(orderId, reinspection);
		return require(orderId);
	}

	@Override
	@Transactional
	public RectificationOrder escalate(long orderId) {
		lifecycle.escalate(orderId);
		return require(orderId);
	}

	@Override
	public RectificationOrder require(long orderId) {
		RectificationOrder order = repository.find(orderId);
		access.requireVisible(order.projectId());
		return order;
	}

	@Override
	public List<Attachment> attachments(long orderId) {
		require(orderId);
		return attachments.list(AttachmentStore.Owner.ORDER, orderId);
	}

	@Override
	@Transactional
	public Attachment.File attachment(long orderId, long attachmentId) {
		require(orderId);
		return attachments.open(AttachmentStore.Owner.ORDER, orderId, attachmentId);
	}

	@Override
	public List<RectificationOrder.Transition> transitions(long orderId) {
		require(orderId);
		return repository.transitions(orderId);
	}

	@Override
	public Page<RectificationOrder> search(Search search, int page, int size) {
		return repository.search(access.visibleProjects("o.project_id"), search, LocalDate.now(clock), page, size);
	}

	@Override
	public int markOverdue(LocalDate today) {
		return watch.recheckPastDeadline(today);
	}
}
