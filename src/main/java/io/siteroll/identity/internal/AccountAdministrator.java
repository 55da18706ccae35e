package io.siteroll.identity.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import io.siteroll.audit.AuditRecord;
import io.siteroll.audit.AuditTrail;
import io.siteroll.identity.AccountAdministration;
import io.siteroll.identity.Accounts;
import io.siteroll.identity.Accounts.AccountView;
import io.siteroll.identity.Actor;
import io.siteroll.identity.CurrentActor;
import io.siteroll.identity.Role;
import io.siteroll.platform.Checks;
import io.siteroll.platform.Violation;
import io.siteroll.platform.Forbidden;
import io.siteroll.platform.NotFound;
import io.siteroll.platform.Page;
import io.siteroll.platform.SqlSearch;
import io.siteroll.region.Region;
import io.siteroll.region.Regions;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Officers manage the accounts of their region; holders change their own password. The region of an
 * account is read from its scope: the officer's region, the enterprise's registration region, the
 * project's region (the enterprise and project tables are read, never written, here).
 */
@Service
class AccountAdministrator implements AccountAdministration {

	private static final String FROM = """
			from account a
			left join enterprise e on e.id = a.enterprise_id
			left join project pj on pj.id = a.project_id
			join region r on r.code = coalesce(a.region_code, e.registration_region, pj.region_code)""";

	/** The accounts an officer administers: all for the province, else those of the officer's region and below. */
	private static final String IN_SCOPE = "(:all or r.path like :region)";

	private static final String COLUMNS = """
			select a.id, a.username, a.display_name, a.role, a.region_code, a.enterprise_id, a.project_id,
			       a.may_reveal_personal_data, a.enabled
			""";

	private final JdbcClient jdbc;

	private final AccountDirectory accounts;

	private final CurrentActor actors;

	private final Regions regions;

	private final PasswordEncoder passwords;

	private final AuditTrail audit;

	private final Clock clock;

	private final LoginThrottle throttle;

	AccountAdministrator(JdbcClient jdbc, AccountDirectory accounts, CurrentActor actors, Regions regions,
			PasswordEncoder passwords, AuditTrail audit, Clock clock, LoginThrottle throttle) {
		this.throttle = throttle;
		this.jdbc = jdbc;
		this.accounts = accounts;
		this.actors = actors;
		this.regions = regions;
		this.passwords = passwords;
		this.audit = audit;
		this.clock = clock;
	}

	@Override
	public Page<AccountView> inScope(String query, int page, int size) {
		String q = query == null ? "" : query.strip();
		return SqlSearch.where(IN_SCOPE, scope(requireOfficer()))
			.and("(:q = '' or a.username ilike :like or a.display_name ilike :like)")
			.param("q", q)
			.param("like", SqlSearch.containing(q))
			.page(jdbc, COLUMNS, FROM, "a.username", AccountAdministrator::view, page, size);
	}

	@Override
	public AccountView require(long accountId) {
		Map<String, Object> params = scope(requireOfficer());
		params.put("id", accountId);
		return jdbc.sql(COLUMNS + FROM + " where " + IN_SCOPE + " and a.id = :id")
			.params(params)
			.query(AccountAdministrator::view)
			.optional()
			.orElseThrow(() -> new NotFound("account", accountId));
	}

	@Override
	@Transactional
	public AccountView create(Accounts.NewAccount a) {
		Actor actor = requireOfficer();
		Checks checks = new Checks();
		String username = checks.required("username", a.username());
		checks.check(username == null || username.matches("[A-Za-z0-9._-]{3,50}"), "username", "account.username-format");
		checks.maxLength("displayName", checks.required("displayName", a.displayName()), 50);
		checks.required("role", a.role());
		PasswordPolicy.check(checks, "password", username, a.password());
		Region region = null;
		if (a.role() != null && a.role().isOfficer()) {
			region = checks.field("regionCode", () -> regions.require(a.regionCode()));
			if (region != null) {
				checks.check(rankFits(a.role(), region), "regionCode", "account.role-region-mismatch");
			}
		}
		else if (a.role() == Role.ENTERPRISE_ADMIN && checks.required("enterpriseId", a.enterpriseId()) != null) {
			region = regionOf("select registration_region from enterprise where id = ?", a.enterpriseId())
				.orElseGet(() -> {
					checks.add(Violation.of("enterpriseId", "enterprise.unknown"));
					return null;
				});
		}
		else if (a.role() == Role.LABOUR_CLERK && checks.required("projectId", a.projectId()) != null) {
			region = regionOf("select region_code from project where id = ?", a.projectId()).orElseGet(() -> {
				checks.add(Violation.of("projectId", "account.project-unknown"));
				return null;
			});
		}
		checks.throwIfAny();
		if (!actor.oversees(region.path())) {
			throw new Forbidden("account.outside-region");
		}
		if (a.mayRevealPersonalData() && !actor.mayRevealPersonalData()) {
			throw new Forbidden("account.reveal-not-held");
		}
		long id = accounts.create(new Accounts.NewAccount(username, a.password(), a.displayName().strip(), a.role(),
				a.role().isOfficer() ? region.code() : null, a.role() == Role.ENTERPRISE_ADMIN ? a.enterpriseId() : null,
				a.role() == Role.LABOUR_CLERK ? a.projectId() : null, a.mayRevealPersonalData()));
		jdbc.sql("update account set password_changed_at = ? where id = ?")
			.params(Timestamp.from(clock.instant()), id)
			.update();
		AccountView created = require(id);
		audit.record(AuditRecord.created("account", id, state(created)));
		return created;
	}

	@Override
	@Transactional
	public AccountView setEnabled(long accountId, boolean enabled) {
		Actor actor = requireOfficer();
		AccountView before = require(accountId);
		if (before.id() == actor.accountId()) {
			throw new Forbidden("account.not-self");
		}
		jdbc.sql("update account set enabled = ? where id = ?").params(enabled, accountId).update();
		AccountView after = require(accountId);
		audit.record(AuditRecord.changed(enabled ? "ENABLED" : "DISABLED", "account", accountId,
				Map.of("enabled", before.enabled()), Map.of("enabled", after.enabled())));
		return after;
	}

	@Override
	@Transactional
	public void resetPassword(long accountId, String newPassword) {
		AccountView target = require(accountId);
		Checks checks = new Checks();
		PasswordPolicy.check(checks, "newPassword", target.username(), newPassword);
		checks.throwIfAny();
		setPassword(accountId, newPassword);
		audit.record(AuditRecord.changed("PASSWORD_RESET", "account", accountId, null, Map.of("username", target.username())));
	}

	@Override
	@Transactional
	public void changeOwnPassword(String currentPassword, String newPassword) {
		Actor actor = actors.get();
		if (actor.accountId() <= 0) {
			throw new Forbidden("account.not-signed-in");
		}
		String hash = jdbc.sql("select password_hash from account where id = ?").param(actor.accountId())
			.query(String.class)
			.single();
		if (throttle.passwordChangeLocked(actor.username())) {
			throw new Forbidden("account.locked");
		}
		// The input's form first: a malformed request changes nothing, not even the guess counter. A guesser
		// gains nothing from this, since a well-formed request is counted like any other.
		Checks checks = new Checks();
		String current = checks.required("currentPassword", currentPassword);
		checks.maxLength("currentPassword", currentPassword, PasswordPolicy.MAX_LENGTH);
		PasswordPolicy.check(checks, "newPassword", actor.username(), newPassword);
		checks.check(newPassword == null || !newPassword.equals(currentPassword), "newPassword", "password.unchanged");
		checks.throwIfAny();
		if (current != null && !passwords.matches(currentPassword, hash)) {
			throttle.failedPasswordChange(actor.username());
			checks.add(Violation.of("currentPassword", "password.current-wrong"));
			checks.throwIfAny();
		}
		setPassword(actor.accountId(), newPassword);
		audit.record(AuditRecord.changed("PASSWORD_CHANGED", "account", actor.accountId(), null,
				Map.of("username", actor.username())));
	}

	private void setPassword(long accountId, String password) {
		jdbc.sql("update account set password_hash = ?, password_changed_at = ? where id = ?")
			.params(passwords.encode(password), Timestamp.from(clock.instant()), accountId)
			.update();
	}

	/** 省 for province officers, 市州 or a supervisory region for city officers, 县市区 for county officers. */
	static boolean rankFits(Role role, Region region) {
		return switch (role) {
			case PROVINCE_OFFICER -> region.level() == Region.Level.PROVINCE;
			case CITY_OFFICER -> region.level() == Region.Level.CITY || region.level() == Region.Level.SUPERVISORY;
			case COUNTY_OFFICER -> region.level() == Region.Level.COUNTY;
			default -> false;
		};
	}

	private Optional<Region> regionOf(String sql, long id) {
		return jdbc.sql(sql).param(id).query(String.class).optional().flatMap(regions::find);
	}

	private Actor requireOfficer() {
		Actor actor = actors.get();
		if (!actor.isOfficer()) {
			throw new Forbidden("account.officers-only");
		}
		return actor;
	}

	private static Map<String, Object> scope(Actor actor) {
		Map<String, Object> params = new HashMap<>();
		params.put("all", actor.isProvince());
		params.put("region", actor.regionPath() + "%");
		return params;
	}

	private static Map<String, Object> state(AccountView a) {
		Map<String, Object> state = new LinkedHashMap<>();
		state.put("username", a.username());
		state.put("role", a.role().name());
		state.put("regionCode", a.regionCode());
		state.put("enterpriseId", a.enterpriseId());
		state.put("projectId", a.projectId());
		state.put("mayRevealPersonalData", a.mayRevealPersonalData());
		state.put("enabled", a.enabled());
		return state;
	}

	private static AccountView view(ResultSet rs, int n) throws SQLException {
		return new AccountView(rs.getLong("id"), rs.getString("username"), rs.getString("display_name"),
				Role.valueOf(rs.getString("role")), rs.getString("region_code"), rs.getObject("enterprise_id", Long.class),
				rs.getObject("project_id", Long.class), rs.getBoolean("may_reveal_personal_data"), rs.getBoolean("enabled"));
	}
}
