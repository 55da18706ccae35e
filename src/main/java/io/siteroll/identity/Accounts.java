package io.siteroll.identity;

import java.util.List;
import java.util.Optional;

/** Creating and finding accounts. */
public interface Accounts {

	record NewAccount(String username, String password, String displayName, Role role, String regionCode,
			Long enterpriseId, Long projectId, boolean mayRevealPersonalData) {
	}

	record AccountView(long id, String username, String displayName, Role role, String regionCode, Long enterpriseId,
			Long projectId, boolean mayRevealPersonalData, boolean enabled) {
	}

	long create(NewAccount account);

	Optional<AccountView> find(String username);

	List<AccountView> all();

	boolean any();

	/**
	 * Runs the work as the account would if it were signed in (its role and scope, its name in the audit trail): for
	 * a system the account authorised to act on its behalf, e.g. a labour system holding the interface key the account
	 * issued. Empty when the account does not exist or is disabled; the caller's own context is restored after.
	 */
	<T> Optional<T> actingAs(long accountId, java.util.function.Supplier<T> work);
}
