package io.siteroll.personnel.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import io.siteroll.personnel.Engagement;
import io.siteroll.personnel.Engagements;
import io.siteroll.personnel.ManagerChangeRequest;
import io.siteroll.personnel.ManagerPost;
import io.siteroll.personnel.ManagerPosts;
import io.siteroll.personnel.Person;
import io.siteroll.personnel.Persons;
import io.siteroll.personnel.RosterImport;
import io.siteroll.personnel.Team;
import io.siteroll.personnel.Teams;
import io.siteroll.platform.CodeDictionary;
import io.siteroll.platform.NotFound;
import io.siteroll.platform.Page;
import io.siteroll.platform.RuleViolation;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

@RestController
@Tag(name = "Personnel 人员")
class PersonnelApi {

	static final MediaType XLSX = MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

	record Lookup(String idType, String idNumber) {
	}

	@Schema(name = "ManagerChangeDecision")
	record Decision(String note) {
	}

	record DateRequest(LocalDate date) {
	}

	private final Persons persons;

	private final ManagerPosts managers;

	private final Teams teams;

	private final Engagements engagements;

	private final RosterImport roster;

	private final CodeDictionary codes;

	PersonnelApi(Persons persons, ManagerPosts managers, Teams teams, Engagements engagements, RosterImport roster,
			CodeDictionary codes) {
		this.persons = persons;
		this.managers = managers;
		this.teams = teams;
		this.engagements = engagements;
		this.roster = roster;
		this.codes = codes;
	}

	@GetMapping("/api/dictionaries")
	@Operation(summary = "National code dictionaries (证件类型, 参建单位类型, 工种, 项目分类, 建设性质, 岗位, 银行)")
	Map<String, List<CodeDictionary.Code>> dictionaries() {
		return codes.all();
	}

	// ---- persons ------------------------------------------------------------------------------

	@PostMapping("/api/persons")
	@Operation(summary = "Register an identity (一数一源): 201 with a new person, 200 with the one already registered")
	ResponseEntity<Person> register(@RequestBody Persons.Registration registration) {
		Persons.Registered registered = persons.register(registration);
		return ResponseEntity.status(registered.created() ? HttpStatus.CREATED : HttpStatus.OK).body(registered.person());
	}

	@PostMapping("/api/persons/lookup")
	@Operation(summary = "Find a registered person by ID type and number; contact and demographic details only for a person the caller may see")
	Person lookup(@RequestBody Lookup lookup) {
		return persons.lookup(lookup.idType(), lookup.idNumber()).orElseThrow(() -> new NotFound("person", "lookup"));
	}

	@GetMapping("/api/persons/{id}")
	Person person(@PathVariable long id) {
		return persons.require(id);
	}

	@GetMapping("/api/persons/{id}/posts")
	List<ManagerPost> postsOfPerson(@PathVariable long id) {
		persons.require(id);
		return managers.postsOf(id);
	}

	@PostMapping("/api/persons/{id}/id-number/reveal")
	@Operation(summary = "The ID number in clear (needs the reveal permission; audited)")
	Map<String, String> revealIdNumber(@PathVariable long id) {
		return Map.of("idNumber", persons.revealIdNumber(id));
	}

	@PutMapping(path = "/api/persons/{id}/face", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	@Operation(summary = "Upload the face photo (JPEG or PNG, at most 50 KB); stored encrypted")
	Person uploadFace(@PathVariable long id, @RequestParam("file") MultipartFile file) throws IOException {
		return persons.uploadFace(id, file.getContentType(), file.getBytes());
	}

	@GetMapping("/api/persons/{id}/face")
	@Operation(summary = "The face photo (needs the reveal permission; audited)")
	ResponseEntity<byte[]> face(@PathVariable long id) {
		Persons.Face face = persons.face(id);
		return ResponseEntity.ok()
			.contentType(MediaType.parseMediaType(face.contentType()))
			.header(HttpHeaders.CACHE_CONTROL, "no-store")
			.body(face.bytes());
	}

	// ---- managers -----------------------------------------------------------------------------

	@GetMapping("/api/projects/{projectId}/managers")
	List<ManagerPost> managers(@PathVariable long projectId) {
		return managers.posts(projectId);
	}

	@PostMapping("/api/projects/{projectId}/managers")
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Appoint a manager to a post; key posts (项目经理, 总监) only when vacant")
	ManagerPost appoint(@PathVariable long projectId, @RequestBody ManagerPosts.Appointment appointment) {
		return managers.appoint(projectId, appointment);
	}

	@PostMapping("/api/projects/{projectId}/managers/{postId}/end")
	ManagerPost endTenure(@PathVariable long projectId, @PathVariable long postId, @RequestBody DateRequest request) {
		return managers.endTenure(projectId, postId, request.date());
	}

	@GetMapping("/api/projects/{projectId}/manager-changes")
	List<ManagerChangeRequest> changes(@PathVariable long projectId) {
		return managers.changeRequests(projectId);
	}

	@PostMapping("/api/projects/{projectId}/manager-changes")
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Request the replacement of the project manager or chief supervisor")
	ManagerChangeRequest requestChange(@PathVariable long projectId, @RequestBody ManagerPosts.ChangeRequest request) {
		return managers.requestChange(projectId, request);
	}

	@PostMapping("/api/projects/{projectId}/manager-changes/{requestId}/approve")
	@Operation(summary = "Approve a change (officers of the project's region)")
	ManagerChangeRequest approve(@PathVariable long projectId, @PathVariable long requestId, @RequestBody(required = false) Decision decision) {
		return managers.approve(projectId, requestId, decision == null ? null : decision.note());
	}

	@PostMapping("/api/projects/{projectId}/manager-changes/{requestId}/reject")
	ManagerChangeRequest reject(@PathVariable long projectId, @PathVariable long requestId, @RequestBody Decision decision) {
		return managers.reject(projectId, requestId, decision.note());
	}

	// ---- teams and workers --------------------------------------------------------------------

	@GetMapping("/api/projects/{projectId}/teams")
	List<Team> teams(@PathVariable long projectId) {
		return teams.teams(projectId);
	}

	@PostMapping("/api/projects/{projectId}/teams")
	@ResponseStatus(HttpStatus.CREATED)
	Team createTeam(@PathVariable long projectId, @RequestBody Teams.Registration registration) {
		return teams.create(projectId, registration);
	}

	@GetMapping("/api/projects/{projectId}/workers")
	@Operation(summary = "Workers of a project (masked); q matches a name, a team or a full ID number")
	Page<Engagement> workers(@PathVariable long projectId, @RequestParam(required = false) String q,
			@RequestParam(defaultValue = "false") boolean active, @RequestParam(required = false) Integer page,
			@RequestParam(required = false) Integer size) {
		return engagements.workers(projectId, q, active, Page.number(page), Page.size(size));
	}

	@PostMapping("/api/projects/{projectId}/workers")
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Engage a worker (registers the identity if new; contract before entry)")
	Engagement engage(@PathVariable long projectId, @RequestBody Engagements.NewEngagement engagement) {
		return engagements.engage(projectId, engagement);
	}

	@GetMapping("/api/projects/{projectId}/workers/{engagementId}")
	Engagement worker(@PathVariable long projectId, @PathVariable long engagementId) {
		return engagements.require(projectId, engagementId);
	}

	@PostMapping("/api/projects/{projectId}/workers/{engagementId}/exit")
	Engagement exit(@PathVariable long projectId, @PathVariable long engagementId, @RequestBody DateRequest request) {
		return engagements.exit(projectId, engagementId, request.date());
	}

	@GetMapping("/api/projects/{projectId}/workers/{engagementId}/movements")
	List<Engagements.Movement> movements(@PathVariable long projectId, @PathVariable long engagementId) {
		return engagements.movements(projectId, engagementId);
	}

	@PostMapping("/api/projects/{projectId}/workers/{engagementId}/bank-card/reveal")
	Map<String, String> revealBankCard(@PathVariable long projectId, @PathVariable long engagementId) {
		return Map.of("bankCardNumber", engagements.revealBankCard(projectId, engagementId));
	}

	// ---- roster import ------------------------------------------------------------------------

	@GetMapping("/api/roster-template")
	@Operation(summary = "The .xlsx roster template (花名册模板)")
	ResponseEntity<byte[]> template() {
		return xlsx("花名册模板.xlsx", roster.template());
	}

	@PostMapping(path = "/api/projects/{projectId}/teams/{teamId}/roster", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	@Operation(summary = "Import a team's roster: all rows or none; a rejected import has an error report")
	ResponseEntity<RosterImport.Result> importRoster(@PathVariable long projectId, @PathVariable long teamId,
			@RequestParam("file") MultipartFile file) throws IOException {
		if (file.isEmpty()) {
			throw RuleViolation.of("file", "required");
		}
		RosterImport.Result result = roster.importRoster(projectId, teamId, file.getOriginalFilename(), file.getInputStream());
		return ResponseEntity.status(result.imported() ? HttpStatus.CREATED : HttpStatus.UNPROCESSABLE_ENTITY).body(result);
	}

	@GetMapping("/api/roster-imports/{importId}/error-report")
	ResponseEntity<byte[]> errorReport(@PathVariable long importId) {
		return xlsx("花名册错误报告-" + importId + ".xlsx", roster.errorReport(importId));
	}

	static ResponseEntity<byte[]> xlsx(String name, byte[] body) {
		return ResponseEntity.ok()
			.contentType(XLSX)
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment().filename(name, StandardCharsets.UTF_8).build().toString())
			.body(body);
	}
}
