package io.siteroll.notice.dashboard.web;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.siteroll.compliance.Warning;
import io.siteroll.compliance.WarningTallies;
import io.siteroll.enforcement.RectificationOrder;
import io.siteroll.notice.dashboard.Dashboard;
import io.siteroll.platform.Dates;
import io.siteroll.platform.Messages;
import io.siteroll.project.CoverageState;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import tools.jackson.databind.json.JsonMapper;

/**
 * 驾驶舱 at /dashboard: an officer's region in a month (the province's cities, a city's counties, a county's
 * projects), each division a link one level down with the same month, each project to its page and its attendance
 * sheet; the enterprise side sees its projects. The charts (ECharts from its WebJar) are drawn from the figures the
 * page shows in its tables, handed to the script as words and numbers.
 */
@Controller
class DashboardPages {

	/** The charts' figures go to the script in a data attribute (the page's policy allows no inline script). */
	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final Dashboard dashboard;

	private final Messages messages;

	private final WarningTallies warningTallies;

	DashboardPages(Dashboard dashboard, Messages messages, WarningTallies warningTallies) {
		this.dashboard = dashboard;
		this.messages = messages;
		this.warningTallies = warningTallies;
	}

	@GetMapping("/dashboard")
	String dashboard(@RequestParam(required = false) String region, @RequestParam(required = false) String month,
			Model model) {
		YearMonth shown = month == null || month.isBlank() ? null : Dates.month(month);
		Dashboard.Overview o = dashboard.overview(region, shown);
		model.addAttribute("o", o);
		model.addAttribute("month", o.month().toString());
		model.addAttribute("regionCode", o.region().code());
		model.addAttribute("previous", o.month().minusMonths(1).toString());
		model.addAttribute("next", o.latest() ? null : o.month().plusMonths(1).toString());
		model.addAttribute("charts", JSON.writeValueAsString(charts(o)));
		arrears(o, model);
		return "dashboard/dashboard";
	}

	/**
	 * 欠薪预警: the open wage-arrears warnings of the region (an officer's) or of the enterprise's projects now, with
	 * the link to them on /compliance; counted apart from the overview's figures.
	 */
	private void arrears(Dashboard.Overview o, Model model) {
		String within = o.officer() ? o.region().code() : null;
		model.addAttribute("openArrears", warningTallies.open(within, Warning.Kind.WAGE_ARREARS));
		model.addAttribute("arrearsKind", Warning.Kind.WAGE_ARREARS.name());
	}

	/** What the script draws: words, numbers and links only (the same figures as the tables). */
	private Map<String, Object> charts(Dashboard.Overview o) {
		Map<String, Object> c = new LinkedHashMap<>();
		List<String> names = new ArrayList<>();
		List<Double> attendance = new ArrayList<>();
		List<Double> duty = new ArrayList<>();
		List<Double> coverage = new ArrayList<>();
		List<String> coverageLinks = new ArrayList<>();
		for (Dashboard.Division d : o.divisions()) {
			names.add(d.name());
			attendance.add(d.attendance().percent());
			duty.add(d.duty().percent());
			coverage.add(d.coveragePercent());
			// a division's bar opens the list of its projects not connected that day; a project's bar its gates
			coverageLinks.add(d.project() ? "/projects/" + d.key() + "/gates"
					: "/projects?region=" + d.key() + "&coverage=" + CoverageState.NOT_CONNECTED + "&day=" + o.asOf());
		}
		c.put("coverageLinks", coverageLinks);
		c.put("divisions", names);
		c.put("attendance", attendance);
		c.put("duty", duty);
		c.put("coverage", coverage);
		c.put("target", o.campaign().map(Dashboard.CampaignStatus::attendanceTarget).orElse(80));
		c.put("days", o.days().stream().map(p -> Integer.toString(p.period().getDayOfMonth())).toList());
		c.put("dayAttendance", o.days().stream().map(p -> p.attendance().percent()).toList());
		c.put("dayDuty", o.days().stream().map(p -> p.duty().percent()).toList());
		c.put("months", o.months().stream().map(p -> monthName(p.period())).toList());
		c.put("monthAttendance", o.months().stream().map(p -> p.attendance().percent()).toList());
		c.put("monthDuty", o.months().stream().map(p -> p.duty().percent()).toList());
		List<String> warningMonths = new ArrayList<>();
		YearMonth first = o.month().minusMonths(o.months().size() - 1);
		for (YearMonth m = first; !m.isAfter(o.month()); m = m.plusMonths(1)) {
			warningMonths.add(monthName(m.atDay(1)));
		}
		c.put("warningMonths", warningMonths);
		List<Map<String, Object>> kinds = new ArrayList<>();
		for (Warning.Kind kind : Warning.Kind.values()) {
			long[] counts = new long[warningMonths.size()];
			for (WarningTallies.Raised r : o.warnings()) {
				if (r.kind() == kind) {
					counts[(int) ChronoUnit.MONTHS.between(first, YearMonth.from(r.month()))] += r.count();
				}
			}
			Map<String, Object> series = new LinkedHashMap<>();
			series.put("name", messages.label(kind));
			series.put("data", counts);
			kinds.add(series);
		}
		c.put("warnings", kinds);
		List<Map<String, Object>> pipeline = new ArrayList<>();
		for (RectificationOrder.Status status : RectificationOrder.Status.values()) {
			Map<String, Object> step = new LinkedHashMap<>();
			step.put("name", messages.label(status));
			step.put("value", o.orders().get(status));
			pipeline.add(step);
		}
		c.put("orders", pipeline);
		c.put("labels", Map.of("attendance", messages.get("dashboard.chart.attendance"), "duty",
				messages.get("dashboard.chart.duty"), "coverage", messages.get("dashboard.chart.coverage"), "target",
				messages.get("dashboard.chart.target"), "noData", messages.get("dashboard.chart.no-data")));
		return c;
	}

	private String monthName(LocalDate month) {
		return messages.get("dashboard.month-name", month.getYear(), month.getMonthValue());
	}
}
