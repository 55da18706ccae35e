package io.siteroll.enforcement.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import io.siteroll.compliance.InspectionShortfall;
import io.siteroll.compliance.Measure;
import io.siteroll.compliance.Rule;
import io.siteroll.compliance.RuleSet;
import io.siteroll.compliance.RuleSets;
import io.siteroll.device.Device;
import io.siteroll.device.Devices;
import io.siteroll.enforcement.Inspection;
import io.siteroll.enforcement.Inspection.Attack;
import io.siteroll.enforcement.Inspections;
import io.siteroll.enforcement.RectificationOrder;
import io.siteroll.enforcement.RectificationOrders;
import io.siteroll.identity.ActorNames;
import io.siteroll.identity.CurrentActor;
import io.siteroll.personnel.ManagerPost;
import io.siteroll.personnel.ManagerPosts;
import io.siteroll.personnel.Post;
import io.siteroll.platform.Checks;
import io.siteroll.platform.FormErrors;
import io.siteroll.platform.Messages;
import io.siteroll.platform.Page;
import io.siteroll.platform.RuleViolation;
import io.siteroll.platform.Spreadsheets;
import io.siteroll.platform.Violation;
import io.siteroll.project.Project;
import io.siteroll.project.ProjectAccess;
import io.siteroll.platform.ReadOnlyWork;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * 监督检查 in the browser: an officer overseeing the project records an on-site inspection (the checklist items, the
 * managers present, the headcount whose R3 shortfall and measure the page shows as it is typed, each device's
 * function test, attachments); the project's inspections and each inspection's record in words. Every decision is
 * the application services' ({@link Inspections}, {@link InspectionShortfall}), so the page refuses exactly what the
 * API refuses.
 */
@Controller
class InspectionPages {

	/** A function test's outcome as the form offers it; an untested attack is left out of the record. */
	static final String PASSED = "PASSED";

	static final String FAILED = "FAILED";

	/**
	 * What the officer typed, kept as text so that a refused form shows it again exactly as typed.
	 * {@code tests}: the outcome per {@code deviceId-ATTACK}; {@code evidence}: what was tried, per device.
	 */
	record Form(String day, String inspectors, String devicesEquipped, String devicesConnected,
			List<String> managersPresent, String headcount, String notes, Map<String, String> tests,
			Map<String, String> evidence) {

		static Form of(MultiValueMap<String, String> params) {
			Map<String, String> tests = new LinkedHashMap<>();
			Map<String, String> evidence = new LinkedHashMap<>();
			params.forEach((name, values) -> {
				if (name.startsWith("test-") && !values.isEmpty()) {
					tests.put(name.substring(5), values.get(0));
				}
				else if (name.startsWith("evidence-") && !values.isEmpty()) {
					evidence.put(name.substring(9), values.get(0));
				}
			});
			List<String> managers = params.getOrDefault("managersPresent", List.of());
			return new Form(params.getFirst("day"), params.getFirst("inspectors"), params.getFirst("devicesEquipped"),
					params.getFirst("devicesConnected"), managers, params.getFirst("headcount"), params.getFirst("notes"),
					tests, evidence);
		}

		/** The outcome typed for one attack on one device: {@code PASSED}, {@code FAILED} or empty (not tested). */
		public String outcome(long deviceId, Attack attack) {
			return tests.getOrDefault(deviceId + "-" + attack.name(), "");
		}

		public String evidenceOf(long deviceId) {
			return evidence.getOrDefault(String.valueOf(deviceId), "");
		}

		public boolean present(Post post) {
			return managersPresent.contains(post.name());
		}
	}

	/** A manager the inspectors may find on site: a current post holder, key posts (the rule set's) first. */
	record Manager(Post post, String name, boolean key) {
	}

	/** A function test on the inspection's record, with the device named as the page shows it. */
	record TestLine(String device, Attack attack, boolean passed, String evidence) {
	}

	/** What the live shortfall line says: the R3 judgement, and the rule set's penalty threshold. */
	record ShortfallView(InspectionShortfall.Result result, int penaltyFrom) {
	}

	private final Inspections inspections;

	private final InspectionShortfall shortfalls;

	private final RuleSets ruleSets;

	private final RectificationOrders orders;

	private final ProjectAccess access;

	private final ManagerPosts managers;

	private final Devices devices;

	private final ActorNames officers;

	private final CurrentActor actors;

	private final Messages messages;

	private final Clock clock;

	private final ListFilters filters;

	InspectionPages(Inspections inspections, InspectionShortfall shortfalls, RuleSets ruleSets,
			RectificationOrders orders, ProjectAccess access, ManagerPosts managers, Devices devices,
			ActorNames officers, CurrentActor actors, Messages messages, Clock clock, ListFilters filters) {
		this.filters = filters;
		this.inspections = inspections;
		this.shortfalls = shortfalls;
		this.ruleSets = ruleSets;
		this.orders = orders;
		this.access = access;
		this.managers = managers;
		this.devices = devices;
		this.officers = officers;
		this.actors = actors;
		this.messages = messages;
		this.clock = clock;
	}

	@GetMapping("/projects/{id}/inspections")
	String list(@PathVariable long id, @RequestParam(required = false) Integer page, Model model) {
		Project project = access.requireVisible(id);
		model.addAttribute("project", project);
		model.addAttribute("inspections", inspections.forProject(id, Page.number(page), 20));
		model.addAttribute("canInspect", access.oversees(project));
		return "enforcement/inspections";
	}

	/** Rows per page of the inspections across projects. */
	private static final int INSPECTIONS_PAGE = 50;

	/**
	 * The inspections across the projects an officer oversees, by region and month held: the list a notice's count
	 * of a month's inspections and function tests opens. A refused filter is shown on its field with an empty list.
	 */
	@GetMapping("/inspections")
	String acrossProjects(@RequestParam(required = false) String region, @RequestParam(required = false) String month,
			@RequestParam(required = false) Integer page, Model model) {
		ListFilters.Checked checked = filters.check(region, month);
		filters.show(model, region, month, checked);
		model.addAttribute("inspections", checked.refused() ? ListFilters.none(INSPECTIONS_PAGE)
				: inspections.search(new Inspections.Search(checked.region(), checked.month()), Page.number(page),
						INSPECTIONS_PAGE));
		return "enforcement/inspection-list";
	}

	/** The inspections across projects as Excel with the page's filters, written page by page. */
	@ReadOnlyWork
	@GetMapping(path = "/inspections", params = "format=xlsx")
	void acrossProjectsExcel(@RequestParam(required = false) String region, @RequestParam(required = false) String month,
			HttpServletResponse response) {
		ListFilters.Checked checked = filters.require(region, month);
		Inspections.Search search = new Inspections.Search(checked.region(), checked.month());
		Spreadsheets.write(response, messages.get("export.inspections.across-file", LocalDate.now(clock)),
				messages.get("export.inspections.sheet"),
				messages.all("export.column.inspection-day", "export.column.project", "export.column.inspectors",
						"export.column.headcount", "export.column.valid-day", "export.column.shortfall",
						"export.column.measure", "export.column.failed-tests", "export.column.orders"),
				rows -> Page.each(number -> inspections.search(search, number, Page.MAX_SIZE),
						x -> rows.add(cells(x.inspection(), x.projectName()))));
	}

	/** The project's inspections as Excel, written page by page. */
	@ReadOnlyWork
	@GetMapping(path = "/projects/{id}/inspections", params = "format=xlsx")
	void excel(@PathVariable long id, HttpServletResponse response) {
		Project project = access.requireVisible(id);
		Spreadsheets.write(response, messages.get("export.inspections.file", project.code(), LocalDate.now(clock)),
				messages.get("export.inspections.sheet"),
				messages.all("export.column.inspection-day", "export.column.inspectors", "export.column.headcount",
						"export.column.valid-day", "export.column.shortfall", "export.column.measure",
						"export.column.failed-tests", "export.column.orders"),
				rows -> Page.each(number -> inspections.forProject(id, number, Page.MAX_SIZE), i -> rows.add(cells(i, null))));
	}

	@GetMapping("/projects/{id}/inspections/new")
	String form(@PathVariable long id, Model model) {
		Project project = access.requireOverseen(id);
		Form blank = new Form(LocalDate.now(clock).toString(), actors.get().displayName(), null, null, List.of(), null,
				null, Map.of(), Map.of());
		return showForm(project, blank, null, model);
	}

	/**
	 * The shortfall line under the headcount, fetched by htmx as the officer types: the platform's R3 judgement of
	 * the typed day and headcount (the rule set's threshold, {@code Escalation}'s measure), or why it cannot be
	 * judged yet. Always 200, so that the line is replaced whatever was typed.
	 */
	@GetMapping("/projects/{id}/inspections/shortfall")
	String shortfall(@PathVariable long id, @RequestParam(required = false) String day,
			@RequestParam(required = false) String headcount, Model model) {
		access.requireOverseen(id);
		Checks checks = new Checks();
		LocalDate parsedDay = parseDay(checks, day);
		Integer parsedHeadcount = parseHeadcount(checks, headcount);
		if (headcount == null || headcount.isBlank()) {
			return "enforcement/inspection-shortfall :: shortfall";
		}
		try {
			checks.throwIfAny();
			model.addAttribute("shortfall", view(shortfalls.judge(id, parsedDay, parsedHeadcount)));
		}
		catch (RuleViolation e) {
			model.addAttribute("shortfallProblem", messages.summary(e));
		}
		return "enforcement/inspection-shortfall :: shortfall";
	}

	@PostMapping("/projects/{id}/inspections")
	String record(@PathVariable long id, @RequestParam MultiValueMap<String, String> params,
			@RequestParam(name = "file", required = false) List<MultipartFile> files, Model model,
			RedirectAttributes flash) {
		Project project = access.requireOverseen(id);
		Form form = Form.of(params);
		Checks typed = new Checks();
		Inspections.Record record = new Inspections.Record(parseDay(typed, form.day()), form.inspectors(),
				yesNo(form.devicesEquipped()), yesNo(form.devicesConnected()),
				form.managersPresent().stream().distinct().toList(), parseHeadcount(typed, form.headcount()),
				blankToNull(form.notes()), tests(form));
		try {
			// A day or headcount that is not one goes to the service as absent: it refuses the record, with every
			// other mistake, and the typed field's own message replaces its "required".
			Inspection inspection = inspections.record(id, record, uploads(files));
			String notice = messages.get("inspection.recorded", inspection.day(), inspection.shortfall(),
					measureText(inspection.shortfallMeasure()));
			if (!inspection.orderIds().isEmpty()) {
				notice += messages.get("inspection.recorded.orders", orderNumbers(inspection));
			}
			flash.addFlashAttribute("notice", notice);
			return "redirect:/inspections/" + inspection.id();
		}
		catch (RuleViolation e) {
			Set<String> mistyped = new HashSet<>();
			typed.violations().forEach(v -> mistyped.add(v.field()));
			List<Violation> all = new ArrayList<>(typed.violations());
			e.violations().stream().filter(v -> !mistyped.contains(v.field())).forEach(all::add);
			return showForm(project, form, FormErrors.of(new RuleViolation(all), messages), model);
		}
	}

	@GetMapping("/inspections/{id}")
	String one(@PathVariable long id, Model model) {
		Inspections.Filed filed = inspections.filed(id);
		Inspection inspection = filed.inspection();
		Project project = access.requireVisible(inspection.projectId());
		Map<Long, Device> gates = devices.forProject(project.id()).stream()
			.collect(Collectors.toMap(Device::id, Function.identity()));
		List<TestLine> tests = inspection.functionTests().stream()
			.map(t -> new TestLine(deviceName(gates.get(t.deviceId()), t.deviceId()), t.attack(), t.passed(), t.evidence()))
			.toList();
		List<RectificationOrder> issued = inspection.orderIds().stream().map(orders::require).toList();
		Measure measure = inspection.shortfallMeasure();
		boolean oversees = access.oversees(project);
		model.addAttribute("filed", filed);
		model.addAttribute("i", inspection);
		model.addAttribute("project", project);
		model.addAttribute("recorder", officers.named(inspection.recordedBy()));
		List<ManagerPost> holders = managers.posts(project.id());
		model.addAttribute("managersPresent", inspection.managersPresent().stream().map(Post::ofCode)
			.filter(p -> p != null)
			.map(p -> new Manager(p, holderNames(holders, p, inspection.day()), false))
			.toList());
		model.addAttribute("tests", tests);
		model.addAttribute("measure", measure);
		model.addAttribute("orders", issued);
		model.addAttribute("canOrderShortfall", oversees && measure == Measure.RECTIFICATION_ORDER
				&& issued.stream().noneMatch(o -> o.rule() == Rule.R3));
		model.addAttribute("canAttach", oversees);
		return "enforcement/inspection";
	}

	/** Issues the order an inspection's worker shortfall calls for (R3 below the penalty threshold), in one click. */
	@PostMapping("/inspections/{id}/order")
	String orderFromShortfall(@PathVariable long id, RedirectAttributes flash) {
		try {
			RectificationOrder order = orders.issue(new RectificationOrders.FromInspection(id, null, null));
			flash.addFlashAttribute("notice", messages.get("order.issued", order.id(), order.deadline()));
			return "redirect:/orders/" + order.id();
		}
		catch (RuleViolation e) {
			flash.addFlashAttribute("problem", messages.summary(e));
			return "redirect:/inspections/" + id;
		}
	}

	/** Adds a photo or document to an inspection already on file. */
	/** A photo or document the inspectors filed, for whoever sees the inspection. */
	@GetMapping("/inspections/{id}/attachments/{attachmentId}")
	ResponseEntity<byte[]> attachment(@PathVariable long id, @PathVariable long attachmentId) {
		return AttachmentDownloads.of(inspections.attachment(id, attachmentId));
	}

	@PostMapping("/inspections/{id}/attachments")
	String attach(@PathVariable long id, @RequestParam(name = "file", required = false) MultipartFile file,
			RedirectAttributes flash) {
		try {
			Inspections.Upload upload = file == null ? new Inspections.Upload(null, null, null) : upload(file);
			inspections.attach(id, upload.fileName(), upload.contentType(), upload.content());
			flash.addFlashAttribute("notice", messages.get("inspection.attached", upload.fileName()));
		}
		catch (RuleViolation e) {
			flash.addFlashAttribute("problem", messages.summary(e));
		}
		return "redirect:/inspections/" + id;
	}

	private String showForm(Project project, Form form, FormErrors errors, Model model) {
		RuleSet rules = ruleSets.inForce(YearMonth.now(clock));
		List<String> keyPosts = rules.keyPosts();
		List<Manager> holders = managers.posts(project.id()).stream()
			.filter(ManagerPost::active)
			.map(m -> new Manager(m.post(), m.personName(), keyPosts.contains(m.post().name())))
			.sorted(Comparator.comparing((Manager m) -> !m.key()).thenComparing(m -> m.post().ordinal()))
			.toList();
		List<Device> gates = devices.forProject(project.id()).stream().filter(Device::enabled).toList();
		model.addAttribute("project", project);
		model.addAttribute("form", form);
		model.addAttribute("errors", errors);
		model.addAttribute("managers", holders);
		model.addAttribute("gates", gates);
		model.addAttribute("attacks", Attack.values());
		model.addAttribute("penaltyFrom", rules.shortfallPenaltyFrom());
		if (form.headcount() != null && !form.headcount().isBlank()) {
			try {
				Checks checks = new Checks();
				LocalDate day = parseDay(checks, form.day());
				Integer headcount = parseHeadcount(checks, form.headcount());
				checks.throwIfAny();
				model.addAttribute("shortfall", view(shortfalls.judge(project.id(), day, headcount)));
			}
			catch (RuleViolation e) {
				// the form's own errors say what is wrong with the day or the headcount
			}
		}
		return "enforcement/inspection-form";
	}

	/** Who held a post on the inspection day, by name ("、" between several holders); null when nobody did. */
	private static String holderNames(List<ManagerPost> holders, Post post, LocalDate day) {
		String names = holders.stream()
			.filter(m -> m.post() == post && !m.tenureFrom().isAfter(day) && (m.tenureTo() == null || !m.tenureTo().isBefore(day)))
			.map(ManagerPost::personName)
			.distinct()
			.collect(Collectors.joining("、"));
		return names.isEmpty() ? null : names;
	}

	private ShortfallView view(InspectionShortfall.Result result) {
		return new ShortfallView(result, ruleSets.require(result.ruleSetId()).shortfallPenaltyFrom());
	}

	/**
	 * An inspection's row in an export: its day, the project's name (when the sheet spans projects), the inspectors, the
	 * headcount against the day's valid attendance, the measure, the failed function tests and the orders issued.
	 */
	private Object[] cells(Inspection i, String projectName) {
		List<Object> cells = new ArrayList<>();
		cells.add(i.day());
		if (projectName != null) {
			cells.add(projectName);
		}
		cells.addAll(Arrays.asList(i.inspectors(), i.headcount(), i.workersWithValidDay(), i.shortfall(),
				measureText(i.shortfallMeasure()), i.functionTests().stream().filter(t -> !t.passed()).count(),
				orderNumbers(i)));
		return cells.toArray();
	}

	private String orderNumbers(Inspection inspection) {
		return inspection.orderIds().stream().map(String::valueOf)
			.collect(Collectors.joining(messages.get("text.list-separator")));
	}

	private String measureText(Measure measure) {
		return measure == null ? messages.get("inspection.shortfall.none") : messages.label(measure);
	}

	private String deviceName(Device device, long id) {
		if (device == null) {
			return messages.get("inspection.device.unknown", id);
		}
		return messages.get("inspection.device.name", device.channelName(), messages.label(device.kind()),
				device.serialNumber());
	}

	private static List<Inspections.TestRecord> tests(Form form) {
		List<Inspections.TestRecord> tests = new ArrayList<>();
		form.tests().forEach((key, outcome) -> {
			if (!PASSED.equals(outcome) && !FAILED.equals(outcome)) {
				return;
			}
			int dash = key.indexOf('-');
			Long deviceId = dash < 0 ? null : parseLong(key.substring(0, dash));
			String attack = dash < 0 ? key : key.substring(dash + 1);
			String evidence = deviceId == null ? null : blankToNull(form.evidence().get(String.valueOf(deviceId)));
			tests.add(new Inspections.TestRecord(deviceId, attack, PASSED.equals(outcome), evidence));
		});
		return tests;
	}

	private static List<Inspections.Upload> uploads(List<MultipartFile> files) {
		if (files == null) {
			return List.of();
		}
		return files.stream().filter(f -> !f.isEmpty() || (f.getOriginalFilename() != null
				&& !f.getOriginalFilename().isBlank())).map(InspectionPages::upload).toList();
	}

	private static Inspections.Upload upload(MultipartFile file) {
		try {
			String name = file.getOriginalFilename() == null || file.getOriginalFilename().isBlank() ? null
					: file.getOriginalFilename();
			return new Inspections.Upload(name, file.getContentType(), file.getBytes());
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	private static LocalDate parseDay(Checks checks, String text) {
		if (text == null || text.isBlank()) {
			return null;
		}
		try {
			return LocalDate.parse(text.strip());
		}
		catch (DateTimeParseException e) {
			checks.add(Violation.of("day", "format"));
			return null;
		}
	}

	private static Integer parseHeadcount(Checks checks, String text) {
		if (text == null || text.isBlank()) {
			return null;
		}
		try {
			return Integer.valueOf(text.strip());
		}
		catch (NumberFormatException e) {
			checks.add(Violation.of("headcount", "format"));
			return null;
		}
	}

	private static Boolean yesNo(String text) {
		return "true".equals(text) ? Boolean.TRUE : "false".equals(text) ? Boolean.FALSE : null;
	}

	private static Long parseLong(String text) {
		try {
			return Long.valueOf(text);
		}
		catch (NumberFormatException e) {
			return null;
		}
	}

	private static String blankToNull(String text) {
		return text == null || text.isBlank() ? null : text;
	}
}
