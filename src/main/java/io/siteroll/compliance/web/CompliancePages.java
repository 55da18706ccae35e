package io.siteroll.compliance.web;

import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.siteroll.compliance.Finding;
import io.siteroll.compliance.Findings;
import io.siteroll.compliance.Rule;
import io.siteroll.compliance.RuleSets;
import io.siteroll.compliance.Warnings;
import io.siteroll.platform.CodeDictionary;
import io.siteroll.platform.Page;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/** Findings and warnings for a region and a project, and a finding's page that explains itself. */
@Controller
class CompliancePages {

	record CalendarDay(LocalDate date, int day, String kind, String mark) {
	}

	private final Findings findings;

	private final Warnings warnings;

	private final RuleSets ruleSets;

	private final CodeDictionary codes;

	private final Clock clock;

	private final io.siteroll.personnel.Persons persons;

	CompliancePages(Findings findings, Warnings warnings, RuleSets ruleSets, CodeDictionary codes, Clock clock,
			io.siteroll.personnel.Persons persons) {
		this.persons = persons;
		this.findings = findings;
		this.warnings = warnings;
		this.ruleSets = ruleSets;
		this.codes = codes;
		this.clock = clock;
	}

	private void names(Model model) {
		model.addAttribute("rules", Arrays.stream(Rule.values()).filter(Rule::monthly).toList());
	}

	@GetMapping("/compliance")
	String overview(@RequestParam(required = false) YearMonth month, @RequestParam(required = false) String rule,
			@RequestParam(required = false) Integer page, Model model) {
		YearMonth shown = month == null ? YearMonth.now(clock).minusMonths(1) : month;
		names(model);
		model.addAttribute("month", shown);
		model.addAttribute("rule", rule);
		model.addAttribute("ruleSet", ruleSets.inForce(shown));
		model.addAttribute("findings", findings.search(new Findings.Search(shown, null, null, rule, "OPEN", null),
				Page.number(page), 100));
		model.addAttribute("warnings", warnings.search(new Warnings.Search(null, null, null, "OPEN", null), 0, 100));
		return "compliance/overview";
	}

	@GetMapping("/projects/{id}/compliance")
	String project(@PathVariable long id, Model model) {
		names(model);
		model.addAttribute("findings", findings.search(new Findings.Search(null, id, null, null, "OPEN", null), 0, 50));
		model.addAttribute("warnings", warnings.search(new Warnings.Search(id, null, null, "OPEN", null), 0, 50));
		return "compliance/fragments :: project";
	}

	@GetMapping("/persons/{id}/compliance")
	String person(@PathVariable long id, Model model) {
		names(model);
		model.addAttribute("person", persons.require(id));
		model.addAttribute("findings", findings.search(new Findings.Search(null, null, id, null, "OPEN", null), 0, 100));
		model.addAttribute("withdrawn", findings.search(new Findings.Search(null, null, id, null, "WITHDRAWN", null), 0, 100));
		model.addAttribute("warnings", warnings.search(new Warnings.Search(null, id, null, "OPEN", null), 0, 100));
		return "compliance/person";
	}

	@GetMapping("/findings/{id}")
	String finding(@PathVariable long id, Model model) {
		Finding f = findings.require(id);
		names(model);
		model.addAttribute("f", f);
		model.addAttribute("revisions", findings.revisions(id));
		model.addAttribute("calendar", calendar(f));
		return "compliance/finding";
	}

	/** The month's days: construction day, stoppage or neither; marked attended (R2) or disconnected (R1). */
	private static List<CalendarDay> calendar(Finding f) {
		Set<String> work = strings(f.evidence().get("constructionDays"));
		Set<String> marked = strings(f.evidence().get(f.rule() == Rule.R1 ? "disconnectedDays" : "attendedDays"));
		String mark = f.rule() == Rule.R1 ? "gap" : "attended";
		List<Map<String, Object>> stoppages = new ArrayList<>();
		if (f.evidence().get("stoppages") instanceof Collection<?> list) {
			list.forEach(s -> stoppages.add(castMap(s)));
		}
		List<CalendarDay> days = new ArrayList<>();
		for (int d = 1; d <= f.month().lengthOfMonth(); d++) {
			LocalDate date = f.month().atDay(d);
			String iso = date.toString();
			boolean stopped = stoppages.stream().anyMatch(s -> iso.compareTo(String.valueOf(s.get("firstDay"))) >= 0
					&& (s.get("lastDay") == null || iso.compareTo(String.valueOf(s.get("lastDay"))) <= 0));
			String kind = work.contains(iso) ? "work" : stopped ? "stop" : "off";
			days.add(new CalendarDay(date, d, kind, marked.contains(iso) ? mark : ""));
		}
		return days;
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> castMap(Object o) {
		return (Map<String, Object>) o;
	}

	private static Set<String> strings(Object list) {
		Set<String> set = new HashSet<>();
		if (list instanceof Collection<?> c) {
			c.forEach(x -> set.add(String.valueOf(x)));
		}
		return set;
	}
}
