package io.siteroll.enforcement.web;

import java.time.Clock;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import io.siteroll.enforcement.OrderDocument;
import io.siteroll.enforcement.RectificationOrder;
import io.siteroll.enforcement.RectificationOrders;
import io.siteroll.identity.Accounts;
import io.siteroll.identity.Actor;
import io.siteroll.identity.CurrentActor;
import io.siteroll.identity.Role;
import io.siteroll.platform.Messages;
import io.siteroll.platform.Page;
import io.siteroll.platform.PageLinks;
import io.siteroll.platform.Spreadsheets;
import io.siteroll.platform.RuleViolation;
import io.siteroll.project.ProjectAccess;
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

	private final Accounts accounts;

	EnforcementPages(RectificationOrders orders, ProjectAccess access, CurrentActor actors, Messages messages, Clock clock,
			OrderDocument documents, Accounts accounts) {
		this.documents = documents;
		this.accounts = accounts;
		this.orders = orders;
		this.access = access;
		this.actors = actors;
		this.messages = messages;
		this.clock = clock;
	}

	@GetMapping("/orders")
	String list(@RequestParam(required = false) String status, @RequestParam(required = false) Boolean due,
			@RequestParam(required = false) Integer page, Model model) {
		model.addAttribute("statuses", RectificationOrder.Status.values());
		model.addAttribute("status", status);
		model.addAttribute("due", Boolean.TRUE.equals(due));
		model.addAttribute("orders", orders.search(new RectificationOrders.Search(null, status, due), Page.number(page), 50));
		return "enforcement/orders";
	}

	/** The order queue as Excel with the page's filters, written page by page. */
	@GetMapping(path = "/orders", params = "format=xlsx")
	void excel(@RequestParam(required = false) String status, @RequestParam(required = false) Boolean due,
			HttpServletResponse response) {
		RectificationOrders.Search search = new RectificationOrders.Search(null, status, due);
		Spreadsheets.write(response, messages.get("export.orders.file", LocalDate.now(clock)), messages.get("export.orders.sheet"),
				List.of(messages.get("export.column.order"), messages.get("export.column.project"),
						messages.get("export.column.rule"), messages.get("export.column.addressee"),
						messages.get("export.column.items"), messages.get("export.column.issued-on"),
						messages.get("export.column.deadline"), messages.get("export.column.status")),
				rows -> Page.each(number -> orders.search(search, number, Page.MAX_SIZE), o -> {
					rows.add(o.id(), o.projectName(), messages.label(o.rule()), messages.label(o.addressee()), o.items(),
							o.issuedOn(), o.deadline(), messages.label(o.status()));
				}));
	}

	/** Who acted, as people read it: the account's name (officers' accounts carry their department), not its login. */
	private String displayName(String username) {
		if (Actor.SYSTEM.username().equals(username)) {
			return Actor.SYSTEM.displayName();
		}
		return accounts.find(username).map(Accounts.AccountView::displayName).orElse(username);
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

	@GetMapping("/orders/{id}")
	String one(@PathVariable long id, Model model) {
		RectificationOrder o = orders.require(id);
		Actor actor = actors.get();
		model.addAttribute("o", o);
		List<RectificationOrder.Transition> transitions = orders.transitions(id);
		model.addAttribute("transitions", transitions);
		Map<String, String> actorNames = new HashMap<>();
		transitions.forEach(t -> actorNames.computeIfAbsent(t.actor(), this::displayName));
		model.addAttribute("actorNames", actorNames);
		model.addAttribute("canAnswer", actor.role() == Role.ENTERPRISE_ADMIN && actor.enterpriseId() != null
				&& actor.enterpriseId() == o.addresseeEnterpriseId() && o.answerable());
		model.addAttribute("canRecheck", access.canOversee(o.projectId()) && o.dueForRecheck(LocalDate.now(clock)));
		return "enforcement/order";
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

	@PostMapping("/orders/{id}/answer")
	String answer(@PathVariable long id, @RequestParam(required = false) String report, Model model) {
		try {
			orders.answer(id, new RectificationOrders.Answer(report));
		}
		catch (RuleViolation e) {
			model.addAttribute("error", messages.summary(e));
		}
		return one(id, model);
	}

	@PostMapping("/orders/{id}/recheck")
	String recheck(@PathVariable long id, Model model) {
		try {
			orders.recheck(id, null);
		}
		catch (RuleViolation e) {
			model.addAttribute("error", messages.summary(e));
		}
		return one(id, model);
	}
}
