package io.siteroll.identity.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import io.siteroll.audit.AuditRecord;
import io.siteroll.audit.AuditTrail;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Throttles sign-in per account (the submitted username, whether or not it exists, so a lock says
 * nothing about which usernames exist) and per client address. {@code account-failures} failures of
 * one username, or {@code address-failures} from one address, within {@code window} lock that key for
 * {@code lock}, doubled with every further lock up to {@code max-lock}. While locked every attempt is
 * refused, even with the right password. Wrong current passwords when changing one's own password are
 * counted and locked the same way, apart from sign-ins. Each lock is audited; a successful sign-in clears the account's
 * count. The address limit is higher so that one office behind one address is not locked by a few typos.
 */
@Component
class LoginThrottle {

	enum Kind {
		ACCOUNT, ADDRESS, PASSWORD_CHANGE
	}

	private final JdbcClient jdbc;

	private final AuditTrail audit;

	private final TransactionTemplate tx;

	private final Clock clock;

	private final int accountFailures;

	private final int addressFailures;

	private final Duration window;

	private final Duration lock;

	private final Duration maxLock;

	LoginThrottle(JdbcClient jdbc, AuditTrail audit, PlatformTransactionManager transactions, Clock clock,
			@Value("${siteroll.login.account-failures:5}") int accountFailures,
			@Value("${siteroll.login.address-failures:20}") int addressFailures,
			@Value("${siteroll.login.window:PT15M}") Duration window, @Value("${siteroll.login.lock:PT5M}") Duration lock,
			@Value("${siteroll.login.max-lock:PT24H}") Duration maxLock) {
		this.jdbc = jdbc;
		this.audit = audit;
		// its own transaction: a failure counts even when the caller's transaction rolls back
		this.tx = new TransactionTemplate(transactions);
		this.tx.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
		this.clock = clock;
		this.accountFailures = accountFailures;
		this.addressFailures = addressFailures;
		this.window = window;
		this.lock = lock;
		this.maxLock = maxLock;
	}

	/** Until when the account or the address is locked, if either is. */
	Optional<Instant> lockedUntil(String username, String address) {
		Instant now = clock.instant();
		return jdbc.sql("""
				select locked_until from login_throttle
				where ((kind = 'ACCOUNT' and key = ?) or (kind = 'ADDRESS' and key = ?)) and locked_until > ?
				order by locked_until desc limit 1""")
			.params(key(username), key(address), Timestamp.from(now))
			.query(Timestamp.class)
			.optional()
			.map(Timestamp::toInstant);
	}

	void failed(String username, String address) {
		tx.executeWithoutResult(s -> {
			count(Kind.ACCOUNT, key(username), accountFailures);
			count(Kind.ADDRESS, key(address), addressFailures);
		});
	}

	/**
	 * A wrong current password when changing one's own, counted apart from sign-ins (a signed-in
	 * holder's successful requests must not clear it); as many failures lock changing the password.
	 */
	void failedPasswordChange(String username) {
		tx.executeWithoutResult(s -> count(Kind.PASSWORD_CHANGE, key(username), accountFailures));
	}

	boolean passwordChangeLocked(String username) {
		return jdbc.sql("select exists (select 1 from login_throttle where kind = 'PASSWORD_CHANGE' and key = ? and locked_until > ?)")
			.params(key(username), Timestamp.from(clock.instant()))
			.query(Boolean.class)
			.single();
	}

	void succeeded(String username) {
		jdbc.sql("delete from login_throttle where kind = 'ACCOUNT' and key = ?").param(key(username)).update();
	}

	private void count(Kind kind, String key, int limit) {
		Instant now = clock.instant();
		jdbc.sql("""
				insert into login_throttle (kind, key, failures, window_start) values (?, ?, 0, ?)
				on conflict (kind, key) do nothing""")
			.params(kind.name(), key, Timestamp.from(now))
			.update();
		List<Object[]> rows = jdbc.sql("select failures, window_start, lock_count from login_throttle where kind = ? and key = ? for update")
			.params(kind.name(), key)
			.query((rs, n) -> new Object[] { rs.getInt(1), rs.getTimestamp(2).toInstant(), rs.getInt(3) })
			.list();
		int failures = (int) rows.get(0)[0];
		Instant windowStart = (Instant) rows.get(0)[1];
		int locks = (int) rows.get(0)[2];
		if (windowStart.plus(window).isBefore(now)) {
			failures = 0;
			windowStart = now;
		}
		failures++;
		if (failures < limit) {
			jdbc.sql("update login_throttle set failures = ?, window_start = ? where kind = ? and key = ?")
				.params(failures, Timestamp.from(windowStart), kind.name(), key)
				.update();
			return;
		}
		Duration period = lockPeriod(locks);
		Instant until = now.plus(period);
		jdbc.sql("""
				update login_throttle set failures = 0, window_start = ?, lock_count = lock_count + 1, locked_until = ?
				where kind = ? and key = ?""")
			.params(Timestamp.from(now), Timestamp.from(until), kind.name(), key)
			.update();
		audit.record(new AuditRecord(kind == Kind.PASSWORD_CHANGE ? "PASSWORD_CHANGE_LOCKED" : "LOGIN_LOCKED",
				"login_" + kind.name().toLowerCase(Locale.ROOT), key, null,
				Map.of("failures", failures, "lockedUntil", until.toString(), "lock", locks + 1)));
	}

	/** {@code lock}, doubled for each earlier lock, at most {@code max-lock}. */
	Duration lockPeriod(int earlierLocks) {
		Duration period = lock;
		for (int i = 0; i < earlierLocks && period.compareTo(maxLock) < 0; i++) {
			period = period.multipliedBy(2);
		}
		return period.compareTo(maxLock) > 0 ? maxLock : period;
	}

	private static String key(String value) {
		String k = value == null ? "" : value.strip().toLowerCase(Locale.ROOT);
		return k.length() > 200 ? k.substring(0, 200) : k;
	}
}
