package io.siteroll.enforcement.web;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.siteroll.compliance.Finding;
import io.siteroll.compliance.Findings;
import io.siteroll.compliance.OpenCases;
import io.siteroll.compliance.Warning;
import io.siteroll.compliance.Warnings;
import io.siteroll.enforcement.OpenOrders;
import io.siteroll.enforcement.RectificationOrder;
import io.siteroll.enforcement.RectificationOrders;
import io.siteroll.platform.Page;
import io.siteroll.platform.Pager;
import io.siteroll.project.Project;
import io.siteroll.project.Projects;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * 企业工作台: the enterprise's own view, where its administrators and labour clerks land after signing in. Its
 * projects that need attention come first, ordered by what is most pressing (overdue orders, then open orders, open
 * findings, open warnings); each count opens the list behind it. Every count and list comes from the modules' own
 * searches (orders, findings, warnings) over the projects the caller may see, so officers reaching this page see
 * their region the same way.
 */
@Controller
class WorkbenchPages {

	/** Rows per page of the workbench and of the lists behind its counts. */
	private static final int PAGE_SIZE = 20;

	/** What needs attention on a project: one count on the workbench and the list behind it. */
	public enum Pile {
		/** 逾期未整改的整改通知 */
		OVERDUE,
		/** 待提交整改报告 */
		ISSUED,
		/** 已报告、待复查 */
		ANSWERED,
		/** 未结的检查发现 */
		FINDINGS,
		/** 未解除的预警 */
		WARNINGS;

		RectificationOrder.Status orderStatus() {
			return switch (this) {
				case OVERDUE -> RectificationOrder.Status.OVERDUE;
				case ISSUED -> RectificationOrder.Status.ISSUED;
				case ANSWERED -> RectificationOrder.Status.ANSWERED;
				default -> null;
			};
		}
	}

	/** What is open on one project, by pile. */
	public record Tally(long projectId, long overdue, long issued, long answered, long findings, long warnings) {

		public long openOrders() {
			return issued + answered;
		}

		public long count(Pile pile) {
			return switch (pile) {
				case OVERDUE -> overdue;
				case ISSUED -> issued;
				case ANSWERED -> answered;
				case FINDINGS -> findings;
				case WARNINGS -> warnings;
			};
		}
	}

	/** A row of the workbench: the project and what is open on it. */
	public record Row(Project project, Tally tally) {
	}

	/** Overdue orders first, then open orders, open findings, open warnings; the newest project breaks a tie. */
	static final Comparator<Tally> MOST_PRESSING_FIRST = Comparator.comparingLong(Tally::overdue)
		.thenComparingLong(Tally::openOrders)
		.thenComparingLong(Tally::findings)
		.thenComparingLong(Tally::warnings)
		.thenComparingLong(Tally::projectId)
		.reversed();

	private final OpenOrders openOrders;

	private final OpenCases openCases;

	private final RectificationOrders orders;

	private final Findings findings;

	private final Warnings warnings;

	private final Projects projects;

	private final Pager pager;

	WorkbenchPages(OpenOrders openOrders, OpenCases openCases, RectificationOrders orders, Findings findings,
			Warnings warnings, Projects projects, Pager pager) {
		this.openOrders = openOrders;
		this.openCases = openCases;
		this.orders = orders;
		this.findings = findings;
		this.warnings = warnings;
		this.projects = projects;
		this.pager = pager;
	}

	@GetMapping("/workbench")
	String workbench(@RequestParam(required = false) Integer page, Model model) {
		List<Tally> tallies = tallies();
		int number = Page.number(page);
		int from = (int) Math.min((long) number * PAGE_SIZE, tallies.size());
		List<Row> shown = tallies.subList(from, Math.min(from + PAGE_SIZE, tallies.size()))
			.stream()
			.map(t -> new Row(projects.require(t.projectId()), t))
			.toList();
		long allProjects = projects.search(new Projects.Search(null, null, null), 0, 1).total();
		model.addAttribute("rows", new Page<>(shown, number, PAGE_SIZE, tallies.size()));
		model.addAttribute("quiet", Math.max(0, allProjects - tallies.size()));
		model.addAttribute("allProjects", allProjects);
		model.addAttribute("piles", Pile.values());
		return "enforcement/workbench";
	}

	/**
	 * The visible projects with anything open, most pressing first. Projects are read only for the page shown; the
	 * tie-break on the id keeps the order stable from page to page.
	 */
	private List<Tally> tallies() {
		Map<Long, OpenOrders.Counts> byOrders = new HashMap<>();
		openOrders.perProject().forEach(c -> byOrders.put(c.projectId(), c));
		Map<Long, OpenCases.Counts> byCases = new HashMap<>();
		openCases.perProject().forEach(c -> byCases.put(c.projectId(), c));
		Set<Long> ids = new HashSet<>(byOrders.keySet());
		ids.addAll(byCases.keySet());
		List<Tally> tallies = new ArrayList<>();
		for (long id : ids) {
			OpenOrders.Counts o = byOrders.getOrDefault(id, new OpenOrders.Counts(id, 0, 0, 0));
			OpenCases.Counts c = byCases.getOrDefault(id, new OpenCases.Counts(id, 0, 0));
			tallies.add(new Tally(id, o.overdue(), o.issued(), o.answered(), c.findings(), c.warnings()));
		}
		tallies.sort(MOST_PRESSING_FIRST);
		return tallies;
	}

	/** The list behind one count of the workbench: that project's orders of a status, open findings or warnings. */
	@GetMapping("/workbench/projects/{id}")
	String pile(@PathVariable long id, @RequestParam(required = false) Pile show,
			@RequestParam(required = false) Integer page, Model model) {
		Project project = projects.require(id);
		Pile pile = show == null ? Pile.OVERDUE : show;
		int number = Page.number(page);
		model.addAttribute("project", project);
		model.addAttribute("pile", pile);
		model.addAttribute("piles", Pile.values());
		model.addAttribute("back", pager.here());
		switch (pile) {
			case FINDINGS -> model.addAttribute("findings",
					findings.search(openFindings(id), number, PAGE_SIZE));
			case WARNINGS -> model.addAttribute("warnings",
					warnings.search(openWarnings(id), number, PAGE_SIZE));
			default -> model.addAttribute("orders", orders.search(
					new RectificationOrders.Search(id, pile.orderStatus().name(), null), number, PAGE_SIZE));
		}
		model.addAttribute("counts", counts(id));
		return "enforcement/workbench-project";
	}

	/** The project's five counts for the tabs above its list: the totals of the same searches as the lists. */
	private Map<Pile, Long> counts(long projectId) {
		Map<Pile, Long> counts = new EnumMap<>(Pile.class);
		for (Pile p : Pile.values()) {
			counts.put(p, switch (p) {
				case FINDINGS -> findings.search(openFindings(projectId), 0, 1).total();
				case WARNINGS -> warnings.search(openWarnings(projectId), 0, 1).total();
				default -> orders.search(new RectificationOrders.Search(projectId, p.orderStatus().name(), null), 0, 1).total();
			});
		}
		return counts;
	}

	private static Findings.Search openFindings(long projectId) {
		return new Findings.Search(null, projectId, null, null, Finding.Status.OPEN.name(), null);
	}

	private static Warnings.Search openWarnings(long projectId) {
		return new Warnings.Search(projectId, null, null, Warning.Status.OPEN.name(), null);
	}
}
