package io.siteroll.personnel.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import io.siteroll.audit.AuditRecord;
import io.siteroll.audit.AuditTrail;
import io.siteroll.identity.CurrentActor;
import io.siteroll.personnel.Engagements;
import io.siteroll.personnel.Persons;
import io.siteroll.personnel.RosterImport;
import io.siteroll.personnel.Team;
import io.siteroll.platform.CodeDictionary;
import io.siteroll.platform.Conflict;
import io.siteroll.platform.Messages;
import io.siteroll.platform.NotFound;
import io.siteroll.platform.RuleViolation;
import io.siteroll.platform.Spreadsheets;
import io.siteroll.platform.Violation;
import io.siteroll.privacy.Masking;
import io.siteroll.project.ProjectAccess;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.dhatim.fastexcel.reader.Cell;
import org.dhatim.fastexcel.reader.CellType;
import org.dhatim.fastexcel.reader.Row;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** 花名册导入: all rows or none. */
@Service
class RosterImporter implements RosterImport {

	static final int MAX_ROWS = 20_000;

	/** Template columns: header (Chinese), field name used in messages. */
	static final String[][] COLUMNS = { { "姓名*", "name" }, { "证件类型(默认01)", "idType" }, { "证件号码*", "idNumber" },
			{ "民族", "ethnicity" }, { "手机号码", "phone" }, { "住址", "address" }, { "工种代码*", "workType" },
			{ "合同期限类型*(0固定期限/1完成一定工作)", "contractPeriodType" }, { "合同开始日期*", "contractStart" },
			{ "合同结束日期", "contractEnd" }, { "进场日期*", "entryDate" }, { "工资卡号", "bankCardNumber" },
			{ "开户银行代码", "bankCode" }, { "开户银行名称", "bankName" }, { "允许多项目并存(是/否)", "concurrentAllowed" } };

	private static final DateTimeFormatter[] DATE_FORMATS = { DateTimeFormatter.ISO_LOCAL_DATE,
			DateTimeFormatter.ofPattern("yyyy/M/d"), DateTimeFormatter.ofPattern("yyyy-M-d"),
			DateTimeFormatter.ofPattern("yyyyMMdd"), DateTimeFormatter.ofPattern("yyyy.M.d") };

	private final JdbcClient jdbc;

	private final ProjectAccess access;

	private final TeamRoster teams;

	private final EngagementRules rules;

	private final EngagementWriter writer;

	private final PersonStore store;

	private final CodeDictionary codes;

	private final Messages messages;

	private final AuditTrail audit;

	private final CurrentActor actors;

	RosterImporter(JdbcClient jdbc, ProjectAccess access, TeamRoster teams, EngagementRules rules, EngagementWriter writer,
			PersonStore store, CodeDictionary codes, Messages messages, AuditTrail audit, CurrentActor actors) {
		this.jdbc = jdbc;
		this.access = access;
		this.teams = teams;
		this.rules = rules;
		this.writer = writer;
		this.store = store;
		this.codes = codes;
		this.messages = messages;
		this.audit = audit;
		this.actors = actors;
	}

	// ---- template -----------------------------------------------------------------------------

	/**
	 * A row whose name starts with this is the template's example: it shows how to fill a row and is never imported,
	 * so a clerk who leaves it in place does not register a fictitious worker.
	 */
	static final String EXAMPLE_MARK = "示例";

	/** Rows of the roster sheet that offer the drop-down lists (the import takes at most {@link #MAX_ROWS}). */
	private static final int TEMPLATE_ROWS = 2000;

	/**
	 * The coded columns and the dictionary behind each: the template offers each dictionary as a drop-down list of
	 * "code name" entries (Excel data validation), and the import reads the code before the space.
	 */
	private static final Map<Integer, String[]> CODED_COLUMNS = Map.of(1, new String[] { CodeDictionary.ID_TYPE, "证件类型" },
			6, new String[] { CodeDictionary.WORK_TYPE, "工种" }, 7,
			new String[] { CodeDictionary.CONTRACT_PERIOD_TYPE, "合同期限类型" }, 12,
			new String[] { CodeDictionary.BANK, "开户银行" });

	@Override
	public byte[] template() {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try {
			Workbook wb = new Workbook(out, "SiteRoll", "1.0");
			Worksheet ws = wb.newWorksheet("花名册");
			Worksheet lists = wb.newWorksheet("代码说明");
			for (int c = 0; c < COLUMNS.length; c++) {
				ws.value(0, c, COLUMNS[c][0]);
				ws.style(0, c).bold().fillColor("DDEBF7").set();
				ws.width(c, c == 5 ? 30 : 18);
				// ID and card numbers must stay text: 18 digits do not survive as an Excel number
				ws.range(1, c, TEMPLATE_ROWS, c).style().format("@").set();
			}
			ws.freezePane(0, 1);
			example(ws);
			lists.value(0, 0, "填写说明：带*的列必填；日期写成 2026-03-01；证件号码和工资卡号请按文本填写。先签合同后进场：进场日期不得早于合同开始日期。"
					+ "第 2 行是示例（姓名以“示例”开头的行不会导入），可以删除或覆盖。证件类型、工种、合同期限类型和开户银行请从下拉列表中选择。");
			int column = 0;
			for (Map.Entry<Integer, String[]> coded : new TreeMap<>(CODED_COLUMNS).entrySet()) {
				List<String> entries = codes.list(coded.getValue()[0]).stream().map(RosterImporter::entry).toList();
				lists.value(2, column, coded.getValue()[1]);
				lists.style(2, column).bold().fillColor("DDEBF7").set();
				for (int i = 0; i < entries.size(); i++) {
					lists.value(3 + i, column, entries.get(i));
				}
				lists.width(column, 28);
				if (!entries.isEmpty()) {
					int c = coded.getKey();
					ws.range(1, c, TEMPLATE_ROWS, c)
						.validateWithList(lists.range(3, column, 2 + entries.size(), column))
						.allowBlank(true)
						.showErrorMessage(true)
						.errorTitle(coded.getValue()[1])
						.error("请从下拉列表中选择" + coded.getValue()[1] + "。");
				}
				column++;
			}
			wb.finish();
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		return out.toByteArray();
	}

	/** A drop-down entry: the code, a space, its Chinese name (the import reads the code before the space). */
	private static String entry(CodeDictionary.Code code) {
		return code.code() + " " + code.nameZh();
	}

	/** The example row: a filled-in worker in grey, named so that the import passes it over. */
	private void example(Worksheet ws) {
		String[] values = { EXAMPLE_MARK + "：张三", entry(code(CodeDictionary.ID_TYPE, "01")), "220102199001011234", "汉",
				"13800000000", "吉林省长春市南关区示例路 1 号", entry(code(CodeDictionary.WORK_TYPE, "020")),
				entry(code(CodeDictionary.CONTRACT_PERIOD_TYPE, "1")), "2026-03-01", "", "2026-03-02", "6222020000000000000",
				entry(code(CodeDictionary.BANK, "102")), "", "否" };
		for (int c = 0; c < values.length; c++) {
			ws.value(1, c, values[c]);
			ws.style(1, c).format("@").fontColor("808080").italic().set();
		}
	}

	private CodeDictionary.Code code(String kind, String code) {
		return codes.find(kind, code).orElseGet(() -> new CodeDictionary.Code(kind, code, "", ""));
	}

	// ---- import -------------------------------------------------------------------------------

	/** One data row as read, with problems found while reading the cells. */
	private record ParsedRow(int rowNumber, Engagements.NewEngagement command, String name, String idRaw,
			List<Violation> readProblems) {
	}

	@Override
	@Transactional
	public Result importRoster(long projectId, long teamId, String fileName, InputStream xlsx) {
		access.requireManageable(projectId);
		Team team = teams.require(projectId, teamId);
		if (team.exitDate() != null) {
			throw new Conflict("teamId", "team.exited");
		}
		List<ParsedRow> parsed = parse(xlsx);
		if (parsed.isEmpty()) {
			throw RuleViolation.of("file", "roster.empty");
		}
		if (parsed.size() > MAX_ROWS) {
			throw RuleViolation.of("file", "roster.too-many-rows", MAX_ROWS);
		}
		// serialise imports into the same project so the registry checks below stay true until commit
		jdbc.sql("select pg_advisory_xact_lock(?)").param(projectId).query().singleRow();

		Map<Integer, List<Violation>> problems = new LinkedHashMap<>();
		List<EngagementRules.ValidEngagement> valid = new ArrayList<>();
		List<Integer> validRows = new ArrayList<>();
		Map<String, Integer> firstRowOfIdentity = new HashMap<>();
		for (ParsedRow row : parsed) {
			List<Violation> rowProblems = new ArrayList<>(row.readProblems());
			EngagementRules.Outcome outcome = rules.check(row.command());
			rowProblems.addAll(outcome.violations());
			if (outcome.engagement() != null && rowProblems.isEmpty()) {
				String key = outcome.engagement().person().identity().indexKey();
				Integer first = firstRowOfIdentity.putIfAbsent(key, row.rowNumber());
				if (first != null) {
					rowProblems.add(Violation.of("idNumber", "roster.duplicate-in-file", first));
				}
			}
			if (rowProblems.isEmpty()) {
				valid.add(outcome.engagement());
				validRows.add(row.rowNumber());
			}
			else {
				problems.put(row.rowNumber(), rowProblems);
			}
		}
		EngagementWriter.Checked checked = writer.check(projectId, valid);
		checked.problems().forEach((i, list) -> problems.put(validRows.get(i), list));

		if (!problems.isEmpty()) {
			List<RowError> errors = new ArrayList<>();
			Map<Integer, ParsedRow> byNumber = new HashMap<>();
			parsed.forEach(p -> byNumber.put(p.rowNumber(), p));
			problems.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e -> {
				ParsedRow row = byNumber.get(e.getKey());
				errors.add(new RowError(e.getKey(), row.name(), maskRaw(row.idRaw()),
						e.getValue().stream().map(v -> describe(Messages.CHINESE, v)).toList(), List.copyOf(e.getValue())));
			});
			long id = record(projectId, teamId, fileName, "REJECTED", parsed.size(), errors.size(), 0, report(errors));
			return new Result(id, false, parsed.size(), 0, errors);
		}
		EngagementWriter.Written written = writer.write(projectId, teamId, checked);
		long id = record(projectId, teamId, fileName, "IMPORTED", parsed.size(), 0, written.newPersons(), null);
		audit.record(AuditRecord.created("roster_import", id, Map.of("projectId", projectId, "teamId", teamId, "rows",
				parsed.size(), "newPersons", written.newPersons())));
		return new Result(id, true, parsed.size(), written.newPersons(), List.of());
	}

	private long record(long projectId, long teamId, String fileName, String status, int rows, int errors, int newPersons,
			byte[] report) {
		return jdbc.sql("""
				insert into roster_import (project_id, team_id, file_name, imported_by, status, row_count, error_count,
				                           new_persons, error_report)
				values (?, ?, ?, ?, ?, ?, ?, ?, ?) returning id""")
			.params(projectId, teamId, fileName, actors.get().username(), status, rows, errors, newPersons, report)
			.query(Long.class)
			.single();
	}

	private String describe(Locale locale, Violation v) {
		String label = messages.fieldLabel(locale, v.field());
		return label + (locale == Messages.CHINESE ? "：" : ": ") + messages.describe(locale, v);
	}

	private static String maskRaw(String raw) {
		return raw == null ? "" : Masking.idNumber(raw.strip());
	}

	private List<ParsedRow> parse(InputStream xlsx) {
		return Spreadsheets.readFirstSheet(xlsx, "roster.unreadable", MAX_ROWS, RosterImporter::checkHeader,
				row -> isBlank(row) || isExample(row) ? null : parseRow(row));
	}

	private static void checkHeader(Row row) {
		for (int c = 0; c < COLUMNS.length; c++) {
			String text = text(row, c);
			if (text == null || !text.replace(" ", "").equals(COLUMNS[c][0])) {
				throw RuleViolation.of("file", "roster.header", c + 1, COLUMNS[c][0]);
			}
		}
	}

	private ParsedRow parseRow(Row row) {
		List<Violation> problems = new ArrayList<>();
		String idRaw = textual(row, 2, "idNumber", problems);
		String cardRaw = textual(row, 11, "bankCardNumber", problems);
		// columns: 0 姓名, 1 证件类型, 2 证件号码, 3 民族, 4 手机号码, 5 住址
		Persons.Registration person = new Persons.Registration(coded(row, 1), idRaw, text(row, 0), text(row, 3),
				text(row, 5), text(row, 4));
		String concurrent = text(row, 14);
		Engagements.NewEngagement command = new Engagements.NewEngagement(person, null, coded(row, 6), coded(row, 7),
				date(row, 8, "contractStart", problems), date(row, 9, "contractEnd", problems), cardRaw, coded(row, 12),
				text(row, 13), date(row, 10, "entryDate", problems),
				concurrent != null && (concurrent.equals("是") || concurrent.equalsIgnoreCase("Y") || concurrent.equals("1")));
		return new ParsedRow(row.getRowNum(), command, text(row, 0), idRaw, problems);
	}

	private static boolean isExample(Row row) {
		String name = text(row, 0);
		return name != null && name.startsWith(EXAMPLE_MARK);
	}

	/** A coded cell as typed ("020") or as chosen from the template's list ("020 钢筋工"): the code. */
	static String coded(Row row, int c) {
		String text = text(row, c);
		if (text == null) {
			return null;
		}
		int space = text.indexOf(' ');
		return space < 0 ? text : text.substring(0, space);
	}

	private static boolean isBlank(Row row) {
		for (int c = 0; c < COLUMNS.length; c++) {
			String t = text(row, c);
			if (t != null && !t.isBlank()) {
				return false;
			}
		}
		return true;
	}

	private static Cell cell(Row row, int c) {
		return c < row.getCellCount() ? row.getCell(c) : null;
	}

	static String text(Row row, int c) {
		return Spreadsheets.text(row, c);
	}

	/** ID and card numbers typed as Excel numbers lose their last digits: refuse them clearly. */
	private static String textual(Row row, int c, String field, List<Violation> problems) {
		Cell cell = cell(row, c);
		if (cell != null && cell.getType() == CellType.NUMBER
				&& cell.asNumber().stripTrailingZeros().toPlainString().length() > 15) {
			problems.add(Violation.of(field, "roster.number-not-text"));
			return null;
		}
		return text(row, c);
	}

	private static LocalDate date(Row row, int c, String field, List<Violation> problems) {
		Cell cell = cell(row, c);
		if (cell == null || cell.getType() == CellType.EMPTY) {
			return null;
		}
		if (cell.getType() == CellType.NUMBER) {
			try {
				return cell.asDate().toLocalDate();
			}
			catch (RuntimeException e) {
				problems.add(Violation.of(field, "date.format"));
				return null;
			}
		}
		String text = cell.getText().strip();
		if (text.isEmpty()) {
			return null;
		}
		for (DateTimeFormatter format : DATE_FORMATS) {
			try {
				return LocalDate.parse(text, format);
			}
			catch (DateTimeParseException ignored) {
				// next format
			}
		}
		problems.add(Violation.of(field, "date.format"));
		return null;
	}

	// ---- error report -------------------------------------------------------------------------

	/** The error report: each refused row with its reasons in Chinese and, in the next column, in English. */
	private byte[] report(List<RowError> errors) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try {
			Workbook wb = new Workbook(out, "SiteRoll", "1.0");
			Worksheet ws = wb.newWorksheet("错误报告");
			String[] headers = { "行号", "姓名", "证件号码(脱敏)", "错误说明", "Errors (English)" };
			for (int c = 0; c < headers.length; c++) {
				ws.value(0, c, headers[c]);
				ws.style(0, c).bold().fillColor("FCE4D6").set();
			}
			ws.width(0, 8);
			ws.width(1, 12);
			ws.width(2, 22);
			ws.width(3, 90);
			ws.width(4, 90);
			int r = 1;
			for (RowError e : errors) {
				ws.value(r, 0, e.row());
				ws.value(r, 1, e.name());
				ws.value(r, 2, e.idNumberMasked());
				ws.value(r, 3, String.join("；", e.reasons()));
				ws.value(r, 4, String.join("; ", e.violations().stream().map(v -> describe(Locale.ENGLISH, v)).toList()));
				r++;
			}
			ws.freezePane(0, 1);
			wb.finish();
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		return out.toByteArray();
	}

	@Override
	public byte[] errorReport(long importId) {
		Optional<Object[]> found = jdbc.sql("select project_id, error_report from roster_import where id = ?")
			.param(importId)
			.query((rs, n) -> new Object[] { rs.getLong(1), rs.getBytes(2) })
			.optional();
		if (found.isEmpty() || found.get()[1] == null) {
			throw new NotFound("roster import", importId);
		}
		access.requireVisible((Long) found.get()[0]);
		return (byte[]) found.get()[1];
	}

}
