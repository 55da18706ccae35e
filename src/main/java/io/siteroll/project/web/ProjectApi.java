package io.siteroll.project.web;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;

import io.siteroll.platform.Page;
import io.siteroll.project.ConstructionCalendar;
import io.siteroll.project.ParticipatingUnit;
import io.siteroll.project.Project;
import io.siteroll.project.ProjectAccess;
import io.siteroll.project.Projects;
import io.siteroll.project.Stoppage;
import io.siteroll.region.Regions;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/projects")
@Tag(name = "Projects 项目")
class ProjectApi {

	record ExitRequest(LocalDate exitDate) {
	}

	record ResumptionRequest(LocalDate resumptionDay) {
	}

	record CompletionRequest(LocalDate completionDate) {
	}

	record StoppageDecision(String note) {
	}

	record ConstructionDays(long projectId, YearMonth month, int count, List<LocalDate> days) {
	}

	private final Projects projects;

	private final ProjectAccess access;

	private final ConstructionCalendar calendar;

	private final Regions regions;

	ProjectApi(Projects projects, ProjectAccess access, ConstructionCalendar calendar, Regions regions) {
		this.regions = regions;
		this.projects = projects;
		this.access = access;
		this.calendar = calendar;
	}

	@GetMapping
	@Operation(summary = "Projects in the caller's scope, searchable by name, code, address or contractor")
	Page<Project> search(@RequestParam(required = false) String q, @RequestParam(required = false) String region,
			@RequestParam(required = false) Project.Status status, @RequestParam(required = false) Integer page,
			@RequestParam(required = false) Integer size) {
		return projects.search(new Projects.Search(q, regions.filter("region", region), status), Page.number(page), Page.size(size));
	}

	@PostMapping
	@Operation(summary = "Register a project; an enterprise administrator registers it as its general contractor "
			+ "(一数一源: 201 with a new project, 200 with the one already registered under the same contractor, name and region)")
	org.springframework.http.ResponseEntity<Project> register(@RequestBody Projects.Registration registration) {
		Projects.Registered registered = projects.register(registration);
		return org.springframework.http.ResponseEntity.status(registered.created() ? HttpStatus.CREATED : HttpStatus.OK)
			.body(registered.project());
	}

	@GetMapping("/{id}")
	Project one(@PathVariable long id) {
		return projects.require(id);
	}

	@PutMapping("/{id}")
	Project update(@PathVariable long id, @RequestBody Projects.Registration registration) {
		return projects.update(id, registration);
	}

	@GetMapping("/{id}/units")
	List<ParticipatingUnit> units(@PathVariable long id) {
		return projects.units(id);
	}

	@PostMapping("/{id}/units")
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Add a participating unit (参建单位) with its national unit type")
	ParticipatingUnit addUnit(@PathVariable long id, @RequestBody Projects.UnitRegistration unit) {
		return projects.addUnit(id, unit);
	}

	@PostMapping("/{id}/units/{unitId}/exit")
	ParticipatingUnit exitUnit(@PathVariable long id, @PathVariable long unitId, @RequestBody ExitRequest request) {
		return projects.exitUnit(id, unitId, request.exitDate());
	}

	@GetMapping("/{id}/stoppages")
	List<Stoppage> stoppages(@PathVariable long id) {
		return projects.stoppages(id);
	}

	@PostMapping("/{id}/stoppages")
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Declare a stoppage (停工); without a last day it lasts until resumption. The enterprise side's "
			+ "stoppage is in force from the day it is declared; one beginning earlier is PENDING until an officer of the "
			+ "project's region approves it. An officer's stoppage is in force at once.")
	Stoppage declareStoppage(@PathVariable long id, @RequestBody Projects.StoppageDeclaration declaration) {
		return projects.declareStoppage(id, declaration);
	}

	@PostMapping("/{id}/stoppages/{stoppageId}/approval")
	@Operation(summary = "Approve a pending stoppage (officers of the project's region, not its requester; note required)")
	Stoppage approveStoppage(@PathVariable long id, @PathVariable long stoppageId, @RequestBody StoppageDecision decision) {
		return projects.approveStoppage(id, stoppageId, decision.note());
	}

	@PostMapping("/{id}/stoppages/{stoppageId}/rejection")
	@Operation(summary = "Reject a pending stoppage (officers of the project's region, not its requester; note required)")
	Stoppage rejectStoppage(@PathVariable long id, @PathVariable long stoppageId, @RequestBody StoppageDecision decision) {
		return projects.rejectStoppage(id, stoppageId, decision.note());
	}

	@PostMapping("/{id}/resumption")
	@Operation(summary = "Resume work (复工) after an open stoppage")
	Stoppage resume(@PathVariable long id, @RequestBody ResumptionRequest request) {
		return projects.resume(id, request.resumptionDay());
	}

	@PostMapping("/{id}/completion")
	@Operation(summary = "Record completion (竣工)")
	Project complete(@PathVariable long id, @RequestBody CompletionRequest request) {
		return projects.complete(id, request.completionDate());
	}

	@GetMapping("/{id}/construction-days")
	@Operation(summary = "The construction days (施工日) of a month")
	ConstructionDays constructionDays(@PathVariable long id, @RequestParam YearMonth month) {
		access.requireVisible(id);
		List<LocalDate> days = calendar.constructionDays(id, month);
		return new ConstructionDays(id, month, days.size(), days);
	}
}
