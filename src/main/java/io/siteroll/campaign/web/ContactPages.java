package io.siteroll.campaign.web;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

import io.siteroll.campaign.Contact;
import io.siteroll.campaign.ContactStatus;
import io.siteroll.campaign.DepartmentContacts;
import io.siteroll.identity.Actor;
import io.siteroll.identity.ActorNames;
import io.siteroll.identity.CurrentActor;
import io.siteroll.platform.Checks;
import io.siteroll.platform.FormErrors;
import io.siteroll.platform.Messages;
import io.siteroll.platform.Page;
import io.siteroll.platform.RuleViolation;
import io.siteroll.platform.Spreadsheets;
import io.siteroll.platform.SqlSearch;
import io.siteroll.region.Region;
import io.siteroll.region.Regions;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * 联络人: the departments of the officer's region with their responsible contact or none, the late ones marked
 * against the campaign's deadline (the province's view of who has not named one), searchable, as Excel; each
 * department's page with its contact, the form to name or change it for the department itself (and the province),
 * and every contact it named before. Everything goes through {@link DepartmentContacts}, which holds the scope.
 */
@Controller
class ContactPages {

	private static final List<String> SORTS = List.of("region", "missing");

	private final DepartmentContacts contacts;

	private final Regions regions;

	private final CurrentActor actors;

	private final ActorNames names;

	private final Messages messages;

	private final Clock clock;

	ContactPages(DepartmentContacts contacts, Regions regions, CurrentActor actors, ActorNames names, Messages messages,
			Clock clock) {
		this.contacts = contacts;
		this.regions = regions;
		this.actors = actors;
		this.names = names;
		this.messages = messages;
		this.clock = clock;
	}

	@GetMapping("/contacts")
	String list(@RequestParam(required = false) String q, @RequestParam(required = false) Boolean missing,
			@RequestParam(required = false) String sort, @RequestParam(required = false) Integer page, Model model) {
		String order = Optional.ofNullable(Checks.oneOf("sort", sort, SORTS)).orElse("region");
		List<ContactStatus> all = contacts.status();
		List<ContactStatus> matching = filtered(all, q, missing, order);
		int size = 20;
		int number = Page.number(page);
		int from = Math.min(matching.size(), number * size);
		Page<ContactStatus> result = new Page<>(matching.subList(from, Math.min(matching.size(), from + size)), number,
				size, matching.size());
		Actor actor = actors.get();
		model.addAttribute("result", result);
		model.addAttribute("q", q == null ? "" : q);
		model.addAttribute("missing", Boolean.TRUE.equals(missing));
		model.addAttribute("sort", order);
		model.addAttribute("named", all.stream().filter(ContactStatus::named).count());
		model.addAttribute("late", all.stream().filter(ContactStatus::late).count());
		model.addAttribute("departments", all.size());
		model.addAttribute("deadline", all.isEmpty() ? null : all.get(0).deadline());
		model.addAttribute("own", actor.isProvince() ? null
				: all.stream().filter(s -> s.department().code().equals(actor.regionCode())).findFirst().orElse(null));
		model.addAttribute("actorNames", actorNames(result.items().stream().map(ContactStatus::contact).toList()));
		return "campaign/contacts";
	}

	/** The list as Excel with the page's filters; a province has a few dozen departments, so it is read at once. */
	@GetMapping(path = "/contacts", params = "format=xlsx")
	void excel(@RequestParam(required = false) String q, @RequestParam(required = false) Boolean missing,
			@RequestParam(required = false) String sort, HttpServletResponse response) {
		String order = Optional.ofNullable(Checks.oneOf("sort", sort, SORTS)).orElse("region");
		List<ContactStatus> matching = filtered(contacts.status(), q, missing, order);
		Map<String, String> who = actorNames(matching.stream().map(ContactStatus::contact).toList());
		Spreadsheets.write(response, messages.get("contacts.export.file", LocalDate.now(clock)),
				messages.get("contacts.title"),
				messages.all("contacts.column.department", "contacts.column.region", "field.contactName",
						"field.contactPost", "field.contactPhone", "field.contactEmail", "contacts.column.named-by",
						"contacts.column.named-at", "contacts.column.status", "contacts.column.deadline"),
				rows -> matching.forEach(s -> {
					Contact c = s.contact();
					rows.add(s.department().department(), regions.fullName(s.department().code()),
							c == null ? null : c.name(), c == null ? null : c.post(), c == null ? null : c.phone(),
							c == null ? null : c.email(), c == null ? null : who.get(c.namedBy()),
							c == null ? null : c.namedAt(), messages.get(statusKey(s)), s.deadline());
				}));
	}

	@GetMapping("/contacts/{regionCode}")
	String department(@PathVariable String regionCode, Model model) {
		List<Contact> history = contacts.history(regionCode);
		Region department = regions.require(regionCode);
		Contact current = history.stream().filter(Contact::current).findFirst().orElse(null);
		model.addAttribute("department", department);
		model.addAttribute("regionName", regions.fullName(regionCode));
		model.addAttribute("current", current);
		model.addAttribute("history", history);
		model.addAttribute("actorNames", actorNames(history));
		model.addAttribute("mayName", contacts.mayName(actors.get(), regionCode));
		if (!model.containsAttribute("form")) {
			model.addAttribute("form", current == null ? new DepartmentContacts.Details("", "", "", "")
					: new DepartmentContacts.Details(current.name(), current.post(), current.phone(), current.email()));
		}
		return "campaign/contact";
	}

	/** Names or changes the department's contact; a refused form comes back with what was typed, marked. */
	@PostMapping("/contacts/{regionCode}")
	String name(@PathVariable String regionCode, @RequestParam(required = false) String contactName,
			@RequestParam(required = false) String contactPost, @RequestParam(required = false) String contactPhone,
			@RequestParam(required = false) String contactEmail, RedirectAttributes flash, Model model) {
		DepartmentContacts.Details typed = new DepartmentContacts.Details(contactName, contactPost, contactPhone, contactEmail);
		try {
			Contact named = contacts.name(regionCode, typed);
			flash.addFlashAttribute("notice",
					messages.get("contacts.named.notice", regions.require(regionCode).department(), named.name()));
			return "redirect:/contacts/" + named.regionCode();
		}
		catch (RuleViolation e) {
			model.addAttribute("errors", FormErrors.of(e, messages));
			model.addAttribute("form", typed);
			return department(regionCode, model);
		}
	}

	private static List<ContactStatus> filtered(List<ContactStatus> all, String q, Boolean missing, String order) {
		String text = SqlSearch.text(q);
		Predicate<ContactStatus> matches = s -> text == null || s.department().name().contains(text)
				|| s.department().department().contains(text) || (s.named() && s.contact().name().contains(text));
		Comparator<ContactStatus> byRegion = Comparator.comparing(s -> s.department().path());
		Comparator<ContactStatus> by = "missing".equals(order)
				? Comparator.comparing((ContactStatus s) -> s.named()).thenComparing(byRegion) : byRegion;
		return all.stream()
			.filter(matches)
			.filter(s -> !Boolean.TRUE.equals(missing) || !s.named())
			.sorted(by)
			.toList();
	}

	/** The message key of a department's state: named, missing, or missing after the deadline. */
	static String statusKey(ContactStatus s) {
		return s.named() ? "contacts.status.named" : s.late() ? "contacts.status.late" : "contacts.status.missing";
	}

	/** Who named each contact, as people read it (the officer's name and department), never a login. */
	private Map<String, String> actorNames(List<Contact> list) {
		Map<String, String> who = new HashMap<>();
		list.stream().filter(c -> c != null).forEach(c -> who.computeIfAbsent(c.namedBy(), names::of));
		return who;
	}
}
