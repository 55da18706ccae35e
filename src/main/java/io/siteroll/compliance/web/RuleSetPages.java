package io.siteroll.compliance.web;

import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import io.siteroll.attendance.ValidDayRule;
import io.siteroll.compliance.Rule;
import io.siteroll.compliance.RuleSet;
import io.siteroll.compliance.RuleSets;
import io.siteroll.identity.ActorNames;
import io.siteroll.identity.CurrentActor;
import io.siteroll.personnel.Post;
import io.siteroll.platform.Forbidden;
import io.siteroll.platform.FormErrors;
import io.siteroll.platform.Messages;
import io.siteroll.platform.RuleViolation;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * 规则集 for province officers: every rule set with each threshold in words and whether it is in force, adopted or
 * still a draft; two side by side with their differences marked; a draft defined from an existing one; adoption from
 * the first day of a month (a month begun or evaluated only retroactively, with a reason, as {@link RuleSets} requires).
 */
@Controller
class RuleSetPages {

	/** One threshold of a rule set in words: its label and its value ({@code field} is the definition's field). */
	record Threshold(String field, String label, String value) {
	}

	/** A threshold of two rule sets side by side. */
	record Difference(String label, String left, String right, boolean differs) {
	}

	/** A rule set as the page shows it: its thresholds, its legal basis per rule, and its standing in words. */
	record RuleSetView(RuleSet ruleSet, List<Threshold> thresholds, List<Threshold> basis, String standing,
			boolean inForce) {
	}

	/** An adoption in words. */
	record AdoptionView(String from, String ruleSet, long ruleSetId, String adoptedBy, String retroactive, String reason) {
	}

	/** The draft form as the browser sends it. */
	record DraftForm(Long basedOn, String code, String name, Integer keyPostPercent, Integer otherPostPercent,
			List<String> keyPosts, Integer shortfallPenaltyFrom, String validDayRule, Integer offlineToleranceDays,
			Integer rectificationDays, Integer lowAttendanceDays, Integer lowAttendancePercent, Boolean r3CountsPayroll) {

		static DraftForm from(RuleSet base) {
			return new DraftForm(base.id(), "", "", base.keyPostPercent(), base.otherPostPercent(), base.keyPosts(),
					base.shortfallPenaltyFrom(), base.validDayRule().name(), base.offlineToleranceDays(),
					base.rectificationDays(), base.lowAttendanceDays(), base.lowAttendancePercent(), base.r3CountsPayroll());
		}

		RuleSets.Definition definition() {
			return new RuleSets.Definition(code, name, keyPostPercent, otherPostPercent,
					keyPosts == null ? List.of() : keyPosts, shortfallPenaltyFrom, validDayRule, offlineToleranceDays,
					rectificationDays, basedOn, lowAttendanceDays, lowAttendancePercent, r3CountsPayroll);
		}
	}

	/** The adoption form as the browser sends it; {@code month}: the month from whose first day the set applies. */
	record AdoptionForm(YearMonth month, Boolean retroactive, String reason) {
	}

	private final RuleSets ruleSets;

	private final CurrentActor actors;

	private final Messages messages;

	private final ActorNames officers;

	private final Clock clock;

	RuleSetPages(RuleSets ruleSets, CurrentActor actors, Messages messages, ActorNames officers, Clock clock) {
		this.ruleSets = ruleSets;
		this.actors = actors;
		this.messages = messages;
		this.officers = officers;
		this.clock = clock;
	}

	@GetMapping("/rule-sets")
	String list(Model model) {
		requireProvince();
		List<RuleSets.Adoption> adoptions = ruleSets.adoptions();
		model.addAttribute("ruleSets", ruleSets.all().stream().map(r -> view(r, adoptions)).toList());
		model.addAttribute("adoptions", adoptions.stream().map(this::view).toList());
		return "compliance/rule-sets";
	}

	@GetMapping("/rule-sets/compare")
	String compare(@RequestParam long a, @RequestParam long b, Model model) {
		requireProvince();
		RuleSet left = ruleSets.require(a);
		RuleSet right = ruleSets.require(b);
		List<Threshold> l = thresholds(left);
		List<Threshold> r = thresholds(right);
		List<Difference> rows = new ArrayList<>();
		for (int i = 0; i < l.size(); i++) {
			rows.add(new Difference(l.get(i).label(), l.get(i).value(), r.get(i).value(),
					!l.get(i).value().equals(r.get(i).value())));
		}
		List<Threshold> lb = basis(left);
		List<Threshold> rb = basis(right);
		for (int i = 0; i < lb.size(); i++) {
			rows.add(new Difference(lb.get(i).label(), lb.get(i).value(), rb.get(i).value(),
					!lb.get(i).value().equals(rb.get(i).value())));
		}
		model.addAttribute("left", left);
		model.addAttribute("right", right);
		model.addAttribute("rows", rows);
		model.addAttribute("differences", rows.stream().filter(Difference::differs).count());
		model.addAttribute("all", ruleSets.all());
		return "compliance/rule-set-compare";
	}

	@GetMapping("/rule-sets/{id}")
	String one(@PathVariable long id, Model model) {
		requireProvince();
		return detail(ruleSets.require(id), new AdoptionForm(YearMonth.now(clock).plusMonths(1), false, ""), FormErrors.NONE,
				model);
	}

	@PostMapping("/rule-sets/{id}/adoption")
	String adopt(@PathVariable long id, @ModelAttribute AdoptionForm form, Model model, RedirectAttributes flash) {
		requireProvince();
		RuleSet ruleSet = ruleSets.require(id);
		try {
			RuleSets.Adoption adopted = ruleSets.adopt(id, form.month() == null ? null : form.month().atDay(1),
					Boolean.TRUE.equals(form.retroactive()), form.reason());
			String month = monthInWords(YearMonth.from(adopted.effectiveFrom()));
			flash.addFlashAttribute("notice", adopted.reevaluated().isEmpty()
					? messages.get("rule-set.adopted", ruleSet.code(), month)
					: messages.get("rule-set.adopted-retroactively", ruleSet.code(), month, adopted.reevaluated().stream()
						.map(this::monthInWords).collect(Collectors.joining("、"))));
			return "redirect:/rule-sets";
		}
		catch (RuleViolation e) {
			return detail(ruleSet, form, FormErrors.of(e, messages), model);
		}
	}

	@GetMapping("/rule-sets/new")
	String draftForm(@RequestParam(required = false) Long basedOn, Model model) {
		requireProvince();
		RuleSet base = basedOn == null ? ruleSets.inForce(YearMonth.now(clock)) : ruleSets.require(basedOn);
		return draft(DraftForm.from(base), FormErrors.NONE, model);
	}

	@PostMapping("/rule-sets")
	String define(@ModelAttribute DraftForm form, Model model, RedirectAttributes flash) {
		requireProvince();
		try {
			RuleSet defined = ruleSets.define(form.definition());
			flash.addFlashAttribute("notice", messages.get("rule-set.defined", defined.code()));
			return "redirect:/rule-sets/" + defined.id();
		}
		catch (RuleViolation e) {
			return draft(form, FormErrors.of(e, messages), model);
		}
	}

	private String draft(DraftForm form, FormErrors errors, Model model) {
		model.addAttribute("form", form);
		Map<String, Integer> numbers = new LinkedHashMap<>();
		numbers.put("keyPostPercent", form.keyPostPercent());
		numbers.put("otherPostPercent", form.otherPostPercent());
		numbers.put("shortfallPenaltyFrom", form.shortfallPenaltyFrom());
		numbers.put("offlineToleranceDays", form.offlineToleranceDays());
		numbers.put("rectificationDays", form.rectificationDays());
		numbers.put("lowAttendanceDays", form.lowAttendanceDays());
		numbers.put("lowAttendancePercent", form.lowAttendancePercent());
		model.addAttribute("numbers", numbers);
		model.addAttribute("errors", errors);
		model.addAttribute("all", ruleSets.all());
		model.addAttribute("posts", Post.values());
		model.addAttribute("validDayRules", ValidDayRule.values());
		return "compliance/rule-set-form";
	}

	private String detail(RuleSet ruleSet, AdoptionForm form, FormErrors errors, Model model) {
		model.addAttribute("view", view(ruleSet, ruleSets.adoptions()));
		model.addAttribute("definedBy", officers.of(ruleSet.definedBy()));
		model.addAttribute("form", form);
		model.addAttribute("errors", errors);
		model.addAttribute("all", ruleSets.all());
		return "compliance/rule-set";
	}

	private void requireProvince() {
		if (!actors.get().isProvince()) {
			throw new Forbidden("rule-set.province-only");
		}
	}

	private RuleSetView view(RuleSet r, List<RuleSets.Adoption> adoptions) {
		LocalDate today = LocalDate.now(clock);
		RuleSet current = ruleSets.inForce(YearMonth.from(today));
		List<String> from = adoptions.stream().filter(a -> a.ruleSet().id() == r.id())
			.map(a -> monthInWords(YearMonth.from(a.effectiveFrom()))).toList();
		String standing;
		if (current.id() == r.id()) {
			standing = messages.get("rule-set.standing.in-force");
		}
		else if (!from.isEmpty()) {
			standing = messages.get("rule-set.standing.adopted", String.join("、", from));
		}
		else {
			standing = messages.get("rule-set.standing.draft");
		}
		return new RuleSetView(r, thresholds(r), basis(r), standing, current.id() == r.id());
	}

	private AdoptionView view(RuleSets.Adoption a) {
		return new AdoptionView(monthInWords(YearMonth.from(a.effectiveFrom())), a.ruleSet().code() + " " + a.ruleSet().name(),
				a.ruleSet().id(), officers.of(a.adoptedBy()),
				messages.get(a.retroactive() ? "rule-set.retroactive.yes" : "rule-set.retroactive.no"),
				a.reason() == null ? "" : a.reason());
	}

	/** Every threshold of the rule set, labelled in words, in the order the comparison shows them. */
	private List<Threshold> thresholds(RuleSet r) {
		return List.of(
				threshold("keyPosts", r.keyPosts().stream().map(this::post).collect(Collectors.joining("、"))),
				threshold("keyPostPercent", messages.get("rule-set.value.percent", r.keyPostPercent())),
				threshold("otherPostPercent", messages.get("rule-set.value.percent", r.otherPostPercent())),
				threshold("shortfallPenaltyFrom", messages.get("rule-set.value.people", r.shortfallPenaltyFrom())),
				threshold("validDayRule", messages.label(r.validDayRule())),
				threshold("offlineToleranceDays", messages.get("rule-set.value.days", r.offlineToleranceDays())),
				threshold("rectificationDays", messages.get("rule-set.value.days", r.rectificationDays())),
				threshold("lowAttendanceDays", messages.get("rule-set.value.days", r.lowAttendanceDays())),
				threshold("lowAttendancePercent", messages.get("rule-set.value.percent", r.lowAttendancePercent())),
				threshold("r3CountsPayroll", messages.get(r.r3CountsPayroll() ? "rule-set.value.on" : "rule-set.value.off")));
	}

	/**
	 * The legal basis and measures (处理措施) of each monthly rule, and of the wage warnings' rule ({@code WAGES}), as
	 * the rule set words them.
	 */
	private List<Threshold> basis(RuleSet r) {
		List<Threshold> rows = new ArrayList<>();
		for (Rule rule : Arrays.stream(Rule.values()).filter(rule -> rule.monthly() || rule == Rule.WAGES).toList()) {
			Map<String, String> texts = r.basis().getOrDefault(rule.name(), Map.of());
			rows.add(new Threshold("basis", messages.get("rule-set.basis", messages.label(rule)),
					texts.getOrDefault("basis", "")));
			rows.add(new Threshold("measures", messages.get("rule-set.measures", messages.label(rule)),
					texts.getOrDefault("measures", "")));
		}
		return rows;
	}

	private Threshold threshold(String field, String value) {
		return new Threshold(field, messages.get("rule-set.threshold." + field), value);
	}

	private String post(String code) {
		try {
			return messages.label(Post.valueOf(code));
		}
		catch (IllegalArgumentException e) {
			return code;
		}
	}

	private String monthInWords(YearMonth month) {
		return messages.get("evaluation.month", month.getYear(), month.getMonthValue());
	}
}
