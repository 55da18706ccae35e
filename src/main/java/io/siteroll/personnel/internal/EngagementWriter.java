package io.siteroll.personnel.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.siteroll.audit.AuditRecord;
import io.siteroll.audit.AuditTrail;
import io.siteroll.identity.CurrentActor;
import io.siteroll.personnel.Person;
import io.siteroll.platform.Conflict;
import io.siteroll.platform.Violation;
import io.siteroll.privacy.PersonalDataCipher;
import io.siteroll.project.ProjectAccess;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Checks engagements against the registry and writes them, persons included, in a handful of
 * set-based statements whether there is one or ten thousand.
 */
@Component
class EngagementWriter {

	static final String CARD_PURPOSE = "worker_engagement.bank_card";

	private static final HexFormat HEX = HexFormat.of();

	private final JdbcClient jdbc;

	private final PersonStore store;

	private final PersonalDataCipher cipher;

	private final AuditTrail audit;

	private final CurrentActor actors;

	private final ProjectAccess access;

	EngagementWriter(JdbcClient jdbc, PersonStore store, PersonalDataCipher cipher, AuditTrail audit, CurrentActor actors,
			ProjectAccess access) {
		this.access = access;
		this.jdbc = jdbc;
		this.store = store;
		this.cipher = cipher;
		this.audit = audit;
		this.actors = actors;
	}

	/**
	 * Engagements checked against the registry: the persons already registered (by blind index) and
	 * the problems by position in the list (empty: none). {@link #write} takes it so the persons are
	 * read once.
	 */
	record Checked(List<EngagementRules.ValidEngagement> rows, List<String> indexes,
			Map<String, Person> existing, Map<Integer, List<Violation>> problems) {
	}

	Checked check(long projectId, List<EngagementRules.ValidEngagement> rows) {
		List<String> indexes = rows.stream().map(r -> store.indexHex(r.person().identity())).toList();
		Map<String, Person> existing = store.findByIndexes(indexes);
		Map<Long, List<String[]>> activeByPerson = new HashMap<>();
		List<Long> personIds = existing.values().stream().map(Person::id).toList();
		if (!personIds.isEmpty()) {
			// a project the caller may not see is never named: its code is left out (null)
			ProjectAccess.Scope scope = access.visibleProjects("w.project_id");
			jdbc.sql("""
					select w.person_id, w.project_id, case when %s then p.code end code, w.concurrent_allowed
					from worker_engagement w join project p on p.id = w.project_id
					where w.exit_date is null and w.person_id = any(:persons)""".formatted(scope.sql()))
				.params(scope.params())
				.param("persons", personIds.toArray(Long[]::new))
				.query((rs, n) -> activeByPerson.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>())
					.add(new String[] { String.valueOf(rs.getLong(2)), rs.getString(3), String.valueOf(rs.getBoolean(4)) }))
				.list();
		}
		Map<Integer, List<Violation>> found = new HashMap<>();
		for (int i = 0; i < rows.size(); i++) {
			EngagementRules.ValidEngagement row = rows.get(i);
			Person person = existing.get(indexes.get(i));
			List<Violation> problems = new ArrayList<>();
			if (person != null) {
				if (!person.name().equals(row.person().name())) {
					problems.add(Violation.of("name", "person.name-mismatch"));
				}
				for (String[] active : activeByPerson.getOrDefault(person.id(), List.of())) {
					if (Long.parseLong(active[0]) == projectId) {
						problems.add(Violation.of("idNumber", "engagement.exists"));
					}
					else if (!row.concurrentAllowed() && active[1] != null) {
						problems.add(Violation.of("concurrentAllowed", "engagement.concurrent-not-flagged", active[1]));
					}
					else if (!row.concurrentAllowed()) {
						problems.add(Violation.of("concurrentAllowed", "engagement.concurrent-elsewhere"));
					}
				}
			}
			if (!problems.isEmpty()) {
				found.put(i, problems);
			}
		}
		return new Checked(rows, indexes, existing, found);
	}

	/** Writes engagements (and new persons) that passed {@link #check}; returns engagement ids in order. */
	Written write(long projectId, long teamId, Checked checked) {
		if (!checked.problems().isEmpty()) {
			throw new IllegalStateException("write() needs engagements without problems");
		}
		List<EngagementRules.ValidEngagement> rows = checked.rows();
		List<String> indexes = checked.indexes();
		Map<String, Person> existing = checked.existing();
		Map<String, PersonStore.NewPerson> fresh = new LinkedHashMap<>();
		for (int i = 0; i < rows.size(); i++) {
			if (!existing.containsKey(indexes.get(i))) {
				fresh.putIfAbsent(indexes.get(i), rows.get(i).person());
			}
		}
		Map<String, Long> newIds = store.insertAll(new ArrayList<>(fresh.values()));
		List<AuditRecord> records = new ArrayList<>(rows.size() * 2);
		newIds.forEach((ix, id) -> records.add(PersonStore.created(id, fresh.get(ix))));

		int n = rows.size();
		Long[] personIds = new Long[n];
		String[] workTypes = new String[n], periods = new String[n], starts = new String[n], ends = new String[n],
				cards = new String[n], masked = new String[n], bankCodes = new String[n], bankNames = new String[n],
				entries = new String[n];
		Boolean[] concurrent = new Boolean[n];
		for (int i = 0; i < n; i++) {
			EngagementRules.ValidEngagement r = rows.get(i);
			Person known = existing.get(indexes.get(i));
			personIds[i] = known != null ? known.id() : newIds.get(indexes.get(i));
			workTypes[i] = r.workType();
			periods[i] = r.contractPeriodType();
			starts[i] = r.contractStart().toString();
			ends[i] = r.contractEnd() == null ? null : r.contractEnd().toString();
			cards[i] = r.bankCard() == null ? null : HEX.formatHex(cipher.encrypt(CARD_PURPOSE, r.bankCard().value()));
			masked[i] = r.bankCard() == null ? null : r.bankCard().masked();
			bankCodes[i] = r.bankCode();
			bankNames[i] = r.bankName();
			entries[i] = r.entryDate().toString();
			concurrent[i] = r.concurrentAllowed();
		}
		List<Long> ids;
		try {
			ids = jdbc.sql("""
					insert into worker_engagement (project_id, person_id, team_id, work_type, contract_period_type, contract_start,
					                               contract_end, bank_card_cipher, bank_card_masked, bank_code, bank_name,
					                               entry_date, concurrent_allowed)
					select :project, pid, :team, wt, cp, cast(cs as date), cast(ce as date), decode(bc, 'hex'), bm, bk, bn,
					       cast(ed as date), cc
					from unnest(cast(:persons as bigint[]), cast(:workTypes as text[]), cast(:periods as text[]),
					            cast(:starts as text[]), cast(:ends as text[]), cast(:cards as text[]), cast(:masked as text[]),
					            cast(:bankCodes as text[]), cast(:bankNames as text[]), cast(:entries as text[]),
					            cast(:concurrent as boolean[])) with ordinality as x(pid, wt, cp, cs, ce, bc, bm, bk, bn, ed, cc, ord)
					order by ord
					returning id""")
				.param("project", projectId)
				.param("team", teamId)
				.param("persons", personIds)
				.param("workTypes", workTypes)
				.param("periods", periods)
				.param("starts", starts)
				.param("ends", ends)
				.param("cards", cards)
				.param("masked", masked)
				.param("bankCodes", bankCodes)
				.param("bankNames", bankNames)
				.param("entries", entries)
				.param("concurrent", concurrent)
				.query(Long.class)
				.list();
		}
		catch (DuplicateKeyException e) {
			throw new Conflict("idNumber", "engagement.exists");
		}
		jdbc.sql("""
				insert into engagement_movement (engagement_id, kind, on_date, recorded_by)
				select w.id, 'ENTRY', w.entry_date, ? from worker_engagement w where w.id = any(?)""")
			.params(actors.get().username(), ids.toArray(Long[]::new))
			.update();
		for (int i = 0; i < n; i++) {
			Map<String, Object> state = new LinkedHashMap<>();
			state.put("projectId", projectId);
			state.put("teamId", teamId);
			state.put("personId", personIds[i]);
			state.put("workType", workTypes[i]);
			state.put("contractPeriodType", periods[i]);
			state.put("contractStart", starts[i]);
			state.put("contractEnd", ends[i]);
			state.put("bankCard", masked[i]);
			state.put("entryDate", entries[i]);
			state.put("concurrentAllowed", concurrent[i]);
			records.add(AuditRecord.created("worker_engagement", ids.get(i), state));
		}
		audit.recordAll(records);
		return new Written(ids, newIds.size());
	}

	record Written(List<Long> engagementIds, int newPersons) {
	}
}
