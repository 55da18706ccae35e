package io.siteroll.sharing.web;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

import io.siteroll.identity.CurrentActor;
import io.siteroll.platform.Checks;
import io.siteroll.platform.FormErrors;
import io.siteroll.platform.Messages;
import io.siteroll.platform.Page;
import io.siteroll.platform.RuleViolation;
import io.siteroll.platform.Spreadsheets;
import io.siteroll.sharing.Agreement;
import io.siteroll.sharing.DataSet;
import io.siteroll.sharing.SharingAgreements;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * 数据共享协议 pages: the list (state filter, search), the application form a province officer fills in for the
 * consumer department, and an agreement's page with its decisions, the credentials shown once right after
 * approval, the access log and the monthly usage (also as Excel). Every officer reads; only the province writes
 * (the service refuses the others).
 */
@Controller
class SharingPages {

	private static final List<String> STATES = java.util.Arrays.stream(Agreement.State.values()).map(Enum::name).toList();

	private final SharingAgreements agreements;

	private final CurrentActor actors;

	private final Messages messages;

	private final Clock clock;

	SharingPages(SharingAgreements agreements, CurrentActor actors, Messages messages, Clock clock) {
		this.agreements = agreements;
		this.actors = actors;
		this.messages = messages;
		this.clock = clock;
	}

	@GetMapping("/sharing")
	String list(@RequestParam(required = false) String state, @RequestParam(required = false) String q,
			@RequestParam(required = false) Integer page, Model model) {
		String chosen = Checks.oneOf("state", state, STATES);
		Page<Agreement> result = agreements.list(chosen == null ? null : Agreement.State.valueOf(chosen), q,
				Page.number(page), 20);
		model.addAttribute("result", result);
		model.addAttribute("state", chosen == null ? "" : chosen);
		model.addAttribute("states", Agreement.State.values());
		model.addAttribute("q", q == null ? "" : q);
		model.addAttribute("today", LocalDate.now(clock));
		model.addAttribute("mayWrite", actors.get().isProvince());
		return "sharing/agreements";
	}

	@GetMapping("/sharing/new")
	String form(Model model) {
		if (!model.containsAttribute("form")) {
			model.addAttribute("form", new SharingAgreements.Application("", "", "", List.of(), false, List.of("220000"),
					LocalDate.now(clock).toString(), LocalDate.now(clock).plusYears(1).toString(), "", "", "", "60"));
		}
		model.addAttribute("dataSets", DataSet.values());
		return "sharing/agreement-form";
	}

	@PostMapping("/sharing")
	String apply(@RequestParam(required = false) String consumer, @RequestParam(required = false) String purpose,
			@RequestParam(required = false) String legalBasis,
			@RequestParam(name = "fields", required = false) List<String> fields,
			@RequestParam(required = false) Boolean personalInClear,
			@RequestParam(name = "regions", required = false) String regions,
			@RequestParam(required = false) String validFrom, @RequestParam(required = false) String validTo,
			@RequestParam(required = false) String contactName, @RequestParam(required = false) String contactPhone,
			@RequestParam(required = false) String contactEmail, @RequestParam(required = false) String ratePerMinute,
			RedirectAttributes flash, Model model) {
		List<String> regionCodes = regions == null ? List.of()
				: java.util.Arrays.stream(regions.split("[,，\\s]+")).filter(s -> !s.isBlank()).toList();
		SharingAgreements.Application typed = new SharingAgreements.Application(consumer, purpose, legalBasis,
				fields == null ? List.of() : fields, Boolean.TRUE.equals(personalInClear), regionCodes, validFrom, validTo,
				contactName, contactPhone, contactEmail, ratePerMinute);
		try {
			Agreement created = agreements.apply(typed);
			flash.addFlashAttribute("notice", messages.get("sharing.applied.notice", created.consumer()));
			return "redirect:/sharing/" + created.id();
		}
		catch (RuleViolation e) {
			model.addAttribute("errors", FormErrors.of(e, messages));
			model.addAttribute("form", typed);
			return form(model);
		}
	}

	@GetMapping("/sharing/{id}")
	String agreement(@PathVariable long id, @RequestParam(required = false) Integer page, Model model) {
		Agreement agreement = agreements.find(id);
		model.addAttribute("agreement", agreement);
		LocalDate today = LocalDate.now(clock);
		model.addAttribute("today", today);
		model.addAttribute("state", agreement.state(today));
		model.addAttribute("mayWrite", actors.get().isProvince());
		model.addAttribute("result", agreements.accessLog(id, Page.number(page), 20));
		model.addAttribute("usage", agreements.usage(id));
		return "sharing/agreement";
	}

	/** Approves and answers with the credentials, once: they are in this page only, never stored in clear. */
	@PostMapping("/sharing/{id}/approve")
	String approve(@PathVariable long id, @RequestParam(required = false) String note, Model model) {
		SharingAgreements.Credentials credentials = agreements.approve(id, note);
		model.addAttribute("credentials", credentials);
		return agreement(id, null, model);
	}

	/** Reissues the secret and answers with it, once, as the approval does; a refusal is said on the page. */
	@PostMapping("/sharing/{id}/secret")
	String reissueSecret(@PathVariable long id, @RequestParam(required = false) String reason,
			@RequestParam(required = false) String secretInForce, Model model) {
		try {
			model.addAttribute("credentials", agreements.reissueSecret(id, reason, epochMillis(secretInForce)));
			model.addAttribute("reissued", true);
		}
		catch (RuleViolation e) {
			model.addAttribute("errors", FormErrors.of(e, messages));
		}
		return agreement(id, null, model);
	}

	/** The page's hidden issue time of the secret in force; anything unreadable stands for none (a conflict). */
	private static Long epochMillis(String value) {
		try {
			return value == null ? null : Long.valueOf(value.strip());
		}
		catch (NumberFormatException e) {
			return null;
		}
	}

	@PostMapping("/sharing/{id}/reject")
	String reject(@PathVariable long id, @RequestParam(required = false) String note, RedirectAttributes flash,
			Model model) {
		return decide(id, () -> agreements.reject(id, note), "sharing.rejected.notice", flash, model);
	}

	@PostMapping("/sharing/{id}/suspend")
	String suspend(@PathVariable long id, @RequestParam(required = false) String note, RedirectAttributes flash,
			Model model) {
		return decide(id, () -> agreements.suspend(id, note), "sharing.suspended.notice", flash, model);
	}

	@PostMapping("/sharing/{id}/resume")
	String resume(@PathVariable long id, @RequestParam(required = false) String note, RedirectAttributes flash,
			Model model) {
		return decide(id, () -> agreements.resume(id, note), "sharing.resumed.notice", flash, model);
	}

	private String decide(long id, Runnable decision, String notice, RedirectAttributes flash, Model model) {
		try {
			decision.run();
			flash.addFlashAttribute("notice", messages.get(notice));
			return "redirect:/sharing/" + id;
		}
		catch (RuleViolation e) {
			model.addAttribute("errors", FormErrors.of(e, messages));
			return agreement(id, null, model);
		}
	}

	@GetMapping("/sharing/{id}/usage")
	void usage(@PathVariable long id, HttpServletResponse response) {
		Agreement agreement = agreements.find(id);
		List<SharingAgreements.Usage> usage = agreements.usage(id);
		Spreadsheets.write(response, messages.get("sharing.usage.file", String.valueOf(agreement.id()), LocalDate.now(clock)),
				messages.get("sharing.usage"),
				messages.all("sharing.column.month", "sharing.column.dataset", "sharing.column.requests",
						"sharing.column.refused", "sharing.column.records"),
				rows -> usage.forEach(u -> rows.add(u.month(), u.dataSet() == null ? "-" : messages.label(u.dataSet()),
						u.requests(), u.refused(), u.records())));
	}
}
