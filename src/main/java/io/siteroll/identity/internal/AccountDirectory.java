package io.siteroll.identity.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

import io.siteroll.identity.Accounts;
import io.siteroll.identity.Actor;
import io.siteroll.identity.CurrentActor;
import io.siteroll.identity.Role;
import io.siteroll.platform.Checks;
import io.siteroll.platform.Conflict;
import io.siteroll.region.Regions;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
class AccountDirectory implements Accounts, UserDetailsService, CurrentActor {

	private static final String SELECT = """
			select a.id, a.username, a.password_hash, a.display_name, a.role, a.region_code, r.path region_path,
			       a.enterprise_id, a.project_id, a.may_reveal_personal_data, a.enabled
			from account a left join region r on r.code = a.region_code""";

	private final JdbcClient jdbc;

	private final PasswordEncoder passwords;

	private final Regions regions;

	AccountDirectory(JdbcClient jdbc, PasswordEncoder passwords, Regions regions) {
		this.jdbc = jdbc;
		this.passwords = passwords;
		this.regions = regions;
	}

	@Override
	@Transactional
	public long create(NewAccount a) {
		Checks checks = new Checks();
		checks.required("username", a.username());
		checks.required("password", a.password());
		checks.required("displayName", a.displayName());
		checks.required("role", a.role());
		if (a.role() != null && a.role().isOfficer()) {
			checks.field("regionCode", () -> regions.require(a.regionCode()));
		}
		checks.check(a.role() != Role.ENTERPRISE_ADMIN || a.enterpriseId() != null, "enterpriseId", "required");
		checks.check(a.role() != Role.LABOUR_CLERK || a.projectId() != null, "projectId", "required");
		checks.throwIfAny();
		if (find(a.username()).isPresent()) {
			throw new Conflict("username", "username.taken");
		}
		return jdbc.sql("""
				insert into account (username, password_hash, display_name, role, region_code, enterprise_id, project_id,
				                     may_reveal_personal_data)
				values (?, ?, ?, ?, ?, ?, ?, ?) returning id""")
			.params(a.username(), passwords.encode(a.password()), a.displayName(), a.role().name(),
					a.role().isOfficer() ? a.regionCode() : null, a.enterpriseId(), a.projectId(), a.mayRevealPersonalData())
			.query(Long.class)
			.single();
	}

	@Override
	public Optional<AccountView> find(String username) {
		return jdbc.sql(SELECT + " where a.username = ?").param(username).query(this::principal).optional().map(p -> view(p));
	}

	@Override
	public List<AccountView> all() {
		return jdbc.sql(SELECT + " order by a.id").query(this::principal).list().stream().map(AccountDirectory::view).toList();
	}

	@Override
	public boolean any() {
		return jdbc.sql("select exists (select 1 from account)").query(Boolean.class).single();
	}

	@Override
	public <T> Optional<T> actingAs(long accountId, java.util.function.Supplier<T> work) {
		Optional<SiteRollPrincipal> principal = jdbc.sql(SELECT + " where a.id = ?")
			.param(accountId)
			.query(this::principal)
			.optional()
			.filter(SiteRollPrincipal::enabled);
		if (principal.isEmpty()) {
			return Optional.empty();
		}
		org.springframework.security.core.context.SecurityContext previous = SecurityContextHolder.getContext();
		org.springframework.security.core.context.SecurityContext acting = SecurityContextHolder.createEmptyContext();
		acting.setAuthentication(new org.springframework.security.authentication.UsernamePasswordAuthenticationToken(
				principal.get(), null, principal.get().getAuthorities()));
		SecurityContextHolder.setContext(acting);
		try {
			return Optional.ofNullable(work.get());
		}
		finally {
			SecurityContextHolder.setContext(previous);
		}
	}

	@Override
	public UserDetails loadUserByUsername(String username) {
		return jdbc.sql(SELECT + " where a.username = ?")
			.param(username)
			.query(this::principal)
			.optional()
			.orElseThrow(() -> new UsernameNotFoundException("unknown account"));
	}

	@Override
	public Actor get() {
		Authentication auth = SecurityContextHolder.getContext().getAuthentication();
		if (auth != null && auth.getPrincipal() instanceof SiteRollPrincipal p) {
			return p.actor();
		}
		return Actor.SYSTEM;
	}

	private SiteRollPrincipal principal(ResultSet rs, int row) throws SQLException {
		Actor actor = new Actor(rs.getLong("id"), rs.getString("username"), rs.getString("display_name"),
				Role.valueOf(rs.getString("role")), rs.getString("region_code"), rs.getString("region_path"),
				(Long) rs.getObject("enterprise_id", Long.class), (Long) rs.getObject("project_id", Long.class),
				rs.getBoolean("may_reveal_personal_data"));
		return new SiteRollPrincipal(actor, rs.getString("password_hash"), rs.getBoolean("enabled"));
	}

	private static AccountView view(SiteRollPrincipal p) {
		Actor a = p.actor();
		return new AccountView(a.accountId(), a.username(), a.displayName(), a.role(), a.regionCode(), a.enterpriseId(),
				a.projectId(), a.mayRevealPersonalData(), p.enabled());
	}
}
