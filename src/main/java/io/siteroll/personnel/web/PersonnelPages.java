package io.siteroll.personnel.web;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

import io.siteroll.personnel.Engagements;
import io.siteroll.personnel.ManagerPosts;
import io.siteroll.personnel.RosterImport;
import io.siteroll.personnel.Teams;
import io.siteroll.platform.CodeDictionary;
import io.siteroll.platform.Messages;
import io.siteroll.platform.Page;
import io.siteroll.platform.RuleViolation;
import io.siteroll.project.ProjectAccess;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

/** The personnel part of the project page (loaded by htmx) and the roster import page. */
@Controller
class PersonnelPages {

	private final ProjectAccess access;

	private final ManagerPosts managers;

	private final Teams teams;

	private final Engagements engagements;

	private final RosterImport roster;

	private final CodeDictionary codes;

	private final Messages messages;

	PersonnelPages(ProjectAccess access, ManagerPosts managers, Teams teams, Engagements engagements, RosterImport roster,
			CodeDictionary codes, Messages messages) {
		this.access = access;
		this.managers = managers;
		this.teams = teams;
		this.engagements = engagements;
		this.roster = roster;
		this.codes = codes;
		this.messages = messages;
	}

	@GetMapping("/projects/{id}/personnel")
	String personnel(@PathVariable long id, Model model) {
		access.requireVisible(id);
		model.addAttribute("projectId", id);
		model.addAttribute("canManage", access.canManage(id));
		model.addAttribute("managers", managers.posts(id));
		model.addAttribute("teams", teams.teams(id));
		workersModel(id, null, 0, model);
		return "personnel/fragments :: personnel";
	}

	@GetMapping("/projects/{id}/workers")
	String workers(@PathVariable long id, @RequestParam(required = false) String q,
			@RequestParam(required = false) Integer page, Model model) {
		workersModel(id, q, Page.number(page), model);
		return "personnel/fragments :: workers";
	}

	private void workersModel(long id, String q, int page, Model model) {
		model.addAttribute("projectId", id);
		model.addAttribute("q", q);
		model.addAttribute("workers", engagements.workers(id, q, false, page, 20));
		model.addAttribute("workTypes", names(CodeDictionary.WORK_TYPE));
	}

	@GetMapping("/projects/{id}/roster")
	String rosterPage(@PathVariable long id, Model model) {
		model.addAttribute("project", access.requireManageable(id));
		model.addAttribute("teams", teams.teams(id));
		return "personnel/roster";
	}

	@PostMapping("/projects/{id}/roster")
	String importRoster(@PathVariable long id, @RequestParam long teamId, @RequestParam("file") MultipartFile file,
			Model model) throws IOException {
		model.addAttribute("project", access.requireManageable(id));
		model.addAttribute("teams", teams.teams(id));
		try {
			model.addAttribute("result", roster.importRoster(id, teamId, file.getOriginalFilename(), file.getInputStream()));
		}
		catch (RuleViolation e) {
			model.addAttribute("error", messages.summary(e));
		}
		return "personnel/roster";
	}

	/** Work types are dictionary data (the national list changes), named in the user's language. */
	private Map<String, String> names(String kind) {
		Map<String, String> names = new LinkedHashMap<>();
		codes.list(kind).forEach(c -> names.put(c.code(), c.name(LocaleContextHolder.getLocale())));
		return names;
	}
}
