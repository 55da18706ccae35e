package io.siteroll.device.web;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

import io.siteroll.attendance.DailyPresence;
import io.siteroll.attendance.FraudSignal;
import io.siteroll.attendance.FraudSignalSentences;
import io.siteroll.attendance.FraudSignals;
import io.siteroll.attendance.Gate;
import io.siteroll.attendance.PassOutcome;
import io.siteroll.attendance.Passes;
import io.siteroll.device.Device;
import io.siteroll.device.DeviceSilence;
import io.siteroll.device.Devices;
import io.siteroll.device.zkteco.ZktecoProvisioning;
import io.siteroll.identity.ActorNames;
import io.siteroll.personnel.Person;
import io.siteroll.personnel.Persons;
import io.siteroll.platform.CodeDictionary;
import io.siteroll.platform.FormErrors;
import io.siteroll.platform.Messages;
import io.siteroll.platform.NotFound;
import io.siteroll.platform.Page;
import io.siteroll.platform.RuleViolation;
import io.siteroll.project.ConstructionCalendar;
import io.siteroll.project.Project;
import io.siteroll.project.ProjectAccess;
import io.siteroll.project.Projects;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Pages for gates: a project's gates (each gate's contact in words, its passes today and this month, its connected
 * days, and what R1 still misses), one gate's page (history, assignments, provisioning, and the actions: disable,
 * enable, move, new secret), registering a gate (its secret shown once) and the project's passes. Every action goes
 * through {@link Devices} or {@link ZktecoProvisioning}, so the page has exactly the API's scope; every form is
 * Post/Redirect/Get, a refused one shown again with its errors next to the fields.
 */
@Controller
class DevicePages {

	/** The registration form as the browser sends it. */
	record DeviceForm(String serialNumber, String vendor, String model, String protocol, String kind, String direction,
			String channelName, LocalDate registeredOn) {
	}

	/** The move form as the browser sends it. */
	record MoveForm(Long projectId, LocalDate fromDay, String channelName) {
	}

	/** A secret shown once after a registration or a new secret, carried by the redirect's flash. */
	record SecretShown(long deviceId, String serialNumber, String secret, boolean zkteco) {
	}

	/** A fraud signal as the gates page shows it: the person by name, the gate by its name, the evidence in words. */
	record SignalRow(FraudSignal signal, String person, String gate, String evidence) {
	}

	/** One gate as the gates page shows it. */
	record GateRow(Device device, DeviceSilence.Contact contact, long passesToday, long refusedToday, long passesMonth,
			int connectedDays) {
	}

	/** Vendors offered while typing (a free text field: any maker may be registered). */
	static final List<String> VENDORS = List.of("海康威视", "大华", "中控智慧", "宇泛", "旷视", "商汤");

	private final Devices devices;

	private final DailyPresence presence;

	private final FraudSignals signals;

	private final Passes passes;

	private final ProjectAccess access;

	private final Projects projects;

	private final ConstructionCalendar calendar;

	private final DeviceSilence silence;

	private final ZktecoProvisioning provisioning;

	private final FraudSignalSentences sentences;

	private final Persons persons;

	private final CodeDictionary codes;

	private final Messages messages;

	private final Clock clock;

	private final ActorNames names;

	DevicePages(Devices devices, DailyPresence presence, FraudSignals signals, Passes passes, ProjectAccess access,
			Projects projects, ConstructionCalendar calendar, DeviceSilence silence, ZktecoProvisioning provisioning,
			FraudSignalSentences sentences, Persons persons, CodeDictionary codes, Messages messages, Clock clock, ActorNames names) {
		this.names = names;
		this.sentences = sentences;
		this.persons = persons;
		this.devices = devices;
		this.presence = presence;
		this.signals = signals;
		this.passes = passes;
		this.access = access;
		this.projects = projects;
		this.calendar = calendar;
		this.silence = silence;
		this.provisioning = provisioning;
		this.codes = codes;
		this.messages = messages;
		this.clock = clock;
	}

	/**
	 * The project's gates: as a section of the project's page when htmx asks for it, as a page of its own
	 * otherwise (where the gate actions come back to).
	 */
	@GetMapping("/projects/{id}/gates")
	String gates(@PathVariable long id, @RequestHeader(name = "HX-Request", required = false) String htmx, Model model) {
		Project project = access.requireVisible(id);
		LocalDate today = LocalDate.now(clock);
		YearMonth month = YearMonth.from(today);
		List<Device> list = devices.forProject(id);
		Map<Long, Passes.GateCount> todays = new HashMap<>();
		passes.countsByGate(id, today, today).forEach(c -> todays.put(c.deviceId(), c));
		Map<Long, Passes.GateCount> months = new HashMap<>();
		passes.countsByGate(id, month.atDay(1), today).forEach(c -> months.put(c.deviceId(), c));
		Map<Long, Integer> heardDays = devices.connectedDaysByDevice(id, month.atDay(1), today);
		Instant now = clock.instant();
		List<GateRow> rows = list.stream()
			.map(d -> new GateRow(d, silence.contact(d, now), count(todays, d, true), count(todays, d, false),
					count(months, d, true), heardDays.getOrDefault(d.id(), 0)))
			.toList();
		List<LocalDate> connected = devices.connectedDays(id, month.atDay(1), today);
		model.addAttribute("project", project);
		model.addAttribute("projectId", id);
		model.addAttribute("gates", rows);
		model.addAttribute("canManage", access.canManage(id));
		model.addAttribute("connectedDays", connected.size());
		model.addAttribute("missing", missingForR1(project, list, new HashSet<>(connected), today));
		model.addAttribute("counts", presence.dailyCounts(id, today.minusDays(6), today));
		Map<Long, String> gateNames = gateNames(list);
		Locale locale = LocaleContextHolder.getLocale();
		model.addAttribute("signals", signals.forProject(id, null, null, null, 0, 10)
			.map(s -> new SignalRow(s, s.personId() == null ? "" : persons.require(s.personId()).name(),
					s.deviceId() == null ? "" : gateNames.getOrDefault(s.deviceId(), ""), sentences.describe(s, locale, gateNames))));
		return "true".equals(htmx) ? "device/gates :: gates" : "device/gates-page";
	}

	private static long count(Map<Long, Passes.GateCount> counts, Device device, boolean accepted) {
		Passes.GateCount c = counts.get(device.id());
		return c == null ? 0 : accepted ? c.accepted() : c.refused();
	}

	/**
	 * What the project lacks for R1 as of today, in sentences: a gate registered, enabled, heard by the platform, by
	 * the start date, and heard on every construction day of the month so far. Facts from the device module and the
	 * construction calendar, read as the monthly evaluation reads them (observed, never declared); empty when
	 * nothing is missing. The evaluation itself (compliance) judges the month; this is a preview for the people who
	 * can still act.
	 */
	private List<String> missingForR1(Project project, List<Device> list, Set<LocalDate> connected, LocalDate today) {
		List<String> missing = new ArrayList<>();
		LocalDate start = project.startDate();
		if (start == null || start.isAfter(today)) {
			if (list.isEmpty()) {
				missing.add(messages.get("gates.r1.before-start", start == null ? "—" : start));
			}
			return missing;
		}
		List<Device> enabled = list.stream().filter(Device::enabled).toList();
		if (list.isEmpty()) {
			missing.add(messages.get("gates.r1.none", start));
			return missing;
		}
		if (enabled.isEmpty()) {
			missing.add(messages.get("gates.r1.all-disabled"));
		}
		LocalDate equipped = list.stream().map(Device::equippedOn).filter(d -> d != null).min(LocalDate::compareTo).orElse(null);
		if (equipped == null) {
			missing.add(messages.get("gates.r1.never-heard"));
		}
		else if (equipped.isAfter(start)) {
			missing.add(messages.get("gates.r1.late", equipped, start));
		}
		LocalDate monthStart = YearMonth.from(today).atDay(1);
		List<LocalDate> gaps = calendar.constructionDays(project.id(), monthStart, today.minusDays(1)).stream()
			.filter(day -> !connected.contains(day))
			.toList();
		if (!gaps.isEmpty()) {
			List<String> shown = gaps.stream().limit(10).map(LocalDate::toString).toList();
			missing.add(messages.get("gates.r1.disconnected", gaps.size(), String.join("、", shown)
					+ (gaps.size() > shown.size() ? "…" : "")));
		}
		if (!enabled.isEmpty() && calendar.isConstructionDay(project.id(), today) && !connected.contains(today)) {
			missing.add(messages.get("gates.r1.not-heard-today"));
		}
		return missing;
	}

	/** One gate: its contact, history and assignments, provisioning (ZKTeco) and the actions its managers may take. */
	@GetMapping("/devices/{id}")
	String device(@PathVariable long id, Model model) {
		Device device = devices.require(id);
		model.addAttribute("device", device);
		model.addAttribute("contact", silence.contact(device, clock.instant()));
		model.addAttribute("canManage", access.canManage(device.projectId()));
		List<Devices.Event> events = devices.events(id);
		model.addAttribute("events", events);
		Map<String, String> actorNames = new HashMap<>();
		events.forEach(e -> actorNames.computeIfAbsent(e.actor(), this::displayName));
		model.addAttribute("actorNames", actorNames);
		List<Devices.Assignment> assignments = devices.assignments(id);
		Map<Long, String> projectNames = new HashMap<>();
		assignments.forEach(a -> projectNames.computeIfAbsent(a.projectId(), this::projectName));
		model.addAttribute("assignments", assignments);
		model.addAttribute("projectNames", projectNames);
		if (device.protocol().isZkteco()) {
			List<ZktecoProvisioning.Command> commands = provisioning.commands(id, 50);
			Map<String, Long> byState = new LinkedHashMap<>();
			for (String state : List.of("QUEUED", "SENT", "CONFIRMED", "FAILED")) {
				byState.put(state, commands.stream().filter(c -> state.equals(c.state())).count());
			}
			Map<Long, String> people = new HashMap<>();
			commands.stream().map(ZktecoProvisioning.Command::personId).filter(p -> p != null)
				.forEach(p -> people.computeIfAbsent(p, this::personName));
			model.addAttribute("commands", commands);
			model.addAttribute("commandStates", byState);
			model.addAttribute("people", people);
		}
		return "device/device";
	}

	/** Who acted, as people read it: the account's name (an officer's carries the department), 系统 for the platform. */
	private String displayName(String username) {
		if ("device".equals(username)) {
			return messages.get("device.actor.device");
		}
		return names.of(username);
	}

	/** A person as the page names them: name and masked ID number, if the caller may see them. */
	private String personName(long personId) {
		try {
			Person person = persons.require(personId);
			return person.name() + "（" + person.idNumberMasked() + "）";
		}
		catch (NotFound unseen) {
			return messages.get("device.person-unseen");
		}
	}

	/** A project's name if the caller sees it (a gate moved away from a project the caller does not see). */
	private String projectName(long projectId) {
		try {
			return access.requireVisible(projectId).name();
		}
		catch (NotFound unseen) {
			return messages.get("device.project-unseen", projectId);
		}
	}

	@PostMapping("/devices/{id}/disable")
	String disable(@PathVariable long id, @RequestParam(required = false) String reason, RedirectAttributes flash,
			Model model) {
		try {
			Device device = devices.disable(id, reason);
			flash.addFlashAttribute("notice", messages.get("device.disabled.notice", device.serialNumber()));
			return "redirect:/devices/" + id;
		}
		catch (RuleViolation e) {
			model.addAttribute("errors", FormErrors.of(e, messages));
			model.addAttribute("reason", reason);
			return device(id, model);
		}
	}

	@PostMapping("/devices/{id}/enable")
	String enable(@PathVariable long id, RedirectAttributes flash) {
		return act(id, flash, () -> messages.get("device.enabled.notice", devices.enable(id).serialNumber()));
	}

	/** A new secret, the old one stops at once; shown once on the gate's page after the redirect. */
	@PostMapping("/devices/{id}/secret")
	String rotate(@PathVariable long id, RedirectAttributes flash) {
		return act(id, flash, () -> {
			Devices.Registered r = devices.rotateSecret(id);
			flash.addFlashAttribute("secretShown", new SecretShown(id, r.device().serialNumber(), r.secret(),
					r.device().protocol().isZkteco()));
			return messages.get("device.secret.notice", r.device().serialNumber());
		});
	}

	/** ZKTeco: queues the roster changes for the gate to fetch; the queue's state is on the gate's page. */
	@PostMapping("/devices/{id}/provisioning")
	String provision(@PathVariable long id, RedirectAttributes flash) {
		return act(id, flash, () -> {
			Map<String, Object> queued = provisioning.provision(id);
			return messages.get("device.provisioning.notice", queued.get("users"), queued.get("faces"), queued.get("deletes"));
		});
	}

	/** An action without a form to show again: its refusal is a sentence above the gate's page. */
	private String act(long id, RedirectAttributes flash, Supplier<String> action) {
		try {
			flash.addFlashAttribute("notice", action.get());
		}
		catch (RuleViolation e) {
			flash.addFlashAttribute("problem", messages.summary(e));
		}
		return "redirect:/devices/" + id;
	}

	/** Where the gate may go: projects the caller manages (found by name or code), other than its own. */
	@GetMapping("/devices/{id}/move")
	String moving(@PathVariable long id, @RequestParam(required = false) String q, Model model) {
		Device device = devices.require(id);
		access.requireManageable(device.projectId());
		if (!model.containsAttribute("form")) {
			model.addAttribute("form", new MoveForm(null, LocalDate.now(clock), device.channelName()));
		}
		model.addAttribute("device", device);
		model.addAttribute("q", q);
		List<Project> targets = projects.search(new Projects.Search(q == null || q.isBlank() ? null : q.strip(), null, null),
				0, 50).items().stream()
			.filter(p -> p.id() != device.projectId() && access.canManage(p.id()))
			.limit(20)
			.toList();
		model.addAttribute("targets", targets);
		return "device/move";
	}

	@PostMapping("/devices/{id}/move")
	String move(@PathVariable long id, @ModelAttribute MoveForm form, RedirectAttributes flash, Model model) {
		try {
			Device moved = devices.move(id, new Devices.Move(form.projectId(), form.fromDay(), form.channelName()));
			flash.addFlashAttribute("notice", messages.get("device.moved.notice", moved.serialNumber(), moved.projectName(),
					form.fromDay()));
			return "redirect:/devices/" + id;
		}
		catch (RuleViolation e) {
			model.addAttribute("errors", FormErrors.of(e, messages));
			model.addAttribute("form", form);
			return moving(id, null, model);
		}
	}

	@GetMapping("/projects/{id}/devices/new")
	String registration(@PathVariable long id, Model model) {
		model.addAttribute("project", access.requireManageable(id));
		model.addAttribute("form", new DeviceForm("", "", "", "SITEROLL", "FACE_TURNSTILE", "IN", "", LocalDate.now(clock)));
		return registrationPage(model);
	}

	/** Registers the gate and shows it with its secret, once (the flash lives for the one redirect). */
	@PostMapping("/projects/{id}/devices/new")
	String register(@PathVariable long id, @ModelAttribute DeviceForm form, RedirectAttributes flash, Model model) {
		model.addAttribute("project", access.requireManageable(id));
		model.addAttribute("form", form);
		try {
			Devices.Registered registered = devices.register(new Devices.Registration(id, form.serialNumber(), form.vendor(),
					form.model(), parse(Device.Protocol.class, form.protocol()), parse(Device.Kind.class, form.kind()),
					parse(Gate.Direction.class, form.direction()), form.channelName(), form.registeredOn()));
			Device device = registered.device();
			flash.addFlashAttribute("secretShown", new SecretShown(device.id(), device.serialNumber(), registered.secret(),
					device.protocol().isZkteco()));
			flash.addFlashAttribute("notice", messages.get("device.registered.notice", device.serialNumber(),
					device.channelName()));
			return "redirect:/devices/" + device.id();
		}
		catch (RuleViolation e) {
			model.addAttribute("errors", FormErrors.of(e, messages));
		}
		return registrationPage(model);
	}

	/** The registration form offers every protocol, kind and direction the platform knows. */
	private static String registrationPage(Model model) {
		model.addAttribute("protocols", Device.Protocol.values());
		model.addAttribute("kinds", Device.Kind.values());
		model.addAttribute("directions", Gate.Direction.values());
		model.addAttribute("vendors", VENDORS);
		return "device/register";
	}

	@GetMapping("/projects/{id}/passes")
	String passes(@PathVariable long id, @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
			@RequestParam(required = false) String outcome, @RequestParam(required = false) Integer page, Model model) {
		model.addAttribute("project", access.requireVisible(id));
		model.addAttribute("from", from);
		model.addAttribute("to", to);
		model.addAttribute("outcome", outcome);
		model.addAttribute("outcomes", PassOutcome.values());
		model.addAttribute("passes", passes.search(id, Passes.Search.of(null, from, to, outcome), Page.number(page), 50));
		model.addAttribute("devices", gateNames(devices.forProject(id)));
		Map<String, String> types = new LinkedHashMap<>();
		codes.list(CodeDictionary.ATTEND_TYPE).forEach(c -> types.put(c.code(), c.nameZh()));
		model.addAttribute("attendTypes", types);
		return "device/passes";
	}

	/** Each gate by its channel and serial number, as the pages name gates. */
	private static Map<Long, String> gateNames(List<Device> gates) {
		Map<Long, String> names = new LinkedHashMap<>();
		gates.forEach(d -> names.put(d.id(), d.channelName() + "（" + d.serialNumber() + "）"));
		return names;
	}

	private static <E extends Enum<E>> E parse(Class<E> type, String value) {
		try {
			return value == null || value.isBlank() ? null : Enum.valueOf(type, value);
		}
		catch (IllegalArgumentException e) {
			return null;
		}
	}
}
