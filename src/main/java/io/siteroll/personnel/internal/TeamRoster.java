package io.siteroll.personnel.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import io.siteroll.audit.AuditRecord;
import io.siteroll.audit.AuditTrail;
import io.siteroll.personnel.Team;
import io.siteroll.personnel.Teams;
import io.siteroll.platform.Checks;
import io.siteroll.platform.Conflict;
import io.siteroll.platform.NotFound;
import io.siteroll.project.ParticipatingUnit;
import io.siteroll.project.ProjectAccess;
import io.siteroll.project.Projects;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
class TeamRoster implements Teams {

	private static final String SELECT = """
			select t.id, t.project_id, t.participating_unit_id, e.name unit_name, t.name, t.leader_person_id,
			       l.name leader_name, t.entry_date, t.exit_date,
			       (select count(*) from worker_engagement w where w.team_id = t.id and w.exit_date is null) active_workers
			from team t join participating_unit u on u.id = t.participating_unit_id join enterprise e on e.id = u.enterprise_id
			     left join person l on l.id = t.leader_person_id""";

	private final JdbcClient jdbc;

	private final ProjectAccess access;

	private final Projects projects;

	private final AuditTrail audit;

	TeamRoster(JdbcClient jdbc, ProjectAccess access, Projects projects, AuditTrail audit) {
		this.jdbc = jdbc;
		this.access = access;
		this.projects = projects;
		this.audit = audit;
	}

	@Override
	@Transactional
	public Team create(long projectId, Registration r) {
		access.requireManageable(projectId);
		Checks checks = new Checks();
		String name = checks.maxLength("name", checks.required("name", r.name()), 100);
		checks.required("unitId", r.unitId());
		checks.required("entryDate", r.entryDate());
		checks.throwIfAny();
		ParticipatingUnit unit = projects.units(projectId).stream().filter(u -> u.id() == r.unitId()).findFirst().orElse(null);
		checks.check(unit != null, "unitId", "unit.unknown");
		if (unit != null) {
			checks.check(unit.unitType().keepsTeams(), "unitId", "team.unit-type-unfit");
			checks.check(unit.exitDate() == null, "unitId", "unit.already-exited");
		}
		if (r.leaderPersonId() != null) {
			boolean exists = jdbc.sql("select exists (select 1 from person where id = ?)").param(r.leaderPersonId()).query(Boolean.class).single();
			checks.check(exists, "leaderPersonId", "person.unknown");
		}
		checks.throwIfAny();
		boolean taken = jdbc.sql("select exists (select 1 from team where project_id = ? and name = ?)").params(projectId, name).query(Boolean.class).single();
		if (taken) {
			throw new Conflict("name", "team.name-taken");
		}
		long id = jdbc.sql("""
				insert into team (project_id, participating_unit_id, name, leader_person_id, entry_date) values (?, ?, ?, ?, ?)
				returning id""")
			.params(projectId, r.unitId(), name, r.leaderPersonId(), r.entryDate())
			.query(Long.class)
			.single();
		Map<String, Object> state = new LinkedHashMap<>();
		state.put("projectId", projectId);
		state.put("unitId", r.unitId());
		state.put("name", name);
		state.put("leaderPersonId", r.leaderPersonId());
		state.put("entryDate", r.entryDate().toString());
		audit.record(AuditRecord.created("team", id, state));
		return require(projectId, id);
	}

	@Override
	public List<Team> teams(long projectId) {
		Optional<Set<Long>> units = access.visibleUnits(projectId);
		return jdbc.sql(SELECT + " where t.project_id = ? order by t.name").param(projectId).query(TeamRoster::row).list()
			.stream()
			.filter(t -> units.map(u -> u.contains(t.unitId())).orElse(true))
			.toList();
	}

	@Override
	public Team require(long projectId, long teamId) {
		Optional<Set<Long>> units = access.visibleUnits(projectId);
		return jdbc.sql(SELECT + " where t.id = ? and t.project_id = ?")
			.params(teamId, projectId)
			.query(TeamRoster::row)
			.optional()
			.filter(t -> units.map(u -> u.contains(t.unitId())).orElse(true))
			.orElseThrow(() -> new NotFound("team", teamId));
	}

	private static Team row(ResultSet rs, int n) throws SQLException {
		return new Team(rs.getLong("id"), rs.getLong("project_id"), rs.getLong("participating_unit_id"),
				rs.getString("unit_name"), rs.getString("name"), (Long) rs.getObject("leader_person_id", Long.class),
				rs.getString("leader_name"), rs.getObject("entry_date", LocalDate.class),
				rs.getObject("exit_date", LocalDate.class), rs.getLong("active_workers"));
	}
}
