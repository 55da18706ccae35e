package io.siteroll.project.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.siteroll.audit.AuditRecord;
import io.siteroll.audit.AuditTrail;
import io.siteroll.identity.Actor;
import io.siteroll.identity.CurrentActor;
import io.siteroll.platform.Checks;
import io.siteroll.platform.Conflict;
import io.siteroll.platform.Forbidden;
import io.siteroll.platform.NotFound;
import io.siteroll.platform.Page;
import io.siteroll.platform.SqlSearch;
import io.siteroll.platform.RuleViolation;
import io.siteroll.project.Project;
import io.siteroll.project.ProjectAccess;
import io.siteroll.project.Projects.StoppageDeclaration;
import io.siteroll.project.Stoppage;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * 停工 and 复工: stoppages the project declares (in force, or pending an officer's decision when they reach
 * back before the day they are declared), stop-work orders officers give and lift, and resumptions. Every
 * change locks the project first, so two stoppages never come to overlap ({@link Stoppage#overlaps}).
 * Transactions are the caller's ({@link ProjectRegistry}).
 */
@Component
class StoppageBook {

	private static final String COLUMNS = """
			select id, project_id, first_day, last_day, reason, kind, declared_by, status, declared_on, decided_by,
			       decision_note""";

	private static final String SELECT = COLUMNS + " from project_stoppage";

	private final JdbcClient jdbc;

	private final ProjectAccess access;

	private final ProjectRecords records;

	private final AuditTrail audit;

	private final CurrentActor actors;

	private final Clock clock;

	StoppageBook(JdbcClient jdbc, ProjectAccess access, ProjectRecords records, AuditTrail audit, CurrentActor actors,
			Clock clock) {
		this.jdbc = jdbc;
		this.access = access;
		this.records = records;
		this.audit = audit;
		this.actors = actors;
		this.clock = clock;
	}

	List<Stoppage> stoppages(long projectId) {
		access.requireVisible(projectId);
		return jdbc.sql(SELECT + " where project_id = :project order by first_day, id")
			.param("project", projectId)
			.query(StoppageBook::row)
			.list();
	}

	/** Stoppages that still count for overlaps: in force or awaiting a decision. */
	private List<Stoppage> standing(long projectId) {
		return stoppages(projectId).stream().filter(Stoppage::standing).toList();
	}

	Stoppage declare(long projectId, StoppageDeclaration d) {
		Project project = access.requireVisible(projectId);
		Actor actor = actors.get();
		boolean officer = access.oversees(project);
		if (!officer) {
			access.requireManageable(projectId);
		}
		records.lock(projectId);
		Checks checks = new Checks();
		checks.required("firstDay", d.firstDay());
		String reason = checks.maxLength("reason", checks.required("reason", d.reason()), 500);
		if (d.firstDay() != null && d.lastDay() != null) {
			checks.check(!d.lastDay().isBefore(d.firstDay()), "lastDay", "date.before-first-day");
		}
		if (d.firstDay() != null) {
			checks.check(project.startDate() != null && !d.firstDay().isBefore(project.startDate()), "firstDay",
					"stoppage.before-start");
			checks.check(project.completionDate() == null || !d.firstDay().isAfter(project.completionDate()), "firstDay",
					"stoppage.after-completion");
		}
		checks.throwIfAny();
		for (Stoppage s : standing(projectId)) {
			if (s.overlaps(d.firstDay(), d.lastDay())) {
				throw new Conflict("firstDay", "stoppage.overlaps", s.firstDay().toString());
			}
		}
		LocalDate today = LocalDate.now(clock);
		Stoppage.Status status = officer || !d.firstDay().isBefore(today) ? Stoppage.Status.IN_FORCE
				: Stoppage.Status.PENDING;
		long id = jdbc.sql("""
				insert into project_stoppage (project_id, first_day, last_day, reason, kind, declared_by, status, declared_on)
				values (:project, :first, :last, :reason, :kind, :by, :status, :today) returning id""")
			.param("project", projectId)
			.param("first", d.firstDay())
			.param("last", d.lastDay())
			.param("reason", reason)
			.param("kind", Stoppage.Kind.DECLARED.name())
			.param("by", actor.username())
			.param("status", status.name())
			.param("today", today)
			.query(Long.class)
			.single();
		Map<String, Object> after = new LinkedHashMap<>();
		after.put("firstDay", d.firstDay().toString());
		after.put("lastDay", d.lastDay() == null ? null : d.lastDay().toString());
		after.put("reason", reason);
		after.put("status", status.name());
		after.put("declaredOn", today.toString());
		after.put("byOfficer", officer);
		audit.record(AuditRecord.created("project_stoppage", id, after));
		return stoppage(projectId, id);
	}

	Stoppage approve(long projectId, long stoppageId, String note) {
		Stoppage pending = pendingForDecision(projectId, stoppageId, note);
		for (Stoppage s : stoppages(projectId)) {
			if (s.inForce() && s.overlaps(pending)) {
				throw new Conflict("stoppageId", "stoppage.overlaps", s.firstDay().toString());
			}
		}
		return decide(pending, Stoppage.Status.IN_FORCE, note);
	}

	Stoppage reject(long projectId, long stoppageId, String note) {
		return decide(pendingForDecision(projectId, stoppageId, note), Stoppage.Status.REJECTED, note);
	}

	private Stoppage pendingForDecision(long projectId, long stoppageId, String note) {
		access.requireOverseen(projectId);
		records.lock(projectId);
		Stoppage stoppage = stoppage(projectId, stoppageId);
		if (note == null || note.isBlank()) {
			throw RuleViolation.of("note", "required");
		}
		if (note.strip().length() > 500) {
			throw RuleViolation.of("note", "max-length", 500);
		}
		if (stoppage.status() != Stoppage.Status.PENDING) {
			throw new Conflict("status", "stoppage.not-pending");
		}
		if (stoppage.declaredBy().equals(actors.get().username())) {
			throw new Forbidden("stoppage.own-request");
		}
		return stoppage;
	}

	private Stoppage decide(Stoppage pending, Stoppage.Status decision, String note) {
		jdbc.sql("""
				update project_stoppage set status = :status, decided_by = :by, decided_at = :at, decision_note = :note
				where id = :id and status = 'PENDING'""")
			.param("status", decision.name())
			.param("by", actors.get().username())
			.param("at", Timestamp.from(clock.instant()))
			.param("note", note.strip())
			.param("id", pending.id())
			.update();
		audit.record(AuditRecord.changed(decision == Stoppage.Status.IN_FORCE ? "APPROVED" : "REJECTED",
				"project_stoppage", pending.id(), Map.of("status", "PENDING"),
				Map.of("status", decision.name(), "note", note.strip())));
		return stoppage(pending.projectId(), pending.id());
	}

	/** 复工 after the project's own open stoppage; a stop-work order is lifted only by an officer. */
	Stoppage resume(long projectId, LocalDate resumptionDay) {
		access.requireManageable(projectId);
		records.lock(projectId);
		if (resumptionDay == null) {
			throw RuleViolation.of("resumptionDay", "required");
		}
		List<Stoppage> openOnes = standing(projectId).stream().filter(Stoppage::open).toList();
		if (openOnes.stream().anyMatch(Stoppage::ordered)) {
			throw new Conflict("resumptionDay", "stoppage.ordered");
		}
		Stoppage open = openOnes.stream()
			.findFirst()
			.orElseThrow(() -> new Conflict("resumptionDay", "stoppage.none-open"));
		if (!resumptionDay.isAfter(open.firstDay())) {
			throw RuleViolation.of("resumptionDay", "stoppage.resume-before-stop");
		}
		end(open.id(), resumptionDay);
		audit.record(AuditRecord.changed("RESUMED", "project_stoppage", open.id(), Map.of("lastDay", "-"),
				Map.of("lastDay", resumptionDay.minusDays(1).toString(), "resumptionDay", resumptionDay.toString())));
		return stoppage(projectId, open.id());
	}

	/**
	 * 责令停工 from {@code firstDay} until lifted. It may not begin inside a standing stoppage nor run beside an
	 * open one; a closed stoppage the project declared for later days does not hold the order back (the order
	 * covers those days too, and lifting it leaves them stopped as declared).
	 */
	Stoppage order(long projectId, LocalDate firstDay, String reason) {
		Project project = access.requireOverseen(projectId);
		records.lock(projectId);
		Checks checks = new Checks();
		checks.required("firstDay", firstDay);
		checks.maxLength("reason", checks.required("reason", reason), 500);
		if (firstDay != null) {
			checks.check(project.startDate() != null && !firstDay.isBefore(project.startDate()), "firstDay",
					"stoppage.before-start");
		}
		checks.throwIfAny();
		for (Stoppage s : standing(projectId)) {
			if (s.open() || s.covers(firstDay)) {
				throw new Conflict("firstDay", "stoppage.overlaps", s.firstDay().toString());
			}
		}
		long id = jdbc.sql("""
				insert into project_stoppage (project_id, first_day, last_day, reason, kind, declared_by, declared_on)
				values (:project, :first, null, :reason, :kind, :by, :today) returning id""")
			.param("project", projectId)
			.param("first", firstDay)
			.param("reason", reason.strip())
			.param("kind", Stoppage.Kind.ORDERED.name())
			.param("by", actors.get().username())
			.param("today", LocalDate.now(clock))
			.query(Long.class)
			.single();
		audit.record(AuditRecord.created("project_stoppage", id,
				Map.of("kind", Stoppage.Kind.ORDERED.name(), "firstDay", firstDay.toString(), "reason", reason.strip())));
		return stoppage(projectId, id);
	}

	Stoppage lift(long projectId, long stoppageId, LocalDate resumptionDay) {
		access.requireOverseen(projectId);
		records.lock(projectId);
		Stoppage ordered = stoppages(projectId).stream()
			.filter(s -> s.id() == stoppageId && s.ordered() && s.open())
			.findFirst()
			.orElseThrow(() -> new Conflict("stoppageId", "stoppage.none-open"));
		if (resumptionDay == null || !resumptionDay.isAfter(ordered.firstDay())) {
			throw RuleViolation.of("resumptionDay", "stoppage.resume-before-stop");
		}
		end(stoppageId, resumptionDay);
		audit.record(AuditRecord.changed("STOP_WORK_LIFTED", "project_stoppage", stoppageId, Map.of("lastDay", "-"),
				Map.of("resumptionDay", resumptionDay.toString())));
		return stoppage(projectId, stoppageId);
	}

	/** Work resumes on {@code resumptionDay}: the stoppage's last day is the day before. */
	private void end(long stoppageId, LocalDate resumptionDay) {
		jdbc.sql("update project_stoppage set last_day = :last, resumed_by = :by, resumed_at = now() where id = :id")
			.param("last", resumptionDay.minusDays(1))
			.param("by", actors.get().username())
			.param("id", stoppageId)
			.update();
	}

	/**
	 * Pending stoppages of the projects the caller oversees. An officer oversees exactly the projects the
	 * officer sees (the region's subtree), so the visibility predicate is the overseeing one here.
	 */
	Page<Stoppage> pendingOverseen(int page, int size) {
		if (!actors.get().isOfficer()) {
			return new Page<>(List.of(), page, size, 0);
		}
		ProjectAccess.Scope scope = access.visibleProjects("s.project_id");
		return SqlSearch.where("s.status = 'PENDING' and " + scope.sql(), scope.params())
			.page(jdbc, COLUMNS, " from project_stoppage s", "s.declared_on, s.id", StoppageBook::row, page, size);
	}

	private Stoppage stoppage(long projectId, long stoppageId) {
		return jdbc.sql(SELECT + " where id = :id and project_id = :project")
			.param("id", stoppageId)
			.param("project", projectId)
			.query(StoppageBook::row)
			.optional()
			.orElseThrow(() -> new NotFound("stoppage", stoppageId));
	}

	private static Stoppage row(ResultSet rs, int n) throws SQLException {
		return new Stoppage(rs.getLong(1), rs.getLong(2), rs.getObject(3, LocalDate.class), rs.getObject(4, LocalDate.class),
				rs.getString(5), Stoppage.Kind.valueOf(rs.getString(6)), rs.getString(7),
				Stoppage.Status.valueOf(rs.getString(8)), rs.getObject(9, LocalDate.class), rs.getString(10),
				rs.getString(11));
	}
}
