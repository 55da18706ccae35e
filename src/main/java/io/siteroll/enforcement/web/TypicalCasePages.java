package io.siteroll.enforcement.web;

import java.time.Clock;
import java.time.LocalDate;
import java.util.stream.Collectors;

import io.siteroll.enforcement.TypicalCases;
import io.siteroll.identity.CurrentActor;
import io.siteroll.platform.FormErrors;
import io.siteroll.platform.Messages;
import io.siteroll.platform.NotFound;
import io.siteroll.platform.Page;
import io.siteroll.platform.RuleViolation;
import io.siteroll.platform.Spreadsheets;
import io.siteroll.platform.ReadOnlyWork;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * 典型案例 in the browser: the published cases (public anyway, so any signed-in user may read them) and, for
 * province officers, the penalties not yet published and the form that publishes one, reached from the list or
 * from an order ({@code /typical-cases/new?orderId=}) or a penalty ({@code ?penaltyId=}). Who may publish is
 * {@link TypicalCases}' to say.
 */
@Controller
class TypicalCasePages {

	/** What the officer typed, shown again when the publication is refused. */
	record Form(Long penaltyId, String title, String summary) {
	}

	private final TypicalCases cases;

	private final CurrentActor actors;

	private final Messages messages;

	private final Clock clock;

	TypicalCasePages(TypicalCases cases, CurrentActor actors, Messages messages, Clock clock) {
		this.cases = cases;
		this.actors = actors;
		this.messages = messages;
		this.clock = clock;
	}

	@GetMapping("/typical-cases")
	String list(@RequestParam(required = false) Integer page, @RequestParam(required = false) Integer candidatesPage,
			Model model) {
		model.addAttribute("cases", cases.published(Page.number(page), 20));
		boolean province = actors.get().isProvince();
		model.addAttribute("canPublish", province);
		if (province) {
			model.addAttribute("candidates", cases.publishable(null, Page.number(candidatesPage), 20));
		}
		return "enforcement/typical-cases";
	}

	/** The published cases as Excel, written page by page. */
	@ReadOnlyWork
	@GetMapping(path = "/typical-cases", params = "format=xlsx")
	void excel(HttpServletResponse response) {
		Spreadsheets.write(response, messages.get("export.typical-cases.file", LocalDate.now(clock)),
				messages.get("export.typical-cases.sheet"),
				messages.all("export.column.title", "export.column.project", "export.column.penalty-measures",
						"export.column.legal-basis", "export.column.decided-on", "export.column.document-number",
						"export.column.summary"),
				rows -> Page.each(number -> cases.published(number, Page.MAX_SIZE), c -> {
					rows.add(c.title(), c.projectName(),
							c.measures().stream().map(messages::label).collect(Collectors.joining("、")), c.legalBasis(),
							c.decidedOn(), c.documentNumber(), c.summary());
				}));
	}

	/**
	 * The publication form for one penalty; from an order, its penalties not yet published (straight to the form
	 * when there is one).
	 */
	@GetMapping("/typical-cases/new")
	String form(@RequestParam(required = false) Long penaltyId, @RequestParam(required = false) Long orderId,
			@RequestParam(required = false) Integer page, Model model, RedirectAttributes flash) {
		if (penaltyId != null) {
			return showForm(new Form(penaltyId, null, null), null, model);
		}
		Page<TypicalCases.Candidate> candidates = cases.publishable(orderId, Page.number(page), 20);
		if (orderId != null && candidates.total() == 1) {
			return "redirect:/typical-cases/new?penaltyId=" + candidates.items().get(0).penaltyId();
		}
		if (orderId != null && candidates.total() == 0) {
			flash.addFlashAttribute("problem", messages.get("typical-case.order-has-none", orderId));
			return "redirect:/typical-cases";
		}
		model.addAttribute("candidates", candidates);
		model.addAttribute("orderId", orderId);
		return "enforcement/typical-case-choose";
	}

	@PostMapping("/typical-cases")
	String publish(@RequestParam(required = false) Long penaltyId, @RequestParam(required = false) String title,
			@RequestParam(required = false) String summary, Model model, RedirectAttributes flash) {
		try {
			TypicalCases.TypicalCase published = cases.publish(new TypicalCases.Publication(penaltyId, title, summary));
			flash.addFlashAttribute("notice", messages.get("typical-case.published", published.title()));
			return "redirect:/typical-cases";
		}
		catch (RuleViolation e) {
			if (penaltyId == null) {
				throw e;
			}
			try {
				return showForm(new Form(penaltyId, title, summary), FormErrors.of(e, messages), model);
			}
			catch (NotFound gone) {
				// published meanwhile (or never publishable): say why on the list
				flash.addFlashAttribute("problem", messages.summary(e));
				return "redirect:/typical-cases";
			}
		}
	}

	private String showForm(Form form, FormErrors errors, Model model) {
		model.addAttribute("candidate", cases.candidate(form.penaltyId()));
		model.addAttribute("form", form);
		model.addAttribute("errors", errors);
		return "enforcement/typical-case-form";
	}
}
