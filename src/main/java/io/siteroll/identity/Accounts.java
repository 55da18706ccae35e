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
}
