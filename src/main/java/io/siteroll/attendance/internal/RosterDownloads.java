package io.siteroll.attendance.internal;

import java.sql.Date;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.StringJoiner;

import io.siteroll.attendance.Gate;
import io.siteroll.attendance.RefusalReason;
import io.siteroll.attendance.Rosters;
import io.siteroll.personnel.Persons;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Roster versions come from one sequence that engagement and post changes take in a trigger while
 * locking their project; holding the project FOR SHARE here waits for writers still in flight, so
 * a version handed out never skips a change committed later under a smaller number.
 */
@Service
class RosterDownloads implements Rosters {

	private final JdbcClient jdbc;

	private final Clock clock;

	private final Persons persons;

	RosterDownloads(JdbcClient jdbc, Clock clock, Persons persons) {
		this.jdbc = jdbc;
		this.clock = clock;
		this.persons = persons;
	}

	@Override
	@Transactional
	public Changes changesSince(long projectId, long since) {
		long from = Math.max(0, since);
		jdbc.sql("select id from project where id = ? for share").param(projectId).query(Long.class).single();
		long version = version(projectId);
		LocalDate today = LocalDate.now(clock);
		List<Entry> entries = jdbc.sql("""
				with changed as (
				    select person_id from worker_engagement where project_id = ? and roster_version > ?
				    union
				    select person_id from manager_post where project_id = ? and roster_version > ?
				),
				judged as (
				    select c.person_id, r.reason from changed c cross join lateral gate_refusals(?, c.person_id, ?) r
				)
				select j.person_id, p.name, j.reason,
				       exists (select 1 from person_face f where f.person_id = j.person_id) as has_face,
				       m.tenure_to, w.last_day,
				       m.person_id is not null as manager
				from judged j
				     join person p on p.id = j.person_id
				     left join lateral (select person_id, tenure_to from manager_post
				                        where project_id = ? and person_id = j.person_id
				                          and tenure_from <= ? and (tenure_to is null or tenure_to >= ?)
				                        order by tenure_to nulls first limit 1) m on true
				     left join lateral (select case when exit_date is null then contract_end
				                                    when contract_end is null then exit_date
				                                    else least(exit_date, contract_end) end as last_day
				                        from worker_engagement
				                        where project_id = ? and person_id = j.person_id
				                        order by (exit_date is null) desc, entry_date desc, id desc limit 1) w on true
				where ? > 0 or j.reason is null
				order by j.person_id""")
			.params(projectId, from, projectId, from, projectId, today, projectId, today, today, projectId, from)
			.query((rs, n) -> {
				String reason = rs.getString("reason");
				boolean manager = rs.getBoolean("manager");
				Date until = manager ? rs.getDate("tenure_to") : rs.getDate("last_day");
				return new Entry(rs.getLong("person_id"), rs.getString("name"), manager ? "MANAGER" : "WORKER",
						reason == null, reason == null ? null : RefusalReason.valueOf(reason), rs.getBoolean("has_face"),
						until == null ? null : until.toLocalDate());
			})
			.list();
		return new Changes(projectId, from, Math.max(version, from), from == 0, entries);
	}

	@Override
	public long version(long projectId) {
		return versions(List.of(projectId)).get(projectId);
	}

	/**
	 * Two index probes per project (the greatest version on each of its roster tables, read backwards on
	 * {@code (project_id, roster_version)}); a grouped {@code max} would read every row of the project instead.
	 * The ids come as one comma-separated text through {@code string_to_table}, whose row count the planner
	 * does not take from the value: so the prepared statement keeps one cached plan. With {@code unnest} of an
	 * array parameter the planner sizes each execution's own plan by the array and plans every execution
	 * anew (measured: four times the database's CPU per read).
	 */
	@Override
	public Map<Long, Long> versions(Collection<Long> projectIds) {
		Map<Long, Long> versions = new HashMap<>();
		if (projectIds.isEmpty()) {
			return versions;
		}
		StringJoiner ids = new StringJoiner(",");
		projectIds.forEach(id -> ids.add(Long.toString(id)));
		jdbc.sql("""
				select p.id,
				       greatest((select coalesce(max(roster_version), 0) from worker_engagement where project_id = p.id),
				                (select coalesce(max(roster_version), 0) from manager_post where project_id = p.id))
				from (select id::bigint as id from string_to_table(?, ',') as id) as p""")
			.param(ids.toString())
			.query(rs -> {
				versions.put(rs.getLong(1), rs.getLong(2));
			});
		return versions;
	}

	@Override
	@Transactional
	public Optional<byte[]> faceForGate(Gate gate, long personId) {
		String reason = jdbc.sql("select gate_refusal_reason(?, ?, ?)")
			.params(gate.projectId(), personId, LocalDate.now(clock))
			.query((rs, n) -> Optional.ofNullable(rs.getString(1)))
			.single()
			.orElse(null);
		if (reason != null || !gate.enabled()) {
			return Optional.empty();
		}
		return persons.faceForGate(personId, gate.serialNumber()).map(Persons.Face::bytes);
	}
}
