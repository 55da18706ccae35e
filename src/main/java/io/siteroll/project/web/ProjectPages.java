package io.siteroll.project.web;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

import io.siteroll.enterprise.Enterprise;
import io.siteroll.enterprise.Enterprises;
import io.siteroll.identity.ActorNames;
import io.siteroll.identity.Actor;
import io.siteroll.identity.CurrentActor;
import io.siteroll.identity.Role;
import io.siteroll.platform.TypedInput;
import io.siteroll.platform.Checks;
import io.siteroll.platform.CodeDictionary;
import io.siteroll.platform.Forbidden;
import io.siteroll.platform.FormErrors;
import io.siteroll.platform.Messages;
import io.siteroll.platform.Page;
import io.siteroll.platform.PageLinks;
import io.siteroll.platform.RuleViolation;
import io.siteroll.platform.Spreadsheets;
import io.siteroll.project.ConstructionCalendar;
import io.siteroll.project.ParticipatingUnit;
import io.siteroll.project.CoverageState;
import io.siteroll.project.Project;
import io.siteroll.project.ProjectAccess;
import io.siteroll.project.Projects;
import io.siteroll.project.Stoppage;
import io.siteroll.region.Region;
import io.siteroll.region.Regions;
import io.siteroll.platform.ReadOnlyWork;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

@Controller
class ProjectPages {

	/**
	 * One cell of the month's calendar: {@code kind} is work, stop, off or future (a day still to come is
	 * neither a construction day nor a day off yet); blank cells before the 1st keep the weeks starting on Monday.
	 */
	record CalendarDay(LocalDate date, int day, String kind) {

		static CalendarDay blank() {
			return new CalendarDay(null, 0, "blank");
		}
	}

	/** The counties (and supervisory regions) that may hold a project, under the name of the region above them. */
	record RegionGroup(String name, List<Region> regions) {
	}

	/** The registration form as typed: strings, so that a mistyped number or date comes back as a field error. */
	record ProjectForm(String name, String regionCode, String address, String longitude, String latitude, String category,
			String constructionNature, String contractor, String startDate, String plannedCompletionDate) {

		static ProjectForm empty() {
			return new ProjectForm("", "", "", "", "", "", "", "", "", "");
		}
	}

	private final Projects projects;

	private final Regions regions;

	private final ConstructionCalendar calendar;

	private final Clock clock;

	private final ProjectAccess access;

	private final Messages messages;

	private final CurrentActor actors;

	private final Enterprises enterprises;

	private final CodeDictionary codes;


	private final ActorNames names;

	ProjectPages(Projects projects, Regions regions, ConstructionCalendar calendar, Clock clock, ProjectAccess access,
			Messages messages, CurrentActor actors, Enterprises enterprises, CodeDictionary codes, ActorNames names) {
		this.names = names;
		this.actors = actors;
		this.enterprises = enterprises;
		this.codes = codes;
		this.clock = clock;
		this.access = access;
		this.messages = messages;
		this.projects = projects;
		this.regions = regions;
		this.calendar = calendar;
	}

	/** Officers start from their region's dashboard, the enterprise side from its workbench. */
	@GetMapping("/")
	String home() {
		return actors.get().isOfficer() ? "redirect:/dashboard" : "redirect:/workbench";
	}

	/** The project list as Excel with the page's filters, written page by page. */
	@ReadOnlyWork
	@GetMapping(path = "/projects", params = "format=xlsx")
	void excel(@RequestParam(required = false) String q, @RequestParam(required = false) String region,
			@RequestParam(required = false) String status, @RequestParam(required = false) String coverage,
			@RequestParam(required = false) String day, HttpServletResponse response) {
		Projects.Search search = new Projects.Search(q, region, status(status), coverage(coverage), TypedInput.day("day", day));
		Map<String, String> regionNames = new LinkedHashMap<>();
		regions.all().forEach(r -> regionNames.put(r.code(), r.name()));
		Spreadsheets.write(response, messages.get("export.projects.file", LocalDate.now(clock)),
				messages.get("export.projects.sheet"),
				messages.all("export.column.code", "export.column.project", "export.column.region",
						"export.column.addressee", "export.column.start", "export.column.completion",
						"export.column.status"),
				rows -> Page.each(number -> projects.search(search, number, Page.MAX_SIZE), p -> {
					rows.add(p.code(), p.name(), regionNames.get(p.regionCode()), p.contractorName(), p.startDate(),
							p.completionDate(), messages.label(p.status()));
				}));
	}

	private static Project.Status status(String status) {
		return Arrays.stream(Project.Status.values()).filter(s -> s.name().equals(status)).findFirst().orElse(null);
	}

	/**
	 * A device coverage state (the list behind a dashboard's coverage figure); an unknown one is refused (400) rather
	 * than ignored, since a list that silently drops the filter would not be the list the figure counts.
	 */
	private static CoverageState coverage(String coverage) {
		if (coverage == null || coverage.isBlank()) {
			return null;
		}
		return Arrays.stream(CoverageState.values())
			.filter(s -> s.name().equals(coverage.strip()))
			.findFirst()
			.orElseThrow(() -> RuleViolation.of("coverage", "invalid"));
	}

	@GetMapping("/projects")
	String list(@RequestParam(required = false) String q, @RequestParam(required = false) String region,
			@RequestParam(required = false) String status, @RequestParam(required = false) String coverage,
			@RequestParam(required = false) String day, @RequestParam(required = false) Integer page, Model model) {
		Project.Status parsed = status(status);
		CoverageState state = coverage(coverage);
		LocalDate coverageDay = TypedInput.day("day", day);
		Page<Project> result = projects.search(new Projects.Search(q, region, parsed, state, coverageDay),
				Page.number(page), 20);
		Map<String, String> regionNames = new LinkedHashMap<>();
		regions.all().forEach(r -> regionNames.put(r.code(), r.name()));
		model.addAttribute("page", result);
		model.addAttribute("q", q);
		model.addAttribute("region", region);
		model.addAttribute("status", parsed);
		model.addAttribute("statuses", Project.Status.values());
		model.addAttribute("coverage", state);
		model.addAttribute("coverageStates", CoverageState.values());
		model.addAttribute("day", coverageDay);
		model.addAttribute("regions", regionChoices());
		model.addAttribute("regionNames", regionNames);
		model.addAttribute("mayRegister", actors.get().isOfficer() || actors.get().role() == Role.ENTERPRISE_ADMIN);
		return "project/list";
	}


	/** A region the list may be filtered by, with its depth below the province (to indent counties under cities). */
	record RegionChoice(String code, String name, int depth) {
	}

	/**
	 * The regions the filter offers: an officer's own region and every division below it (a city officer its city and
	 * its counties, never another city), the province's officers and the enterprise side every division, cities
	 * followed by their counties.
	 */
	private List<RegionChoice> regionChoices() {
		Actor actor = actors.get();
		List<Region> offered = actor.isOfficer() ? regions.subtree(actor.regionCode()) : regions.all();
		return offered.stream()
			.sorted((a, b) -> a.path().compareTo(b.path()))
			.map(r -> new RegionChoice(r.code(), r.name(), r.path().split("/").length - 1))
			.toList();
	}

	// ---- registering a project ----------------------------------------------------------------

	/** The registration form: enterprise administrators register as general contractor, officers within their region. */
	@GetMapping("/projects/new")
	String registrationForm(Model model) {
		return registrationPage(ProjectForm.empty(), null, model);
	}

	@PostMapping("/projects/new")
	String register(@ModelAttribute ProjectForm form, Model model, RedirectAttributes flash) {
		try {
			// every mistyped number or date at once, before anything is registered
			Checks typed = new Checks();
			BigDecimal longitude = typed.field("longitude", () -> TypedInput.number("longitude", form.longitude()));
			BigDecimal latitude = typed.field("latitude", () -> TypedInput.number("latitude", form.latitude()));
			LocalDate start = typed.field("startDate", () -> TypedInput.day("startDate", form.startDate()));
			LocalDate planned = typed.field("plannedCompletionDate",
					() -> TypedInput.day("plannedCompletionDate", form.plannedCompletionDate()));
			typed.throwIfAny();
			Projects.Registered registered = projects.register(new Projects.Registration(form.name(), form.regionCode(),
					form.address(), longitude, latitude, form.category(), form.constructionNature(),
					actors.get().isOfficer() ? enterpriseOf("contractorId", form.contractor()) : null, start, planned));
			Project created = registered.project();
			flash.addFlashAttribute("notice", messages.get(registered.created() ? "project.registered" : "project.already-registered",
					created.name(), created.code()));
			return "redirect:/projects/" + created.id();
		}
		catch (RuleViolation e) {
			return registrationPage(form, FormErrors.of(e, messages), model);
		}
	}

	private String registrationPage(ProjectForm form, FormErrors errors, Model model) {
		Actor actor = actors.get();
		if (!actor.isOfficer() && actor.role() != Role.ENTERPRISE_ADMIN) {
			throw new Forbidden("project.register-not-permitted");
		}
		List<Region> eligible = (actor.isOfficer() ? regions.subtree(actor.regionCode()) : regions.all()).stream()
			.filter(Region::mayHoldProjects)
			.toList();
		Map<String, List<Region>> byParent = new LinkedHashMap<>();
		eligible.forEach(r -> byParent.computeIfAbsent(r.parentCode(), k -> new ArrayList<>()).add(r));
		List<RegionGroup> groups = new ArrayList<>();
		byParent.forEach((parent, members) -> groups.add(
				new RegionGroup(parent == null ? "" : regions.find(parent).map(Region::name).orElse(parent), members)));
		model.addAttribute("form", form);
		model.addAttribute("errors", errors);
		model.addAttribute("regionGroups", groups);
		model.addAttribute("officer", actor.isOfficer());
		model.addAttribute("categories", codes.list(CodeDictionary.PROJECT_CATEGORY));
		model.addAttribute("natures", codes.list(CodeDictionary.CONSTRUCTION_NATURE));
		model.addAttribute("locale", LocaleContextHolder.getLocale());
		return "project/register";
	}

	// ---- the project page -----------------------------------------------------------------------

	@GetMapping("/projects/{id}")
	String detail(@PathVariable long id, @RequestParam(required = false) YearMonth month, Model model) {
		return detailPage(id, month, null, null, Map.of(), model);
	}

	/**
	 * The project page; after a refused form, {@code failed} names the form and {@code typed} holds what was
	 * typed, so the page shows it again with the errors next to the fields.
	 */
	private String detailPage(long id, YearMonth month, String failed, FormErrors errors, Map<String, String> typed,
			Model model) {
		Project project = projects.require(id);
		LocalDate today = LocalDate.now(clock);
		YearMonth shown = month != null ? month : YearMonth.from(today);
		List<Stoppage> stoppages = projects.stoppages(id);
		// a day still to come is not a construction day yet, whatever the plan says
		List<LocalDate> days = calendar.constructionDays(id, shown).stream().filter(d -> !d.isAfter(today)).toList();
		Set<LocalDate> work = new HashSet<>(days);
		List<CalendarDay> calendarDays = new ArrayList<>();
		for (int blank = 1; blank < shown.atDay(1).getDayOfWeek().getValue(); blank++) {
			calendarDays.add(CalendarDay.blank());
		}
		for (int d = 1; d <= shown.lengthOfMonth(); d++) {
			LocalDate date = shown.atDay(d);
			String kind;
			if (date.isAfter(today)) {
				kind = "future";
			}
			else if (work.contains(date)) {
				kind = stoppages.stream().anyMatch(s -> s.status() == Stoppage.Status.PENDING && s.covers(date))
						? "work pending" : "work";
			}
			else {
				kind = stoppages.stream().anyMatch(s -> s.inForce() && s.covers(date)) ? "stop" : "off";
			}
			calendarDays.add(new CalendarDay(date, d, kind));
		}
		Map<String, String> actorNames = new HashMap<>();
		stoppages.forEach(s -> {
			actorNames.computeIfAbsent(s.declaredBy(), this::displayName);
			if (s.decidedBy() != null) {
				actorNames.computeIfAbsent(s.decidedBy(), this::displayName);
			}
		});
		boolean canManage = access.canManage(id);
		model.addAttribute("project", project);
		model.addAttribute("regionName", regions.fullName(project.regionCode()));
		model.addAttribute("units", projects.units(id));
		model.addAttribute("stoppages", stoppages);
		model.addAttribute("actorNames", actorNames);
		model.addAttribute("canOversee", access.canOversee(id));
		model.addAttribute("canManage", canManage);
		model.addAttribute("mayResume", canManage && stoppages.stream().anyMatch(s -> s.standing() && s.open() && !s.ordered()));
		model.addAttribute("unitTypes", Arrays.stream(ParticipatingUnit.Type.values())
			.filter(t -> t != ParticipatingUnit.Type.GENERAL_CONTRACTOR)
			.toList());
		model.addAttribute("month", shown);
		model.addAttribute("previousMonth", shown.minusMonths(1));
		model.addAttribute("nextMonth", shown.plusMonths(1));
		model.addAttribute("today", today);
		model.addAttribute("weekdays", List.of("一", "二", "三", "四", "五", "六", "日"));
		model.addAttribute("constructionDays", days);
		model.addAttribute("calendarDays", calendarDays);
		model.addAttribute("failed", failed == null ? "" : failed);
		model.addAttribute("errors", errors);
		model.addAttribute("typed", typed);
		return "project/detail";
	}

	// ---- participating units, stoppages, resumption, completion ----------------------------------------

	@PostMapping("/projects/{id}/units")
	String addUnit(@PathVariable long id, @RequestParam Map<String, String> typed, Model model, RedirectAttributes flash) {
		return attempt(id, "unit", typed, model, flash, () -> {
			ParticipatingUnit unit = projects.addUnit(id, new Projects.UnitRegistration(
					enterpriseOf("enterpriseId", typed.get("enterprise")), typed.get("unitType"),
					TypedInput.day("entryDate", typed.get("entryDate"))));
			return messages.get("project.unit-added", unit.enterpriseName(), messages.label(unit.unitType()));
		});
	}

	@PostMapping("/projects/{id}/units/{unitId}/exit")
	String exitUnit(@PathVariable long id, @PathVariable long unitId, @RequestParam Map<String, String> typed, Model model,
			RedirectAttributes flash) {
		return attempt(id, "exit-" + unitId, typed, model, flash, () -> {
			ParticipatingUnit unit = projects.exitUnit(id, unitId, TypedInput.day("exitDate", typed.get("exitDate")));
			return messages.get("project.unit-exited", unit.enterpriseName(), unit.exitDate());
		});
	}

	@PostMapping("/projects/{id}/stoppages")
	String declareStoppage(@PathVariable long id, @RequestParam Map<String, String> typed, Model model,
			RedirectAttributes flash) {
		return attempt(id, "stoppage", typed, model, flash, () -> {
			Stoppage s = projects.declareStoppage(id, new Projects.StoppageDeclaration(TypedInput.day("firstDay", typed.get("firstDay")),
					TypedInput.day("lastDay", typed.get("lastDay")), typed.get("reason")));
			return messages.get(s.status() == Stoppage.Status.PENDING ? "project.stoppage-pending" : "project.stoppage-declared",
					s.firstDay());
		});
	}

	@PostMapping("/projects/{id}/resumption")
	String resume(@PathVariable long id, @RequestParam Map<String, String> typed, Model model, RedirectAttributes flash) {
		return attempt(id, "resume", typed, model, flash, () -> {
			LocalDate day = TypedInput.day("resumptionDay", typed.get("resumptionDay"));
			projects.resume(id, day);
			return messages.get("project.resumed", day);
		});
	}

	@PostMapping("/projects/{id}/completion")
	String complete(@PathVariable long id, @RequestParam Map<String, String> typed, Model model, RedirectAttributes flash) {
		return attempt(id, "complete", typed, model, flash, () -> {
			Project p = projects.complete(id, TypedInput.day("completionDate", typed.get("completionDate")));
			return messages.get("project.completed", p.completionDate());
		});
	}

	/**
	 * An officer of the project's region approves or rejects a pending stoppage, with the reason, from the project
	 * page or from the approvals queue ({@code back}); a refusal shows next to the note, or on the queue.
	 */
	@PostMapping("/projects/{id}/stoppages/{stoppageId}/decision")
	String decideStoppage(@PathVariable long id, @PathVariable long stoppageId, @RequestParam Map<String, String> typed,
			Model model, RedirectAttributes flash) {
		String back = typed.get("back");
		try {
			Stoppage s = "APPROVE".equals(typed.get("decision"))
					? projects.approveStoppage(id, stoppageId, typed.get("note"))
					: projects.rejectStoppage(id, stoppageId, typed.get("note"));
			flash.addFlashAttribute("notice", messages.get("project.stoppage-decided", projects.require(id).name(),
					s.firstDay(), messages.label(s.status())));
		}
		catch (RuleViolation e) {
			if (back == null) {
				return detailPage(id, null, "decision-" + stoppageId, FormErrors.of(e, messages), typed, model);
			}
			flash.addFlashAttribute("problem", messages.summary(e));
		}
		return "redirect:" + PageLinks.back(back, "/projects/" + id);
	}

	/** Runs a change from the project page: on success back to the page with the notice, else the form again. */
	private String attempt(long id, String form, Map<String, String> typed, Model model, RedirectAttributes flash,
			Supplier<String> change) {
		try {
			flash.addFlashAttribute("notice", change.get());
			return "redirect:/projects/" + id;
		}
		catch (RuleViolation e) {
			return detailPage(id, null, form, FormErrors.of(e, messages), typed, model);
		}
	}

	/**
	 * The enterprise typed as its unified social credit code or its name: the one registered with that code, else
	 * the one with exactly that name, else the only one whose name contains it.
	 */
	private Long enterpriseOf(String field, String typed) {
		if (typed == null || typed.isBlank()) {
			return null;
		}
		String text = typed.strip();
		Optional<Enterprise> byCode = enterprises.findByCreditCode(text);
		if (byCode.isPresent()) {
			return byCode.get().id();
		}
		Page<Enterprise> found = enterprises.search(text, 0, 10);
		Optional<Enterprise> exact = found.items().stream().filter(e -> e.name().equals(text)).findFirst();
		if (exact.isPresent()) {
			return exact.get().id();
		}
		if (found.total() == 1) {
			return found.items().get(0).id();
		}
		throw RuleViolation.of(field, found.total() == 0 ? "enterprise.unknown" : "enterprise.ambiguous");
	}


	/** Who acted, by the account's name (系统 for the platform's own jobs). */
	private String displayName(String username) {
		return names.of(username);
	}
}
