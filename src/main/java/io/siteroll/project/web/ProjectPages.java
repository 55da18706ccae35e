package io.siteroll.project.web;

import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.siteroll.platform.Messages;
import io.siteroll.platform.Page;
import io.siteroll.platform.RuleViolation;
import io.siteroll.platform.Spreadsheets;
import io.siteroll.project.ConstructionCalendar;
import io.siteroll.project.Project;
import io.siteroll.project.ProjectAccess;
import io.siteroll.project.Projects;
import io.siteroll.project.Stoppage;
import io.siteroll.region.Region;
import io.siteroll.region.Regions;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

@Controller
class ProjectPages {

	record CalendarDay(LocalDate date, int day, String kind) {
	}

	private final Projects projects;

	private final Regions regions;

	private final ConstructionCalendar calendar;

	private final Clock clock;

	private final ProjectAccess access;

	private final Messages messages;

	ProjectPages(Projects projects, Regions regions, ConstructionCalendar calendar, Clock clock, ProjectAccess access,
			Messages messages) {
		this.clock = clock;
		this.access = access;
		this.messages = messages;
		this.projects = projects;
		this.regions = regions;
		this.calendar = calendar;
	}

	@GetMapping("/")
	String home() {
		return "redirect:/projects";
	}

	/** The project list as Excel with the page's filters, written page by page. */
	@GetMapping(path = "/projects", params = "format=xlsx")
	void excel(@RequestParam(required = false) String q, @RequestParam(required = false) String region,
			@RequestParam(required = false) String status, HttpServletResponse response) {
		Projects.Search search = new Projects.Search(q, region, status(status));
		Map<String, String> regionNames = new LinkedHashMap<>();
		regions.all().forEach(r -> regionNames.put(r.code(), r.name()));
		Spreadsheets.write(response, messages.get("export.projects.file", LocalDate.now(clock)),
				messages.get("export.projects.sheet"),
				List.of(messages.get("export.column.code"), messages.get("export.column.project"),
						messages.get("export.column.region"), messages.get("export.column.addressee"),
						messages.get("export.column.start"), messages.get("export.column.completion"),
						messages.get("export.column.status")),
				rows -> Page.each(number -> projects.search(search, number, Page.MAX_SIZE), p -> {
					rows.add(p.code(), p.name(), regionNames.get(p.regionCode()), p.contractorName(), p.startDate(),
							p.completionDate(), messages.label(p.status()));
				}));
	}

	private static Project.Status status(String status) {
		return Arrays.stream(Project.Status.values()).filter(s -> s.name().equals(status)).findFirst().orElse(null);
	}

	@GetMapping("/projects")
	String list(@RequestParam(required = false) String q, @RequestParam(required = false) String region,
			@RequestParam(required = false) String status, @RequestParam(required = false) Integer page, Model model) {
		Project.Status parsed = status(status);
		Page<Project> result = projects.search(new Projects.Search(q, region, parsed), Page.number(page), 20);
		Map<String, String> regionNames = new LinkedHashMap<>();
		regions.all().forEach(r -> regionNames.put(r.code(), r.name()));
		model.addAttribute("page", result);
		model.addAttribute("q", q);
		model.addAttribute("region", region);
		model.addAttribute("status", parsed);
		model.addAttribute("statuses", Project.Status.values());
		model.addAttribute("regions", regions.all().stream().filter(r -> r.level() != Region.Level.COUNTY).toList());
		model.addAttribute("regionNames", regionNames);
		return "project/list";
	}

	@GetMapping("/projects/{id}")
	String detail(@PathVariable long id, @RequestParam(required = false) YearMonth month, Model model) {
		Project project = projects.require(id);
		YearMonth shown = month != null ? month : YearMonth.now(clock);
		List<Stoppage> stoppages = projects.stoppages(id);
		List<LocalDate> days = calendar.constructionDays(id, shown);
		Set<LocalDate> work = new HashSet<>(days);
		List<CalendarDay> calendarDays = new ArrayList<>();
		for (int d = 1; d <= shown.lengthOfMonth(); d++) {
			LocalDate date = shown.atDay(d);
			String kind = work.contains(date) ? "work"
					: stoppages.stream().anyMatch(s -> s.inForce() && s.covers(date)) ? "stop" : "off";
			if (kind.equals("work") && stoppages.stream()
				.anyMatch(s -> s.status() == Stoppage.Status.PENDING && s.covers(date))) {
				kind = "work pending";
			}
			calendarDays.add(new CalendarDay(date, d, kind));
		}
		model.addAttribute("project", project);
		model.addAttribute("regionName", regions.fullName(project.regionCode()));
		model.addAttribute("units", projects.units(id));
		model.addAttribute("stoppages", stoppages);
		model.addAttribute("canOversee", access.canOversee(id));
		model.addAttribute("month", shown);
		model.addAttribute("constructionDays", days);
		model.addAttribute("calendarDays", calendarDays);
		return "project/detail";
	}

	/** An officer of the project's region approves or rejects a pending stoppage, with the reason. */
	@PostMapping("/projects/{id}/stoppages/{stoppageId}/decision")
	String decideStoppage(@PathVariable long id, @PathVariable long stoppageId, @RequestParam String decision,
			@RequestParam(required = false) String note, Model model) {
		try {
			if ("APPROVE".equals(decision)) {
				projects.approveStoppage(id, stoppageId, note);
			}
			else {
				projects.rejectStoppage(id, stoppageId, note);
			}
		}
		catch (RuleViolation e) {
			model.addAttribute("error", messages.summary(e));
			return detail(id, null, model);
		}
		return "redirect:/projects/" + id;
	}
}
