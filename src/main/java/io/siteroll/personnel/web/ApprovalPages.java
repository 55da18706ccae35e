package io.siteroll.personnel.web;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.Map;

import io.siteroll.identity.Accounts;
import io.siteroll.identity.Actor;
import io.siteroll.identity.CurrentActor;
import io.siteroll.personnel.ManagerChangeRequest;
import io.siteroll.personnel.ManagerPost;
import io.siteroll.personnel.ManagerPosts;
import io.siteroll.platform.Forbidden;
import io.siteroll.platform.Page;
import io.siteroll.project.Project;
import io.siteroll.project.Projects;
import io.siteroll.project.Stoppage;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * 待审批: an officer's queue of what awaits their decision on the projects of their region: key-manager change
 * requests and back-dated stoppages. It lives beside the manager pages because it reads both the personnel
 * module and the project module, and personnel already depends on project (never the other way round). The
 * decisions post to the pages that own them ({@link ManagerPages}, the project page), which come back here.
 */
@Controller
class ApprovalPages {

	private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

	private static final DateTimeFormatter MINUTES = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

	private final ManagerPosts managers;

	private final Projects projects;

	private final CurrentActor actors;

	private final Accounts accounts;

	ApprovalPages(ManagerPosts managers, Projects projects, CurrentActor actors, Accounts accounts) {
		this.managers = managers;
		this.projects = projects;
		this.actors = actors;
		this.accounts = accounts;
	}

	@GetMapping("/approvals")
	String queue(@RequestParam(required = false) Integer page, @RequestParam(required = false) Integer spage,
			HttpServletRequest request, Model model) {
		if (!actors.get().isOfficer()) {
			throw new Forbidden("approvals.officers-only");
		}
		Page<ManagerChangeRequest> changes = managers.pendingChanges(Page.number(page), 20);
		Page<Stoppage> stoppages = projects.pendingStoppages(Page.number(spage), 20);
		Map<Long, Project> projectsById = new HashMap<>();
		changes.items().forEach(c -> projectsById.computeIfAbsent(c.projectId(), projects::require));
		stoppages.items().forEach(s -> projectsById.computeIfAbsent(s.projectId(), projects::require));
		// the holder a change would replace, and the unit of the incoming manager, by name
		Map<Long, String> outgoing = new HashMap<>();
		Map<Long, String> units = new HashMap<>();
		for (ManagerChangeRequest c : changes.items()) {
			if (c.outgoingPostId() != null) {
				managers.posts(c.projectId()).stream()
					.filter(p -> p.id() == c.outgoingPostId())
					.map(ManagerPost::personName)
					.findFirst()
					.ifPresent(name -> outgoing.put(c.id(), name));
			}
			projects.units(c.projectId()).stream()
				.filter(u -> u.id() == c.incomingUnitId())
				.findFirst()
				.ifPresent(u -> units.put(c.id(), u.enterpriseName()));
		}
		Map<String, String> actorNames = new HashMap<>();
		changes.items().forEach(c -> actorNames.computeIfAbsent(c.requestedBy(), this::displayName));
		stoppages.items().forEach(s -> actorNames.computeIfAbsent(s.declaredBy(), this::displayName));
		Map<Long, String> requestedAt = new HashMap<>();
		changes.items().forEach(c -> requestedAt.put(c.id(), c.requestedAt().atZoneSameInstant(SHANGHAI).format(MINUTES)));
		String query = request.getQueryString();
		model.addAttribute("changes", changes);
		model.addAttribute("stoppages", stoppages);
		model.addAttribute("projects", projectsById);
		model.addAttribute("outgoing", outgoing);
		model.addAttribute("units", units);
		model.addAttribute("actorNames", actorNames);
		model.addAttribute("requestedAt", requestedAt);
		model.addAttribute("back", "/approvals" + (query == null ? "" : "?" + query));
		return "personnel/managers-approvals";
	}

	private String displayName(String username) {
		if (Actor.SYSTEM.username().equals(username)) {
			return Actor.SYSTEM.displayName();
		}
		return accounts.find(username).map(Accounts.AccountView::displayName).orElse(username);
	}
}
