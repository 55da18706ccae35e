package io.siteroll.personnel.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

import io.siteroll.audit.AuditRecord;
import io.siteroll.audit.AuditTrail;
import io.siteroll.identity.Actor;
import io.siteroll.identity.CurrentActor;
import io.siteroll.personnel.Engagement;
import io.siteroll.personnel.Engagements;
import io.siteroll.personnel.Identity;
import io.siteroll.personnel.Team;
import io.siteroll.platform.Conflict;
import io.siteroll.platform.Forbidden;
import io.siteroll.platform.NotFound;
import io.siteroll.platform.Page;
import io.siteroll.platform.RuleViolation;
import io.siteroll.platform.SqlSearch;
import io.siteroll.platform.Violation;
import io.siteroll.privacy.PersonalDataCipher;
import io.siteroll.privacy.PersonalDataReveals;
import io.siteroll.project.ProjectAccess;
import io.siteroll.platform.ReadOnlyWork;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

@Service
class EngagementRegister implements Engagements {

	private static final String COLUMNS = """
			select w.id, w.project_id, w.person_id, p.name person_name, p.id_number_masked, w.team_id, t.name team_name,
			       w.work_type, w.contract_period_type, w.contract_start, w.contract_end, w.bank_card_masked, w.bank_code,
			       w.bank_name, w.entry_date, w.exit_date, w.concurrent_allowed
			""";

	private static final String FROM = "from worker_engagement w join person p on p.id = w.person_id join team t on t.id = w.team_id";

	private static final String SELECT = COLUMNS + FROM;

	private final JdbcClient jdbc;

	private final ProjectAccess access;

	private final TeamRoster teams;

	private final EngagementRules rules;

	private final EngagementWriter writer;

	private final PersonStore store;

	private final PersonalDataReveals reveals;

	private final AuditTrail audit;

	private final CurrentActor actors;

	private final Clock clock;

	private final PersonalDataCipher cipher;

	private final TransactionTemplate tx;

	EngagementRegister(JdbcClient jdbc, ProjectAccess access, TeamRoster teams, EngagementRules rules, EngagementWriter writer,
			PersonStore store, PersonalDataReveals reveals, AuditTrail audit, CurrentActor actors, Clock clock,
			PersonalDataCipher cipher, TransactionTemplate tx) {
		this.cipher = cipher;
		this.tx = tx;
		this.jdbc = jdbc;
		this.access = access;
		this.teams = teams;
		this.rules = rules;
		this.writer = writer;
		this.store = store;
		this.reveals = reveals;
		this.audit = audit;
		this.actors = actors;
		this.clock = clock;
	}

	@Override
	@Transactional
	public Engagement engage(long projectId, Engagements.NewEngagement command) {
		access.requireManageable(projectId);
		if (command.teamId() == null) {
			throw RuleViolation.of("teamId", "required");
		}
		Team team = teams.require(projectId, command.teamId());
		if (team.exitDate() != null) {
			throw new Conflict("teamId", "team.exited");
		}
		EngagementRules.Outcome outcome = rules.check(command);
		if (!outcome.violations().isEmpty()) {
			throw new RuleViolation(outcome.violations());
		}
		EngagementRules.ValidEngagement valid = outcome.engagement();
		jdbc.sql("select pg_advisory_xact_lock(hashtext(?))").param(store.indexHex(valid.person().identity())).query().singleRow();
		EngagementWriter.Checked checked = writer.check(projectId, List.of(valid));
		if (!checked.problems().isEmpty()) {
			Violation first = checked.problems().get(0).get(0);
			throw new Conflict(first.field(), first.rule(), first.args().toArray());
		}
		long id = writer.write(projectId, team.id(), checked).engagementIds().get(0);
		return require(projectId, id);
	}

	@Override
	@Transactional
	public int engageAll(long projectId, long teamId, List<Engagements.NewEngagement> commands) {
		access.requireManageable(projectId);
		Team team = teams.require(projectId, teamId);
		if (team.exitDate() != null) {
			throw new Conflict("teamId", "team.exited");
		}
		List<Violation> violations = new ArrayList<>();
		List<EngagementRules.ValidEngagement> valid = new ArrayList<>(commands.size());
		Set<String> seen = new HashSet<>();
		for (int i = 0; i < commands.size(); i++) {
			EngagementRules.Outcome outcome = rules.check(commands.get(i));
			String prefix = "[" + i + "].";
			outcome.violations().forEach(v -> violations.add(v.atField(prefix + v.field())));
			if (outcome.engagement() != null) {
				if (!seen.add(outcome.engagement().person().identity().indexKey())) {
					violations.add(Violation.of(prefix + "idNumber", "engagement.exists"));
				}
				valid.add(outcome.engagement());
			}
		}
		// lock before checking the registry, so the checks stay true until commit
		jdbc.sql("select pg_advisory_xact_lock(?)").param(projectId).query().singleRow();
		if (!violations.isEmpty()) {
			throw new RuleViolation(violations);
		}
		EngagementWriter.Checked checked = writer.check(projectId, valid);
		checked.problems().forEach((i, list) -> list.forEach(v -> violations.add(v.atField("[" + i + "]." + v.field()))));
		if (!violations.isEmpty()) {
			throw new RuleViolation(violations);
		}
		return writer.write(projectId, teamId, checked).newPersons();
	}

	@Override
	@Transactional
	public Engagement exit(long projectId, long engagementId, LocalDate exitDate) {
		access.requireManageable(projectId);
		Engagement engagement = require(projectId, engagementId);
		if (exitDate == null) {
			throw RuleViolation.of("exitDate", "required");
		}
		if (!engagement.active()) {
			throw new Conflict("exitDate", "engagement.already-exited");
		}
		if (exitDate.isBefore(engagement.entryDate())) {
			throw RuleViolation.of("exitDate", "date.before-entry");
		}
		if (exitDate.isAfter(LocalDate.now(clock))) {
			throw RuleViolation.of("exitDate", "date.in-future");
		}
		jdbc.sql("update worker_engagement set exit_date = ? where id = ?").params(exitDate, engagementId).update();
		jdbc.sql("insert into engagement_movement (engagement_id, kind, on_date, recorded_by) values (?, 'EXIT', ?, ?)")
			.params(engagementId, exitDate, actors.get().username())
			.update();
		audit.record(AuditRecord.changed("EXITED", "worker_engagement", engagementId, Map.of("exitDate", "-"),
				Map.of("exitDate", exitDate.toString())));
		return require(projectId, engagementId);
	}

	@Override
	public Engagement require(long projectId, long engagementId) {
		Optional<Set<Long>> units = access.visibleUnits(projectId);
		return jdbc.sql(SELECT + " where w.id = ? and w.project_id = ?")
			.params(engagementId, projectId)
			.query(EngagementRegister::row)
			.optional()
			.filter(e -> units.isEmpty() || visibleTeam(projectId, e.teamId()))
			.orElseThrow(() -> new NotFound("engagement", engagementId));
	}

	private boolean visibleTeam(long projectId, long teamId) {
		try {
			teams.require(projectId, teamId);
			return true;
		}
		catch (NotFound e) {
			return false;
		}
	}

	@Override
	public Page<Engagement> workers(long projectId, String query, boolean activeOnly, int page, int size) {
		return search(projectId, Search.of(query, null, null, activeOnly ? Boolean.TRUE : null), page, size);
	}

	@Override
	public Page<Engagement> search(long projectId, Search search, Sort sort, int page, int size) {
		String order = switch (sort == null ? Sort.PRESENCE : sort) {
			case PRESENCE -> "w.exit_date nulls first, t.name, p.name, w.id";
			case NAME -> "p.name, w.id";
			case TEAM -> "t.name, p.name, w.id";
			case ENTRY_DATE -> "w.entry_date desc, p.name, w.id";
		};
		return where(projectId, search).page(jdbc, COLUMNS, FROM, order, EngagementRegister::row, page, size);
	}

	/** Rows read per statement when every worker is exported. */
	private static final int BATCH = Page.MAX_SIZE;

	@Override
	@ReadOnlyWork
	public void each(long projectId, Search search, Consumer<Engagement> action) {
		SqlSearch.Where where = where(projectId, search);
		String first = SELECT + where.sql() + " order by t.name, p.name, w.id limit :limit";
		String next = SELECT + where.sql() + " and (t.name, p.name, w.id) > (:after_team, :after_name, :after_id)"
				+ " order by t.name, p.name, w.id limit :limit";
		Map<String, Object> params = where.params();
		params.put("limit", BATCH);
		List<Engagement> batch = jdbc.sql(first).params(params).query(EngagementRegister::row).list();
		while (!batch.isEmpty()) {
			batch.forEach(action);
			if (batch.size() < BATCH) {
				return;
			}
			Engagement last = batch.get(batch.size() - 1);
			params.put("after_team", last.teamName());
			params.put("after_name", last.personName());
			params.put("after_id", last.id());
			batch = jdbc.sql(next).params(params).query(EngagementRegister::row).list();
		}
	}

	@Override
	public String exportPurpose(String purpose) {
		Actor actor = actors.get();
		if (!actor.isOfficer() || !actor.mayRevealPersonalData()) {
			throw new Forbidden("reveal-not-permitted");
		}
		String stated = SqlSearch.text(purpose);
		if (stated == null) {
			throw RuleViolation.of("purpose", "required");
		}
		if (stated.length() > 200) {
			throw RuleViolation.of("purpose", "max-length", 200);
		}
		return stated;
	}

	/** An engagement's personal data as stored: the ID number's and the wage card's ciphertexts (the card may be absent). */
	private record Ciphers(byte[] idNumber, byte[] bankCard) {
	}

	@Override
	public void eachInClear(long projectId, Search search, String purpose, Consumer<InClear> action) {
		String stated = exportPurpose(purpose);
		Actor actor = actors.get();
		int[] records = { 0 };
		try {
			each(projectId, search, e -> {
				Ciphers stored = jdbc.sql("select p.id_number_cipher, w.bank_card_cipher "
						+ "from worker_engagement w join person p on p.id = w.person_id where w.id = ?")
					.param(e.id())
					.query((rs, n) -> new Ciphers(rs.getBytes("id_number_cipher"), rs.getBytes("bank_card_cipher")))
					.single();
				action.accept(new InClear(e, cipher.decrypt(PersonStore.ID_PURPOSE, stored.idNumber()),
						stored.bankCard() == null ? null : cipher.decrypt(EngagementWriter.CARD_PURPOSE, stored.bankCard())));
				records[0]++;
			});
		}
		finally {
			// One entry per export, written whether the download completed or broke off, with what it held.
			tx.executeWithoutResult(status -> audit.record(new AuditRecord("PERSONAL_DATA_EXPORTED", "project",
					String.valueOf(projectId), null, Map.of("purpose", stated, "records", records[0], "fields",
							List.of("idNumber", "bankCard"), "role", actor.role().name()))));
		}
	}

	/** The one definition of which workers a search finds: the project, the caller's units, then the filters. */
	private SqlSearch.Where where(long projectId, Search search) {
		Optional<Set<Long>> units = access.visibleUnits(projectId);
		SqlSearch.Where where = SqlSearch.where("w.project_id = :project", Map.of("project", projectId))
			.and("t.participating_unit_id = any(:units)", "units", units.map(u -> u.toArray(Long[]::new)).orElse(null))
			.and("w.team_id = :team", "team", search.teamId())
			.and("w.work_type = :work_type", "work_type", SqlSearch.text(search.workType()))
			.and("w.entry_date <= :engaged_to", "engaged_to", search.engagedTo())
			.and("(w.exit_date is null or w.exit_date >= :engaged_from)", "engaged_from", search.engagedFrom());
		if (Boolean.TRUE.equals(search.active())) {
			where.and("w.exit_date is null");
		}
		else if (Boolean.FALSE.equals(search.active())) {
			where.and("w.exit_date is not null");
		}
		String q = SqlSearch.text(search.query());
		if (q != null) {
			Optional<Identity> identity = parseIdentity(q);
			if (identity.isPresent()) {
				where.and("p.id_number_index = decode(:ix, 'hex')", "ix", store.indexHex(identity.get()));
			}
			else {
				where.and("(p.name like :q or t.name like :q)", "q", SqlSearch.containing(q));
			}
		}
		return where;
	}

	private Optional<Identity> parseIdentity(String q) {
		try {
			return Optional.of(Identity.of(Identity.RESIDENT_ID_CARD, q, LocalDate.now(clock)));
		}
		catch (RuleViolation notAnIdNumber) {
			return Optional.empty();
		}
	}

	@Override
	public List<Movement> movements(long projectId, long engagementId) {
		require(projectId, engagementId);
		return jdbc.sql("select id, engagement_id, kind, on_date, recorded_by from engagement_movement where engagement_id = ? order by id")
			.param(engagementId)
			.query((rs, n) -> new Movement(rs.getLong(1), rs.getLong(2), Movement.Kind.valueOf(rs.getString(3)), rs.getObject(4, LocalDate.class),
					rs.getString(5)))
			.list();
	}

	@Override
	@Transactional
	public String revealBankCard(long projectId, long engagementId) {
		require(projectId, engagementId);
		byte[] cipher = jdbc.sql("select bank_card_cipher from worker_engagement where id = ?").param(engagementId).query(byte[].class).optional().orElse(null);
		if (cipher == null) {
			throw new NotFound("bank card", engagementId);
		}
		return reveals.reveal("worker_engagement", engagementId, "bankCard", EngagementWriter.CARD_PURPOSE, cipher);
	}

	static Engagement row(ResultSet rs, int n) throws SQLException {
		return new Engagement(rs.getLong("id"), rs.getLong("project_id"), rs.getLong("person_id"), rs.getString("person_name"),
				rs.getString("id_number_masked"), rs.getLong("team_id"), rs.getString("team_name"), rs.getString("work_type"),
				rs.getString("contract_period_type"), rs.getObject("contract_start", LocalDate.class),
				rs.getObject("contract_end", LocalDate.class), rs.getString("bank_card_masked"), rs.getString("bank_code"),
				rs.getString("bank_name"), rs.getObject("entry_date", LocalDate.class), rs.getObject("exit_date", LocalDate.class),
				rs.getBoolean("concurrent_allowed"));
	}
}
