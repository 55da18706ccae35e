package io.siteroll.device.web;

import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.LinkedHashMap;
import java.util.Map;

import io.siteroll.attendance.DailyPresence;
import io.siteroll.attendance.FraudSignals;
import io.siteroll.attendance.Gate;
import io.siteroll.attendance.PassOutcome;
import io.siteroll.attendance.Passes;
import io.siteroll.device.Device;
import io.siteroll.device.Devices;
import io.siteroll.platform.CodeDictionary;
import io.siteroll.platform.Messages;
import io.siteroll.platform.Page;
import io.siteroll.platform.RuleViolation;
import io.siteroll.project.ProjectAccess;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Pages for gates: the gates section of a project's page (devices and their state, recent presence,
 * fraud signals), registering a device (its secret shown once), and the project's passes. Codes
 * (protocol, kind, direction, signal kind, outcome, refusal reason, liveness) are typed and the
 * templates label them from the message bundles ({@code @messages.label}).
 */
@Controller
class DevicePages {

	/** The registration form as the browser sends it. */
	record DeviceForm(String serialNumber, String vendor, String model, String protocol, String kind, String direction,
			String channelName, LocalDate registeredOn) {
	}

	private final Devices devices;

	private final DailyPresence presence;

	private final FraudSignals signals;

	private final Passes passes;

	private final ProjectAccess access;

	private final CodeDictionary codes;

	private final Messages messages;

	private final Clock clock;

	DevicePages(Devices devices, DailyPresence presence, FraudSignals signals, Passes passes, ProjectAccess access,
			CodeDictionary codes, Messages messages, Clock clock) {
		this.devices = devices;
		this.presence = presence;
		this.signals = signals;
		this.passes = passes;
		this.access = access;
		this.codes = codes;
		this.messages = messages;
		this.clock = clock;
	}

	@GetMapping("/projects/{id}/gates")
	String gates(@PathVariable long id, Model model) {
		LocalDate today = LocalDate.now(clock);
		YearMonth month = YearMonth.from(today);
		model.addAttribute("projectId", id);
		model.addAttribute("devices", devices.forProject(id));
		model.addAttribute("canManage", access.canManage(id));
		model.addAttribute("connectedDays", devices.connectedDays(id, month.atDay(1), today).size());
		model.addAttribute("counts", presence.dailyCounts(id, today.minusDays(6), today));
		model.addAttribute("signals", signals.forProject(id, null, null, null, 0, 10));
		return "device/gates :: gates";
	}

	@GetMapping("/projects/{id}/devices/new")
	String registration(@PathVariable long id, Model model) {
		model.addAttribute("project", access.requireManageable(id));
		model.addAttribute("form", new DeviceForm("", "", "", "SITEROLL", "FACE_TURNSTILE", "IN", "", LocalDate.now(clock)));
		return registrationPage(model);
	}

	@PostMapping("/projects/{id}/devices/new")
	String register(@PathVariable long id, @ModelAttribute DeviceForm form, Model model) {
		model.addAttribute("project", access.requireManageable(id));
		model.addAttribute("form", form);
		try {
			Devices.Registered registered = devices.register(new Devices.Registration(id, form.serialNumber(), form.vendor(),
					form.model(), parse(Device.Protocol.class, form.protocol()), parse(Device.Kind.class, form.kind()),
					parse(Gate.Direction.class, form.direction()), form.channelName(), form.registeredOn()));
			model.addAttribute("registered", registered);
			model.addAttribute("form", new DeviceForm("", form.vendor(), form.model(), form.protocol(), form.kind(),
					form.direction(), "", form.registeredOn()));
		}
		catch (RuleViolation e) {
			model.addAttribute("error", messages.summary(e));
		}
		return registrationPage(model);
	}

	/** The registration form offers every protocol, kind and direction the platform knows. */
	private static String registrationPage(Model model) {
		model.addAttribute("protocols", Device.Protocol.values());
		model.addAttribute("kinds", Device.Kind.values());
		model.addAttribute("directions", Gate.Direction.values());
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
		Map<Long, String> names = new LinkedHashMap<>();
		devices.forProject(id).forEach(d -> names.put(d.id(), d.channelName() + "（" + d.serialNumber() + "）"));
		model.addAttribute("devices", names);
		Map<String, String> types = new LinkedHashMap<>();
		codes.list(CodeDictionary.ATTEND_TYPE).forEach(c -> types.put(c.code(), c.nameZh()));
		model.addAttribute("attendTypes", types);
		return "device/passes";
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
