package io.siteroll.payroll.web;

import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.function.Supplier;

import io.siteroll.identity.Actor;
import io.siteroll.identity.CurrentActor;
import io.siteroll.identity.Role;
import io.siteroll.payroll.RightsBoards;
import io.siteroll.payroll.WageAccounts;
import io.siteroll.payroll.WageArrears;
import io.siteroll.payroll.WageLine;
import io.siteroll.payroll.WageTable;
import io.siteroll.payroll.WageTables;
import io.siteroll.platform.TypedInput;
import io.siteroll.platform.FormErrors;
import io.siteroll.platform.Messages;
import io.siteroll.platform.RuleViolation;
import io.siteroll.project.Project;
import io.siteroll.project.ProjectAccess;
import io.siteroll.project.Projects;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The enterprise's wage month of a project (the wage account, allocations, guarantee, the month's tables) and a
 * table's page (lines with the rule's verdict, check, approve, payment file, the bank's result). Officers and other
 * units see the same pages without the actions. Every action goes through the services the API uses.
 */
@Controller
class PayrollPages {

	private final WageAccounts accounts;

	private final WageTables tables;

	private final Projects projects;

	private final ProjectAccess access;

	private final CurrentActor actors;

	private final Messages messages;

	private final Clock clock;

	private final WageArrears arrears;

	private final RightsBoards boards;

	PayrollPages(WageAccounts accounts, WageTables tables, Projects projects, ProjectAccess access, CurrentActor actors,
			Messages messages, Clock clock, WageArrears arrears, RightsBoards boards) {
		this.arrears = arrears;
		this.boards = boards;
		this.accounts = accounts;
		this.tables = tables;
		this.projects = projects;
		this.access = access;
		this.actors = actors;
		this.messages = messages;
		this.clock = clock;
	}

	@GetMapping("/projects/{id}/wages")
	String month(@PathVariable long id, @RequestParam(required = false) String month, Model model) {
		return monthPage(id, month(month), null, null, Map.of(), model);
	}

	private String monthPage(long id, YearMonth month, String form, FormErrors errors, Map<String, String> typed,
			Model model) {
		Project project = access.requireVisible(id);
		model.addAttribute("project", project);
		model.addAttribute("month", month);
		model.addAttribute("previousMonth", month.minusMonths(1));
		model.addAttribute("nextMonth", month.isBefore(YearMonth.now(clock)) ? month.plusMonths(1) : null);
		model.addAttribute("account", accounts.find(id).orElse(null));
		model.addAttribute("allocations", accounts.allocations(id));
		model.addAttribute("guarantees", accounts.guarantees(id));
		model.addAttribute("tables", tables.tables(id, month));
		Set<Long> compilable = tables.compilableUnits(id);
		model.addAttribute("units", projects.units(id).stream().filter(u -> compilable.contains(u.id())).toList());
		model.addAttribute("compiles", !compilable.isEmpty());
		model.addAttribute("guaranteeKinds", WageAccounts.Guarantee.Kind.values());
		model.addAttribute("manages", access.canManage(id));
		model.addAttribute("contractor", isContractor(project));
		model.addAttribute("today", LocalDate.now(clock));
		model.addAttribute("form", form);
		model.addAttribute("errors", errors);
		model.addAttribute("otherErrors", otherErrors(errors, MONTH_FIELDS));
		model.addAttribute("typed", typed);
		return "payroll/month";
	}

	private boolean isContractor(Project project) {
		Actor actor = actors.get();
		return actor.role() == Role.ENTERPRISE_ADMIN && actor.enterpriseId() != null
				&& actor.enterpriseId() == project.contractorId();
	}

	@PostMapping("/projects/{id}/wages/account")
	String open(@PathVariable long id, @RequestParam Map<String, String> typed,
			@RequestParam(required = false) MultipartFile agreement, RedirectAttributes flash, Model model) {
		return attempt(id, "account", typed, model, flash, () -> {
			byte[] content = agreement == null || agreement.isEmpty() ? null : bytes(agreement);
			accounts.open(id, new WageAccounts.Opening(typed.get("bankName"), typed.get("bankCode"),
					typed.get("accountNumber"), agreement == null ? null : agreement.getOriginalFilename(),
					agreement == null ? null : agreement.getContentType(), content));
			return messages.get("wages.account.opened");
		});
	}

	@PostMapping("/projects/{id}/wages/account/closing")
	String noticeClosing(@PathVariable long id, @RequestParam Map<String, String> typed, RedirectAttributes flash,
			Model model) {
		return attempt(id, "closing", typed, model, flash, () -> messages.get("wages.account.closing-noticed",
				accounts.noticeClosing(id).closableFrom()));
	}

	@PostMapping("/projects/{id}/wages/account/closure")
	String close(@PathVariable long id, @RequestParam Map<String, String> typed, RedirectAttributes flash, Model model) {
		return attempt(id, "closing", typed, model, flash, () -> {
			accounts.close(id);
			return messages.get("wages.account.closed");
		});
	}

	@PostMapping("/projects/{id}/wages/allocations")
	String allocate(@PathVariable long id, @RequestParam Map<String, String> typed, RedirectAttributes flash,
			Model model) {
		return attempt(id, "allocation", typed, model, flash, () -> {
			WageAccounts.Allocation a = accounts.allocate(id, new WageAccounts.NewAllocation(
					TypedInput.amount("amount", typed.get("amount")), TypedInput.day("receivedOn", typed.get("receivedOn")), typed.get("reference")));
			return messages.get("wages.allocation.recorded", a.amount().toPlainString(), a.receivedOn());
		});
	}

	@PostMapping("/projects/{id}/wages/allocations/statement")
	String statement(@PathVariable long id, @RequestParam Map<String, String> typed,
			@RequestParam(required = false) MultipartFile file, RedirectAttributes flash, Model model) {
		return attempt(id, "statement", typed, model, flash, () -> messages.get("wages.statement.imported",
				accounts.importStatement(id, stream(file)).size()));
	}

	@PostMapping("/projects/{id}/wages/guarantees")
	String guarantee(@PathVariable long id, @RequestParam Map<String, String> typed, RedirectAttributes flash,
			Model model) {
		return attempt(id, "guarantee", typed, model, flash, () -> {
			accounts.provideGuarantee(id, new WageAccounts.NewGuarantee(typed.get("kind"),
					TypedInput.amount("amount", typed.get("amount")), TypedInput.amount("contractValue", typed.get("contractValue")),
					TypedInput.day("providedOn", typed.get("providedOn")), TypedInput.day("validUntil", typed.get("validUntil"))));
			return messages.get("wages.guarantee.recorded");
		});
	}

	@PostMapping("/projects/{id}/wages/tables")
	String upload(@PathVariable long id, @RequestParam Map<String, String> typed,
			@RequestParam(required = false) MultipartFile file, RedirectAttributes flash, Model model) {
		YearMonth month = month(typed.get("month"));
		try {
			WageTable t = tables.uploadExcel(id, unit(typed.get("unitId")), month, stream(file));
			flash.addFlashAttribute("notice", messages.get("wages.table.uploaded", t.lines()));
			return "redirect:/wage-tables/" + t.id();
		}
		catch (RuleViolation e) {
			return monthPage(id, month, "upload", FormErrors.of(e, messages), typed, model);
		}
	}

	@PostMapping("/projects/{id}/wages/tables/from-attendance")
	String fromAttendance(@PathVariable long id, @RequestParam Map<String, String> typed, RedirectAttributes flash,
			Model model) {
		YearMonth month = month(typed.get("month"));
		try {
			WageTable t = tables.fromAttendance(id, new WageTables.FromAttendance(unit(typed.get("unitId")), month,
					TypedInput.amount("dailyWage", typed.get("dailyWage"))));
			flash.addFlashAttribute("notice", messages.get("wages.table.built", t.lines()));
			return "redirect:/wage-tables/" + t.id();
		}
		catch (RuleViolation e) {
			return monthPage(id, month, "attendance", FormErrors.of(e, messages), typed, model);
		}
	}

	// ---- a table ---------------------------------------------------------------------------------------------

	@GetMapping("/wage-tables/{tableId}")
	String table(@PathVariable long tableId, Model model) {
		return tablePage(tableId, null, model);
	}

	private String tablePage(long tableId, FormErrors errors, Model model) {
		WageTable table = tables.require(tableId);
		Project project = access.requireVisible(table.projectId());
		model.addAttribute("project", project);
		model.addAttribute("table", table);
		model.addAttribute("lines", tables.lines(tableId));
		model.addAttribute("manages", access.canManage(project.id()));
		model.addAttribute("compiles", tables.compilableUnits(project.id()).contains(table.unitId()));
		model.addAttribute("contractor", isContractor(project));
		model.addAttribute("errors", errors);
		model.addAttribute("otherErrors", otherErrors(errors, Set.of()));
		return "payroll/table";
	}

	/** 工资条: one worker's pay slip (条例 art. 15), printable, masked like every page. */
	@GetMapping("/wage-tables/{tableId}/lines/{lineId}/slip")
	String slip(@PathVariable long tableId, @PathVariable long lineId, Model model) {
		WageTable table = tables.require(tableId);
		model.addAttribute("project", access.requireVisible(table.projectId()));
		model.addAttribute("table", table);
		model.addAttribute("line", tables.line(tableId, lineId));
		model.addAttribute("payDate", arrears.payDate(table.month()));
		return "payroll/slip";
	}

	@PostMapping("/wage-tables/{tableId}/check")
	String check(@PathVariable long tableId, RedirectAttributes flash, Model model) {
		return act(tableId, flash, model, () -> {
			WageTable t = tables.check(tableId);
			return messages.get("wages.table.checked", t.allowedLines(), t.refusedLines());
		});
	}

	@PostMapping("/wage-tables/{tableId}/approval")
	String approve(@PathVariable long tableId, RedirectAttributes flash, Model model) {
		return act(tableId, flash, model, () -> {
			tables.approve(tableId);
			return messages.get("wages.table.approved");
		});
	}

	@PostMapping("/wage-tables/{tableId}/lines/{lineId}/confirmation")
	String confirm(@PathVariable long tableId, @PathVariable long lineId, RedirectAttributes flash, Model model) {
		return act(tableId, flash, model, () -> {
			WageLine l = tables.confirm(tableId, lineId);
			return messages.get("wages.line.confirmed", l.personName());
		});
	}

	/** The lines ticked on the table's page: their workers signed the printed table. */
	@PostMapping("/wage-tables/{tableId}/confirmations")
	String confirmAll(@PathVariable long tableId, @RequestParam(name = "lineIds", required = false) List<String> lineIds,
			RedirectAttributes flash, Model model) {
		return act(tableId, flash, model, () -> {
			List<Long> ids = new ArrayList<>();
			for (String typed : lineIds == null ? List.<String>of() : lineIds) {
				try {
					ids.add(Long.valueOf(typed.strip()));
				}
				catch (NumberFormatException e) {
					throw RuleViolation.of("lineIds", "wage-line.not-in-table");
				}
			}
			WageTable t = tables.confirmAll(tableId, ids);
			return messages.get("wages.lines.confirmed", t.confirmedLines(), t.lines());
		});
	}

	/** 维权信息告示牌 (条例 art. 34): printable, A4, from the project's records. */
	@GetMapping("/projects/{id}/rights-board")
	String rightsBoard(@PathVariable long id, Model model) {
		model.addAttribute("board", boards.of(id));
		return "payroll/rights-board";
	}

	/** The payment file downloads; a refusal comes back as the table's page with the reason. */
	@PostMapping("/wage-tables/{tableId}/payment-file")
	Object paymentFile(@PathVariable long tableId, Model model) {
		try {
			WageTables.PaymentFile f = tables.paymentFile(tableId, null);
			ResponseEntity<byte[]> file = PayrollApi.file(f.fileName(), f.contentType(), f.content());
			return file;
		}
		catch (RuleViolation e) {
			return tablePage(tableId, FormErrors.of(e, messages), model);
		}
	}

	@PostMapping("/wage-tables/{tableId}/results")
	String results(@PathVariable long tableId, @RequestParam(required = false) MultipartFile file,
			RedirectAttributes flash, Model model) {
		return act(tableId, flash, model, () -> {
			WageTables.ResultImport r = tables.importResults(tableId, null, stream(file));
			return messages.get("wages.results.imported", r.paid(), r.failed(), r.returned());
		});
	}

	private String act(long tableId, RedirectAttributes flash, Model model, Supplier<String> change) {
		try {
			flash.addFlashAttribute("notice", change.get());
			return "redirect:/wage-tables/" + tableId;
		}
		catch (RuleViolation e) {
			return tablePage(tableId, FormErrors.of(e, messages), model);
		}
	}

	private String attempt(long id, String form, Map<String, String> typed, Model model, RedirectAttributes flash,
			Supplier<String> change) {
		YearMonth month = month(typed.get("month"));
		try {
			flash.addFlashAttribute("notice", change.get());
			return "redirect:/projects/" + id + "/wages?month=" + month;
		}
		catch (RuleViolation e) {
			Map<String, String> kept = new LinkedHashMap<>(typed);
			kept.remove("accountNumber");
			return monthPage(id, month, form, FormErrors.of(e, messages), kept, model);
		}
	}

	/** The month page's form fields that show their own error; any other field's error is listed above the form. */
	private static final Set<String> MONTH_FIELDS = Set.of("bankName", "bankCode", "accountNumber", "agreement", "amount",
			"receivedOn", "contractValue", "providedOn", "validUntil", "dailyWage", "file", "unitId");

	private static final Pattern ROW = Pattern.compile("(lines|results|statement)\\[(\\d+)]\\..*");

	/**
	 * Errors of fields no input shows (an uploaded file's rows, the month): in words, a file's row named by its number
	 * in the file (a wage table's line i is row i + 2, under the header).
	 */
	private List<String> otherErrors(FormErrors errors, Set<String> shown) {
		List<String> other = new ArrayList<>();
		if (errors == null) {
			return other;
		}
		errors.byField().forEach((field, text) -> {
			if (shown.contains(field)) {
				return;
			}
			Matcher row = ROW.matcher(field);
			if (!row.matches()) {
				other.add(text);
			}
			else if ("lines".equals(row.group(1))) {
				other.add(messages.get("wages.row", Integer.parseInt(row.group(2)) + 2, text));
			}
			else {
				other.add(messages.get("wages.file-row", Integer.parseInt(row.group(2)), text));
			}
		});
		other.sort(null);
		return other;
	}

	// ---- what was typed ----------------------------------------------------------------------------------------

	private YearMonth month(String typed) {
		if (typed != null && !typed.isBlank()) {
			try {
				return YearMonth.parse(typed.strip());
			}
			catch (DateTimeParseException e) {
				// an unreadable month shows the current one
			}
		}
		return YearMonth.now(clock);
	}

	private static Long unit(String typed) {
		if (typed == null || typed.isBlank()) {
			return null;
		}
		try {
			return Long.valueOf(typed.strip());
		}
		catch (NumberFormatException e) {
			throw RuleViolation.of("unitId", "wage-table.unit-not-on-project");
		}
	}


	private static InputStream stream(MultipartFile file) {
		if (file == null || file.isEmpty()) {
			throw RuleViolation.of("file", "required");
		}
		try {
			return file.getInputStream();
		}
		catch (IOException e) {
			throw RuleViolation.of("file", "wage-table.unreadable");
		}
	}

	private static byte[] bytes(MultipartFile file) {
		try {
			return file.getBytes();
		}
		catch (IOException e) {
			throw RuleViolation.of("agreement", "wage-account.agreement-required");
		}
	}
}
