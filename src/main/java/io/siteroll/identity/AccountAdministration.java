package io.siteroll.identity;

import io.siteroll.platform.Page;

/**
 * Accounts managed by officers within their region, and each holder's own password. An account lies in
 * the region of its scope: an officer's region, the registration region (注册地) of an enterprise
 * administrator's enterprise, the region of a labour clerk's project. An officer lists and manages the
 * accounts lying within their region (province officers: all) and creates accounts only there, never of
 * a higher rank (a county officer creates no city officer) nor with a reveal permission they lack.
 * Every new password follows the password policy; every change is audited, never with the password.
 */
public interface AccountAdministration {

	/** The accounts within the caller's region, by username; {@code query} matches username or display name. */
	Page<Accounts.AccountView> inScope(String query, int page, int size);

	Accounts.AccountView require(long accountId);

	/** Creates an account within the caller's region; the password follows the policy. */
	Accounts.AccountView create(Accounts.NewAccount account);

	Accounts.AccountView setEnabled(long accountId, boolean enabled);

	/** An officer sets a new password for an account within their region (policy applies). */
	void resetPassword(long accountId, String newPassword);

	/** The signed-in holder changes their own password: the current one, then a new one under the policy. */
	void changeOwnPassword(String currentPassword, String newPassword);
}
