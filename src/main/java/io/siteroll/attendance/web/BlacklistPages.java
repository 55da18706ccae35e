package io.siteroll.attendance.web;

import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;

import io.siteroll.attendance.GateBlacklist;
import io.siteroll.identity.ActorNames;
import io.siteroll.personnel.IdNumber;
import io.siteroll.personnel.Person;
import io.siteroll.personnel.Persons;
import io.siteroll.platform.Conflict;
import io.siteroll.platform.FormErrors;
import io.siteroll.platform.Messages;
import io.siteroll.platform.NotFound;
import io.siteroll.platform.Page;
import io.siteroll.platform.RuleViolation;
import io.siteroll.platform.Spreadsheets;
import io.siteroll.platform.SqlSearch;
import io.siteroll.platform.ReadOnlyWork;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * 闸机黑名单 for officers: the listings of their region with a pager, search by name or full ID number and Excel;
 * adding a person by ID number (masked once listed) with a reason; lifting a listing with a reason. Everything goes
 * through {@link GateBlacklist}, so the page has exactly the API's scope (an officer acts on people engaged in their
 * region, the province on everyone; anyone else gets the 403 page).
 */
@Controller
class BlacklistPages {

	/** The ID type every identity number typed here is read as: 居民身份证 (a gate's ID-card reader reports those). */
	private static final String RESIDENT_ID_CARD = "01";

	private final GateBlacklist blacklist;

	private final Persons persons;


	private final Messages messages;

	private final Clock clock;

	private final ActorNames names;

	BlacklistPages(GateBlacklist blacklist, Persons persons, Messages messages, Clock clock, ActorNames names) {
		this.names = names;
		this.blacklist = blacklist;
		this.persons = persons;
		this.messages = messages;
		this.clock = clock;
	}

	/**
	 * The list. A full ID number typed into the search box is resolved once and the page redirects to the person it
	 * names, so that the number in clear stays out of the page, its pager and Excel links and the browser's history.
	 */
	@GetMapping("/gate-blacklist")
	String list(@RequestParam(required = false) String q, @RequestParam(required = false) Long person,
			@RequestParam(required = false) Boolean lifted, @RequestParam(required = false) Integer page, Model model) {
		Long byNumber = personByIdNumber(q);
		if (byNumber != null) {
			return "redirect:/gate-blacklist?person=" + byNumber + (Boolean.TRUE.equals(lifted) ? "&lifted=true" : "");
		}
		GateBlacklist.Search search = new GateBlacklist.Search(SqlSearch.text(q), person, Boolean.TRUE.equals(lifted));
		Page<GateBlacklist.Entry> result = blacklist.search(search, Page.number(page), 20);
		Map<String, String> names = new HashMap<>();
		result.items().forEach(e -> {
			names.computeIfAbsent(e.listing().listedBy(), this::displayName);
			if (e.listing().liftedBy() != null) {
				names.computeIfAbsent(e.listing().liftedBy(), this::displayName);
			}
		});
		model.addAttribute("result", result);
		model.addAttribute("actorNames", names);
		model.addAttribute("q", person == null ? q : "");
		model.addAttribute("person", person);
		model.addAttribute("personMasked", person == null || result.items().isEmpty() ? null
				: result.items().get(0).idNumberMasked());
		model.addAttribute("lifted", Boolean.TRUE.equals(lifted));
		if (!model.containsAttribute("idNumber")) {
			model.addAttribute("idNumber", "");
			model.addAttribute("reason", "");
		}
		return "attendance/blacklist";
	}

	/**
	 * The search box posts, so that an ID number typed into it never travels in an address: a number goes on as its
	 * person, a name as the query.
	 */
	@PostMapping("/gate-blacklist/search")
	String find(@RequestParam(required = false) String q, @RequestParam(required = false) Boolean lifted) {
		Long byNumber = personByIdNumber(q);
		UriComponentsBuilder to = UriComponentsBuilder.fromPath("/gate-blacklist");
		if (byNumber != null) {
			to.queryParam("person", byNumber);
		}
		else if (SqlSearch.text(q) != null) {
			to.queryParam("q", SqlSearch.text(q));
		}
		if (Boolean.TRUE.equals(lifted)) {
			to.queryParam("lifted", true);
		}
		return "redirect:" + to.encode().build().toUriString();
	}

	/** The list as Excel with the page's filters, written page by page. */
	@ReadOnlyWork
	@GetMapping(path = "/gate-blacklist", params = "format=xlsx")
	void excel(@RequestParam(required = false) String q, @RequestParam(required = false) Long person,
			@RequestParam(required = false) Boolean lifted, HttpServletResponse response) {
		Long byNumber = personByIdNumber(q);
		GateBlacklist.Search search = byNumber != null ? new GateBlacklist.Search(null, byNumber, Boolean.TRUE.equals(lifted))
				: new GateBlacklist.Search(SqlSearch.text(q), person, Boolean.TRUE.equals(lifted));
		Map<String, String> names = new HashMap<>();
		Spreadsheets.write(response, messages.get("blacklist.export.file", LocalDate.now(clock)),
				messages.get("blacklist.title"),
				messages.all("blacklist.column.person", "blacklist.column.id-number", "blacklist.column.reason",
						"blacklist.column.listed-by", "blacklist.column.listed-at", "blacklist.column.status",
						"blacklist.column.lifted-by", "blacklist.column.lifted-at", "blacklist.column.lift-reason"),
				rows -> Page.each(number -> blacklist.search(search, number, Page.MAX_SIZE), e -> {
					GateBlacklist.Listing l = e.listing();
					rows.add(l.personName(), e.idNumberMasked(), l.reason(),
							names.computeIfAbsent(l.listedBy(), this::displayName), l.listedAt(),
							messages.get(l.liftedAt() == null ? "blacklist.status.listed" : "blacklist.status.lifted"),
							l.liftedBy() == null ? null : names.computeIfAbsent(l.liftedBy(), this::displayName), l.liftedAt(),
							e.liftReason());
				}));
	}

	/**
	 * The person a full identity number typed in the search box names (exact: the platform keeps only its blind
	 * index), -1 when nobody is registered with it; null when what was typed is not an identity number (then it is
	 * part of a name).
	 */
	private Long personByIdNumber(String q) {
		String text = SqlSearch.text(q);
		if (text == null || !IdNumber.looksLike(text)) {
			return null;
		}
		try {
			return persons.lookup(RESIDENT_ID_CARD, text).map(Person::id).orElse(-1L);
		}
		catch (RuleViolation notAnIdNumber) {
			return null;
		}
	}

	/** Lists the person with this ID number; the number is never shown again in clear. */
	@PostMapping("/gate-blacklist")
	String add(@RequestParam(required = false) String idNumber, @RequestParam(required = false) String reason,
			RedirectAttributes flash, Model model) {
		try {
			if (idNumber == null || idNumber.isBlank()) {
				throw RuleViolation.of("idNumber", "required");
			}
			Person person = persons.lookup(RESIDENT_ID_CARD, idNumber.strip())
				.orElseThrow(() -> RuleViolation.of("idNumber", "blacklist.person-unknown"));
			GateBlacklist.Listing listing;
			try {
				listing = blacklist.list(new GateBlacklist.NewListing(person.id(), reason));
			}
			catch (NotFound outsideRegion) {
				throw RuleViolation.of("idNumber", "blacklist.person-unknown");
			}
			catch (Conflict listed) {
				throw RuleViolation.of("idNumber", "blacklist.already-listed");
			}
			flash.addFlashAttribute("notice", messages.get("blacklist.listed.notice", listing.personName(),
					person.idNumberMasked()));
			return "redirect:/gate-blacklist";
		}
		catch (RuleViolation e) {
			model.addAttribute("errors", FormErrors.of(e, messages));
			model.addAttribute("idNumber", idNumber);
			model.addAttribute("reason", reason);
			return list(null, null, null, null, model);
		}
	}

	/** Lifts a listing with the reason typed beside it. */
	@PostMapping("/gate-blacklist/{id}/lift")
	String lift(@PathVariable long id, @RequestParam(required = false) String liftReason,
			@RequestParam(required = false) String q, RedirectAttributes flash, Model model) {
		try {
			GateBlacklist.Listing listing = blacklist.lift(id, liftReason);
			flash.addFlashAttribute("notice", messages.get("blacklist.lifted.notice", listing.personName()));
			return "redirect:/gate-blacklist";
		}
		catch (RuleViolation e) {
			model.addAttribute("errors", FormErrors.of(e, messages));
			model.addAttribute("liftFailed", id);
			model.addAttribute("liftReason", liftReason);
			return list(q, null, null, null, model);
		}
	}

	/** Who acted, as people read it: the account's name (an officer's carries the department), not its login. */
	private String displayName(String username) {
		return names.of(username);
	}
}
