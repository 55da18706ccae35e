package io.siteroll.compliance.web;

import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import io.siteroll.compliance.EvidenceSentences;
import io.siteroll.compliance.Finding;
import io.siteroll.compliance.FindingEvidence;
import io.siteroll.compliance.FindingEvidence.R1Evidence;
import io.siteroll.compliance.FindingEvidence.R2Evidence;
import io.siteroll.compliance.Findings;
import io.siteroll.compliance.Rule;
import io.siteroll.compliance.RuleSets;
import io.siteroll.compliance.Warning;
import io.siteroll.compliance.Warnings;
import io.siteroll.identity.Actor;
import io.siteroll.identity.CurrentActor;
import io.siteroll.personnel.Persons;
import io.siteroll.platform.Checks;
import io.siteroll.platform.Dates;
import io.siteroll.platform.FormErrors;
import io.siteroll.platform.Messages;
import io.siteroll.platform.Page;
import io.siteroll.platform.PageLinks;
import io.siteroll.platform.Pager;
import io.siteroll.platform.RuleViolation;
import io.siteroll.platform.Spreadsheets;
import io.siteroll.project.ConstructionCalendar;
import io.siteroll.region.Region;
import io.siteroll.region.Regions;
import io.siteroll.platform.ReadOnlyWork;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Findings and warnings for a region and a project, and a finding's page that explains itself. */
@Controller
class CompliancePages {

	/** A day of the finding's calendar; {@code kind} and {@code mark} are style classes, never shown as text. */
	record CalendarDay(LocalDate date, int day, String kind, String mark) {
	}

	private final Findings findings;

	private final Warnings warnings;

	private final RuleSets ruleSets;

	private final Clock clock;

	private final Persons persons;

	private final ConstructionCalendar constructionCalendar;

	private final Messages messages;

	private final Pager pager;

	private final EvidenceSentences sentences;

	private final Regions regions;

	private final CurrentActor actors;

	CompliancePages(Findings findings, Warnings warnings, RuleSets ruleSets, Clock clock, Persons persons,
			ConstructionCalendar constructionCalendar, Messages messages, EvidenceSentences sentences, Pager pager,
			Regions regions, CurrentActor actors) {
		this.regions = regions;
		this.actors = actors;
		this.pager = pager;
		this.messages = messages;
		this.sentences = sentences;
		this.persons = persons;
		this.findings = findings;
		this.warnings = warnings;
		this.ruleSets = ruleSets;
		this.clock = clock;
		this.constructionCalendar = constructionCalendar;
	}

	/** Rows per page of the lists. */
	private static final int LIST_SIZE = 50;

	/**
	 * The month's open findings as Excel, with the same filters as the page (month, rule, project, region); a
	 * mistyped region is refused as on the API. Written page by page.
	 */
	@ReadOnlyWork
	@GetMapping(path = "/compliance", params = "format=xlsx")
	void findingsExcel(@RequestParam(required = false) YearMonth month, @RequestParam(required = false) String rule,
			@RequestParam(required = false) Long project, @RequestParam(required = false) String region,
			HttpServletResponse response) {
		YearMonth shown = month == null ? YearMonth.now(clock).minusMonths(1) : month;
		Findings.Search search = new Findings.Search(shown, project, null, rule, "OPEN", regions.filter("region", region));
		Locale locale = LocaleContextHolder.getLocale();
		Spreadsheets.write(response, messages.get("export.findings.file", shown), messages.get("export.findings.sheet"),
				messages.all("export.column.month", "export.column.rule", "export.column.project",
						"export.column.person", "export.column.measure", "export.column.responsible",
						"export.column.facts", "export.column.legal-basis"),
				rows -> Page.each(number -> findings.search(search, number, Page.MAX_SIZE), f -> {
					rows.add(f.month(), messages.label(f.rule()), f.projectName(),
							f.personName() == null ? null : f.personName() + "（" + messages.label(f.post()) + "）",
							messages.label(f.measure()), messages.label(f.responsible()),
							sentences.describe(f, locale), f.legalBasis());
				}));
	}

	/**
	 * The warnings of the page as Excel, with the same filters (the warnings' pager links here, the findings' pager
	 * to the findings' export); a mistyped filter is refused as on the API.
	 */
	@ReadOnlyWork
	@GetMapping(path = "/compliance", params = { "format=xlsx", "list=warnings" })
	void warningsExcel(@RequestParam(required = false) Warning.Kind kind, @RequestParam(required = false) Long project,
			@RequestParam(required = false) String region, @RequestParam(required = false) String warningsMonth,
			@RequestParam(required = false) String warningsStatus, HttpServletResponse response) {
		Checks typed = new Checks();
		String checkedRegion = typed.field("region", () -> regions.filter("region", region));
		Warnings.Search search = warningSearch(typed, project, kind, checkedRegion, warningsMonth, warningsStatus);
		typed.throwIfAny();
		Locale locale = LocaleContextHolder.getLocale();
		Spreadsheets.write(response, messages.get("export.warnings.file", LocalDate.now(clock)),
				messages.get("export.warnings.sheet"),
				messages.all("export.column.kind", "export.column.project", "export.column.person",
						"export.warnings.column.raised-on", "export.column.status", "export.warnings.column.review",
						"export.column.facts"),
				rows -> Page.each(number -> warnings.search(search, number, Page.MAX_SIZE), w -> {
					rows.add(messages.label(w.kind()), w.projectName(), w.personName(), w.raisedOn(),
							messages.label(w.status()), w.review() == null ? "" : messages.label(w.review()),
							sentences.describe(w, locale));
				}));
	}

	private void names(Model model) {
		model.addAttribute("rules", Arrays.stream(Rule.values()).filter(Rule::monthly).toList());
	}

	/**
	 * Findings of a month and warnings; both filtered by the region (its projects and those below it), the warnings
	 * also by kind, the month they were raised in ({@code warningsMonth}) and status ({@code warningsStatus}: open
	 * unless asked, ALL for every status) so that a notice's count of a month's warnings opens the very list it
	 * counts. A mistyped filter is refused on its field and shows empty lists, the values typed kept.
	 */
	@GetMapping("/compliance")
	String overview(@RequestParam(required = false) YearMonth month, @RequestParam(required = false) String rule,
			@RequestParam(required = false) Warning.Kind kind, @RequestParam(required = false) Long project,
			@RequestParam(required = false) String region, @RequestParam(required = false) String warningsMonth,
			@RequestParam(required = false) String warningsStatus,
			@RequestParam(required = false) Integer page, @RequestParam(required = false) Integer warningsPage,
			Model model) {
		YearMonth shown = month == null ? YearMonth.now(clock).minusMonths(1) : month;
		names(model);
		model.addAttribute("month", shown);
		model.addAttribute("rule", rule);
		model.addAttribute("kind", kind);
		model.addAttribute("kinds", Warning.Kind.values());
		model.addAttribute("project", project);
		model.addAttribute("region", region);
		model.addAttribute("regions", filterRegions());
		model.addAttribute("warningsMonth", warningsMonth);
		model.addAttribute("warningsStatus", warningsStatus);
		model.addAttribute("warningStatuses", Warning.Status.values());
		model.addAttribute("back", pager.here());
		model.addAttribute("warningsExcel", pager.excel() + "&list=warnings");
		model.addAttribute("ruleSet", ruleSets.inForce(shown));
		Checks typed = new Checks();
		String checkedRegion = typed.field("region", () -> regions.filter("region", region));
		Warnings.Search warningSearch = warningSearch(typed, project, kind, checkedRegion, warningsMonth, warningsStatus);
		if (!typed.ok()) {
			model.addAttribute("errors", FormErrors.of(new RuleViolation(typed.violations()), messages));
			model.addAttribute("findings", new Page<>(List.of(), 0, LIST_SIZE, 0));
			model.addAttribute("warnings", new Page<>(List.of(), 0, LIST_SIZE, 0));
			return "compliance/overview";
		}
		model.addAttribute("findings", findings.search(
				new Findings.Search(shown, project, null, rule, "OPEN", checkedRegion), Page.number(page), LIST_SIZE));
		model.addAttribute("warnings", warnings.search(warningSearch, Page.number(warningsPage), LIST_SIZE));
		return "compliance/overview";
	}

	/**
	 * The warnings' search from the page's filters (the region already checked), the month raised in and the status
	 * checked as the API checks them (open unless asked); a mistyped filter is recorded in {@code typed}.
	 */
	private static Warnings.Search warningSearch(Checks typed, Long project, Warning.Kind kind, String region,
			String warningsMonth, String warningsStatus) {
		YearMonth raisedIn = typed.field("warningsMonth",
				() -> warningsMonth == null || warningsMonth.isBlank() ? null : Dates.month(warningsMonth));
		String status = typed.field("warningsStatus",
				() -> Checks.oneOf("warningsStatus", warningsStatus, Warnings.Search.FILTERS));
		return new Warnings.Search(project, null, kind == null ? null : kind.name(),
				status == null ? Warning.Status.OPEN.name() : status, region, raisedIn);
	}

	/** The regions an officer may filter by: its own and those below it; the enterprise side any region. */
	private List<Region> filterRegions() {
		Actor actor = actors.get();
		return actor.isOfficer() ? regions.subtree(actor.regionCode()) : regions.all();
	}

	/**
	 * An officer confirms or dismisses a warning with a reason (Post/Redirect/Get): back to the list the form was on,
	 * with the outcome or the refusal as a flash message.
	 */
	@PostMapping("/warnings/{id}/review")
	String review(@PathVariable long id, @RequestParam(required = false) String decision,
			@RequestParam(required = false) String reason, @RequestParam(required = false) String back,
			RedirectAttributes flash) {
		try {
			Warning reviewed = warnings.review(id, new Warnings.Review(decision, reason));
			flash.addFlashAttribute("notice", messages.get("warning.reviewed", messages.label(reviewed.kind()),
					reviewed.projectName(), messages.label(reviewed.review())));
		}
		catch (RuleViolation e) {
			flash.addFlashAttribute("problem", messages.summary(e));
		}
		return "redirect:" + PageLinks.back(back, "/compliance");
	}

	@GetMapping("/projects/{id}/compliance")
	String project(@PathVariable long id, Model model) {
		names(model);
		model.addAttribute("findings", findings.search(new Findings.Search(null, id, null, null, "OPEN", null), 0, 50));
		model.addAttribute("warnings", warnings.search(new Warnings.Search(id, null, null, "OPEN", null), 0, 50));
		model.addAttribute("back", "/projects/" + id);
		return "compliance/fragments :: project";
	}

	@GetMapping("/persons/{id}/compliance")
	String person(@PathVariable long id, Model model) {
		names(model);
		model.addAttribute("person", persons.require(id));
		model.addAttribute("findings", findings.search(new Findings.Search(null, null, id, null, "OPEN", null), 0, 100));
		model.addAttribute("withdrawn", findings.search(new Findings.Search(null, null, id, null, "WITHDRAWN", null), 0, 100));
		model.addAttribute("warnings", warnings.search(new Warnings.Search(null, id, null, "OPEN", null), 0, 100));
		return "compliance/person";
	}

	@GetMapping("/findings/{id}")
	String finding(@PathVariable long id, Model model) {
		Finding f = findings.require(id);
		names(model);
		model.addAttribute("f", f);
		model.addAttribute("revisions", findings.revisions(id));
		model.addAttribute("calendar", calendar(f));
		return "compliance/finding";
	}

	/**
	 * The month's days: construction day, stoppage or neither; marked attended (R2) or without a device heard (R1).
	 * The construction days are those the evaluation judged on; where the evidence does not list them (R3, and R1
	 * evidence written before it did) they come from the project's construction calendar.
	 */
	private List<CalendarDay> calendar(Finding f) {
		List<LocalDate> work = List.of();
		Set<LocalDate> marked = Set.of();
		String mark = "";
		List<FindingEvidence.Stoppage> stoppages = List.of();
		if (f.evidence() instanceof R2Evidence e) {
			work = e.constructionDays();
			marked = Set.copyOf(e.attendedDays());
			mark = "attended";
			stoppages = e.stoppages();
		}
		else if (f.evidence() instanceof R1Evidence e) {
			work = e.constructionDays();
			marked = Set.copyOf(e.disconnectedDays());
			mark = "gap";
		}
		if (work.isEmpty()) {
			work = constructionCalendar.constructionDays(f.projectId(), f.month());
		}
		Set<LocalDate> construction = Set.copyOf(work);
		List<CalendarDay> days = new ArrayList<>();
		for (int d = 1; d <= f.month().lengthOfMonth(); d++) {
			LocalDate date = f.month().atDay(d);
			boolean stopped = stoppages.stream().anyMatch(s -> s.covers(date));
			String kind = construction.contains(date) ? "work" : stopped ? "stop" : "off";
			days.add(new CalendarDay(date, d, kind, marked.contains(date) ? mark : ""));
		}
		return days;
	}
}
