package io.siteroll.campaign.web;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.siteroll.campaign.Campaign;
import io.siteroll.campaign.Campaigns;
import io.siteroll.campaign.Phase;
import io.siteroll.campaign.Target;
import io.siteroll.identity.Actor;
import io.siteroll.identity.CurrentActor;
import io.siteroll.platform.Checks;
import io.siteroll.platform.Dates;
import io.siteroll.platform.Forbidden;
import io.siteroll.platform.FormErrors;
import io.siteroll.platform.Messages;
import io.siteroll.platform.RuleViolation;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * 专项行动: every officer sees the campaign in force — its phases with their dates, which one today falls in by the
 * platform's clock, its targets, the contact deadline — and the earlier ones; the province adds a campaign and revises
 * one through the same validation as {@link Campaigns}. Anyone else gets the 403 page.
 */
@Controller
class CampaignPages {

	private final Campaigns campaigns;

	private final CurrentActor actors;

	private final Messages messages;

	private final Clock clock;

	CampaignPages(Campaigns campaigns, CurrentActor actors, Messages messages, Clock clock) {
		this.campaigns = campaigns;
		this.actors = actors;
		this.messages = messages;
		this.clock = clock;
	}

	/** What today is in a campaign's calendar, for the sentence under its title. */
	enum Today {
		BEFORE, IN_PHASE, BETWEEN_PHASES, AFTER
	}

	@GetMapping("/campaigns")
	String inForce(Model model) {
		officersOnly();
		LocalDate today = LocalDate.now(clock);
		Campaign shown = campaigns.inForce(today).orElse(null);
		return show(shown, today, model);
	}

	@GetMapping("/campaigns/{id}")
	String one(@PathVariable long id, Model model) {
		officersOnly();
		return show(campaigns.require(id), LocalDate.now(clock), model);
	}

	@GetMapping("/campaigns/new")
	String create(Model model) {
		provinceOnly();
		if (!model.containsAttribute("form")) {
			model.addAttribute("form", blank());
		}
		model.addAttribute("editing", null);
		return form(model);
	}

	@PostMapping("/campaigns")
	String add(@RequestParam Map<String, String> typed, RedirectAttributes flash, Model model) {
		provinceOnly();
		try {
			Campaign added = campaigns.add(plan(typed));
			flash.addFlashAttribute("notice", messages.get("campaign.added.notice", added.name()));
			return "redirect:/campaigns/" + added.id();
		}
		catch (RuleViolation e) {
			model.addAttribute("errors", FormErrors.of(e, messages));
			model.addAttribute("form", typed);
			model.addAttribute("editing", null);
			return form(model);
		}
	}

	@GetMapping("/campaigns/{id}/edit")
	String edit(@PathVariable long id, Model model) {
		provinceOnly();
		Campaign campaign = campaigns.require(id);
		if (!model.containsAttribute("form")) {
			model.addAttribute("form", filled(campaign));
		}
		model.addAttribute("editing", campaign);
		return form(model);
	}

	@PostMapping("/campaigns/{id}")
	String revise(@PathVariable long id, @RequestParam Map<String, String> typed, RedirectAttributes flash, Model model) {
		provinceOnly();
		Campaign campaign = campaigns.require(id);
		try {
			Campaign revised = campaigns.revise(id, plan(typed));
			flash.addFlashAttribute("notice", messages.get("campaign.revised.notice", revised.name()));
			return "redirect:/campaigns/" + id;
		}
		catch (RuleViolation e) {
			model.addAttribute("errors", FormErrors.of(e, messages));
			model.addAttribute("form", typed);
			model.addAttribute("editing", campaign);
			return form(model);
		}
	}

	private String show(Campaign campaign, LocalDate today, Model model) {
		model.addAttribute("campaign", campaign);
		model.addAttribute("today", today);
		model.addAttribute("all", campaigns.all());
		model.addAttribute("inForce", campaigns.inForce(today).map(Campaign::id).orElse(null));
		if (campaign != null) {
			Phase phase = campaign.phaseOn(today).orElse(null);
			Today todayIs = phase != null ? Today.IN_PHASE
					: today.isBefore(campaign.startsOn()) ? Today.BEFORE
							: today.isAfter(campaign.endsOn()) ? Today.AFTER : Today.BETWEEN_PHASES;
			model.addAttribute("phaseToday", phase);
			model.addAttribute("todaySentence", switch (todayIs) {
				case IN_PHASE -> messages.get("campaign.today.in-phase", today, messages.label(phase.kind()), phase.to());
				case BEFORE -> messages.get("campaign.today.before", today, campaign.startsOn(),
						messages.label(campaign.phases().get(0).kind()));
				case BETWEEN_PHASES -> messages.get("campaign.today.between", today);
				case AFTER -> messages.get("campaign.today.after", today, campaign.endsOn());
			});
		}
		return "campaign/campaign";
	}

	private String form(Model model) {
		model.addAttribute("phaseKinds", Phase.Kind.values());
		model.addAttribute("targetKinds", Target.Kind.values());
		return "campaign/campaign-form";
	}

	/**
	 * The typed form as a plan: dates written yyyy-MM-dd and whole percentages, each refused on its own field; a phase
	 * left wholly blank is not part of the campaign.
	 */
	private static Campaigns.Plan plan(Map<String, String> typed) {
		Checks checks = new Checks();
		LocalDate deadline = day(checks, typed, "contactDeadline");
		List<Phase> phases = new ArrayList<>();
		for (Phase.Kind kind : Phase.Kind.values()) {
			String from = "phase." + kind.name() + ".from";
			String to = "phase." + kind.name() + ".to";
			if (blank(typed.get(from)) && blank(typed.get(to))) {
				continue;
			}
			phases.add(new Phase(kind, day(checks, typed, from), day(checks, typed, to)));
		}
		List<Target> targets = new ArrayList<>();
		for (Target.Kind kind : Target.Kind.values()) {
			String field = "target." + kind.name();
			String text = typed.get(field);
			if (blank(text)) {
				continue;
			}
			Integer percent = checks.field(field, () -> {
				try {
					return Integer.valueOf(text.strip());
				}
				catch (NumberFormatException e) {
					throw RuleViolation.rule("integer");
				}
			});
			if (percent != null) {
				targets.add(new Target(kind, percent));
			}
		}
		checks.throwIfAny();
		return new Campaigns.Plan(typed.get("name"), typed.get("document"), deadline, phases, targets);
	}

	private static LocalDate day(Checks checks, Map<String, String> typed, String field) {
		String text = typed.get(field);
		return blank(text) ? null : checks.field(field, () -> Dates.day(text));
	}

	private static boolean blank(String text) {
		return text == null || text.isBlank();
	}

	/** An empty form with the targets of the campaign in force, the usual starting point of the next one. */
	private Map<String, String> blank() {
		Map<String, String> form = new LinkedHashMap<>();
		campaigns.inForce(LocalDate.now(clock))
			.ifPresent(c -> c.targets().forEach(t -> form.put("target." + t.kind().name(), String.valueOf(t.percent()))));
		return form;
	}

	private static Map<String, String> filled(Campaign c) {
		Map<String, String> form = new LinkedHashMap<>();
		form.put("name", c.name());
		form.put("document", c.document() == null ? "" : c.document());
		form.put("contactDeadline", c.contactDeadline().toString());
		c.phases().forEach(p -> {
			form.put("phase." + p.kind().name() + ".from", p.from().toString());
			form.put("phase." + p.kind().name() + ".to", p.to().toString());
		});
		c.targets().forEach(t -> form.put("target." + t.kind().name(), String.valueOf(t.percent())));
		return form;
	}

	private void officersOnly() {
		if (!actors.get().isOfficer()) {
			throw new Forbidden("campaign.officers-only");
		}
	}

	private void provinceOnly() {
		Actor actor = actors.get();
		if (!actor.isProvince()) {
			throw new Forbidden("campaign.province-only");
		}
	}
}
