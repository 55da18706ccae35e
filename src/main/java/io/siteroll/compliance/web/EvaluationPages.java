package io.siteroll.compliance.web;

import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

import io.siteroll.compliance.EvaluationRuns;
import io.siteroll.compliance.EvaluationRuns.Run;
import io.siteroll.compliance.EvaluationRuns.State;
import io.siteroll.compliance.EvaluationRuns.Step;
import io.siteroll.identity.ActorNames;
import io.siteroll.identity.CurrentActor;
import io.siteroll.platform.Forbidden;
import io.siteroll.platform.FormErrors;
import io.siteroll.platform.Messages;
import io.siteroll.platform.Page;
import io.siteroll.platform.RuleViolation;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * 月度检查 for province officers: start the evaluation of an ended month, watch it run in the background (the run's
 * block polls its own HTML every second with htmx until the run ends) and read its outcome in words, with the way to
 * the month's findings. The scope is {@link EvaluationRuns}'s: province officers only, as the API.
 */
@Controller
class EvaluationPages {

	/** Rows of the runs list. */
	private static final int LIST_SIZE = 20;

	private static final ZoneId PLATFORM_ZONE = ZoneId.of("Asia/Shanghai");

	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

	/** A run as the page shows it: every value in words, times in Asia/Shanghai. */
	record RunView(long id, boolean running, boolean done, int percent, String month, String state, String stateClass,
			String progress, String scope, String startedBy, String startedAt, String finishedAt, String outcome, String findingsLink,
			String findingsLinkText) {
	}

	private final EvaluationRuns runs;

	private final CurrentActor actors;

	private final Messages messages;

	private final ActorNames officers;

	private final Clock clock;

	EvaluationPages(EvaluationRuns runs, CurrentActor actors, Messages messages, ActorNames officers, Clock clock) {
		this.runs = runs;
		this.actors = actors;
		this.messages = messages;
		this.officers = officers;
		this.clock = clock;
	}

	@GetMapping("/evaluations")
	String list(@RequestParam(required = false) Integer page, Model model) {
		requireProvince();
		return form(YearMonth.now(clock).minusMonths(1).toString(), FormErrors.NONE, page, model);
	}

	@PostMapping("/evaluations")
	String start(@RequestParam(required = false) YearMonth month, @RequestParam(required = false) boolean full,
			Model model, RedirectAttributes flash) {
		requireProvince();
		try {
			Run run = runs.start(month, full);
			flash.addFlashAttribute("notice", messages.get("evaluation.started", monthInWords(run.month())));
			return "redirect:/evaluations/" + run.id();
		}
		catch (RuleViolation e) {
			return form(month == null ? "" : month.toString(), FormErrors.of(e, messages), null, model);
		}
	}

	private String form(String month, FormErrors errors, Integer page, Model model) {
		model.addAttribute("month", month);
		model.addAttribute("latest", YearMonth.now(clock).minusMonths(1).toString());
		model.addAttribute("errors", errors);
		model.addAttribute("runs", runs.recent(Page.number(page), LIST_SIZE).map(this::view));
		return "compliance/evaluations";
	}

	@GetMapping("/evaluations/{id}")
	String one(@PathVariable long id, Model model) {
		requireProvince();
		model.addAttribute("run", view(runs.require(id)));
		return "compliance/evaluation";
	}

	/** The run's block alone, for the page to poll while the run is under way. */
	@GetMapping("/evaluations/{id}/progress")
	String progress(@PathVariable long id, Model model) {
		requireProvince();
		model.addAttribute("run", view(runs.require(id)));
		return "compliance/evaluation :: run";
	}

	private void requireProvince() {
		if (!actors.get().isProvince()) {
			throw new Forbidden("evaluation.province-only");
		}
	}

	private RunView view(Run r) {
		String month = monthInWords(r.month());
		int steps = Step.values().length;
		String progress = switch (r.state()) {
			case RUNNING -> r.step() == null ? messages.get("evaluation.progress.waiting")
					: messages.get("evaluation.progress.step", r.step().done(), steps, messages.label(r.step()),
							r.projectsTotal(), r.projectsDone());
			case DONE -> messages.get("evaluation.progress.done", r.projectsDone(), r.projectsTotal());
			default -> r.step() == null ? messages.get("evaluation.progress.none")
					: messages.get("evaluation.progress.stopped", r.step().done(), steps, messages.label(r.step()));
		};
		String outcome = switch (r.state()) {
			case RUNNING -> messages.get("evaluation.outcome.running", month);
			case DONE -> messages.get("evaluation.outcome.done", month, r.projectsTotal(), r.raised(), r.updated(),
					r.withdrawn(), r.unchanged());
			case FAILED -> messages.get("evaluation.outcome.failed", month);
			case INTERRUPTED -> messages.get("evaluation.outcome.interrupted", month);
		};
		String stateClass = switch (r.state()) {
			case RUNNING -> "text-bg-info";
			case DONE -> "text-bg-success";
			case FAILED -> "text-bg-danger";
			case INTERRUPTED -> "text-bg-warning";
		};
		return new RunView(r.id(), r.running(), r.state() == State.DONE, r.percent(), month, messages.label(r.state()),
				stateClass, progress, scope(r.full()), officers.of(r.startedBy()), time(r.startedAt()), time(r.finishedAt()), outcome,
				"/compliance?month=" + r.month(), messages.get("evaluation.findings-link", month));
	}

	/** Which projects the run judged: all of them, or those whose facts changed since the month was last judged. */
	private String scope(Boolean full) {
		return full == null ? "" : messages.get(full ? "evaluation.scope.full" : "evaluation.scope.changed");
	}

	private String monthInWords(YearMonth month) {
		return messages.get("evaluation.month", month.getYear(), month.getMonthValue());
	}

	private static String time(Instant at) {
		return at == null ? "" : TIME.format(at.atZone(PLATFORM_ZONE));
	}
}
