package io.siteroll.notice.web;

import java.time.Clock;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.List;

import io.siteroll.identity.Actor;
import io.siteroll.identity.CurrentActor;
import io.siteroll.notice.Notice;
import io.siteroll.notice.Notices;
import io.siteroll.platform.Checks;
import io.siteroll.platform.FormErrors;
import io.siteroll.platform.Messages;
import io.siteroll.platform.Page;
import io.siteroll.platform.RuleViolation;
import io.siteroll.region.Region;
import io.siteroll.region.Regions;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The officers' notices: the list, the draft form, a notice's page with its figures (each linked to the list it
 * counts) and its editable narrative, the preview, issuing and correcting, the PDF and the attached tables as Excel.
 * Every action goes through {@link Notices}, which enforces who may see and issue what.
 */
@Controller
class NoticePages {

	private final Notices notices;

	private final NoticeRendering rendering;

	private final CurrentActor actors;

	private final Regions regions;

	private final Messages messages;

	private final Clock clock;

	NoticePages(Notices notices, NoticeRendering rendering, CurrentActor actors, Regions regions, Messages messages,
			Clock clock) {
		this.notices = notices;
		this.rendering = rendering;
		this.actors = actors;
		this.regions = regions;
		this.messages = messages;
		this.clock = clock;
	}

	@GetMapping("/notices")
	String list(@RequestParam(required = false) String status, @RequestParam(required = false) String region,
			@RequestParam(required = false) String month, @RequestParam(required = false) Integer page, Model model) {
		String checkedStatus = Checks.oneOf("status", blank(status), List.of("DRAFT", "ISSUED"));
		String checkedRegion = regions.filter("region", region);
		YearMonth checkedMonth = month(month);
		model.addAttribute("statuses", Notice.Status.values());
		model.addAttribute("status", checkedStatus);
		model.addAttribute("region", checkedRegion);
		model.addAttribute("month", checkedMonth);
		model.addAttribute("regions", draftable(actors.get()));
		model.addAttribute("notices", notices.search(new Notices.Search(checkedStatus, checkedRegion, checkedMonth),
				Page.number(page), 50));
		return "notice/list";
	}

	@GetMapping("/notices/new")
	String form(Model model) {
		Actor actor = actors.get();
		return form(model, YearMonth.now(clock).minusMonths(1).toString(), actor.regionCode(), FormErrors.NONE);
	}

	private String form(Model model, String month, String region, FormErrors errors) {
		model.addAttribute("month", month);
		model.addAttribute("region", region);
		model.addAttribute("regions", draftable(actors.get()));
		model.addAttribute("errors", errors);
		return "notice/form";
	}

	/** The regions an officer may draft for: their own and every region below it. */
	private List<Region> draftable(Actor actor) {
		if (actor == null || !actor.isOfficer() || actor.regionCode() == null) {
			return List.of();
		}
		return regions.subtree(actor.regionCode());
	}

	@PostMapping("/notices")
	String draft(@RequestParam(required = false) String month, @RequestParam(required = false) String regionCode,
			Model model, RedirectAttributes flash) {
		try {
			Notice drafted = notices.draft(new Notices.Draft(month, regionCode));
			flash.addFlashAttribute("notice", messages.get("notice.flash.drafted", drafted.regionName(),
					drafted.month().toString()));
			return "redirect:/notices/" + drafted.id();
		}
		catch (RuleViolation e) {
			return form(model, month, regionCode, FormErrors.of(e, messages));
		}
	}

	@GetMapping("/notices/{id}")
	String one(@PathVariable long id, Model model) {
		Notices.Drafted drafted = notices.require(id);
		return one(model, drafted, drafted.notice().preface(), drafted.notice().measures(), drafted.notice().closing(),
				FormErrors.NONE);
	}

	private String one(Model model, Notices.Drafted drafted, String preface, String measures, String closing,
			FormErrors errors) {
		model.addAttribute("n", drafted.notice());
		model.addAttribute("f", drafted.figures());
		model.addAttribute("links", rendering.links(drafted.figures()));
		model.addAttribute("text", rendering.text(drafted));
		model.addAttribute("preface", preface);
		model.addAttribute("measures", measures);
		model.addAttribute("closing", closing);
		model.addAttribute("errors", errors);
		return "notice/notice";
	}

	@PostMapping("/notices/{id}")
	String edit(@PathVariable long id, @RequestParam(required = false) String preface,
			@RequestParam(name = "requirements", required = false) String measures, @RequestParam(required = false) String closing, Model model,
			RedirectAttributes flash) {
		try {
			notices.edit(id, new Notices.Narrative(preface, measures, closing));
			flash.addFlashAttribute("notice", messages.get("notice.flash.saved"));
			return "redirect:/notices/" + id;
		}
		catch (RuleViolation e) {
			Notices.Drafted drafted = notices.require(id);
			if (drafted.notice().issued()) {
				flash.addFlashAttribute("problem", messages.summary(e));
				return "redirect:/notices/" + id;
			}
			return one(model, drafted, preface, measures, closing, FormErrors.of(e, messages));
		}
	}

	@GetMapping("/notices/{id}/preview")
	String preview(@PathVariable long id, Model model) {
		Notices.Drafted drafted = notices.require(id);
		model.addAttribute("n", drafted.notice());
		model.addAttribute("text", rendering.text(drafted));
		return "notice/preview";
	}

	@PostMapping("/notices/{id}/issue")
	String issue(@PathVariable long id, RedirectAttributes flash) {
		try {
			Notice issued = notices.issue(id);
			flash.addFlashAttribute("notice", messages.get("notice.flash.issued", issued.number()));
		}
		catch (RuleViolation e) {
			flash.addFlashAttribute("problem", messages.summary(e));
		}
		return "redirect:/notices/" + id;
	}

	@PostMapping("/notices/{id}/correction")
	String correct(@PathVariable long id, RedirectAttributes flash) {
		try {
			Notice correction = notices.correct(id);
			flash.addFlashAttribute("notice", messages.get("notice.flash.correction", correction.correctsNumber()));
			return "redirect:/notices/" + correction.id();
		}
		catch (RuleViolation e) {
			flash.addFlashAttribute("problem", messages.summary(e));
			return "redirect:/notices/" + id;
		}
	}

	@GetMapping("/notices/{id}/document.pdf")
	ResponseEntity<byte[]> pdf(@PathVariable long id) {
		return rendering.pdf(notices.require(id));
	}

	@GetMapping("/notices/{id}/annex.xlsx")
	void annex(@PathVariable long id, HttpServletResponse response) {
		rendering.annex(notices.require(id), response);
	}

	/** A month filter as {@code 2026-11}; anything else is refused on the field. */
	private static YearMonth month(String value) {
		if (blank(value) == null) {
			return null;
		}
		try {
			return YearMonth.parse(value.strip());
		}
		catch (DateTimeParseException e) {
			throw RuleViolation.of("month", "notice.month-invalid");
		}
	}

	private static String blank(String value) {
		return value == null || value.isBlank() ? null : value.strip();
	}

}
