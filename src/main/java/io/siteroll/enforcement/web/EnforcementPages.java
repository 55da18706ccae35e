package io.siteroll.enforcement.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import io.siteroll.compliance.Escalation;
import io.siteroll.enforcement.CreditRecord;
import io.siteroll.enforcement.CreditRecords;
import io.siteroll.enforcement.OrderDocument;
import io.siteroll.enforcement.Penalties;
import io.siteroll.enforcement.Penalty;
import io.siteroll.enforcement.RectificationOrder;
import io.siteroll.enforcement.RectificationOrders;
import io.siteroll.identity.Actor;
import io.siteroll.identity.ActorNames;
import io.siteroll.identity.CurrentActor;
import io.siteroll.identity.Role;
import io.siteroll.platform.FormErrors;
import io.siteroll.platform.Messages;
import io.siteroll.platform.Page;
import io.siteroll.platform.PageLinks;
import io.siteroll.platform.Spreadsheets;
import io.siteroll.platform.RuleViolation;
import io.siteroll.project.ProjectAccess;
import io.siteroll.platform.ReadOnlyWork;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The officer's queue and the enterprise's orders; an order's page with the answer and re-check actions. */
@Controller
class EnforcementPages {

	private final RectificationOrders orders;

	private final ProjectAccess access;

	private final CurrentActor actors;

	private final Messages messages;

	private final Clock clock;

	private final OrderDocument documents;

	private final ActorNames names;

	private final Penalties penalties;

	private final CreditRecords credits;

	private final ListFilters filters;

	EnforcementPages(RectificationOrders orders, ProjectAccess access, CurrentActor actors, Messages messages, Clock clock,
			OrderDocument documents, ActorNames names, Penalties penalties, CreditRecords credits, ListFilters filters) {
		this.filters = filters;
		this.documents = documents;
		this.names = names;
		this.penalties = penalties;
		this.credits = credits;
		this.orders = orders;
		this.access = access;
		this.actors = actors;
		this.messages = messages;
		this.clock = clock;
	}

	/**
	 * The orders of the caller's projects by status (several, comma-separated, as a notice's figure counts them),
	 * region and month of issue; a refused filter is shown on its field with an empty list.
	 */
	@GetMapping("/orders")
	String list(@RequestParam(required = false) String status, @RequestParam(required = false) Boolean due,
			@RequestParam(required = false) String region, @RequestParam(required = false) String month,
			@RequestParam(required = false) Integer page, Model model) {
		model.addAttribute("statuses", RectificationOrder.Status.values());
		model.addAttribute("status", status);
		model.addAttribute("due", Boolean.TRUE.equals(due));
		model.addAttribute("today", LocalDate.now(clock));
		ListFilters.Checked checked = filters.check(region, month);
		RectificationOrders.Search search = null;
		try {
			search = new RectificationOrders.Search(null, status, due, checked.region(), checked.month());
		}
		catch (RuleViolation e) {
			FormErrors refused = FormErrors.of(e, messages);
			checked = new ListFilters.Checked(checked.region(), checked.month(), new FormErrors(
					merged(checked.errors().byField(), refused.byField()), checked.errors().general()));
		}
		filters.show(model, region, month, checked);
		model.addAttribute("statusLabel", search == null || search.statuses().size() < 2 ? null
				: search.statuses().stream().map(messages::label).collect(Collectors.joining("、")));
		model.addAttribute("orders", checked.refused() ? ListFilters.none(50) : orders.search(search, Page.number(page), 50));
		return "enforcement/orders";
	}

	private static Map<String, String> merged(Map<String, String> a, Map<String, String> b) {
		Map<String, String> all = new LinkedHashMap<>(a);
		all.putAll(b);
		return all;
	}

	/** The order queue as Excel with the page's filters, written page by page. */
	@ReadOnlyWork
	@GetMapping(path = "/orders", params = "format=xlsx")
	void excel(@RequestParam(required = false) String status, @RequestParam(required = false) Boolean due,
			@RequestParam(required = false) String region, @RequestParam(required = false) String month,
			HttpServletResponse response) {
		ListFilters.Checked checked = filters.require(region, month);
		RectificationOrders.Search search = new RectificationOrders.Search(null, status, due, checked.region(),
				checked.month());
		Spreadsheets.write(response, messages.get("export.orders.file", LocalDate.now(clock)), messages.get("export.orders.sheet"),
				messages.all("export.column.order", "export.column.project", "export.column.rule",
						"export.column.addressee", "export.column.items", "export.column.issued-on",
						"export.column.deadline", "export.column.status"),
				rows -> Page.each(number -> orders.search(search, number, Page.MAX_SIZE), o -> {
					rows.add(o.id(), o.projectName(), messages.label(o.rule()), messages.label(o.addressee()), o.items(),
							o.issuedOn(), o.deadline(), messages.label(o.status()));
				}));
	}

	/** Issues an order from a warning in one click: its items from the evidence, basis and deadline from the rule set. */
	@PostMapping("/warnings/{id}/order")
	String orderFromWarning(@PathVariable long id, @RequestParam(required = false) String back, RedirectAttributes flash) {
		return issued(() -> orders.issue(new RectificationOrders.FromWarning(id, null, null)), back, flash);
	}

	/** Issues an order from a finding that calls for one, in one click. */
	@PostMapping("/findings/{id}/order")
	String orderFromFinding(@PathVariable long id, @RequestParam(required = false) String back, RedirectAttributes flash) {
		return issued(() -> orders.issue(new RectificationOrders.FromFinding(id, null, null)), back, flash);
	}

	private String issued(Supplier<RectificationOrder> issue, String back, RedirectAttributes flash) {
		try {
			RectificationOrder order = issue.get();
			flash.addFlashAttribute("notice", messages.get("order.issued", order.id(), order.deadline()));
			return "redirect:/orders/" + order.id();
		}
		catch (RuleViolation e) {
			flash.addFlashAttribute("problem", messages.summary(e));
			return "redirect:" + PageLinks.back(back, "/compliance");
		}
	}

	/** A penalty the escalation table proposes for an overdue order, and the decision taken on it (null: not yet). */
	record Proposed(Escalation.PenaltyDue due, Penalty decided) {
	}

	@GetMapping("/orders/{id}")
	String one(@PathVariable long id, Model model) {
		RectificationOrder o = orders.require(id);
		Actor actor = actors.get();
		model.addAttribute("o", o);
		List<RectificationOrder.Transition> transitions = orders.transitions(id);
		model.addAttribute("transitions", transitions);
		model.addAttribute("attachments", orders.attachments(id));
		model.addAttribute("contact", documents.issuingContact(id).orElse(null));
		Map<String, String> actorNames = new HashMap<>();
		transitions.forEach(t -> actorNames.computeIfAbsent(t.actor(), names::of));
		model.addAttribute("actorNames", actorNames);
		model.addAttribute("recheckBy", o.recheck() == null ? "" : names.of(o.recheck().by()));
		model.addAttribute("canAnswer", actor.role() == Role.ENTERPRISE_ADMIN && actor.enterpriseId() != null
				&& actor.enterpriseId() == o.addresseeEnterpriseId() && o.answerable());
		boolean oversees = access.canOversee(o.projectId());
		model.addAttribute("canRecheck", oversees && o.dueForRecheck(LocalDate.now(clock)));
		model.addAttribute("canDecide", oversees && o.status() == RectificationOrder.Status.OVERDUE);
		Escalation.Proposal escalation = o.escalation();
		List<Proposed> proposed = List.of();
		List<CreditRecord> orderCredits = List.of();
		if (escalation != null) {
			List<Penalty> decided = penalties.forProject(o.projectId()).stream()
				.filter(p -> p.orderId() != null && p.orderId() == id)
				.toList();
			proposed = escalation.penalties().stream()
				.map(due -> new Proposed(due, decided.stream().filter(p -> p.party() == due.party()).findFirst().orElse(null)))
				.toList();
			orderCredits = credits.search(new CreditRecords.Search(null, null, o.projectId(), null), 0, Page.MAX_SIZE).items()
				.stream()
				.filter(c -> Long.valueOf(id).equals(c.orderId()))
				.toList();
		}
		model.addAttribute("canEscalate", oversees && o.status() == RectificationOrder.Status.OVERDUE
				&& proposed.stream().allMatch(x -> x.decided() != null));
		model.addAttribute("proposed", proposed);
		model.addAttribute("orderCredits", orderCredits);
		return "enforcement/order";
	}

	/** A file of the addressee's report, for whoever sees the order. */
	@GetMapping("/orders/{id}/attachments/{attachmentId}")
	ResponseEntity<byte[]> attachment(@PathVariable long id, @PathVariable long attachmentId) {
		return AttachmentDownloads.of(orders.attachment(id, attachmentId));
	}

	/** 责令限期整改通知书 as PDF, shown in the browser (to print) with a file name for saving. */
	@GetMapping("/orders/{id}/document.pdf")
	ResponseEntity<byte[]> document(@PathVariable long id) {
		byte[] pdf = documents.pdf(id);
		return ResponseEntity.ok()
			.contentType(MediaType.APPLICATION_PDF)
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.inline().filename("责令限期整改通知书-" + id + ".pdf", StandardCharsets.UTF_8).build().toString())
			.body(pdf);
	}

	/**
	 * The addressee's report and, optionally, a file that shows the rectification (a photo, a scanned receipt): the
	 * report first, so that a refused file never loses the report typed.
	 */
	@PostMapping("/orders/{id}/answer")
	String answer(@PathVariable long id, @RequestParam(required = false) String report,
			@RequestParam(required = false) MultipartFile file, Model model) throws IOException {
		try {
			orders.answer(id, new RectificationOrders.Answer(report));
			if (file != null && !file.isEmpty()) {
				orders.attach(id, file.getOriginalFilename(), file.getContentType(), file.getBytes());
			}
		}
		catch (RuleViolation e) {
			model.addAttribute("error", messages.summary(e));
		}
		return one(id, model);
	}

	/** The re-check after the deadline; its verdict is read on the order's page. */
	@PostMapping("/orders/{id}/recheck")
	String recheck(@PathVariable long id, RedirectAttributes flash) {
		try {
			RectificationOrder o = orders.recheck(id, null);
			flash.addFlashAttribute("notice", messages.get(o.recheck() != null && o.recheck().rectified()
					? "order.recheck.done.rectified" : "order.recheck.done.failing"));
		}
		catch (RuleViolation e) {
			flash.addFlashAttribute("problem", messages.summary(e));
		}
		return "redirect:/orders/" + id;
	}
}
