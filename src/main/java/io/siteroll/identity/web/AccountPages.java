package io.siteroll.identity.web;

import java.io.Serializable;

import io.siteroll.identity.AccountAdministration;
import io.siteroll.identity.Accounts;
import io.siteroll.identity.Role;
import io.siteroll.platform.Forbidden;
import io.siteroll.platform.Messages;
import io.siteroll.platform.NotFound;
import io.siteroll.platform.Page;
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

	private final AccountAdministration administration;

	private final Messages messages;

	AccountPages(AccountAdministration administration, Messages messages) {
		this.administration = administration;
		this.messages = messages;
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
		model.addAttribute("q", q == null ? "" : q);
		model.addAttribute("accounts", administration.inScope(q, Page.number(page), Page.size(null)));
		model.addAttribute("roles", Role.values());
		if (!model.containsAttribute("form")) {
			model.addAttribute("form", new AccountForm("", "", Role.LABOUR_CLERK.name(), "", null, null, false, ""));
		}
		return "identity/accounts";
	}

	@PostMapping("/accounts")
	String create(@ModelAttribute AccountForm form, RedirectAttributes flash) {
		attempt(flash, () -> {
			Accounts.AccountView created = administration.create(new Accounts.NewAccount(form.username(), form.password(),
					form.displayName(), role(form.role()), form.regionCode(), form.enterpriseId(), form.projectId(),
					Boolean.TRUE.equals(form.mayRevealPersonalData())));
			flash.addFlashAttribute("message", messages.get(Messages.CHINESE, "accounts.created", created.username()));
		});
		if (flash.getFlashAttributes().containsKey("error")) {
			flash.addFlashAttribute("form", form.withoutPassword());
		}
		return "redirect:/accounts";
	}

	@PostMapping("/accounts/{id}/enable")
	String enable(@PathVariable long id, RedirectAttributes flash) {
		attempt(flash, () -> saved(flash, administration.setEnabled(id, true)));
		return "redirect:/accounts";
	}

	@PostMapping("/accounts/{id}/disable")
	String disable(@PathVariable long id, RedirectAttributes flash) {
		attempt(flash, () -> saved(flash, administration.setEnabled(id, false)));
		return "redirect:/accounts";
	}

	@PostMapping("/accounts/{id}/password")
	String reset(@PathVariable long id, @RequestParam(required = false) String newPassword, RedirectAttributes flash) {
		attempt(flash, () -> {
			administration.resetPassword(id, newPassword);
			saved(flash, administration.require(id));
		});
		return "redirect:/accounts";
	}

	private void saved(RedirectAttributes flash, Accounts.AccountView account) {
		flash.addFlashAttribute("message", messages.get(Messages.CHINESE, "accounts.saved", account.username()));
	}

	/** Runs a change; a refusal becomes the page's error in Chinese. */
	private void attempt(RedirectAttributes flash, Runnable change) {
		try {
			change.run();
		}
		catch (RuleViolation e) {
			flash.addFlashAttribute("error", messages.summary(e));
		}
		catch (Forbidden e) {
			flash.addFlashAttribute("error", messages.get(Messages.CHINESE, "rule." + e.rule()));
		}
		catch (NotFound e) {
			flash.addFlashAttribute("error", messages.get(Messages.CHINESE, "problem.not-found"));
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
