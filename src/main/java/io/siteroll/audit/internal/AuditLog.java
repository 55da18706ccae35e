package io.siteroll.audit.internal;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;

import io.siteroll.audit.AuditEntry;
import io.siteroll.audit.AuditRecord;
import io.siteroll.audit.AuditTrail;
import org.bouncycastle.crypto.digests.SM3Digest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * Each entry's hash is SM3(previous hash ‖ its own content); a transaction-scoped advisory lock
 * keeps the chain linear under concurrent writers.
 */
@Service
class AuditLog implements AuditTrail {

	private static final long CHAIN_LOCK = 0x5_17E_A0D17L;

	private static final byte[] GENESIS = new byte[32];

	private final JdbcClient jdbc;

	private final JdbcTemplate template;

	private final JsonMapper json;

	AuditLog(JdbcClient jdbc, JdbcTemplate template, JsonMapper json) {
		this.jdbc = jdbc;
		this.template = template;
		this.json = json;
	}

	@Override
	@Transactional(propagation = Propagation.MANDATORY)
	public void record(AuditRecord record) {
		recordAll(List.of(record));
	}

	@Override
	@Transactional(propagation = Propagation.MANDATORY)
	public void recordAll(List<AuditRecord> records) {
		if (records.isEmpty()) {
			return;
		}
		jdbc.sql("select pg_advisory_xact_lock(?)").param(CHAIN_LOCK).query().singleRow();
		byte[] previous = jdbc.sql("select hash from audit_entry order by id desc limit 1")
			.query(byte[].class)
			.optional()
			.orElse(GENESIS);
		String actor = currentActor();
		OffsetDateTime at = OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS);
		int n = records.size();
		String[] actions = new String[n], types = new String[n], ids = new String[n], befores = new String[n],
				afters = new String[n];
		byte[][] prevs = new byte[n][], hashes = new byte[n][];
		for (int i = 0; i < n; i++) {
			AuditRecord r = records.get(i);
			String before = r.before() == null ? null : json.writeValueAsString(r.before());
			String after = r.after() == null ? null : json.writeValueAsString(r.after());
			byte[] hash = chain(previous, at, actor, r.action(), r.subjectType(), r.subjectId(), before, after);
			actions[i] = r.action();
			types[i] = r.subjectType();
			ids[i] = r.subjectId();
			befores[i] = before;
			afters[i] = after;
			prevs[i] = previous;
			hashes[i] = hash;
			previous = hash;
		}
		// one statement for the whole batch (a payment file audits thousands of reveals): the entries travel as
		// arrays, inserted in their order so the ids follow the chain
		template.update("""
				insert into audit_entry (at, actor, action, subject_type, subject_id, before_state, after_state, prev_hash, hash)
				select ?, ?, u.action, u.subject_type, u.subject_id, u.before_state::json, u.after_state::json, u.prev_hash, u.hash
				from unnest(?, ?, ?, ?, ?, ?, ?) with ordinality
				     as u(action, subject_type, subject_id, before_state, after_state, prev_hash, hash, ord)
				order by u.ord""", ps -> {
			Connection c = ps.getConnection();
			ps.setTimestamp(1, Timestamp.from(at.toInstant()));
			ps.setString(2, actor);
			ps.setArray(3, c.createArrayOf("text", actions));
			ps.setArray(4, c.createArrayOf("text", types));
			ps.setArray(5, c.createArrayOf("text", ids));
			ps.setArray(6, c.createArrayOf("text", befores));
			ps.setArray(7, c.createArrayOf("text", afters));
			ps.setArray(8, c.createArrayOf("bytea", prevs));
			ps.setArray(9, c.createArrayOf("bytea", hashes));
		});
	}

	@Override
	public List<AuditEntry> forSubject(String subjectType, String subjectId) {
		return jdbc.sql("""
				select id, at, actor, action, subject_type, subject_id, before_state::text b, after_state::text a
				from audit_entry where subject_type = ? and subject_id = ? order by id""")
			.params(subjectType, subjectId)
			.query(this::entry)
			.list();
	}

	@Override
	public List<AuditEntry> latest(int limit) {
		return jdbc.sql("""
				select id, at, actor, action, subject_type, subject_id, before_state::text b, after_state::text a
				from audit_entry order by id desc limit ?""")
			.param(limit)
			.query(this::entry)
			.list();
	}

	@Override
	@Transactional(readOnly = true)
	public boolean verifyChain() {
		byte[][] previous = { GENESIS };
		boolean[] intact = { true };
		// json (not jsonb) keeps the text exactly as it was hashed
		jdbc.sql("""
				select at, actor, action, subject_type, subject_id, before_state::text b, after_state::text a, prev_hash, hash
				from audit_entry order by id""").query(rs -> {
			byte[] prev = rs.getBytes("prev_hash");
			byte[] hash = rs.getBytes("hash");
			byte[] expected = chain(prev, rs.getObject("at", OffsetDateTime.class), rs.getString("actor"),
					rs.getString("action"), rs.getString("subject_type"), rs.getString("subject_id"), rs.getString("b"),
					rs.getString("a"));
			if (!Arrays.equals(prev, previous[0]) || !Arrays.equals(hash, expected)) {
				intact[0] = false;
			}
			previous[0] = hash;
		});
		return intact[0];
	}

	private AuditEntry entry(ResultSet rs, int row) throws SQLException {
		return new AuditEntry(rs.getLong("id"), rs.getObject("at", OffsetDateTime.class), rs.getString("actor"),
				rs.getString("action"), rs.getString("subject_type"), rs.getString("subject_id"), rs.getString("b"),
				rs.getString("a"));
	}

	static byte[] chain(byte[] previous, OffsetDateTime at, String... parts) {
		SM3Digest digest = new SM3Digest();
		digest.update(previous, 0, previous.length);
		update(digest, at.toInstant().toString());
		for (String part : parts) {
			update(digest, part == null ? "\u0000" : part);
		}
		byte[] out = new byte[digest.getDigestSize()];
		digest.doFinal(out, 0);
		return out;
	}

	private static void update(SM3Digest digest, String text) {
		byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
		digest.update(bytes, 0, bytes.length);
		digest.update((byte) 0x1F);
	}

	private static String currentActor() {
		Authentication auth = SecurityContextHolder.getContext().getAuthentication();
		return auth == null || auth.getName() == null ? "system" : auth.getName();
	}
}
