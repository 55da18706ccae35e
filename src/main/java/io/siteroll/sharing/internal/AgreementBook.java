package io.siteroll.sharing.internal;

import java.security.SecureRandom;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import io.siteroll.audit.AuditRecord;
import io.siteroll.audit.AuditTrail;
import io.siteroll.campaign.EmailAddress;
import io.siteroll.campaign.PhoneNumber;
import io.siteroll.identity.Actor;
import io.siteroll.identity.CurrentActor;
import io.siteroll.platform.Checks;
import io.siteroll.platform.Conflict;
import io.siteroll.platform.Dates;
import io.siteroll.platform.Forbidden;
import io.siteroll.platform.NotFound;
import io.siteroll.platform.Page;
import io.siteroll.platform.RuleViolation;
import io.siteroll.platform.SqlSearch;
import io.siteroll.privacy.Masking;
import io.siteroll.privacy.PersonalDataCipher;
import io.siteroll.region.Regions;
import io.siteroll.sharing.Agreement;
import io.siteroll.sharing.Agreement.State;
import io.siteroll.sharing.DataSet;
import io.siteroll.sharing.SharedField;
import io.siteroll.sharing.SharingAgreements;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The agreements: entered and decided by province officers, read by every officer. Approval issues the client id
 * and a 32-character secret, kept encrypted ({@link #SECRET_PURPOSE}) and returned once. Every decision is audited.
 */
@Service
class AgreementBook implements SharingAgreements {

	static final String SECRET_PURPOSE = "sharing.secret";

	private static final String ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";

	private static final SecureRandom RANDOM = new SecureRandom();

	private static final String SELECT = "select * from sharing_agreement ";

	private final JdbcClient jdbc;

	private final CurrentActor actors;

	private final Regions regions;

	private final PersonalDataCipher cipher;

	private final AuditTrail audit;

	private final Clock clock;

	AgreementBook(JdbcClient jdbc, CurrentActor actors, Regions regions, PersonalDataCipher cipher, AuditTrail audit,
			Clock clock) {
		this.jdbc = jdbc;
		this.actors = actors;
		this.regions = regions;
		this.cipher = cipher;
		this.audit = audit;
		this.clock = clock;
	}

	@Override
	@Transactional
	public Agreement apply(Application a) {
		Actor actor = province();
		Checks checks = new Checks();
		String consumer = checks.maxLength("consumer", checks.required("consumer", a.consumer()), 100);
		String purpose = checks.maxLength("purpose", checks.required("purpose", a.purpose()), 500);
		String legalBasis = checks.maxLength("legalBasis", checks.required("legalBasis", a.legalBasis()), 500);
		Set<SharedField> fields = EnumSet.noneOf(SharedField.class);
		if (a.fields() == null || a.fields().stream().allMatch(f -> f == null || f.isBlank())) {
			checks.add(io.siteroll.platform.Violation.of("fields", "required"));
		}
		else {
			for (String f : a.fields()) {
				if (f == null || f.isBlank()) {
					continue;
				}
				try {
					fields.add(SharedField.valueOf(f.strip()));
				}
				catch (IllegalArgumentException e) {
					checks.add(io.siteroll.platform.Violation.of("fields", "one-of", Arrays.toString(SharedField.values())));
				}
			}
		}
		List<String> regionCodes = new ArrayList<>();
		if (a.regions() == null || a.regions().stream().allMatch(r -> r == null || r.isBlank())) {
			checks.add(io.siteroll.platform.Violation.of("regions", "required"));
		}
		else {
			for (String r : a.regions()) {
				if (r == null || r.isBlank()) {
					continue;
				}
				String code = r.strip();
				if (regions.find(code).isEmpty()) {
					checks.add(io.siteroll.platform.Violation.of("regions", "region.unknown"));
				}
				else if (!regionCodes.contains(code)) {
					regionCodes.add(code);
				}
			}
		}
		LocalDate from = checks.required("validFrom", a.validFrom()) == null ? null
				: checks.field("validFrom", () -> Dates.day(a.validFrom()));
		LocalDate to = checks.required("validTo", a.validTo()) == null ? null
				: checks.field("validTo", () -> Dates.day(a.validTo()));
		if (from != null && to != null) {
			checks.check(!to.isBefore(from), "validTo", "sharing.period");
			checks.check(!to.isBefore(LocalDate.now(clock)), "validTo", "sharing.period-past");
		}
		String contactName = checks.maxLength("contactName", checks.required("contactName", a.contactName()), 50);
		PhoneNumber phone = checks.required("contactPhone", a.contactPhone()) == null ? null
				: checks.field("contactPhone", () -> PhoneNumber.of(a.contactPhone()));
		EmailAddress email = checks.required("contactEmail", a.contactEmail()) == null ? null
				: checks.field("contactEmail", () -> EmailAddress.of(a.contactEmail()));
		Integer rate = null;
		if (checks.required("ratePerMinute", a.ratePerMinute()) != null) {
			try {
				rate = Integer.valueOf(a.ratePerMinute().strip());
			}
			catch (NumberFormatException e) {
				rate = -1;
			}
			checks.check(rate >= 1 && rate <= 600, "ratePerMinute", "sharing.rate-range", 1, 600);
		}
		checks.throwIfAny();
		long id = jdbc.sql("""
				insert into sharing_agreement (consumer, purpose, legal_basis, fields, personal_in_clear, regions,
				    valid_from, valid_to, contact_name, contact_phone, contact_email, rate_per_minute, state,
				    applied_by, applied_at)
				values (:consumer, :purpose, :basis, :fields::text[], :clear, :regions::text[], :from, :to, :name, :phone,
				    :email, :rate, 'APPLIED', :by, :at) returning id""")
			.param("consumer", consumer)
			.param("purpose", purpose)
			.param("basis", legalBasis)
			.param("fields", array(fields.stream().map(Enum::name).toList()))
			.param("clear", a.personalInClear())
			.param("regions", array(regionCodes))
			.param("from", from)
			.param("to", to)
			.param("name", contactName)
			.param("phone", phone.value())
			.param("email", email.value())
			.param("rate", rate)
			.param("by", actor.username())
			.param("at", Timestamp.from(clock.instant()))
			.query(Long.class)
			.single();
		Agreement created = find(id);
		audit.record(AuditRecord.created("sharing_agreement", id, state(created)));
		return created;
	}

	@Override
	public Agreement find(long id) {
		if (!actors.get().isOfficer()) {
			throw new Forbidden("sharing.officers-only");
		}
		return load(id).orElseThrow(() -> new NotFound("sharing_agreement", id));
	}

	Optional<Agreement> load(long id) {
		return jdbc.sql(SELECT + "where id = ?").param(id).query(AgreementBook::row).optional();
	}

	Optional<Agreement> byClientId(String clientId) {
		return jdbc.sql(SELECT + "where client_id = ?").param(clientId).query(AgreementBook::row).optional();
	}

	/** The consumer's secret, for checking a signature (never shown). */
	String secret(long id) {
		byte[] secret = jdbc.sql("select secret_cipher from sharing_agreement where id = ?")
			.param(id)
			.query(byte[].class)
			.single();
		return cipher.decrypt(SECRET_PURPOSE, secret);
	}

	@Override
	public Page<Agreement> list(State state, String q, int page, int size) {
		if (!actors.get().isOfficer()) {
			throw new Forbidden("sharing.officers-only");
		}
		SqlSearch.Where where = SqlSearch.where("true", Map.of("today", LocalDate.now(clock)));
		if (state == State.EXPIRED) {
			where.and("state in ('APPROVED', 'SUSPENDED') and valid_to < :today");
		}
		else if (state == State.APPROVED || state == State.SUSPENDED) {
			where.and("state = :state and valid_to >= :today", "state", state.name());
		}
		else if (state != null) {
			where.and("state = :state", "state", state.name());
		}
		String text = SqlSearch.text(q);
		if (text != null) {
			where.and("(consumer like :like or purpose like :like or client_id = :text)", "like", SqlSearch.containing(text))
				.param("text", text);
		}
		return where.page(jdbc, "select *", " from sharing_agreement", "id desc", AgreementBook::row, page, size);
	}

	@Override
	@Transactional
	public Credentials approve(long id, String note) {
		Actor actor = province();
		Agreement before = locked(id);
		if (before.storedState() != State.APPLIED) {
			throw new Conflict("state", "sharing.not-applied");
		}
		if (before.state(LocalDate.now(clock)) == State.EXPIRED || LocalDate.now(clock).isAfter(before.validTo())) {
			throw new Conflict("state", "sharing.period-over");
		}
		String clientId = "sr-" + random(16).toLowerCase(java.util.Locale.ROOT);
		String secret = random(32);
		jdbc.sql("""
				update sharing_agreement set state = 'APPROVED', client_id = :client, secret_cipher = :secret,
				    secret_issued_at = :at, decision_note = :note, decided_by = :by, decided_at = :at where id = :id""")
			.param("client", clientId)
			.param("secret", cipher.encrypt(SECRET_PURPOSE, secret))
			.param("note", note(note, false))
			.param("by", actor.username())
			.param("at", Timestamp.from(clock.instant()))
			.param("id", id)
			.update();
		Agreement after = load(id).orElseThrow();
		audit.record(AuditRecord.changed("APPROVED", "sharing_agreement", id, state(before), state(after)));
		return new Credentials(clientId, secret);
	}

	@Override
	@Transactional
	public Agreement reject(long id, String note) {
		return decide(id, note, true, State.APPLIED, State.REJECTED, "REJECTED", "sharing.not-applied");
	}

	@Override
	@Transactional
	public Agreement suspend(long id, String note) {
		return decide(id, note, true, State.APPROVED, State.SUSPENDED, "SUSPENDED", "sharing.not-approved");
	}

	@Override
	@Transactional
	public Agreement resume(long id, String note) {
		return decide(id, note, false, State.SUSPENDED, State.APPROVED, "RESUMED", "sharing.not-suspended");
	}

	@Override
	@Transactional
	public Credentials reissueSecret(long id, String reason, Long secretInForce) {
		Actor actor = province();
		String valid = text("reason", reason, true);
		Agreement before = locked(id);
		LocalDate today = LocalDate.now(clock);
		if (!before.mayReissueSecret(today)) {
			throw new Conflict("state", before.state(today) == State.EXPIRED ? "sharing.period-over" : "sharing.no-secret");
		}
		if (secretInForce == null || before.secretIssuedAt().toEpochMilli() != secretInForce) {
			throw new Conflict("state", "sharing.secret-changed");
		}
		String secret = random(32);
		Agreement after = act(before, actor, valid, "SECRET_REISSUED", """
				update sharing_agreement set secret_cipher = :secret, secret_issued_at = :at, secret_reissue_note = :note,
				    secret_reissued_by = :by where id = :id""", Map.of("secret", cipher.encrypt(SECRET_PURPOSE, secret)));
		return new Credentials(after.clientId(), secret);
	}

	private Agreement decide(long id, String note, boolean noteRequired, State from, State to, String action,
			String conflict) {
		Actor actor = province();
		String valid = note(note, noteRequired);
		Agreement before = locked(id);
		LocalDate today = LocalDate.now(clock);
		if (before.state(today) != from) {
			throw new Conflict("state", before.state(today) == State.EXPIRED ? "sharing.period-over" : conflict);
		}
		return act(before, actor, valid, action, """
				update sharing_agreement set state = :state, decision_note = :note, decided_by = :by, decided_at = :at
				where id = :id""", Map.of("state", to.name()));
	}

	/**
	 * An officer's act on the agreement: the update (binding {@code :id}, {@code :note}, {@code :by} the officer and
	 * {@code :at} the platform's instant, and the other named values) and its audit entry; returns the agreement after it.
	 */
	private Agreement act(Agreement before, Actor actor, String note, String action, String update, Map<String, Object> values) {
		JdbcClient.StatementSpec statement = jdbc.sql(update)
			.param("id", before.id())
			.param("note", note)
			.param("by", actor.username())
			.param("at", Timestamp.from(clock.instant()));
		values.forEach(statement::param);
		statement.update();
		Agreement after = load(before.id()).orElseThrow();
		audit.record(AuditRecord.changed(action, "sharing_agreement", before.id(), state(before), state(after)));
		return after;
	}

	@Override
	public Page<Access> accessLog(long agreementId, int page, int size) {
		find(agreementId);
		long total = jdbc.sql("select count(*) from sharing_access where agreement_id = ?")
			.param(agreementId)
			.query(Long.class)
			.single();
		List<Access> items = jdbc.sql("""
				select * from sharing_access where agreement_id = ? order by at desc, id desc limit ? offset ?""")
			.params(agreementId, size, (long) page * size)
			.query((rs, n) -> new Access(rs.getLong("id"), rs.getString("client_id"),
					rs.getString("data_set") == null ? null : DataSet.valueOf(rs.getString("data_set")),
					strings(rs.getArray("fields")), rs.getString("region_code"), rs.getInt("records"),
					rs.getInt("status"), rs.getString("refused_rule"), rs.getTimestamp("at").toInstant()))
			.list();
		return new Page<>(items, page, size, total);
	}

	@Override
	public List<Usage> usage(long agreementId) {
		find(agreementId);
		return jdbc.sql("""
				select to_char(at at time zone 'Asia/Shanghai', 'YYYY-MM') as month, data_set, count(*) as requests,
				       count(*) filter (where refused_rule is not null) as refused, coalesce(sum(records), 0) as records
				from sharing_access where agreement_id = ?
				group by 1, 2 order by 1 desc, 2""")
			.param(agreementId)
			.query((rs, n) -> new Usage(YearMonth.parse(rs.getString("month")),
					rs.getString("data_set") == null ? null : DataSet.valueOf(rs.getString("data_set")),
					rs.getLong("requests"), rs.getLong("refused"), rs.getLong("records")))
			.list();
	}

	private Agreement locked(long id) {
		jdbc.sql("select id from sharing_agreement where id = ? for update").param(id).query(Long.class).optional()
			.orElseThrow(() -> new NotFound("sharing_agreement", id));
		return load(id).orElseThrow();
	}

	private Actor province() {
		Actor actor = actors.get();
		if (!actor.isProvince()) {
			throw new Forbidden("sharing.province-only");
		}
		return actor;
	}

	private static String note(String note, boolean required) {
		return text("note", note, required);
	}

	/** A decision's note or reason: trimmed, at most 500 characters, required when {@code required}. */
	private static String text(String field, String value, boolean required) {
		String text = SqlSearch.text(value);
		if (required && text == null) {
			throw RuleViolation.of(field, "required");
		}
		if (text != null && text.length() > 500) {
			throw RuleViolation.of(field, "max-length", 500);
		}
		return text;
	}

	private static String random(int length) {
		StringBuilder b = new StringBuilder(length);
		for (int i = 0; i < length; i++) {
			b.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
		}
		return b.toString();
	}

	private static String array(List<String> values) {
		StringBuilder b = new StringBuilder("{");
		for (String v : values) {
			if (b.length() > 1) {
				b.append(',');
			}
			b.append('"').append(v.replace("\\", "\\\\").replace("\"", "\\\"")).append('"');
		}
		return b.append('}').toString();
	}

	/** The trail's view of an agreement: the contact's phone masked, never the secret. */
	private static Map<String, Object> state(Agreement a) {
		Map<String, Object> s = new LinkedHashMap<>();
		s.put("consumer", a.consumer());
		s.put("state", a.storedState().name());
		s.put("fields", a.fields().stream().map(Enum::name).sorted().toList());
		s.put("personalInClear", a.personalInClear());
		s.put("regions", a.regions());
		s.put("validFrom", a.validFrom().toString());
		s.put("validTo", a.validTo().toString());
		s.put("contactPhone", Masking.phone(a.contactPhone()));
		s.put("ratePerMinute", a.ratePerMinute());
		if (a.clientId() != null) {
			s.put("clientId", a.clientId());
		}
		if (a.decisionNote() != null) {
			s.put("note", a.decisionNote());
		}
		if (a.secretIssuedAt() != null) {
			s.put("secretIssuedAt", a.secretIssuedAt().toString());
		}
		if (a.secretReissueNote() != null) {
			s.put("secretReissueNote", a.secretReissueNote());
		}
		return s;
	}

	static List<String> strings(Array array) throws SQLException {
		return array == null ? List.of() : List.of((String[]) array.getArray());
	}

	static Agreement row(ResultSet rs, int n) throws SQLException {
		Set<SharedField> fields = EnumSet.noneOf(SharedField.class);
		strings(rs.getArray("fields")).forEach(f -> fields.add(SharedField.valueOf(f)));
		Timestamp decided = rs.getTimestamp("decided_at");
		Timestamp secretIssued = rs.getTimestamp("secret_issued_at");
		return new Agreement(rs.getLong("id"), rs.getString("consumer"), rs.getString("purpose"),
				rs.getString("legal_basis"), Set.copyOf(fields), rs.getBoolean("personal_in_clear"),
				strings(rs.getArray("regions")), rs.getObject("valid_from", LocalDate.class),
				rs.getObject("valid_to", LocalDate.class), rs.getString("contact_name"), rs.getString("contact_phone"),
				rs.getString("contact_email"), rs.getInt("rate_per_minute"), State.valueOf(rs.getString("state")),
				rs.getString("client_id"), rs.getString("decision_note"), rs.getString("applied_by"),
				rs.getTimestamp("applied_at").toInstant(), rs.getString("decided_by"),
				decided == null ? null : decided.toInstant(), secretIssued == null ? null : secretIssued.toInstant(),
				rs.getString("secret_reissued_by"), rs.getString("secret_reissue_note"));
	}
}
