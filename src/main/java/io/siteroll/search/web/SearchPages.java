package io.siteroll.search.web;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;

import io.siteroll.enterprise.Enterprise;
import io.siteroll.enterprise.Enterprises;
import io.siteroll.personnel.IdNumber;
import io.siteroll.personnel.PersonSearch;
import io.siteroll.platform.FormErrors;
import io.siteroll.platform.Messages;
import io.siteroll.platform.Page;
import io.siteroll.platform.RuleViolation;
import io.siteroll.platform.SqlSearch;
import io.siteroll.project.Projects;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The results of the search box ({@code templates/fragments/search.html}): persons, projects and enterprises, grouped,
 * each group with its total and its first rows, or one group page by page. Each group is its module's own search,
 * so the caller sees exactly what the API would show them: persons engaged or posted on the projects they see (ID
 * numbers masked), the projects they see, and the enterprise registry (public business information, unscoped in the
 * API too).
 */
@Controller
class SearchPages {

	/** Fewer characters would match half the province; the box refuses them in words. */
	static final int MIN_LENGTH = 2;

	/** Longer than any name, project code, ID number or credit code. */
	static final int MAX_LENGTH = 60;

	/** Rows per group on the grouped page. */
	private static final int FIRST_ROWS = 10;

	/** Rows per page when one group is paged through. */
	private static final int PAGE_SIZE = 20;

	/** The groups of results, in the order they are shown. */
	public enum Group {
		PERSONS, PROJECTS, ENTERPRISES
	}

	private final PersonSearch persons;

	private final Projects projects;

	private final Enterprises enterprises;

	private final Messages messages;

	SearchPages(PersonSearch persons, Projects projects, Enterprises enterprises, Messages messages) {
		this.persons = persons;
		this.projects = projects;
		this.enterprises = enterprises;
		this.messages = messages;
	}

	/**
	 * The search box posts what was typed. A name or a code goes to the results' address, which can be bookmarked
	 * and paged; an ID number never travels in an address (access logs, browser history, the Referer header keep
	 * addresses), so it reaches the results page as a flash attribute of the session.
	 */
	@PostMapping("/search")
	String submit(@RequestParam(required = false) String q, RedirectAttributes flash) {
		String query = SqlSearch.text(q);
		if (query != null && IdNumber.looksLike(query)) {
			flash.addFlashAttribute(TYPED, query);
			return "redirect:/search";
		}
		return query == null ? "redirect:/search" : "redirect:/search?q=" + URLEncoder.encode(query, StandardCharsets.UTF_8);
	}

	private static final String TYPED = "typedQuery";

	@GetMapping("/search")
	String search(@RequestParam(required = false) String q, @RequestParam(required = false) Group in,
			@RequestParam(required = false) Integer page, Model model) {
		if (q == null && model.getAttribute(TYPED) instanceof String typed) {
			q = typed;
		}
		String query = SqlSearch.text(q);
		model.addAttribute("q", q == null ? "" : q);
		model.addAttribute("in", in);
		if (query == null) {
			return "search/results";
		}
		try {
			checkLength(query);
		}
		catch (RuleViolation refused) {
			model.addAttribute("errors", FormErrors.of(refused, messages));
			return "search/results";
		}
		model.addAttribute("query", query);
		int number = in == null ? 0 : Page.number(page);
		int size = in == null ? FIRST_ROWS : PAGE_SIZE;
		if (in == null || in == Group.PERSONS) {
			model.addAttribute("persons", persons.search(query, number, size));
		}
		// text shaped like an ID number is personal data: it goes to the blind index only, never into a LIKE
		boolean idNumber = IdNumber.looksLike(query);
		if (in == null || in == Group.PROJECTS) {
			model.addAttribute("projects", idNumber ? new Page<>(List.of(), number, size, 0)
					: projects.search(new Projects.Search(query, null, null), number, size));
		}
		if (in == null || in == Group.ENTERPRISES) {
			model.addAttribute("enterprises", idNumber ? exactCreditCode(query, number, size)
					: enterprises.search(query, number, size));
		}
		return "search/results";
	}

	/** An all-digit unified social credit code has the shape of an ID number: it is matched whole. */
	private Page<Enterprise> exactCreditCode(String query, int number, int size) {
		List<Enterprise> found = enterprises.findByCreditCode(query).stream().toList();
		return new Page<>(number == 0 ? found : List.of(), number, size, found.size());
	}

	/** The typed text must be long enough to mean something and short enough to be a name or a code. */
	private static void checkLength(String query) {
		int length = query.codePointCount(0, query.length());
		if (length < MIN_LENGTH) {
			throw RuleViolation.of("q", "search.too-short", MIN_LENGTH);
		}
		if (length > MAX_LENGTH) {
			throw RuleViolation.of("q", "max-length", MAX_LENGTH);
		}
	}

}
