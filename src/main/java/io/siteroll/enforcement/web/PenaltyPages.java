package io.siteroll.enforcement.web;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.siteroll.compliance.Escalation;
import io.siteroll.compliance.Party;
import io.siteroll.enforcement.CreditRecord;
import io.siteroll.enforcement.CreditRecords;
import io.siteroll.enforcement.Penalties;
import io.siteroll.enforcement.Penalty;
import io.siteroll.enforcement.PenaltyDocument;
import io.siteroll.enforcement.RectificationOrder;
import io.siteroll.enforcement.RectificationOrders;
import io.siteroll.identity.ActorNames;
import io.siteroll.platform.TypedInput;
import io.siteroll.platform.FormErrors;
import io.siteroll.platform.Messages;
import io.siteroll.platform.OfficialDocument;
import io.siteroll.platform.Page;
import io.siteroll.platform.RuleViolation;
import io.siteroll.platform.Spreadsheets;
import io.siteroll.project.Project;
import io.siteroll.project.ProjectAccess;
import io.siteroll.project.Projects;
import io.siteroll.platform.ReadOnlyWork;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.format.annotation.DateTimeFormat;
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

/**
 * Penalties in the browser: deciding the penalties an overdue order's escalation table proposes (in the officer's
 * department's name and series), a decision with its 行政处罚决定书 (PDF and printable page) and the credit records it
 * led to, lifting a stop-work order, a project's decisions and the credit records. Every action goes through the
 * services the API uses, so a page allows exactly what the API allows.
 */
@Controller
class PenaltyPages {

	private final RectificationOrders orders;

	private final Penalties penalties;

	private final PenaltyDocument documents;

	private final CreditRecords credits;

	private final ProjectAccess access;

	private final ActorNames names;

	private final Messages messages;

	private final Clock clock;

	private final Projects projects;

	private final ListFilters filters;

	PenaltyPages(RectificationOrders orders, Penalties penalties, PenaltyDocument documents, CreditRecords credits,
			ProjectAccess access, ActorNames names, Messages messages, Clock clock, Projects projects, ListFilters filters) {
		this.filters = filters;
		this.projects = projects;
		this.orders = orders;
		this.penalties = penalties;
		this.documents = documents;
		this.credits = credits;
		this.access = access;
		this.names = names;
		this.messages = messages;
		this.clock = clock;
	}

	/** The fields of the decision form; the stoppage a stop-work order declares names its first day {@code firstDay}. */
	private static final Set<String> DECISION_FIELDS = Set.of("measures", "fineYuan", "stopWorkFrom", "decidedOn");

	/**
	 * A refusal as the form shows it: each error beside its field when the form has it, above the form otherwise (a
	 * rule on the order, the party or the decision's number), so that no refusal goes unseen.
	 */
	private static FormErrors shown(FormErrors errors, Set<String> fields) {
		Map<String, String> byField = new LinkedHashMap<>();
		List<String> general = new ArrayList<>(errors.general());
		errors.byField().forEach((field, text) -> {
			String on = "firstDay".equals(field) ? "stopWorkFrom" : field;
			if (fields.contains(on)) {
				byField.merge(on, text, (a, b) -> a + "；" + b);
			}
			else {
				general.add(text);
			}
		});
		return new FormErrors(byField, general);
	}

	/** The measures of a decision in words, in the order decided: 罚款、责令停工. */
	private String measures(Penalty p) {
		return String.join("、", p.measures().stream().map(messages::label).toList());
	}

	/** What the decision form was given, to show it again when it is refused. */
	record Typed(String party, List<String> measures, String fineYuan, LocalDate stopWorkFrom, LocalDate decidedOn) {
	}

	/** The decision form for one party the overdue order's escalation table proposes a penalty on. */
	@GetMapping("/orders/{id}/penalties/new")
	String decisionForm(@PathVariable long id, @RequestParam String party, Model model) {
		LocalDate today = LocalDate.now(clock);
		return form(id, new Typed(party, List.of(), "", today, today), FormErrors.NONE, model);
	}

	private String form(long orderId, Typed typed, FormErrors errors, Model model) {
		RectificationOrder order = orders.require(orderId);
		access.requireOverseen(order.projectId());
		order.requireOverdue();
		Escalation.PenaltyDue due = order.proposal().penalties().stream()
			.filter(p -> p.party().name().equals(typed.party()))
			.findFirst()
			.orElseThrow(() -> RuleViolation.of("party", "penalty.not-in-table"));
		model.addAttribute("o", order);
		model.addAttribute("due", due);
		model.addAttribute("range", Penalties.fineRange(due.legalBasis()).orElse(null));
		model.addAttribute("numbering", documents.numbering());
		model.addAttribute("sanctions", Penalty.Sanction.values());
		model.addAttribute("typed", typed);
		model.addAttribute("errors", errors);
		return "enforcement/penalty-form";
	}

	/**
	 * Decides the penalty; once every penalty the table proposes for the order is decided, the order is escalated
	 * at once, which writes the bad-credit records the table prescribes.
	 */
	@PostMapping("/orders/{id}/penalties")
	String decide(@PathVariable long id, @RequestParam String party,
			@RequestParam(required = false) List<String> measures, @RequestParam(required = false) String fineYuan,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate stopWorkFrom,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate decidedOn,
			Model model, RedirectAttributes flash) {
		Typed typed = new Typed(party, measures == null ? List.of() : measures, fineYuan, stopWorkFrom, decidedOn);
		Penalty penalty;
		try {
			List<String> chosen = typed.measures();
			penalty = documents.decide(new Penalties.Decision(id, null, party, chosen,
					chosen.contains(Penalty.Sanction.FINE.name()) ? TypedInput.amount("fineYuan", fineYuan) : null,
					chosen.contains(Penalty.Sanction.STOP_WORK.name()) ? stopWorkFrom : null, null, decidedOn, null));
		}
		catch (RuleViolation e) {
			return form(id, typed, shown(FormErrors.of(e, messages), DECISION_FIELDS), model);
		}
		String notice = messages.get("penalty.decided", penalty.documentNumber());
		RectificationOrder order = orders.require(id);
		List<Party> decided = penalties.forProject(order.projectId()).stream()
			.filter(p -> p.orderId() != null && p.orderId() == id)
			.map(Penalty::party)
			.toList();
		if (order.proposal().penalties().stream().allMatch(p -> decided.contains(p.party()))) {
			orders.escalate(id);
			notice += " " + messages.get("penalty.escalated");
		}
		flash.addFlashAttribute("notice", notice);
		return "redirect:/penalties/" + penalty.id();
	}

	/**
	 * Escalates an overdue order whose proposed penalties are all decided (or that proposes none, as for a chief
	 * supervisor): writes the bad-credit records the table prescribes.
	 */
	@PostMapping("/orders/{id}/escalation")
	String escalate(@PathVariable long id, RedirectAttributes flash) {
		try {
			orders.escalate(id);
			flash.addFlashAttribute("notice", messages.get("penalty.escalated"));
		}
		catch (RuleViolation e) {
			flash.addFlashAttribute("problem", messages.summary(e));
		}
		return "redirect:/orders/" + id;
	}


	@GetMapping("/penalties/{id}")
	String one(@PathVariable long id, Model model) {
		return penalty(id, FormErrors.NONE, null, model);
	}

	private String penalty(long id, FormErrors errors, LocalDate resumptionDay, Model model) {
		Penalty p = penalties.require(id);
		Project project = access.requireVisible(p.projectId());
		Penalties.Recorded recorded = penalties.recorded(id);
		model.addAttribute("p", p);
		model.addAttribute("project", project);
		model.addAttribute("addressee", documents.addressee(p));
		model.addAttribute("measures", measures(p));
		model.addAttribute("recordedBy", names.of(recorded.recordedBy()));
		model.addAttribute("liftedBy", names.of(recorded.liftedBy()));
		model.addAttribute("credits", creditsOf(p));
		model.addAttribute("canLift", p.stoppageId() != null && p.status() == Penalty.Status.DECIDED && access.oversees(project));
		model.addAttribute("resumptionDay", resumptionDay != null ? resumptionDay : firstResumptionDay(p));
		model.addAttribute("errors", errors);
		return "enforcement/penalty";
	}

	/** The day the form proposes for resuming work: today, or the day after the stop began when it began today or later. */
	private LocalDate firstResumptionDay(Penalty p) {
		LocalDate today = LocalDate.now(clock);
		return projects.stoppages(p.projectId()).stream()
			.filter(s -> p.stoppageId() != null && s.id() == p.stoppageId())
			.map(s -> s.firstDay().plusDays(1))
			.filter(day -> day.isAfter(today))
			.findFirst()
			.orElse(today);
	}

	/** The bad-credit records a decision led to: its own (a penalty finding) or its order's, once escalated. */
	private List<CreditRecord> creditsOf(Penalty p) {
		List<CreditRecord> found = new ArrayList<>();
		Page.each(number -> credits.search(new CreditRecords.Search(null, null, p.projectId(), null), number, Page.MAX_SIZE),
				c -> {
					if (Long.valueOf(p.id()).equals(c.penaltyId()) || p.orderId() != null && p.orderId().equals(c.orderId())) {
						found.add(c);
					}
				});
		return found;
	}

	/** Lifts a stop-work order: work may resume on the given day. */
	@PostMapping("/penalties/{id}/lifting")
	String lift(@PathVariable long id,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate resumptionDay,
			Model model, RedirectAttributes flash) {
		try {
			if (resumptionDay == null) {
				throw RuleViolation.of("resumptionDay", "required");
			}
			penalties.liftStopWork(id, resumptionDay);
		}
		catch (RuleViolation e) {
			return penalty(id, shown(FormErrors.of(e, messages), Set.of("resumptionDay")), resumptionDay, model);
		}
		flash.addFlashAttribute("notice", messages.get("penalty.lifted", resumptionDay));
		return "redirect:/penalties/" + id;
	}

	/** 行政处罚决定书 as PDF, shown in the browser (to print) with a file name for saving. */
	@GetMapping("/penalties/{id}/document.pdf")
	ResponseEntity<byte[]> pdf(@PathVariable long id) {
		byte[] pdf = documents.pdf(id);
		return ResponseEntity.ok()
			.contentType(MediaType.APPLICATION_PDF)
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.inline().filename("行政处罚决定书-" + id + ".pdf", StandardCharsets.UTF_8).build().toString())
			.body(pdf);
	}

	/** 行政处罚决定书 as a page to print from the browser. */
	@GetMapping("/penalties/{id}/document")
	String printable(@PathVariable long id, Model model) {
		OfficialDocument document = documents.document(id);
		model.addAttribute("d", document);
		model.addAttribute("date", OfficialDocument.chineseDate(document.date()));
		model.addAttribute("penaltyId", id);
		return "enforcement/penalty-document";
	}

	/** A project's penalty decisions, with who decided them. */
	@GetMapping("/projects/{id}/penalties")
	String forProject(@PathVariable long id, Model model) {
		Project project = access.requireVisible(id);
		List<Penalty> list = penalties.forProject(id);
		Map<Long, String> addressees = new HashMap<>();
		Map<Long, String> deciders = new HashMap<>();
		Map<Long, String> measures = new HashMap<>();
		for (Penalty p : list) {
			measures.put(p.id(), measures(p));
			addressees.put(p.id(), documents.addressee(p));
			deciders.put(p.id(), names.of(penalties.recorded(p.id()).recordedBy()));
		}
		model.addAttribute("project", project);
		model.addAttribute("penalties", new Page<>(list, 0, Math.max(list.size(), 1), list.size()));
		model.addAttribute("addressees", addressees);
		model.addAttribute("deciders", deciders);
		model.addAttribute("measures", measures);
		return "enforcement/penalties";
	}

	/** A project's decisions as Excel. */
	@ReadOnlyWork
	@GetMapping(path = "/projects/{id}/penalties", params = "format=xlsx")
	void forProjectExcel(@PathVariable long id, HttpServletResponse response) {
		access.requireVisible(id);
		List<Penalty> list = penalties.forProject(id);
		Map<Long, String> addressees = new LinkedHashMap<>();
		list.forEach(p -> addressees.put(p.id(), documents.addressee(p)));
		Spreadsheets.write(response, messages.get("export.penalties.file", LocalDate.now(clock)),
				messages.get("export.penalties.sheet"),
				messages.all("export.penalty.column.number", "export.credit.column.party", "export.credit.column.name",
						"export.penalty.column.measures", "export.penalty.column.fine", "export.column.legal-basis",
						"export.penalty.column.decided-on", "export.column.status"),
				rows -> list.forEach(p -> rows.add(p.documentNumber(), messages.label(p.party()), addressees.get(p.id()),
						measures(p),
						p.fineYuan() == null ? "" : p.fineYuan().stripTrailingZeros().toPlainString(), p.legalBasis(),
						p.decidedOn(), messages.label(p.status()))));
	}

	/** Rows per page of the penalties across projects. */
	private static final int PENALTIES_PAGE = 50;

	/**
	 * The decisions across the projects an officer oversees, by region and month of decision: the list a notice's
	 * count of a month's penalties opens. A refused filter is shown on its field with an empty list.
	 */
	@GetMapping("/penalties")
	String list(@RequestParam(required = false) String region, @RequestParam(required = false) String month,
			@RequestParam(required = false) Integer page, Model model) {
		ListFilters.Checked checked = filters.check(region, month);
		filters.show(model, region, month, checked);
		Page<Penalties.Listed> result = checked.refused() ? ListFilters.none(PENALTIES_PAGE)
				: penalties.search(new Penalties.Search(checked.region(), checked.month()), Page.number(page), PENALTIES_PAGE);
		Map<Long, String> addressees = new HashMap<>();
		Map<Long, String> measures = new HashMap<>();
		for (Penalties.Listed x : result.items()) {
			addressees.put(x.penalty().id(), documents.addressee(x.penalty()));
			measures.put(x.penalty().id(), measures(x.penalty()));
		}
		model.addAttribute("penalties", result);
		model.addAttribute("addressees", addressees);
		model.addAttribute("measures", measures);
		return "enforcement/penalty-list";
	}

	/** The decisions across projects as Excel with the page's filters, written page by page. */
	@ReadOnlyWork
	@GetMapping(path = "/penalties", params = "format=xlsx")
	void listExcel(@RequestParam(required = false) String region, @RequestParam(required = false) String month,
			HttpServletResponse response) {
		ListFilters.Checked checked = filters.require(region, month);
		Penalties.Search search = new Penalties.Search(checked.region(), checked.month());
		Spreadsheets.write(response, messages.get("export.penalties.file", LocalDate.now(clock)),
				messages.get("export.penalties.sheet"),
				messages.all("export.penalty.column.number", "export.column.project", "export.credit.column.party",
						"export.credit.column.name", "export.penalty.column.measures", "export.penalty.column.fine",
						"export.penalty.column.decided-on", "export.column.status"),
				rows -> Page.each(number -> penalties.search(search, number, Page.MAX_SIZE), x -> {
					Penalty p = x.penalty();
					rows.add(p.documentNumber(), x.projectName(), messages.label(p.party()), documents.addressee(p),
							measures(p), p.fineYuan() == null ? "" : p.fineYuan().stripTrailingZeros().toPlainString(),
							p.decidedOn(), messages.label(p.status()));
				}));
	}

	/**
	 * The bad-credit records of the caller's projects, filtered as the API filters them: also by region and by the
	 * month they became valid in (as a notice counts them); a refused filter is shown on its field.
	 */
	@GetMapping("/credit-records")
	String creditRecords(@RequestParam(required = false) Long projectId, @RequestParam(required = false) Long enterpriseId,
			@RequestParam(required = false) Long personId,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate validOn,
			@RequestParam(required = false) String region, @RequestParam(required = false) String month,
			@RequestParam(required = false) Integer page, Model model) {
		ListFilters.Checked checked = filters.check(region, month);
		filters.show(model, region, month, checked);
		model.addAttribute("records", checked.refused() ? ListFilters.none(50)
				: credits.search(new CreditRecords.Search(enterpriseId, personId, projectId, validOn, checked.region(),
						checked.month()), Page.number(page), 50));
		model.addAttribute("project", projectId == null ? null : access.requireVisible(projectId));
		model.addAttribute("enterpriseId", enterpriseId);
		model.addAttribute("personId", personId);
		model.addAttribute("validOn", validOn);
		return "enforcement/credit-records";
	}

	/** The credit records as Excel with the page's filters, written page by page. */
	@ReadOnlyWork
	@GetMapping(path = "/credit-records", params = "format=xlsx")
	void creditRecordsExcel(@RequestParam(required = false) Long projectId, @RequestParam(required = false) Long enterpriseId,
			@RequestParam(required = false) Long personId,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate validOn,
			@RequestParam(required = false) String region, @RequestParam(required = false) String month,
			HttpServletResponse response) {
		ListFilters.Checked checked = filters.require(region, month);
		CreditRecords.Search search = new CreditRecords.Search(enterpriseId, personId, projectId, validOn,
				checked.region(), checked.month());
		Spreadsheets.write(response, messages.get("export.credits.file", LocalDate.now(clock)), messages.get("export.credits.sheet"),
				messages.all("export.column.project", "export.credit.column.party", "export.credit.column.name",
						"export.credit.column.reason", "export.column.legal-basis", "export.credit.column.valid-from",
						"export.credit.column.valid-until"),
				rows -> Page.each(number -> credits.search(search, number, Page.MAX_SIZE),
						c -> rows.add(c.projectName(), messages.label(c.role()),
								c.enterpriseName() != null ? c.enterpriseName() : c.personName(), c.reason(), c.legalBasis(),
								c.validFrom(), c.validUntil())));
	}
}
