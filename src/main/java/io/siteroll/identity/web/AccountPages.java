package io.siteroll.identity.web;

import java.io.Serializable;
import java.util.List;
import java.util.Optional;

import io.siteroll.identity.AccountAdministration;
import io.siteroll.identity.Accounts;
import io.siteroll.identity.Actor;
import io.siteroll.identity.CurrentActor;
import io.siteroll.identity.Role;
import io.siteroll.platform.Forbidden;
import io.siteroll.platform.FormErrors;
import io.siteroll.platform.Messages;
import io.siteroll.platform.Page;
import io.siteroll.platform.PageLinks;
import io.siteroll.platform.Pager;
import io.siteroll.platform.RuleViolation;
import io.siteroll.region.Region;
import io.siteroll.region.Regions;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Pages: one's own password, and the officers' accounts page. Every form posts, then redirects
 * (Post/Redirect/Get) with a flash message or the refusal in Chinese.
 */
@Controller
class AccountPages {

	/** The new-account form as the browser sends it (no password is ever sent back to the page). */
	record AccountForm(String username, String displayName, String role, String regionCode, Long enterpriseId,
			Long projectId, Boolean mayRevealPersonalData, String password) implements Serializable {

		AccountForm withoutPassword() {
			return new AccountForm(username, displayName, role, regionCode, enterpriseId, projectId, mayRevealPersonalData, "");
		}
	}

	/** A region the officer may create an account in, by its full name. */
	record RegionOption(String code, String name) {
	}

	/** An account as the list shows it, in words. */
	record AccountRow(long id, String username, String displayName, String role, String department, String scope,
			boolean enabled) {
	}

	private final AccountAdministration administration;

	private final Messages messages;

	private final CurrentActor actors;

	private final Regions regions;

	private final Pager pager;

	AccountPages(AccountAdministration administration, Messages messages, CurrentActor actors, Regions regions,
			Pager pager) {
		this.pager = pager;
		this.administration = administration;
		this.messages = messages;
		this.actors = actors;
		this.regions = regions;
	}

	@GetMapping("/account/password")
	String passwordForm() {
		return "identity/password";
	}

	@PostMapping("/account/password")
	String changePassword(@RequestParam(required = false) String currentPassword,
			@RequestParam(required = false) String newPassword, RedirectAttributes flash) {
		try {
			administration.changeOwnPassword(currentPassword, newPassword);
			flash.addFlashAttribute("message", messages.get(Messages.CHINESE, "password.changed"));
		}
		catch (RuleViolation e) {
			flash.addFlashAttribute("error", messages.summary(e));
		}
		catch (Forbidden e) {
			flash.addFlashAttribute("error", messages.get(Messages.CHINESE, "rule." + e.rule()));
		}
		return "redirect:/account/password";
	}

	@GetMapping("/accounts")
	String accounts(@RequestParam(required = false) String q, @RequestParam(required = false) Integer page, Model model) {
		// a refused form comes back through the flash (Post/Redirect/Get): what was typed and the errors by field
		AccountForm form = model.containsAttribute("form") ? (AccountForm) model.getAttribute("form")
				: new AccountForm("", "", Role.COUNTY_OFFICER.name(), "", null, null, false, "");
		FormErrors errors = model.containsAttribute("errors") ? (FormErrors) model.getAttribute("errors") : FormErrors.NONE;
		return page(q, page, form, errors, model);
	}

	/** The list and the new-account form; a refused form comes back with what was typed (never the password). */
	private String page(String q, Integer page, AccountForm form, FormErrors errors, Model model) {
		model.addAttribute("q", q == null ? "" : q);
		Page<Accounts.AccountView> accounts = administration.inScope(q, Page.number(page), Page.size(null));
		model.addAttribute("accounts", accounts);
		model.addAttribute("rows", accounts.items().stream().map(this::row).toList());
		model.addAttribute("roles", Role.values());
		Actor actor = actors.get();
		model.addAttribute("regions", actor.regionCode() == null ? List.of()
				: regions.subtree(actor.regionCode()).stream()
					.map(r -> new RegionOption(r.code(), regions.fullName(r.code())))
					.toList());
		model.addAttribute("form", form);
		model.addAttribute("errors", errors);
		model.addAttribute("back", pager.here());
		return "identity/accounts";
	}

	@PostMapping("/accounts")
	String create(@ModelAttribute AccountForm form, RedirectAttributes flash) {
		try {
			Accounts.AccountView created = administration.create(new Accounts.NewAccount(form.username(), form.password(),
					form.displayName(), role(form.role()), form.regionCode(), form.enterpriseId(), form.projectId(),
					Boolean.TRUE.equals(form.mayRevealPersonalData())));
			flash.addFlashAttribute("notice", messages.get("accounts.created", created.username()));
		}
		catch (RuleViolation e) {
			flash.addFlashAttribute("form", form.withoutPassword());
			flash.addFlashAttribute("errors", FormErrors.of(e, messages));
		}
		return "redirect:/accounts";
	}

	/** A row of the list in words: role, scope (region by its full name) and, for an officer, the department. */
	private AccountRow row(Accounts.AccountView a) {
		Optional<Region> region = a.regionCode() == null ? Optional.empty() : regions.find(a.regionCode());
		String scope;
		if (a.enterpriseId() != null) {
			scope = messages.get("accounts.scope.enterprise", a.enterpriseId());
		}
		else if (a.projectId() != null) {
			scope = messages.get("accounts.scope.project", a.projectId());
		}
		else {
			scope = region.map(r -> regions.fullName(r.code())).orElse("");
		}
		String department = a.role().isOfficer() ? region.map(Region::department).orElse("") : "";
		return new AccountRow(a.id(), a.username(), a.displayName(), messages.label(a.role()), department, scope,
				a.enabled());
	}

	@PostMapping("/accounts/{id}/enable")
	String enable(@PathVariable long id, @RequestParam(required = false) String back, RedirectAttributes flash) {
		attempt(flash, () -> saved(flash, administration.setEnabled(id, true)));
		return "redirect:" + PageLinks.back(back, "/accounts");
	}

	@PostMapping("/accounts/{id}/disable")
	String disable(@PathVariable long id, @RequestParam(required = false) String back, RedirectAttributes flash) {
		attempt(flash, () -> saved(flash, administration.setEnabled(id, false)));
		return "redirect:" + PageLinks.back(back, "/accounts");
	}

	@PostMapping("/accounts/{id}/password")
	String reset(@PathVariable long id, @RequestParam(required = false) String newPassword,
			@RequestParam(required = false) String back, RedirectAttributes flash) {
		attempt(flash, () -> {
			administration.resetPassword(id, newPassword);
			Accounts.AccountView account = administration.require(id);
			flash.addFlashAttribute("notice", messages.get("accounts.password-reset", account.username(),
					account.displayName()));
		});
		return "redirect:" + PageLinks.back(back, "/accounts");
	}

	private void saved(RedirectAttributes flash, Accounts.AccountView account) {
		flash.addFlashAttribute("notice", messages.get(account.enabled() ? "accounts.enabled-notice"
				: "accounts.disabled-notice", account.username(), account.displayName()));
	}

	/** Runs a change on a row; a refusal becomes the page's problem (an account out of scope: the 403/404 page). */
	private void attempt(RedirectAttributes flash, Runnable change) {
		try {
			change.run();
		}
		catch (RuleViolation e) {
			flash.addFlashAttribute("problem", messages.summary(e));
		}
	}

	private static Role role(String value) {
		try {
			return value == null || value.isBlank() ? null : Role.valueOf(value.strip());
		}
		catch (IllegalArgumentException e) {
			throw RuleViolation.of("role", "account.role-unknown");
		}
	}
}
