package io.siteroll.personnel.web;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import io.siteroll.identity.ActorNames;
import io.siteroll.personnel.ManagerChangeRequest;
import io.siteroll.personnel.ManagerPost;
import io.siteroll.personnel.ManagerPosts;
import io.siteroll.personnel.Persons;
import io.siteroll.personnel.Post;
import io.siteroll.platform.TypedInput;
import io.siteroll.platform.CodeDictionary;
import io.siteroll.platform.FormErrors;
import io.siteroll.platform.Messages;
import io.siteroll.platform.PageLinks;
import io.siteroll.platform.RuleViolation;
import io.siteroll.project.ParticipatingUnit;
import io.siteroll.project.Project;
import io.siteroll.project.ProjectAccess;
import io.siteroll.project.Projects;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * 管理人员: the project's managers page. The general contractor appoints managers and asks to replace the
 * project manager or chief supervisor; an officer of the project's region approves or rejects the request.
 * A manager is named by ID number and name, as on the ID card: the person registry gives back the one person
 * registered with that identity, or registers them, in the same transaction as the appointment, so a refused
 * appointment leaves nothing behind.
 */
@Controller
class ManagerPages {

	private final Projects projects;

	private final ProjectAccess access;

	private final ManagerPosts managers;

	private final Persons persons;

	private final CodeDictionary codes;


	private final Messages messages;

	private final TransactionTemplate tx;

	private final Clock clock;

	private final ActorNames names;

	ManagerPages(Projects projects, ProjectAccess access, ManagerPosts managers, Persons persons, CodeDictionary codes, Messages messages, TransactionTemplate tx, Clock clock, ActorNames names) {
		this.names = names;
		this.projects = projects;
		this.access = access;
		this.managers = managers;
		this.persons = persons;
		this.codes = codes;
		this.messages = messages;
		this.tx = tx;
		this.clock = clock;
	}

	@GetMapping("/projects/{id}/managers")
	String page(@PathVariable long id, Model model) {
		return page(id, null, null, Map.of(), model);
	}

	/** The page; after a refused form, {@code failed} names it and {@code typed} is what was typed. */
	private String page(long id, String failed, FormErrors errors, Map<String, String> typed, Model model) {
		Project project = projects.require(id);
		List<ManagerPost> posts = managers.posts(id);
		List<ManagerChangeRequest> requests = managers.changeRequests(id);
		Map<Long, String> personNames = new HashMap<>();
		posts.forEach(p -> personNames.put(p.id(), p.personName()));
		Map<Long, String> unitNames = new HashMap<>();
		List<ParticipatingUnit> units = projects.units(id);
		units.forEach(u -> unitNames.put(u.id(), u.enterpriseName()));
		Map<String, String> actorNames = new HashMap<>();
		requests.forEach(r -> {
			actorNames.computeIfAbsent(r.requestedBy(), this::displayName);
			if (r.decidedBy() != null) {
				actorNames.computeIfAbsent(r.decidedBy(), this::displayName);
			}
		});
		model.addAttribute("project", project);
		model.addAttribute("posts", posts);
		model.addAttribute("requests", requests);
		model.addAttribute("outgoingNames", personNames);
		model.addAttribute("unitNames", unitNames);
		model.addAttribute("actorNames", actorNames);
		model.addAttribute("units", units.stream().filter(u -> u.exitDate() == null).toList());
		model.addAttribute("postTypes", Post.values());
		model.addAttribute("keyPosts", Arrays.stream(Post.values()).filter(Post::replacedOnlyWithApproval).toList());
		model.addAttribute("idTypes", codes.list(CodeDictionary.ID_TYPE));
		model.addAttribute("locale", LocaleContextHolder.getLocale());
		model.addAttribute("canManage", access.canManage(id));
		model.addAttribute("canOversee", access.canOversee(id));
		model.addAttribute("today", LocalDate.now(clock));
		model.addAttribute("failed", failed == null ? "" : failed);
		model.addAttribute("errors", errors);
		model.addAttribute("typed", typed);
		return "personnel/managers";
	}

	@PostMapping("/projects/{id}/managers")
	String appoint(@PathVariable long id, @RequestParam Map<String, String> typed, Model model, RedirectAttributes flash) {
		return attempt(id, "appoint", typed, model, flash, () -> {
			long personId = person(typed);
			ManagerPost post = managers.appoint(id, new ManagerPosts.Appointment(personId, typed.get("post"),
					TypedInput.id(typed.get("unitId")), TypedInput.day("tenureFrom", typed.get("tenureFrom"))));
			return messages.get("managers.appointed", post.personName(), messages.label(post.post()));
		});
	}

	@PostMapping("/projects/{id}/managers/{postId}/end")
	String endTenure(@PathVariable long id, @PathVariable long postId, @RequestParam Map<String, String> typed, Model model,
			RedirectAttributes flash) {
		return attempt(id, "end-" + postId, typed, model, flash, () -> {
			ManagerPost post = managers.endTenure(id, postId, TypedInput.day("tenureTo", typed.get("tenureTo")));
			return messages.get("managers.ended", post.personName(), messages.label(post.post()), post.tenureTo());
		});
	}

	@PostMapping("/projects/{id}/manager-changes")
	String requestChange(@PathVariable long id, @RequestParam Map<String, String> typed, Model model,
			RedirectAttributes flash) {
		return attempt(id, "change", typed, model, flash, () -> {
			long personId = person(typed);
			ManagerChangeRequest request = managers.requestChange(id, new ManagerPosts.ChangeRequest(typed.get("post"),
					personId, TypedInput.id(typed.get("incomingUnitId")), TypedInput.day("effectiveDate", typed.get("effectiveDate")),
					typed.get("reason")));
			return messages.get("managers.change-requested", messages.label(request.post()), request.incomingPersonName());
		});
	}

	/**
	 * An officer of the project's region approves or rejects a change request, from this page or from the
	 * approvals queue ({@code back}); a refusal shows next to the note here, or on the queue.
	 */
	@PostMapping("/projects/{id}/manager-changes/{requestId}/decision")
	String decide(@PathVariable long id, @PathVariable long requestId, @RequestParam Map<String, String> typed, Model model,
			RedirectAttributes flash) {
		String back = typed.get("back");
		try {
			String note = typed.get("note");
			if (note == null || note.isBlank()) {
				// the reason is part of every decision an officer records, an approval too
				throw RuleViolation.of("note", "required");
			}
			ManagerChangeRequest decided = "APPROVE".equals(typed.get("decision"))
					? managers.approve(id, requestId, note.strip()) : managers.reject(id, requestId, note.strip());
			flash.addFlashAttribute("notice", messages.get("managers.change-decided", projects.require(id).name(),
					messages.label(decided.post()), decided.incomingPersonName(), messages.label(decided.status())));
		}
		catch (RuleViolation e) {
			if (back == null) {
				return page(id, "decision-" + requestId, FormErrors.of(e, messages), typed, model);
			}
			flash.addFlashAttribute("problem", messages.summary(e));
		}
		return "redirect:" + PageLinks.back(back, "/projects/" + id + "/managers");
	}

	/** Runs a change in one transaction: on success back to the page with the notice, else the form again. */
	private String attempt(long id, String form, Map<String, String> typed, Model model, RedirectAttributes flash,
			Supplier<String> change) {
		try {
			flash.addFlashAttribute("notice", tx.execute(status -> change.get()));
			return "redirect:/projects/" + id + "/managers";
		}
		catch (RuleViolation e) {
			return page(id, form, FormErrors.of(e, messages), typed, model);
		}
	}

	/** The person with the identity typed: the one registered, or registered now (一数一源). */
	private long person(Map<String, String> typed) {
		return persons.register(new Persons.Registration(typed.get("idType"), typed.get("idNumber"), typed.get("name"), null,
				null, null)).person().id();
	}



	/** Who acted, by the account's name (系统 for the platform's own jobs). */
	private String displayName(String username) {
		return names.of(username);
	}
}
