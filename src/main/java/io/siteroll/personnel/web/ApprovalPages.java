package io.siteroll.personnel.web;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.Map;

import io.siteroll.identity.ActorNames;
import io.siteroll.identity.CurrentActor;
import io.siteroll.personnel.ManagerChangeRequest;
import io.siteroll.personnel.ManagerPost;
import io.siteroll.personnel.ManagerPosts;
import io.siteroll.platform.Forbidden;
import io.siteroll.platform.Messages;
import io.siteroll.platform.Page;
import io.siteroll.platform.Spreadsheets;
import io.siteroll.project.Project;
import io.siteroll.project.Projects;
import io.siteroll.project.Stoppage;
import io.siteroll.platform.ReadOnlyWork;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
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


	private final Messages messages;

	private final Clock clock;

	private final ActorNames names;

	ApprovalPages(ManagerPosts managers, Projects projects, CurrentActor actors, Messages messages,
			Clock clock, ActorNames names) {
		this.names = names;
		this.messages = messages;
		this.clock = clock;
		this.managers = managers;
		this.projects = projects;
		this.actors = actors;
	}

	/** The whole queue as one Excel sheet, both kinds, read page by page. */
	@ReadOnlyWork
	@GetMapping(path = "/approvals", params = "format=xlsx")
	void excel(HttpServletResponse response) {
		if (!actors.get().isOfficer()) {
			throw new Forbidden("approvals.officers-only");
		}
		Map<Long, String> names = new HashMap<>();
		Spreadsheets.write(response, messages.get("export.approvals.file", LocalDate.now(clock)),
				messages.get("export.approvals.sheet"),
				messages.all("export.column.kind", "export.column.project", "export.column.matter",
						"export.column.date", "export.column.reason", "export.column.requested-by",
						"export.column.requested-on"),
				rows -> {
					Page.each(number -> managers.pendingChanges(number, Page.MAX_SIZE), c -> rows.add(
							messages.get("approvals.kind.change", messages.label(c.post())),
							names.computeIfAbsent(c.projectId(), id -> projects.require(id).name()),
							c.incomingPersonName(), c.effectiveDate(), c.reason(), displayName(c.requestedBy()),
							c.requestedAt().atZoneSameInstant(SHANGHAI).format(MINUTES)));
					Page.each(number -> projects.pendingStoppages(number, Page.MAX_SIZE), s -> rows.add(
							messages.get("approvals.kind.stoppage"),
							names.computeIfAbsent(s.projectId(), id -> projects.require(id).name()),
							s.firstDay() + " 至 " + (s.lastDay() == null ? "未复工" : s.lastDay().toString()), s.firstDay(),
							s.reason(), displayName(s.declaredBy()), s.declaredOn()));
				});
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
		return names.of(username);
	}
}
