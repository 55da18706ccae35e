package io.siteroll.enforcement.web;

import java.time.YearMonth;
import java.util.List;

import io.siteroll.identity.Actor;
import io.siteroll.identity.CurrentActor;
import io.siteroll.platform.Checks;
import io.siteroll.platform.Dates;
import io.siteroll.platform.FormErrors;
import io.siteroll.platform.Messages;
import io.siteroll.platform.Page;
import io.siteroll.platform.RuleViolation;
import io.siteroll.region.Region;
import io.siteroll.region.Regions;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

/**
 * The region and month filters the enforcement lists share (orders, penalties, credit records), checked alike on
 * every list: an unknown region code or a month not written 2026-11 is refused on its field, the values typed kept,
 * instead of answering with an empty or a wrong list. A notice's figure links to these lists with both filters.
 */
@Component
class ListFilters {

	/** The filters as checked: null region or month when not asked for; {@code errors} the refusals, if any. */
	record Checked(String region, YearMonth month, FormErrors errors) {

		boolean refused() {
			return errors.any();
		}
	}

	private final Regions regions;

	private final CurrentActor actors;

	private final Messages messages;

	ListFilters(Regions regions, CurrentActor actors, Messages messages) {
		this.regions = regions;
		this.actors = actors;
		this.messages = messages;
	}

	/** Checks both filters at once, so that a form shows every refusal together. */
	Checked check(String region, String month) {
		Checks typed = new Checks();
		String checkedRegion = typed.field("region", () -> regions.filter("region", region));
		YearMonth checkedMonth = typed.field("month", () -> month == null || month.isBlank() ? null : Dates.month(month));
		FormErrors errors = typed.ok() ? FormErrors.NONE : FormErrors.of(new RuleViolation(typed.violations()), messages);
		return new Checked(checkedRegion, checkedMonth, errors);
	}

	/** The same, refused as a rule violation: for the Excel export, which has no form to show errors on. */
	Checked require(String region, String month) {
		Checks typed = new Checks();
		String checkedRegion = typed.field("region", () -> regions.filter("region", region));
		YearMonth checkedMonth = typed.field("month", () -> month == null || month.isBlank() ? null : Dates.month(month));
		typed.throwIfAny();
		return new Checked(checkedRegion, checkedMonth, FormErrors.NONE);
	}

	/** Puts the values typed, the regions to choose from and any refusal into the model. */
	void show(Model model, String region, String month, Checked checked) {
		model.addAttribute("region", region);
		model.addAttribute("month", month);
		model.addAttribute("regions", offered());
		model.addAttribute("errors", checked.errors());
	}

	/** The regions an officer may filter by, its own and those below it; the enterprise side any region. */
	List<Region> offered() {
		Actor actor = actors.get();
		return actor.isOfficer() ? regions.subtree(actor.regionCode()) : regions.all();
	}

	/** The list a refused filter shows: none. */
	static <T> Page<T> none(int size) {
		return new Page<>(List.of(), 0, size, 0);
	}
}
