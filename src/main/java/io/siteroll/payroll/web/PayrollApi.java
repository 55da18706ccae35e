package io.siteroll.payroll.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;

import io.siteroll.payroll.WageAccount;
import io.siteroll.payroll.WageAccounts;
import io.siteroll.payroll.WageArrears;
import io.siteroll.payroll.WageLine;
import io.siteroll.payroll.WageTable;
import io.siteroll.payroll.WageTables;
import io.siteroll.platform.NotFound;
import io.siteroll.platform.RuleViolation;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** 工资专户 and 工资表 over HTTP: the same services the pages use, so both enforce the same scope. */
@RestController
@Tag(name = "Payroll 工资专户")
class PayrollApi {

	private final WageAccounts accounts;

	private final WageTables tables;

	private final WageArrears arrears;

	private final Clock clock;

	PayrollApi(WageAccounts accounts, WageTables tables, WageArrears arrears, Clock clock) {
		this.accounts = accounts;
		this.tables = tables;
		this.arrears = arrears;
		this.clock = clock;
	}

	@GetMapping("/api/projects/{projectId}/wage-arrears")
	@Operation(summary = "Workers with valid days in a month (yyyy-MM) and no paid wage line; due after the pay date")
	WageArrears.Arrears arrears(@PathVariable long projectId, @RequestParam YearMonth month) {
		return arrears.of(projectId, month);
	}

	@GetMapping("/api/projects/{projectId}/wage-account")
	@Operation(summary = "The project's wage account (农民工工资专用账户), number masked")
	WageAccount account(@PathVariable long projectId) {
		return accounts.require(projectId);
	}

	@PostMapping("/api/projects/{projectId}/wage-account")
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Open the wage account (general contractor); the three-party agreement as base64 in agreement")
	WageAccount open(@PathVariable long projectId, @RequestBody WageAccounts.Opening opening) {
		return accounts.open(projectId, opening);
	}

	@PostMapping("/api/projects/{projectId}/wage-account/number/reveal")
	@Operation(summary = "The account number in clear (reveal permission, audited)")
	Map<String, String> revealNumber(@PathVariable long projectId) {
		return Map.of("accountNumber", accounts.revealNumber(projectId));
	}

	@GetMapping("/api/projects/{projectId}/wage-account/agreement")
	@Operation(summary = "The three-party agreement (三方协议) as filed")
	ResponseEntity<byte[]> agreement(@PathVariable long projectId) {
		WageAccounts.Agreement a = accounts.agreement(projectId);
		return file(a.fileName(), a.contentType(), a.content());
	}

	@PostMapping("/api/projects/{projectId}/wage-account/closing")
	@Operation(summary = "Start the 30-day public notice before closing the account")
	WageAccount noticeClosing(@PathVariable long projectId) {
		return accounts.noticeClosing(projectId);
	}

	@PostMapping("/api/projects/{projectId}/wage-account/closure")
	@Operation(summary = "Close the account once its 30-day notice has run")
	WageAccount close(@PathVariable long projectId) {
		return accounts.close(projectId);
	}

	@GetMapping("/api/projects/{projectId}/wage-allocations")
	@Operation(summary = "Labour-cost allocations (人工费用拨付) into the wage account")
	List<WageAccounts.Allocation> allocations(@PathVariable long projectId) {
		return accounts.allocations(projectId);
	}

	@PostMapping("/api/projects/{projectId}/wage-allocations")
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Record an allocation: amount and the day it was received")
	WageAccounts.Allocation allocate(@PathVariable long projectId, @RequestBody WageAccounts.NewAllocation allocation) {
		return accounts.allocate(projectId, allocation);
	}

	@PostMapping(path = "/api/projects/{projectId}/wage-allocations/statement",
			consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Import allocations from a bank statement (CSV: 日期,金额,摘要), all rows or none")
	List<WageAccounts.Allocation> statement(@PathVariable long projectId, @RequestParam("file") MultipartFile file)
			throws IOException {
		return accounts.importStatement(projectId, required(file).getInputStream());
	}

	@GetMapping("/api/projects/{projectId}/wage-guarantees")
	@Operation(summary = "The wage guarantee (工资保证金) and what the configured ratio asks")
	List<WageAccounts.Guarantee> guarantees(@PathVariable long projectId) {
		return accounts.guarantees(projectId);
	}

	@PostMapping("/api/projects/{projectId}/wage-guarantees")
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Record a cash deposit or a bank guarantee letter")
	WageAccounts.Guarantee provideGuarantee(@PathVariable long projectId,
			@RequestBody WageAccounts.NewGuarantee guarantee) {
		return accounts.provideGuarantee(projectId, guarantee);
	}

	@GetMapping("/api/wage-table-template")
	@Operation(summary = "The .xlsx wage table template (工资表模板)")
	ResponseEntity<byte[]> template() {
		return file("工资表模板.xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
				tables.template());
	}

	@GetMapping("/api/projects/{projectId}/wage-tables")
	@Operation(summary = "The project's wage tables the caller may see, optionally of one month (yyyy-MM)")
	List<WageTable> tables(@PathVariable long projectId, @RequestParam(required = false) YearMonth month) {
		return tables.tables(projectId, month);
	}

	@PostMapping("/api/projects/{projectId}/wage-tables")
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Upload a unit's wage table for a month (replaces an unapproved one)")
	WageTable upload(@PathVariable long projectId, @RequestBody WageTables.Upload upload) {
		return tables.upload(projectId, upload);
	}

	@PostMapping(path = "/api/projects/{projectId}/units/{unitId}/wage-table", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Upload a unit's wage table as .xlsx (the template's columns); month yyyy-MM, default this month")
	WageTable uploadExcel(@PathVariable long projectId, @PathVariable long unitId,
			@RequestParam(required = false) YearMonth month, @RequestParam("file") MultipartFile file) throws IOException {
		return tables.uploadExcel(projectId, unitId, month == null ? YearMonth.now(clock) : month,
				required(file).getInputStream());
	}

	@PostMapping("/api/projects/{projectId}/wage-tables/from-attendance")
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Build a unit's wage table from the month's valid attendance days × a daily wage")
	WageTable fromAttendance(@PathVariable long projectId, @RequestBody WageTables.FromAttendance request) {
		return tables.fromAttendance(projectId, request);
	}

	@GetMapping("/api/wage-tables/{tableId}")
	WageTable table(@PathVariable long tableId) {
		return tables.require(tableId);
	}

	@GetMapping("/api/wage-tables/{tableId}/lines")
	@Operation(summary = "The table's lines with the rule's verdict and reasons (the wage ledger)")
	List<WageLine> lines(@PathVariable long tableId) {
		return tables.lines(tableId);
	}

	@PostMapping("/api/wage-tables/{tableId}/check")
	@Operation(summary = "Check every line: registered and engaged in the month, own card, no team leader's card")
	WageTable check(@PathVariable long tableId) {
		return tables.check(tableId);
	}

	@PostMapping("/api/wage-tables/{tableId}/lines/{lineId}/confirmation")
	@Operation(summary = "Record the worker's confirmation of their line")
	WageLine confirm(@PathVariable long tableId, @PathVariable long lineId) {
		return tables.confirm(tableId, lineId);
	}

	/** The lines whose workers confirmed them (signed the printed table). */
	record Confirmations(List<Long> lineIds) {
	}

	@PostMapping("/api/wage-tables/{tableId}/confirmations")
	@Operation(summary = "Record the workers' confirmations of the listed lines at once (the signed table, 条例 art. 31)")
	WageTable confirmAll(@PathVariable long tableId, @RequestBody Confirmations confirmations) {
		return tables.confirmAll(tableId, confirmations == null ? null : confirmations.lineIds());
	}

	@PostMapping("/api/wage-tables/{tableId}/approval")
	@Operation(summary = "Approve a checked table whose allowed lines its workers confirmed (general contractor, 总包代发)")
	WageTable approve(@PathVariable long tableId) {
		return tables.approve(tableId);
	}

	@PostMapping("/api/wage-tables/{tableId}/payment-file")
	@Operation(summary = "The bank disbursement file (代发文件) of the allowed lines; card numbers in clear, audited")
	ResponseEntity<byte[]> paymentFile(@PathVariable long tableId, @RequestParam(required = false) String format) {
		WageTables.PaymentFile f = tables.paymentFile(tableId, format);
		return file(f.fileName(), f.contentType(), f.content());
	}

	@PostMapping(path = "/api/wage-tables/{tableId}/results", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	@Operation(summary = "Import the bank's result file (回单): each line paid, failed or returned")
	WageTables.ResultImport results(@PathVariable long tableId, @RequestParam(required = false) String format,
			@RequestParam("file") MultipartFile file) throws IOException {
		return tables.importResults(tableId, format, required(file).getInputStream());
	}

	private static MultipartFile required(MultipartFile file) {
		if (file == null || file.isEmpty()) {
			throw RuleViolation.of("file", "required");
		}
		return file;
	}

	static ResponseEntity<byte[]> file(String name, String type, byte[] body) {
		if (body == null) {
			throw new NotFound("file", name);
		}
		return ResponseEntity.ok()
			.contentType(MediaType.parseMediaType(type))
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment().filename(name, StandardCharsets.UTF_8).build().toString())
			.body(body);
	}
}
