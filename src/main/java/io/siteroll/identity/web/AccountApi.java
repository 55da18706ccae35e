package io.siteroll.identity.web;

import io.siteroll.identity.AccountAdministration;
import io.siteroll.identity.Accounts;
import io.siteroll.identity.Role;
import io.siteroll.platform.Page;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Accounts 账户")
class AccountApi {

	record PasswordChange(String currentPassword, String newPassword) {
	}

	record PasswordReset(String newPassword) {
	}

	/** A new account as an officer asks for it; the reveal permission defaults to false. */
	record AccountRequest(String username, String password, String displayName, Role role, String regionCode,
			Long enterpriseId, Long projectId, Boolean mayRevealPersonalData) {
	}

	private final AccountAdministration administration;

	AccountApi(AccountAdministration administration) {
		this.administration = administration;
	}

	@PostMapping("/api/account/password")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	@Operation(summary = "Change one's own password: the current one and a new one under the password policy")
	void changePassword(@RequestBody PasswordChange change) {
		administration.changeOwnPassword(change.currentPassword(), change.newPassword());
	}

	@GetMapping("/api/accounts")
	@Operation(summary = "Accounts within the officer's region (officers only)")
	Page<Accounts.AccountView> accounts(@RequestParam(required = false) String q, @RequestParam(required = false) Integer page,
			@RequestParam(required = false) Integer size) {
		return administration.inScope(q, Page.number(page), Page.size(size));
	}

	@PostMapping("/api/accounts")
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Create an officer, enterprise or clerk account within the officer's region; audited")
	Accounts.AccountView create(@RequestBody AccountRequest a) {
		return administration.create(new Accounts.NewAccount(a.username(), a.password(), a.displayName(), a.role(),
				a.regionCode(), a.enterpriseId(), a.projectId(), Boolean.TRUE.equals(a.mayRevealPersonalData())));
	}

	@PostMapping("/api/accounts/{id}/disable")
	@Operation(summary = "Disable an account within the officer's region; audited")
	Accounts.AccountView disable(@PathVariable long id) {
		return administration.setEnabled(id, false);
	}

	@PostMapping("/api/accounts/{id}/enable")
	@Operation(summary = "Enable an account within the officer's region; audited")
	Accounts.AccountView enable(@PathVariable long id) {
		return administration.setEnabled(id, true);
	}

	@PostMapping("/api/accounts/{id}/password")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	@Operation(summary = "Reset the password of an account within the officer's region (password policy applies); audited")
	void reset(@PathVariable long id, @RequestBody PasswordReset reset) {
		administration.resetPassword(id, reset.newPassword());
	}
}
