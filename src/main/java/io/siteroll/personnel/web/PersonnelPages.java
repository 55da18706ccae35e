package io.siteroll.personnel.web;

import java.io.IOException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.siteroll.personnel.Engagement;
import io.siteroll.personnel.Engagements;
import io.siteroll.personnel.ManagerPosts;
import io.siteroll.personnel.RosterImport;
import io.siteroll.personnel.Teams;
import io.siteroll.platform.TypedInput;
import io.siteroll.platform.CodeDictionary;
import io.siteroll.platform.FormErrors;
import io.siteroll.platform.Messages;
import io.siteroll.platform.Page;
import io.siteroll.platform.RuleViolation;
import io.siteroll.platform.Spreadsheets;
import io.siteroll.project.Project;
import io.siteroll.project.ProjectAccess;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The labour clerk's pages: the personnel part of the project page (loaded by htmx), the roster import, the
 * workers of a project with their filters and Excel export, and a worker's exit. Every read and write goes
 * through the same services as the API, so the pages enforce exactly the API's scope.
 */
@Controller
class PersonnelPages {

	/** Workers on one page of the list. */
	static final int PAGE_SIZE = 50;

	private final ProjectAccess access;

	private final ManagerPosts managers;

	private final Teams teams;

	private final Engagements engagements;

	private final RosterImport roster;

	private final CodeDictionary codes;

	private final Messages messages;

	private final Clock clock;

	PersonnelPages(ProjectAccess access, ManagerPosts managers, Teams teams, Engagements engagements, RosterImport roster,
			CodeDictionary codes, Messages messages, Clock clock) {
		this.access = access;
		this.managers = managers;
		this.teams = teams;
		this.engagements = engagements;
		this.roster = roster;
		this.codes = codes;
		this.messages = messages;
		this.clock = clock;
	}

	@GetMapping("/projects/{id}/personnel")
	String personnel(@PathVariable long id, Model model) {
		access.requireVisible(id);
		model.addAttribute("projectId", id);
		model.addAttribute("canManage", access.canManage(id));
		model.addAttribute("managers", managers.posts(id));
		model.addAttribute("teams", teams.teams(id));
		model.addAttribute("workers", engagements.search(id, Engagements.Search.of(null, null, null, null), 0, 10));
		model.addAttribute("workTypes", names(CodeDictionary.WORK_TYPE));
		return "personnel/fragments :: personnel";
	}

	// ---- workers ------------------------------------------------------------------------------

	/** The workers of a project: search by name (or a full ID number), filter by team, 工种 and in or out. */
	@GetMapping("/projects/{id}/workers")
	String workers(@PathVariable long id, @RequestParam(required = false) String q,
			@RequestParam(required = false) Long teamId, @RequestParam(required = false) String workType,
			@RequestParam(required = false) Boolean active, @RequestParam(required = false) String sort,
			@RequestParam(required = false) Integer page, Model model) {
		Project project = access.requireVisible(id);
		Engagements.Search search = Engagements.Search.of(q, teamId, workType, active);
		Engagements.Sort order = sort(sort);
		model.addAttribute("project", project);
		model.addAttribute("canManage", access.canManage(id));
		model.addAttribute("q", q);
		model.addAttribute("teamId", teamId);
		model.addAttribute("workType", workType);
		model.addAttribute("active", active);
		model.addAttribute("sort", order.name().toLowerCase());
		model.addAttribute("teams", teams.teams(id));
		model.addAttribute("workTypes", names(CodeDictionary.WORK_TYPE));
		model.addAttribute("workers", engagements.search(id, search, order, Page.number(page), PAGE_SIZE));
		return "personnel/workers";
	}

	/** The order asked for, from the whitelist of {@link Engagements.Sort}; anything else is the default order. */
	private static Engagements.Sort sort(String typed) {
		for (Engagements.Sort sort : Engagements.Sort.values()) {
			if (sort.name().equalsIgnoreCase(typed == null ? "" : typed.strip())) {
				return sort;
			}
		}
		return Engagements.Sort.PRESENCE;
	}

	/** The same list as Excel, every worker the filters find, read by key a batch at a time and streamed. */
	@GetMapping(path = "/projects/{id}/workers", params = "format=xlsx")
	void workersExcel(@PathVariable long id, @RequestParam(required = false) String q,
			@RequestParam(required = false) Long teamId, @RequestParam(required = false) String workType,
			@RequestParam(required = false) Boolean active, @RequestParam(required = false) String purpose,
			HttpServletResponse response) {
		Project project = access.requireVisible(id);
		Engagements.Search search = Engagements.Search.of(q, teamId, workType, active);
		Map<String, String> workTypes = names(CodeDictionary.WORK_TYPE);
		Map<String, String> banks = names(CodeDictionary.BANK);
		String file = messages.get("export.workers.file", project.name(), LocalDate.now(clock));
		List<String> columns = messages.all("export.column.worker", "export.column.id-number", "export.column.team",
				"export.column.work-type", "export.column.bank-card", "export.column.bank", "export.column.entry-date",
				"export.column.exit-date", "export.column.presence");
		if (purpose != null) {
			// In clear only for an officer who may reveal personal data and states why; checked before writing, audited.
			String stated = engagements.exportPurpose(purpose);
			Spreadsheets.write(response, file, messages.get("export.workers.sheet"), columns,
					rows -> engagements.eachInClear(id, search, stated,
							c -> rows.add(workerRow(c.engagement(), c.idNumber(), c.bankCard(), workTypes, banks))));
			return;
		}
		Spreadsheets.write(response, file, messages.get("export.workers.sheet"), columns, rows -> engagements.each(id,
				search, w -> rows.add(workerRow(w, w.idNumberMasked(), w.bankCardMasked(), workTypes, banks))));
	}

	/** One worker's row of the roster export, with the ID number and bank card as the export may show them. */
	private Object[] workerRow(Engagement w, String idNumber, String bankCard, Map<String, String> workTypes,
			Map<String, String> banks) {
		return new Object[] { w.personName(), idNumber, w.teamName(), workTypes.getOrDefault(w.workType(), w.workType()),
				bankCard,
				w.bankName() != null ? w.bankName() : w.bankCode() == null ? null : banks.getOrDefault(w.bankCode(), w.bankCode()),
				w.entryDate(), w.exitDate(), messages.get(w.active() ? "worker.in" : "worker.out") };
	}

	@GetMapping("/projects/{id}/workers/{engagementId}/exit")
	String exitForm(@PathVariable long id, @PathVariable long engagementId, Model model) {
		return exitPage(id, engagementId, LocalDate.now(clock).toString(), FormErrors.NONE, model);
	}

	/** 退场: the date is checked by the service (not before entry, not in the future); refused, the form says why. */
	@PostMapping("/projects/{id}/workers/{engagementId}/exit")
	String exit(@PathVariable long id, @PathVariable long engagementId, @RequestParam(required = false) String exitDate,
			Model model, RedirectAttributes flash) {
		try {
			Engagement worker = engagements.exit(id, engagementId, TypedInput.day("exitDate", exitDate));
			flash.addFlashAttribute("notice", messages.get("worker.exited", worker.personName(), worker.exitDate()));
			return "redirect:/projects/" + id + "/workers";
		}
		catch (RuleViolation e) {
			return exitPage(id, engagementId, exitDate, FormErrors.of(e, messages), model);
		}
	}

	private String exitPage(long id, long engagementId, String exitDate, FormErrors errors, Model model) {
		Project project = access.requireManageable(id);
		Engagement worker = engagements.require(id, engagementId);
		model.addAttribute("project", project);
		model.addAttribute("worker", worker);
		model.addAttribute("workTypes", names(CodeDictionary.WORK_TYPE));
		model.addAttribute("exitDate", exitDate);
		model.addAttribute("errors", errors);
		return "personnel/exit";
	}


	// ---- roster import ------------------------------------------------------------------------

	@GetMapping("/projects/{id}/roster")
	String rosterPage(@PathVariable long id, Model model) {
		model.addAttribute("project", access.requireManageable(id));
		model.addAttribute("teams", teams.teams(id));
		if (!model.containsAttribute("errors")) {
			model.addAttribute("errors", FormErrors.NONE);
		}
		return "personnel/roster";
	}

	/**
	 * Imports the file and shows the outcome after a redirect (the result travels as a flash attribute), so that
	 * reloading the page never imports twice; a file the importer cannot take at all is refused on the form.
	 */
	@PostMapping("/projects/{id}/roster")
	String importRoster(@PathVariable long id, @RequestParam(required = false) Long teamId,
			@RequestParam(name = "file", required = false) MultipartFile file, Model model, RedirectAttributes flash)
			throws IOException {
		access.requireManageable(id);
		try {
			if (teamId == null) {
				throw RuleViolation.of("teamId", "required");
			}
			if (file == null || file.isEmpty()) {
				throw RuleViolation.of("file", "required");
			}
			RosterImport.Result result = roster.importRoster(id, teamId, file.getOriginalFilename(), file.getInputStream());
			flash.addFlashAttribute("result", result);
			if (result.imported()) {
				flash.addFlashAttribute("notice", messages.get("roster.imported", result.rows(), result.newPersons()));
			}
			return "redirect:/projects/" + id + "/roster";
		}
		catch (RuleViolation e) {
			model.addAttribute("errors", FormErrors.of(e, messages));
			model.addAttribute("teamId", teamId);
			return rosterPage(id, model);
		}
	}

	/** Dictionary codes are data (the national lists change), named in the user's language. */
	private Map<String, String> names(String kind) {
		Map<String, String> names = new LinkedHashMap<>();
		codes.list(kind).forEach(c -> names.put(c.code(), c.name(LocaleContextHolder.getLocale())));
		return names;
	}
}
