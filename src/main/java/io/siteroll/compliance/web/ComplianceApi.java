package io.siteroll.compliance.web;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;

import io.siteroll.compliance.AttendanceRates;
import io.siteroll.compliance.Finding;
import io.siteroll.compliance.Findings;
import io.siteroll.compliance.InspectionShortfall;
import io.siteroll.compliance.MonthlyEvaluation;
import io.siteroll.compliance.RuleSet;
import io.siteroll.compliance.RuleSets;
import io.siteroll.compliance.Warning;
import io.siteroll.compliance.Warnings;
import io.siteroll.platform.Page;
import io.siteroll.region.Regions;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Compliance 合规检查")
class ComplianceApi {

	/** {@code full}: judge every project again rather than only those whose facts changed since the last run. */
	record EvaluationRequest(YearMonth month, Boolean full) {
	}

	/** {@code retroactive} with a {@code reason}: needed for a month that has begun or been evaluated. */
	record AdoptionRequest(LocalDate effectiveFrom, Boolean retroactive, String reason) {
	}

	private final RuleSets ruleSets;

	private final InspectionShortfall inspections;

	private final Warnings warnings;

	private final AttendanceRates rates;

	private final MonthlyEvaluation evaluation;

	private final Findings findings;

	private final Regions regions;

	ComplianceApi(RuleSets ruleSets, MonthlyEvaluation evaluation, Findings findings,
			AttendanceRates rates, Warnings warnings,
			InspectionShortfall inspections, Regions regions) {
		this.regions = regions;
		this.inspections = inspections;
		this.warnings = warnings;
		this.rates = rates;
		this.ruleSets = ruleSets;
		this.evaluation = evaluation;
		this.findings = findings;
	}

	@GetMapping("/api/rule-sets")
	List<RuleSet> ruleSets() {
		return ruleSets.all();
	}

	@GetMapping("/api/rule-sets/adoptions")
	@Operation(summary = "Which rule set is in force from which month")
	List<RuleSets.Adoption> adoptions() {
		return ruleSets.adoptions();
	}

	@PostMapping("/api/rule-sets")
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Define a rule set, adjusting another (basedOn); province officers only")
	RuleSet define(@RequestBody RuleSets.Definition definition) {
		return ruleSets.define(definition);
	}

	@PostMapping("/api/rule-sets/{id}/adoption")
	@Operation(summary = "Put a rule set in force from the first day of a month; province officers only, audited. "
			+ "For a month that has begun or been evaluated only with retroactive=true and a reason; the months "
			+ "already evaluated are then re-evaluated, with revisions")
	RuleSets.Adoption adopt(@PathVariable long id, @RequestBody AdoptionRequest request) {
		return ruleSets.adopt(id, request.effectiveFrom(), Boolean.TRUE.equals(request.retroactive()), request.reason());
	}

	@PostMapping("/api/evaluations")
	@Operation(summary = "Evaluate R1, R2 and R3 for a past month (also runs by itself after each month); "
			+ "re-running gives the same findings; by default only the projects whose facts changed since the month's "
			+ "previous evaluation are judged again, full=true judges every project; province officers only")
	MonthlyEvaluation.Result evaluate(@RequestBody EvaluationRequest request) {
		return evaluation.evaluate(request.month(), Boolean.TRUE.equals(request.full()));
	}

	@GetMapping("/api/findings")
	@Operation(summary = "Findings of the caller's projects; status OPEN (default) or WITHDRAWN")
	Page<Finding> findings(@RequestParam(required = false) YearMonth month, @RequestParam(required = false) Long projectId,
			@RequestParam(required = false) Long personId, @RequestParam(required = false) String rule,
			@RequestParam(required = false) String status, @RequestParam(required = false) String region,
			@RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
		return findings.search(new Findings.Search(month, projectId, personId, rule, status, regions.filter("region", region)), Page.number(page),
				Page.size(size));
	}

	@GetMapping("/api/attendance-rates")
	@Operation(summary = "Attendance rate (worker-days with a valid day ÷ worker-days on site, construction days only) "
			+ "per PROJECT, COUNTY, CITY or PROVINCE, per DAY or MONTH, over the caller's projects; every row unless page "
			+ "or size is given (then one page of the rows, ordered by period and key, with X-Total-Count)")
	List<AttendanceRates.Rate> rates(
			@RequestParam(defaultValue = "PROJECT") AttendanceRates.Level level,
			@RequestParam(defaultValue = "MONTH") AttendanceRates.Period period,
			@RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
			@RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
			@RequestParam(required = false) String region,
			@Parameter(description = "optional: answer only this page (0-based) of the rows, in their order; the total in X-Total-Count") @RequestParam(required = false) Integer page,
			@Parameter(description = "optional: rows per page (1 to 500, default 20 when page is given)") @RequestParam(required = false) Integer size,
			HttpServletResponse response) {
		boolean paged = page != null || size != null;
		// a malformed page is refused before any figure is read (reading brings the tally up to date)
		int number = paged ? Page.number(page) : 0;
		int rows = paged ? Page.size(size) : 0;
		List<AttendanceRates.Rate> all = rates.rates(level, period, from, to, regions.filter("region", region));
		if (!paged) {
			return all;
		}
		response.setHeader("X-Total-Count", Integer.toString(all.size()));
		long offset = (long) number * rows;
		return offset >= all.size() ? List.of() : all.subList((int) offset, (int) Math.min(all.size(), offset + rows));
	}

	@GetMapping("/api/duty-rates")
	@Operation(summary = "Key managers' on-duty rate (关键岗位人员到岗率: key-post-days whose holder had a valid day ÷ "
			+ "key-post-days held on construction days) per PROJECT, COUNTY, CITY or PROVINCE, per DAY or MONTH")
	List<AttendanceRates.DutyRate> dutyRates(
			@RequestParam(defaultValue = "PROJECT") AttendanceRates.Level level,
			@RequestParam(defaultValue = "MONTH") AttendanceRates.Period period,
			@RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
			@RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
			@RequestParam(required = false) String region) {
		return rates.dutyRates(level, period, from, to, regions.filter("region", region));
	}

	@GetMapping("/api/coverage")
	@Operation(summary = "Coverage on a day: started projects, equipped with a device, connected (a device heard that day)")
	List<AttendanceRates.Coverage> coverage(
			@RequestParam(defaultValue = "CITY") AttendanceRates.Level level,
			@RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate day,
			@RequestParam(required = false) String region) {
		return rates.coverage(level, day, regions.filter("region", region));
	}

	record RefreshRequest(LocalDate asOf) {
	}

	record HeadcountRequest(LocalDate day, Integer headcount) {
	}

	@PostMapping("/api/projects/{id}/inspection-shortfall")
	@Operation(summary = "R3 on an inspection day: the on-site headcount against the workers with a valid day that day")
	InspectionShortfall.Result inspectionShortfall(@PathVariable long id,
			@RequestBody HeadcountRequest request) {
		return inspections.judge(id, request.day(), request.headcount());
	}

	@GetMapping("/api/warnings")
	@Operation(summary = "Warnings (预警) of the caller's projects; status OPEN (default), CLEARED or ALL; region: the "
			+ "region's code, its projects and those below it; month: raised in that month (2026-11)")
	Page<Warning> warnings(@RequestParam(required = false) Long projectId,
			@RequestParam(required = false) Long personId, @RequestParam(required = false) String kind, @RequestParam(required = false) String status,
			@RequestParam(required = false) String region, @RequestParam(required = false) YearMonth month,
			@RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
		return warnings.search(new Warnings.Search(projectId, personId, kind, status,
				regions.filter("region", region), month), Page.number(page),
				Page.size(size));
	}

	@PostMapping("/api/warnings/{id}/review")
	@Operation(summary = "Confirm or dismiss a warning with a reason; officers of the project's region")
	Warning review(@PathVariable long id, @RequestBody Warnings.Review review) {
		return warnings.review(id, review);
	}

	@PostMapping("/api/warnings/refresh")
	@Operation(summary = "Recompute the warnings as of the end of a day (also runs every night); province officers only")
	Warnings.Refresh refreshWarnings(@RequestBody RefreshRequest request) {
		return warnings.refresh(request.asOf());
	}

	/** A finding with its history: each revision carries the evidence an evaluation saw. */
	record FindingDetail(Finding finding, List<Finding.Revision> revisions) {
	}

	@GetMapping("/api/findings/{id}")
	@Operation(summary = "A finding of the caller's projects with its revisions")
	FindingDetail finding(@PathVariable long id) {
		return new FindingDetail(findings.require(id), findings.revisions(id));
	}
}
