package io.siteroll.national.internal;

import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import io.siteroll.audit.AuditRecord;
import io.siteroll.audit.AuditTrail;
import io.siteroll.identity.CurrentActor;
import io.siteroll.privacy.PersonalDataCipher;
import io.siteroll.project.Project;
import io.siteroll.project.ProjectAccess;

/**
 * 一项目一密钥: the key a project's labour system uses to report to SiteRoll in the national format. The appid is the
 * project code; the 32-character secret is shown once at issue and kept encrypted; issuing again revokes the previous
 * key. Whoever may manage the project may issue it, and the labour system then acts as that account.
 */
@Component
class InboundKeys {

	static final String SECRET_PURPOSE = "national.appsecret";

	private final JdbcClient jdbc;

	private final ProjectAccess access;

	private final CurrentActor actors;

	private final PersonalDataCipher cipher;

	private final AuditTrail audit;

	private final SecureRandom random = new SecureRandom();

	InboundKeys(JdbcClient jdbc, ProjectAccess access, CurrentActor actors, PersonalDataCipher cipher, AuditTrail audit) {
		this.jdbc = jdbc;
		this.access = access;
		this.actors = actors;
		this.cipher = cipher;
		this.audit = audit;
	}

	/** A key as issued: the secret in clear, this once. */
	record Issued(String appid, String appsecret) {
	}

	/** An active key: its project (a project key) or enterprise (an enterprise key), the account it acts as, its secret. */
	record Key(long id, String appid, Long projectId, Long enterpriseId, long accountId, String secret) {
	}

	@Transactional
	Issued issue(long projectId) {
		Project project = access.requireManageable(projectId);
		byte[] bytes = new byte[16];
		random.nextBytes(bytes);
		String secret = HexFormat.of().formatHex(bytes);
		jdbc.sql("update national_inbound_key set revoked_at = now() where project_id = ? and revoked_at is null")
			.param(projectId)
			.update();
		long id = jdbc.sql("""
				insert into national_inbound_key (appid, project_id, account_id, secret_cipher) values (?, ?, ?, ?)
				returning id""")
			.params(project.code(), projectId, actors.get().accountId(), cipher.encrypt(SECRET_PURPOSE, secret))
			.query(Long.class)
			.single();
		audit.record(AuditRecord.created("national_inbound_key", id, Map.of("appid", project.code(), "projectId", projectId)));
		return new Issued(project.code(), secret);
	}

	/** Issues the caller's enterprise key (an enterprise administrator only), revoking the previous one. */
	@Transactional
	Issued issueForEnterprise() {
		io.siteroll.identity.Actor actor = actors.get();
		if (actor.role() != io.siteroll.identity.Role.ENTERPRISE_ADMIN || actor.enterpriseId() == null) {
			throw new io.siteroll.platform.Forbidden("national.enterprise-key-by-administrator");
		}
		String appid = jdbc.sql("select credit_code from enterprise where id = ?").param(actor.enterpriseId())
			.query(String.class).single();
		byte[] bytes = new byte[16];
		random.nextBytes(bytes);
		String secret = HexFormat.of().formatHex(bytes);
		jdbc.sql("update national_inbound_key set revoked_at = now() where enterprise_id = ? and revoked_at is null")
			.param(actor.enterpriseId())
			.update();
		long id = jdbc.sql("""
				insert into national_inbound_key (appid, enterprise_id, account_id, secret_cipher) values (?, ?, ?, ?)
				returning id""")
			.params(appid, actor.enterpriseId(), actor.accountId(), cipher.encrypt(SECRET_PURPOSE, secret))
			.query(Long.class)
			.single();
		audit.record(AuditRecord.created("national_inbound_key", id, Map.of("appid", appid, "enterpriseId", actor.enterpriseId())));
		return new Issued(appid, secret);
	}

	/** When the caller's enterprise key was issued, if it has one. */
	Optional<java.time.Instant> enterpriseKeyIssuedAt() {
		Long enterprise = actors.get().enterpriseId();
		if (enterprise == null) {
			return Optional.empty();
		}
		return jdbc.sql("select issued_at from national_inbound_key where enterprise_id = ? and revoked_at is null")
			.param(enterprise)
			.query(java.sql.Timestamp.class)
			.optional()
			.map(java.sql.Timestamp::toInstant);
	}

	/** The active key of an appid, if any. */
	Optional<Key> active(String appid) {
		return jdbc.sql("""
				select id, appid, project_id, enterprise_id, account_id, secret_cipher from national_inbound_key
				 where appid = ? and revoked_at is null""")
			.param(appid)
			.query((rs, n) -> new Key(rs.getLong(1), rs.getString(2), rs.getObject(3, Long.class),
					rs.getObject(4, Long.class), rs.getLong(5), cipher.decrypt(SECRET_PURPOSE, rs.getBytes(6))))
			.optional();
	}

	/** When the project's active key was issued, if it has one (the page shows it, never the secret). */
	Optional<java.time.Instant> issuedAt(long projectId) {
		access.requireVisible(projectId);
		return jdbc.sql("select issued_at from national_inbound_key where project_id = ? and revoked_at is null")
			.param(projectId)
			.query(java.sql.Timestamp.class)
			.optional()
			.map(java.sql.Timestamp::toInstant);
	}
}
