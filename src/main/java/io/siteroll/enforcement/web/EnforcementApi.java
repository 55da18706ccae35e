package io.siteroll.enforcement.web;

import java.io.IOException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;

import io.siteroll.enforcement.CreditRecord;
import io.siteroll.enforcement.CreditRecords;
import io.siteroll.enforcement.Inspection;
import io.siteroll.enforcement.Inspections;
import io.siteroll.enforcement.Penalties;
import io.siteroll.enforcement.Penalty;
import io.siteroll.enforcement.RectificationOrder;
import io.siteroll.enforcement.RectificationOrders;
import io.siteroll.enforcement.TypicalCases;
import io.siteroll.platform.Page;
import io.siteroll.region.Regions;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

@RestController
@Tag(name = "Enforcement 执法")
class EnforcementApi {

	record Lifting(LocalDate resumptionDay) {
	}

	/** An order with its history. */
	record OrderWithTransitions(RectificationOrder order, List<RectificationOrder.Transition> transitions) {
	}

	private final RectificationOrders orders;

	private final Penalties penalties;

	private final CreditRecords credits;

	private final TypicalCases cases;

	private final Inspections inspections;

	private final Regions regions;

	EnforcementApi(RectificationOrders orders, Penalties penalties, CreditRecords credits, TypicalCases cases,
			Inspections inspections, Regions regions) {
		this.regions = regions;
		this.inspections = inspections;
		this.orders = orders;
		this.penalties = penalties;
		this.credits = credits;
		this.cases = cases;
	}

	@PostMapping("/api/projects/{id}/inspections")
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Record an on-site inspection (监督检查) with device function tests; a failed test issues a "
			+ "rectification order; the headcount gives the R3 shortfall; officers of the project's region")
	Inspection inspect(@PathVariable long id, @RequestBody Inspections.Record record) {
		return inspections.record(id, record);
	}

	@GetMapping("/api/projects/{id}/inspections")
	List<Inspection> inspections(@PathVariable long id) {
		return inspections.forProject(id);
	}

	@PostMapping(path = "/api/inspections/{id}/attachments",
			consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Add a photo or document to an inspection (stored encrypted)")
	Map<String, Object> attach(@PathVariable long id,
			@RequestParam("file") MultipartFile file)
			throws IOException {
		return Map.of("id", inspections.attach(id, file.getOriginalFilename(), file.getContentType(), file.getBytes()));
	}

	@PostMapping("/api/orders")
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Issue a rectification order (责令限期整改) from a finding; officers of the project's region")
	RectificationOrder issue(@RequestBody RectificationOrders.FromFinding request) {
		return orders.issue(request);
	}

	@PostMapping("/api/orders/from-warning")
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Issue a rectification order from a daily warning")
	RectificationOrder issueFromWarning(@RequestBody RectificationOrders.FromWarning request) {
		return orders.issue(request);
	}

	@PostMapping("/api/orders/from-inspection")
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Issue a rectification order from an inspection's worker shortfall (R3, 1 to 15 missing)")
	RectificationOrder issueFromInspection(@RequestBody RectificationOrders.FromInspection request) {
		return orders.issue(request);
	}

	@GetMapping("/api/orders")
	@Operation(summary = "Orders of the caller's projects; due=true: the officer's queue (past the deadline or overdue); "
			+ "status: one or several, comma-separated; region: the region's code, its projects and those below it; "
			+ "month: issued in that month (2026-11)")
	Page<RectificationOrder> search(@RequestParam(required = false) Long projectId,
			@RequestParam(required = false) String status, @RequestParam(required = false) Boolean due,
			@RequestParam(required = false) String region, @RequestParam(required = false) YearMonth month,
			@RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
		return orders.search(new RectificationOrders.Search(projectId, status, due, regions.filter("region", region), month),
				Page.number(page), Page.size(size));
	}

	@GetMapping("/api/orders/{id}")
	OrderWithTransitions one(@PathVariable long id) {
		return new OrderWithTransitions(orders.require(id), orders.transitions(id));
	}

	@PostMapping("/api/orders/{id}/answer")
	@Operation(summary = "The addressed enterprise's rectification report (整改报告)")
	RectificationOrder answer(@PathVariable long id, @RequestBody RectificationOrders.Answer answer) {
		return orders.answer(id, answer);
	}

	@PostMapping(path = "/api/orders/{id}/attachments", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Attach a document or photo to the rectification report (the addressee only; stored encrypted)")
	Map<String, Object> attachToOrder(@PathVariable long id,
			@RequestParam("file") MultipartFile file)
			throws IOException {
		return Map.of("id", orders.attach(id, file.getOriginalFilename(), file.getContentType(), file.getBytes()));
	}

	@PostMapping("/api/orders/{id}/recheck")
	@Operation(summary = "Re-check after the deadline: the platform judges R1/R2/R3; otherwise the officer's re-inspection")
	RectificationOrder recheck(@PathVariable long id, @RequestBody(required = false) RectificationOrders.Reinspection reinspection) {
		return orders.recheck(id, reinspection);
	}

	@PostMapping("/api/orders/{id}/escalation")
	@Operation(summary = "Escalate an overdue order once its penalties are decided: writes the bad-credit records")
	RectificationOrder escalate(@PathVariable long id) {
		return orders.escalate(id);
	}

	@PostMapping("/api/penalties")
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Record a penalty decision (行政处罚决定) for an overdue order or a finding that calls for one")
	Penalty decide(@RequestBody Penalties.Decision decision) {
		return penalties.decide(decision);
	}

	@PostMapping("/api/penalties/{id}/lifting")
	@Operation(summary = "Lift a stop-work order: work may resume on the given day")
	Penalty lift(@PathVariable long id, @RequestBody Lifting lifting) {
		return penalties.liftStopWork(id, lifting.resumptionDay());
	}

	@GetMapping("/api/projects/{id}/penalties")
	List<Penalty> forProject(@PathVariable long id) {
		return penalties.forProject(id);
	}

	@GetMapping("/api/credit-records")
	@Operation(summary = "Bad-credit records (诚信不良行为记录) by enterprise, person, project, valid on a day; region: "
			+ "the region's code, its projects and those below it; month: valid from a day of that month (2026-11)")
	Page<CreditRecord> creditRecords(@RequestParam(required = false) Long enterpriseId,
			@RequestParam(required = false) Long personId, @RequestParam(required = false) Long projectId,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate validOn,
			@RequestParam(required = false) String region, @RequestParam(required = false) YearMonth month,
			@RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
		return credits.search(new CreditRecords.Search(enterpriseId, personId, projectId, validOn,
				regions.filter("region", region), month), Page.number(page),
				Page.size(size));
	}

	@PostMapping("/api/typical-cases")
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Publish a penalty as a typical case (典型案例); province officers only")
	TypicalCases.TypicalCase publish(@RequestBody TypicalCases.Publication publication) {
		return cases.publish(publication);
	}

	@GetMapping("/api/public/typical-cases")
	@Operation(summary = "The published typical cases: public, no sign-in")
	List<TypicalCases.TypicalCase> published() {
		return cases.published();
	}
}
