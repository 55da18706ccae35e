package io.siteroll.attendance.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import io.siteroll.attendance.DailyPresence;
import io.siteroll.attendance.Presence;
import io.siteroll.personnel.Engagement;
import io.siteroll.personnel.Engagements;
import io.siteroll.platform.CodeDictionary;
import io.siteroll.platform.Dates;
import io.siteroll.platform.Messages;
import io.siteroll.platform.Page;
import io.siteroll.platform.Spreadsheets;
import io.siteroll.project.Project;
import io.siteroll.project.ProjectAccess;
import io.siteroll.platform.ReadOnlyWork;
import jakarta.servlet.http.HttpServletResponse;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * 考勤表: the monthly attendance sheet of a project, one row per worker engaged during the month and one column per
 * day, as a page (with a pager over the workers) and as Excel (every worker, streamed). A cell is marked when the
 * day counted as attended under the valid-day rule (from daily presence), marked differently when the worker
 * passed a gate without the day counting, blank otherwise; days still to come on the platform's calendar are
 * marked as such and never counted. It lives in attendance because the sheet reads presence, and personnel must
 * not depend on attendance.
 */
@Controller
class AttendanceSheetPages {

	/** Workers on one page of the sheet. */
	static final int PAGE_SIZE = 50;

	/** What a cell of the sheet says about a worker's day; shown through {@code label.AttendanceSheetPages.Mark.*}. */
	enum Mark {
		/** The day counted as attended (有效考勤日). */
		COUNTED,
		/** Passes through a gate, but the day did not count under the valid-day rule. */
		PASSED,
		/** No pass that day. */
		NONE,
		/** The day is still to come. */
		FUTURE
	}

	/** One column: a day of the month with its weekday, and whether it is still to come. */
	record Day(LocalDate date, int number, String weekday, boolean weekend, boolean future) {
	}

	/** One row: the worker, the mark of each day of the month and the days that counted. */
	record Line(Engagement worker, String workType, List<Mark> marks, int attended) {
	}

	private final ProjectAccess access;

	private final Engagements engagements;

	private final DailyPresence presence;

	private final CodeDictionary codes;

	private final Messages messages;

	private final Clock clock;

	AttendanceSheetPages(ProjectAccess access, Engagements engagements, DailyPresence presence, CodeDictionary codes,
			Messages messages, Clock clock) {
		this.access = access;
		this.engagements = engagements;
		this.presence = presence;
		this.codes = codes;
		this.messages = messages;
		this.clock = clock;
	}

	@GetMapping("/projects/{id}/attendance-sheet")
	String sheet(@PathVariable long id, @RequestParam(required = false) String month,
			@RequestParam(required = false) Integer page, Model model) {
		Project project = access.requireVisible(id);
		LocalDate today = LocalDate.now(clock);
		YearMonth shown = month == null || month.isBlank() ? YearMonth.from(today) : Dates.month(month);
		List<Day> days = days(shown, today, LocaleContextHolder.getLocale());
		Page<Engagement> workers = engagements.search(id, workersOf(shown), Page.number(page), PAGE_SIZE);
		List<Line> lines = lines(id, shown, days, workers.items(), workTypes());
		int[] perDay = new int[days.size()];
		lines.forEach(l -> {
			for (int d = 0; d < perDay.length; d++) {
				perDay[d] += l.marks().get(d) == Mark.COUNTED ? 1 : 0;
			}
		});
		model.addAttribute("project", project);
		model.addAttribute("month", shown);
		model.addAttribute("sheetTitle", messages.get("sheet.title", project.name(), shown.getYear(), shown.getMonthValue()));
		model.addAttribute("previous", shown.minusMonths(1));
		model.addAttribute("next", shown.isBefore(YearMonth.from(today)) ? shown.plusMonths(1) : null);
		model.addAttribute("days", days);
		model.addAttribute("lines", lines);
		model.addAttribute("perDay", perDay);
		model.addAttribute("attendedOnPage", lines.stream().mapToInt(Line::attended).sum());
		model.addAttribute("workers", workers);
		return "attendance/attendance-sheet";
	}

	/**
	 * The sheet as Excel in the page's layout: a title row (project and month), the headings with the weekdays
	 * under the day numbers, one row per worker, and the totals of each day at the bottom. Workers are read by key
	 * a batch at a time and their presence one read per batch, so the whole project's sheet is never held.
	 */
	@ReadOnlyWork
	@GetMapping(path = "/projects/{id}/attendance-sheet", params = "format=xlsx")
	void excel(@PathVariable long id, @RequestParam(required = false) String month, HttpServletResponse response) {
		Project project = access.requireVisible(id);
		LocalDate today = LocalDate.now(clock);
		YearMonth shown = month == null || month.isBlank() ? YearMonth.from(today) : Dates.month(month);
		List<Day> days = days(shown, today, Messages.CHINESE);
		Map<String, String> workTypes = workTypes();
		Map<Mark, String> marks = new HashMap<>();
		for (Mark mark : Mark.values()) {
			marks.put(mark, messages.label(Messages.CHINESE, mark));
		}
		response.setContentType(Spreadsheets.XLSX);
		response.setHeader(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
			.filename(messages.get(Messages.CHINESE, "sheet.file", project.name(), shown.toString()) + ".xlsx",
					StandardCharsets.UTF_8)
			.build()
			.toString());
		try {
			Workbook workbook = new Workbook(response.getOutputStream(), "SiteRoll", "1.0");
			Worksheet ws = workbook.newWorksheet(messages.get(Messages.CHINESE, "sheet.sheet"));
			int last = 4 + days.size();
			ws.value(0, 0, messages.get(Messages.CHINESE, "sheet.title", project.name(), shown.getYear(), shown.getMonthValue())
					+ "  " + messages.get(Messages.CHINESE, "sheet.legend"));
			ws.range(0, 0, 0, last).merge();
			ws.style(0, 0).bold().fontSize(14).set();
			List<String> headings = List.of(messages.get(Messages.CHINESE, "sheet.column.worker"),
					messages.get(Messages.CHINESE, "sheet.column.id-number"), messages.get(Messages.CHINESE, "sheet.column.team"),
					messages.get(Messages.CHINESE, "sheet.column.work-type"));
			for (int c = 0; c < headings.size(); c++) {
				ws.value(1, c, headings.get(c));
				ws.range(1, c, 2, c).merge();
			}
			for (int d = 0; d < days.size(); d++) {
				ws.value(1, 4 + d, days.get(d).number());
				ws.value(2, 4 + d, days.get(d).weekday());
				ws.width(4 + d, 4.5);
			}
			ws.value(1, last, messages.get(Messages.CHINESE, "sheet.column.attended"));
			ws.range(1, last, 2, last).merge();
			ws.range(1, 0, 2, last).style().bold().fillColor("DDEBF7").horizontalAlignment("center").set();
			ws.width(0, 12);
			ws.width(1, 22);
			ws.width(2, 16);
			ws.width(3, 12);
			ws.freezePane(4, 3);
			int[] row = { 3 };
			int[] perDay = new int[days.size()];
			List<Engagement> batch = new ArrayList<>(Page.MAX_SIZE);
			Runnable writeBatch = () -> {
				for (Line line : lines(id, shown, days, batch, workTypes)) {
					int r = row[0]++;
					ws.value(r, 0, line.worker().personName());
					ws.value(r, 1, line.worker().idNumberMasked());
					ws.value(r, 2, line.worker().teamName());
					ws.value(r, 3, line.workType());
					for (int d = 0; d < days.size(); d++) {
						Mark mark = line.marks().get(d);
						if (mark != Mark.NONE) {
							ws.value(r, 4 + d, marks.get(mark));
						}
						perDay[d] += mark == Mark.COUNTED ? 1 : 0;
					}
					ws.value(r, last, line.attended());
				}
				batch.clear();
				flush(ws);
			};
			engagements.each(id, workersOf(shown), worker -> {
				batch.add(worker);
				if (batch.size() == Page.MAX_SIZE) {
					writeBatch.run();
				}
			});
			writeBatch.run();
			int totals = row[0];
			ws.value(totals, 0, messages.get(Messages.CHINESE, "sheet.total"));
			ws.range(totals, 0, totals, 3).merge();
			int all = 0;
			for (int d = 0; d < days.size(); d++) {
				if (!days.get(d).future()) {
					ws.value(totals, 4 + d, perDay[d]);
				}
				all += perDay[d];
			}
			ws.value(totals, last, all);
			ws.range(totals, 0, totals, last).style().bold().set();
			ws.finish();
			workbook.finish();
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	private static void flush(Worksheet ws) {
		try {
			ws.flush();
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	/** The workers a month's sheet lists: engaged on any day of the month. */
	private static Engagements.Search workersOf(YearMonth month) {
		return new Engagements.Search(null, null, null, null, month.atDay(1), month.atEndOfMonth());
	}

	private static List<Day> days(YearMonth month, LocalDate today, Locale locale) {
		List<Day> days = new ArrayList<>();
		for (int d = 1; d <= month.lengthOfMonth(); d++) {
			LocalDate date = month.atDay(d);
			days.add(new Day(date, d, date.getDayOfWeek().getDisplayName(TextStyle.NARROW, locale),
					date.getDayOfWeek().getValue() >= 6, date.isAfter(today)));
		}
		return days;
	}

	/** The rows of some workers: their presence in the month read at once, then each day's mark. */
	private List<Line> lines(long projectId, YearMonth month, List<Day> days, List<Engagement> workers,
			Map<String, String> workTypes) {
		Set<Long> persons = workers.stream().map(Engagement::personId).collect(Collectors.toSet());
		Map<Long, Map<LocalDate, Boolean>> byPerson = new HashMap<>();
		for (Presence p : presence.forPersons(projectId, persons, month.atDay(1), month.atEndOfMonth())) {
			byPerson.computeIfAbsent(p.personId(), k -> new HashMap<>()).put(p.day(), p.valid());
		}
		List<Line> lines = new ArrayList<>(workers.size());
		for (Engagement worker : workers) {
			Map<LocalDate, Boolean> present = byPerson.getOrDefault(worker.personId(), Map.of());
			List<Mark> marks = new ArrayList<>(days.size());
			int attended = 0;
			for (Day day : days) {
				Mark mark;
				if (day.future()) {
					mark = Mark.FUTURE;
				}
				else if (Boolean.TRUE.equals(present.get(day.date()))) {
					mark = Mark.COUNTED;
					attended++;
				}
				else if (present.containsKey(day.date())) {
					mark = Mark.PASSED;
				}
				else {
					mark = Mark.NONE;
				}
				marks.add(mark);
			}
			lines.add(new Line(worker, workTypes.getOrDefault(worker.workType(), worker.workType()), marks, attended));
		}
		return lines;
	}

	private Map<String, String> workTypes() {
		Map<String, String> names = new LinkedHashMap<>();
		codes.list(CodeDictionary.WORK_TYPE).forEach(c -> names.put(c.code(), c.name(LocaleContextHolder.getLocale())));
		return names;
	}
}
