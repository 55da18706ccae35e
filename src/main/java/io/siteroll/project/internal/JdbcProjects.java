package io.siteroll.project.internal;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import io.siteroll.audit.AuditRecord;
import io.siteroll.audit.AuditTrail;
import io.siteroll.enterprise.Enterprise;
import io.siteroll.enterprise.Enterprises;
import io.siteroll.identity.Actor;
import io.siteroll.identity.CurrentActor;
import io.siteroll.identity.Role;
import io.siteroll.platform.Checks;
import io.siteroll.platform.CodeDictionary;
import io.siteroll.platform.Conflict;
import io.siteroll.platform.Forbidden;
import io.siteroll.platform.NotFound;
import io.siteroll.platform.Page;
import io.siteroll.platform.RuleViolation;
import io.siteroll.project.ParticipatingUnit;
import io.siteroll.project.Project;
import io.siteroll.project.ProjectAccess;
import io.siteroll.project.Projects;
import io.siteroll.project.Stoppage;
import io.siteroll.region.Region;
import io.siteroll.region.Regions;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
class JdbcProjects implements Projects, ProjectAccess {

	/** Jilin's extent, with a margin: coordinates outside it are a typing error. */
	private static final BigDecimal MIN_LNG = new BigDecimal("121.0"), MAX_LNG = new BigDecimal("132.0");

	private static final BigDecimal MIN_LAT = new BigDecimal("40.5"), MAX_LAT = new BigDecimal("46.5");

	private static final String SELECT = """
			select p.id, p.code, p.name, p.region_code, r.path region_path, p.address, p.longitude, p.latitude,
			       p.category, p.construction_nature, p.contractor_id, e.name contractor_name, p.start_date,
			       p.planned_completion_date, p.completion_date,
			       exists (select 1 from project_stoppage s where s.project_id = p.id and s.status = 'IN_FORCE'
			               and s.first_day <= :today and (s.last_day is null or s.last_day >= :today)) stopped_today
			from project p join region r on r.code = p.region_code join enterprise e on e.id = p.contractor_id""";

	/** The caller's scope as a predicate over {@code p} and {@code r}. */
	private static final String SCOPE = """
			(:all or r.path like :regionPath
			 or p.id = :projectId
			 or exists (select 1 from participating_unit pu where pu.project_id = p.id and pu.enterprise_id = :enterpriseId))""";

	private final JdbcClient jdbc;

	private final Regions regions;

	private final Enterprises enterprises;

	private final CodeDictionary codes;

	private final AuditTrail audit;

	private final CurrentActor actors;

	private final Clock clock;

	/** How many days back the enterprise side may still date a start or completion (siteroll.project.back-dating-grace-days). */
	private final int graceDays;

	JdbcProjects(JdbcClient jdbc, Regions regions, Enterprises enterprises, CodeDictionary codes, AuditTrail audit,
			CurrentActor actors, Clock clock, @Value("${siteroll.project.back-dating-grace-days:3}") int graceDays) {
		this.graceDays = graceDays;
		this.jdbc = jdbc;
		this.regions = regions;
		this.enterprises = enterprises;
		this.codes = codes;
		this.audit = audit;
		this.actors = actors;
		this.clock = clock;
	}

	// ---- registration -------------------------------------------------------------------------

	@Override
	@Transactional
	public Project register(Registration r) {
		Actor actor = actors.get();
		Long contractorId = actor.role() == Role.ENTERPRISE_ADMIN ? actor.enterpriseId() : r.contractorId();
		if (actor.role() == Role.LABOUR_CLERK) {
			throw new Forbidden("project.register-not-permitted");
		}
		Registration valid = validate(r, contractorId);
		Region region = regions.require(valid.regionCode());
		if (actor.isOfficer() && !actor.oversees(region.path())) {
			throw RuleViolation.of("regionCode", "region.outside-scope");
		}
		long seq = jdbc.sql("select nextval('project_code_seq')").query(Long.class).single();
		String code = region.code() + LocalDate.now(clock).getYear() + String.format("%06d", seq);
		long id = jdbc.sql("""
				insert into project (code, name, region_code, address, longitude, latitude, category, construction_nature,
				                     contractor_id, start_date, planned_completion_date)
				values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) returning id""")
			.params(code, valid.name(), valid.regionCode(), valid.address(), valid.longitude(), valid.latitude(),
					valid.category(), valid.constructionNature(), contractorId, valid.startDate(),
					valid.plannedCompletionDate())
			.query(Long.class)
			.single();
		LocalDate entry = valid.startDate() != null ? valid.startDate() : LocalDate.now(clock);
		long unitId = jdbc.sql("""
				insert into participating_unit (project_id, enterprise_id, unit_type, entry_date) values (?, ?, '009', ?)
				returning id""").params(id, contractorId, entry).query(Long.class).single();
		Project created = load(id).orElseThrow();
		audit.record(AuditRecord.created("project", id, state(created)));
		audit.record(AuditRecord.created("participating_unit", unitId,
				Map.of("projectId", id, "enterpriseId", contractorId, "unitType", "009", "entryDate", entry.toString())));
		return created;
	}

	@Override
	@Transactional
	public Project update(long projectId, Registration r) {
		Project before = requireManageable(projectId);
		Registration valid = validate(r, before.contractorId());
		Region region = regions.require(valid.regionCode());
		Actor actor = actors.get();
		if (actor.isOfficer() && !actor.oversees(region.path())) {
			throw RuleViolation.of("regionCode", "region.outside-scope");
		}
		// the region decides which officers oversee the project: the enterprise side cannot move it
		if (!actor.isOfficer() && !region.code().equals(before.regionCode())) {
			throw new Forbidden("project.region-by-officers");
		}
		if (before.completionDate() != null && valid.startDate() != null && valid.startDate().isAfter(before.completionDate())) {
			throw RuleViolation.of("startDate", "project.start-after-completion");
		}
		if (!Objects.equals(before.startDate(), valid.startDate()) && !oversees(before)) {
			// moving a start date that has passed, or into the past, changes construction days already judged
			LocalDate earliest = LocalDate.now(clock).minusDays(graceDays);
			boolean pastBefore = before.startDate() != null && before.startDate().isBefore(earliest);
			boolean pastAfter = valid.startDate() != null && valid.startDate().isBefore(earliest);
			if (pastBefore || pastAfter) {
				throw RuleViolation.of("startDate", "project.start-back-dated", earliest);
			}
		}
		jdbc.sql("""
				update project set name = ?, region_code = ?, address = ?, longitude = ?, latitude = ?, category = ?,
				       construction_nature = ?, start_date = ?, planned_completion_date = ?, updated_at = now()
				where id = ?""")
			.params(valid.name(), valid.regionCode(), valid.address(), valid.longitude(), valid.latitude(),
					valid.category(), valid.constructionNature(), valid.startDate(), valid.plannedCompletionDate(),
					projectId)
			.update();
		Project after = load(projectId).orElseThrow();
		audit.record(AuditRecord.changed("UPDATED", "project", projectId, state(before), state(after)));
		return after;
	}

	private Registration validate(Registration r, Long contractorId) {
		Checks checks = new Checks();
		String name = checks.maxLength("name", checks.required("name", r.name()), 200);
		Region region = checks.field("regionCode", () -> regions.require(r.regionCode()));
		if (region != null && !region.mayHoldProjects()) {
			checks.check(false, "regionCode", "region.not-county-level");
		}
		String address = checks.maxLength("address", checks.required("address", r.address()), 500);
		checks.field("category", () -> codes.require(CodeDictionary.PROJECT_CATEGORY, r.category()));
		checks.field("constructionNature", () -> codes.require(CodeDictionary.CONSTRUCTION_NATURE, r.constructionNature()));
		if (checks.required("contractorId", contractorId) != null && enterprises.find(contractorId).isEmpty()) {
			checks.check(false, "contractorId", "enterprise.unknown");
		}
		checks.check((r.longitude() == null) == (r.latitude() == null), r.longitude() == null ? "longitude" : "latitude",
				"coordinates.both-or-none");
		if (r.longitude() != null) {
			checks.check(r.longitude().compareTo(MIN_LNG) >= 0 && r.longitude().compareTo(MAX_LNG) <= 0, "longitude",
					"coordinates.outside-jilin");
		}
		if (r.latitude() != null) {
			checks.check(r.latitude().compareTo(MIN_LAT) >= 0 && r.latitude().compareTo(MAX_LAT) <= 0, "latitude",
					"coordinates.outside-jilin");
		}
		if (r.startDate() != null && r.plannedCompletionDate() != null) {
			checks.check(!r.plannedCompletionDate().isBefore(r.startDate()), "plannedCompletionDate", "date.before-start");
		}
		checks.throwIfAny();
		return new Registration(name, region.code(), address, r.longitude(), r.latitude(), r.category().strip(),
				r.constructionNature().strip(), contractorId, r.startDate(), r.plannedCompletionDate());
	}

	// ---- reading ------------------------------------------------------------------------------

	@Override
	public Project require(long projectId) {
		return requireVisible(projectId);
	}

	@Override
	public Page<Project> search(Search search, int page, int size) {
		Map<String, Object> params = scopeParams(actors.get());
		StringBuilder where = new StringBuilder(" where ").append(SCOPE);
		String q = search.query() == null ? "" : search.query().strip();
		if (!q.isEmpty()) {
			where.append(" and (p.name ilike :q or p.code like :q or p.address ilike :q or e.name ilike :q)");
			params.put("q", io.siteroll.platform.SqlSearch.containing(q));
		}
		if (search.regionCode() != null && !search.regionCode().isBlank()) {
			Region region = regions.find(search.regionCode()).orElse(null);
			where.append(" and r.path like :filterPath");
			params.put("filterPath", (region == null ? "-" : region.path()) + "%");
		}
		if (search.status() != null) {
			where.append(switch (search.status()) {
				case NOT_STARTED -> " and (p.start_date is null or p.start_date > :today)";
				case COMPLETED -> " and p.completion_date < :today";
				case STOPPED -> " and p.start_date <= :today and (p.completion_date is null or p.completion_date >= :today)"
						+ " and exists (select 1 from project_stoppage s where s.project_id = p.id and s.status = 'IN_FORCE'"
						+ " and s.first_day <= :today and (s.last_day is null or s.last_day >= :today))";
				case UNDER_CONSTRUCTION -> " and p.start_date <= :today and (p.completion_date is null or p.completion_date >= :today)"
						+ " and not exists (select 1 from project_stoppage s where s.project_id = p.id and s.status = 'IN_FORCE'"
						+ " and s.first_day <= :today and (s.last_day is null or s.last_day >= :today))";
			});
		}
		long total = jdbc.sql("select count(*) from project p join region r on r.code = p.region_code"
				+ " join enterprise e on e.id = p.contractor_id" + where)
			.params(params)
			.query(Long.class)
			.single();
		params.put("limit", size);
		params.put("offset", (long) page * size);
		List<Project> items = jdbc.sql(SELECT + where + " order by p.id desc limit :limit offset :offset")
			.params(params)
			.query(this::row)
			.list();
		return new Page<>(items, page, size, total);
	}

	private Optional<Project> load(long id) {
		Map<String, Object> params = new HashMap<>();
		params.put("today", LocalDate.now(clock));
		params.put("id", id);
		return jdbc.sql(SELECT + " where p.id = :id").params(params).query(this::row).optional();
	}

	private Map<String, Object> scopeParams(Actor actor) {
		Map<String, Object> params = new HashMap<>();
		params.put("today", LocalDate.now(clock));
		params.put("all", actor.isProvince());
		params.put("regionPath", actor.isOfficer() ? actor.regionPath() + "%" : "-");
		params.put("projectId", actor.role() == Role.LABOUR_CLERK ? actor.projectId() : -1L);
		params.put("enterpriseId", actor.role() == Role.ENTERPRISE_ADMIN ? actor.enterpriseId() : -1L);
		return params;
	}

	// ---- access -------------------------------------------------------------------------------

	@Override
	public Scope visibleProjects(String projectIdColumn) {
		Actor actor = actors.get();
		Map<String, Object> params = new HashMap<>();
		params.put("scope_all", actor.isProvince());
		params.put("scope_region", actor.isOfficer() ? actor.regionPath() + "%" : "-");
		params.put("scope_project", actor.role() == Role.LABOUR_CLERK ? actor.projectId() : -1L);
		params.put("scope_enterprise", actor.role() == Role.ENTERPRISE_ADMIN ? actor.enterpriseId() : -1L);
		String sql = "(:scope_all or " + projectIdColumn + " = :scope_project"
				+ " or exists (select 1 from project sp join region sr on sr.code = sp.region_code where sp.id = "
				+ projectIdColumn + " and sr.path like :scope_region)"
				+ " or exists (select 1 from participating_unit spu where spu.project_id = " + projectIdColumn
				+ " and spu.enterprise_id = :scope_enterprise))";
		return new Scope(sql, params);
	}

	@Override
	public Project requireVisible(long projectId) {
		Map<String, Object> params = scopeParams(actors.get());
		params.put("id", projectId);
		return jdbc.sql(SELECT + " where p.id = :id and " + SCOPE)
			.params(params)
			.query(this::row)
			.optional()
			.orElseThrow(() -> new NotFound("project", projectId));
	}

	@Override
	public Project requireManageable(long projectId) {
		Project project = requireVisible(projectId);
		if (!mayManage(actors.get(), project)) {
			throw new Forbidden("project.not-manageable");
		}
		return project;
	}

	@Override
	public Project requireOverseen(long projectId) {
		Project project = requireVisible(projectId);
		if (!actors.get().oversees(project.regionPath())) {
			throw new Forbidden("project.not-overseen");
		}
		return project;
	}

	@Override
	public boolean canManage(long projectId) {
		return mayManage(actors.get(), requireVisible(projectId));
	}

	@Override
	public boolean canOversee(long projectId) {
		return actors.get().oversees(requireVisible(projectId).regionPath());
	}

	private boolean mayManage(Actor actor, Project project) {
		return switch (actor.role()) {
			case PROVINCE_OFFICER -> true;
			case ENTERPRISE_ADMIN -> Long.valueOf(project.contractorId()).equals(actor.enterpriseId());
			case LABOUR_CLERK -> Long.valueOf(project.id()).equals(actor.projectId());
			default -> false;
		};
	}

	@Override
	public Optional<Set<Long>> visibleUnits(long projectId) {
		Project project = requireVisible(projectId);
		Actor actor = actors.get();
		if (actor.role() != Role.ENTERPRISE_ADMIN || Long.valueOf(project.contractorId()).equals(actor.enterpriseId())) {
			return Optional.empty();
		}
		return Optional.of(units(projectId).stream()
			.filter(u -> u.enterpriseId() == actor.enterpriseId())
			.map(ParticipatingUnit::id)
			.collect(Collectors.toSet()));
	}

	// ---- participating units ------------------------------------------------------------------

	@Override
	public List<ParticipatingUnit> units(long projectId) {
		requireVisible(projectId);
		return jdbc.sql("""
				select u.id, u.project_id, u.enterprise_id, e.name, e.credit_code, u.unit_type, u.entry_date, u.exit_date
				from participating_unit u join enterprise e on e.id = u.enterprise_id
				where u.project_id = ? order by u.unit_type desc, u.id""")
			.param(projectId)
			.query(JdbcProjects::unit)
			.list();
	}

	@Override
	@Transactional
	public ParticipatingUnit addUnit(long projectId, UnitRegistration u) {
		requireManageable(projectId);
		Checks checks = new Checks();
		checks.required("enterpriseId", u.enterpriseId());
		checks.field("unitType", () -> codes.require(CodeDictionary.UNIT_TYPE, u.unitType()));
		checks.required("entryDate", u.entryDate());
		checks.throwIfAny();
		Enterprise enterprise = enterprises.find(u.enterpriseId())
			.orElseThrow(() -> RuleViolation.of("enterpriseId", "enterprise.unknown"));
		String type = u.unitType().strip();
		if (ParticipatingUnit.GENERAL_CONTRACTOR.equals(type)) {
			throw new Conflict("unitType", "unit.general-contractor-fixed");
		}
		boolean exists = jdbc.sql("select exists (select 1 from participating_unit where project_id = ? and enterprise_id = ? and unit_type = ?)")
			.params(projectId, enterprise.id(), type)
			.query(Boolean.class)
			.single();
		if (exists) {
			throw new Conflict("enterpriseId", "unit.exists");
		}
		long id = jdbc.sql("insert into participating_unit (project_id, enterprise_id, unit_type, entry_date) values (?, ?, ?, ?) returning id")
			.params(projectId, enterprise.id(), type, u.entryDate())
			.query(Long.class)
			.single();
		audit.record(AuditRecord.created("participating_unit", id, Map.of("projectId", projectId, "enterpriseId",
				enterprise.id(), "unitType", type, "entryDate", u.entryDate().toString())));
		return unit(projectId, id);
	}

	@Override
	@Transactional
	public ParticipatingUnit exitUnit(long projectId, long unitId, LocalDate exitDate) {
		requireManageable(projectId);
		ParticipatingUnit unit = unit(projectId, unitId);
		if (exitDate == null) {
			throw RuleViolation.of("exitDate", "required");
		}
		if (unit.exitDate() != null) {
			throw new Conflict("exitDate", "unit.already-exited");
		}
		if (exitDate.isBefore(unit.entryDate())) {
			throw RuleViolation.of("exitDate", "date.before-entry");
		}
		jdbc.sql("update participating_unit set exit_date = ? where id = ?").params(exitDate, unitId).update();
		audit.record(AuditRecord.changed("EXITED", "participating_unit", unitId, Map.of("exitDate", "-"),
				Map.of("exitDate", exitDate.toString())));
		return unit(projectId, unitId);
	}

	private ParticipatingUnit unit(long projectId, long unitId) {
		return jdbc.sql("""
				select u.id, u.project_id, u.enterprise_id, e.name, e.credit_code, u.unit_type, u.entry_date, u.exit_date
				from participating_unit u join enterprise e on e.id = u.enterprise_id where u.id = ? and u.project_id = ?""")
			.params(unitId, projectId)
			.query(JdbcProjects::unit)
			.optional()
			.orElseThrow(() -> new NotFound("participating unit", unitId));
	}

	private static ParticipatingUnit unit(ResultSet rs, int n) throws SQLException {
		return new ParticipatingUnit(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getString(4), rs.getString(5),
				rs.getString(6), rs.getObject(7, LocalDate.class), rs.getObject(8, LocalDate.class));
	}

	// ---- calendar -----------------------------------------------------------------------------

	private static final String SELECT_STOPPAGE = """
			select id, project_id, first_day, last_day, reason, kind, declared_by, status, declared_on, decided_by,
			       decision_note
			from project_stoppage""";

	@Override
	public List<Stoppage> stoppages(long projectId) {
		requireVisible(projectId);
		return jdbc.sql(SELECT_STOPPAGE + " where project_id = ? order by first_day, id")
			.param(projectId)
			.query(JdbcProjects::stoppage)
			.list();
	}

	private static Stoppage stoppage(ResultSet rs, int n) throws SQLException {
		return new Stoppage(rs.getLong(1), rs.getLong(2), rs.getObject(3, LocalDate.class), rs.getObject(4, LocalDate.class),
				rs.getString(5), rs.getString(6), rs.getString(7), Stoppage.Status.valueOf(rs.getString(8)),
				rs.getObject(9, LocalDate.class), rs.getString(10), rs.getString(11));
	}

	private Stoppage stoppage(long projectId, long stoppageId) {
		return jdbc.sql(SELECT_STOPPAGE + " where id = ? and project_id = ?")
			.params(stoppageId, projectId)
			.query(JdbcProjects::stoppage)
			.optional()
			.orElseThrow(() -> new NotFound("stoppage", stoppageId));
	}

	/** Stoppages that still count for overlaps: in force or awaiting a decision. */
	private List<Stoppage> standing(long projectId) {
		return stoppages(projectId).stream().filter(s -> s.status() != Stoppage.Status.REJECTED).toList();
	}

	@Override
	@Transactional
	public Stoppage declareStoppage(long projectId, StoppageDeclaration d) {
		Project project = requireVisible(projectId);
		Actor actor = actors.get();
		boolean officer = actor.isOfficer() && actor.oversees(project.regionPath());
		if (!officer) {
			requireManageable(projectId);
		}
		lockProject(projectId);
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
			boolean overlaps = (s.lastDay() == null || !d.firstDay().isAfter(s.lastDay()))
					&& (d.lastDay() == null || !d.lastDay().isBefore(s.firstDay()));
			if (overlaps) {
				throw new Conflict("firstDay", "stoppage.overlaps", s.firstDay().toString());
			}
		}
		LocalDate today = LocalDate.now(clock);
		Stoppage.Status status = officer || !d.firstDay().isBefore(today) ? Stoppage.Status.IN_FORCE
				: Stoppage.Status.PENDING;
		long id = jdbc.sql("""
				insert into project_stoppage (project_id, first_day, last_day, reason, declared_by, status, declared_on)
				values (?, ?, ?, ?, ?, ?, ?) returning id""")
			.params(projectId, d.firstDay(), d.lastDay(), reason, actor.username(), status.name(), today)
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

	@Override
	@Transactional
	public Stoppage approveStoppage(long projectId, long stoppageId, String note) {
		Stoppage pending = pendingForDecision(projectId, stoppageId, note);
		for (Stoppage s : stoppages(projectId)) {
			boolean overlaps = s.inForce() && (s.lastDay() == null || !pending.firstDay().isAfter(s.lastDay()))
					&& (pending.lastDay() == null || !pending.lastDay().isBefore(s.firstDay()));
			if (overlaps) {
				throw new Conflict("stoppageId", "stoppage.overlaps", s.firstDay().toString());
			}
		}
		return decide(pending, Stoppage.Status.IN_FORCE, note);
	}

	@Override
	@Transactional
	public Stoppage rejectStoppage(long projectId, long stoppageId, String note) {
		return decide(pendingForDecision(projectId, stoppageId, note), Stoppage.Status.REJECTED, note);
	}

	private Stoppage pendingForDecision(long projectId, long stoppageId, String note) {
		requireOverseen(projectId);
		lockProject(projectId);
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
				update project_stoppage set status = ?, decided_by = ?, decided_at = ?, decision_note = ?
				where id = ? and status = 'PENDING'""")
			.params(decision.name(), actors.get().username(), Timestamp.from(clock.instant()), note.strip(),
					pending.id())
			.update();
		audit.record(AuditRecord.changed(decision == Stoppage.Status.IN_FORCE ? "APPROVED" : "REJECTED",
				"project_stoppage", pending.id(), Map.of("status", "PENDING"),
				Map.of("status", decision.name(), "note", note.strip())));
		return stoppage(pending.projectId(), pending.id());
	}

	@Override
	@Transactional
	public Stoppage resume(long projectId, LocalDate resumptionDay) {
		requireManageable(projectId);
		lockProject(projectId);
		if (resumptionDay == null) {
			throw RuleViolation.of("resumptionDay", "required");
		}
		List<Stoppage> openOnes = standing(projectId).stream().filter(s -> s.lastDay() == null).toList();
		if (openOnes.stream().anyMatch(s -> "ORDERED".equals(s.kind()))) {
			throw new Conflict("resumptionDay", "stoppage.ordered");
		}
		Stoppage open = openOnes.stream()
			.findFirst()
			.orElseThrow(() -> new Conflict("resumptionDay", "stoppage.none-open"));
		if (!resumptionDay.isAfter(open.firstDay())) {
			throw RuleViolation.of("resumptionDay", "stoppage.resume-before-stop");
		}
		jdbc.sql("update project_stoppage set last_day = ?, resumed_by = ?, resumed_at = now() where id = ?")
			.params(resumptionDay.minusDays(1), actors.get().username(), open.id())
			.update();
		audit.record(AuditRecord.changed("RESUMED", "project_stoppage", open.id(), Map.of("lastDay", "-"),
				Map.of("lastDay", resumptionDay.minusDays(1).toString(), "resumptionDay", resumptionDay.toString())));
		return stoppages(projectId).stream().filter(s -> s.id() == open.id()).findFirst().orElseThrow();
	}

	@Override
	@Transactional
	public Stoppage orderStoppage(long projectId, LocalDate firstDay, String reason) {
		Project project = requireOverseen(projectId);
		lockProject(projectId);
		Checks checks = new Checks();
		checks.required("firstDay", firstDay);
		checks.maxLength("reason", checks.required("reason", reason), 500);
		if (firstDay != null) {
			checks.check(project.startDate() != null && !firstDay.isBefore(project.startDate()), "firstDay",
					"stoppage.before-start");
		}
		checks.throwIfAny();
		for (Stoppage s : standing(projectId)) {
			if (s.lastDay() == null || !firstDay.isAfter(s.lastDay())) {
				if (s.lastDay() == null || !s.firstDay().isAfter(firstDay)) {
					throw new Conflict("firstDay", "stoppage.overlaps", s.firstDay().toString());
				}
			}
		}
		long id = jdbc.sql("""
				insert into project_stoppage (project_id, first_day, last_day, reason, kind, declared_by, declared_on)
				values (?, ?, null, ?, 'ORDERED', ?, ?) returning id""")
			.params(projectId, firstDay, reason.strip(), actors.get().username(), LocalDate.now(clock))
			.query(Long.class)
			.single();
		audit.record(AuditRecord.created("project_stoppage", id,
				Map.of("kind", "ORDERED", "firstDay", firstDay.toString(), "reason", reason.strip())));
		return stoppage(projectId, id);
	}

	@Override
	@Transactional
	public Stoppage liftOrderedStoppage(long projectId, long stoppageId, LocalDate resumptionDay) {
		requireOverseen(projectId);
		lockProject(projectId);
		Stoppage ordered = stoppages(projectId).stream()
			.filter(s -> s.id() == stoppageId && "ORDERED".equals(s.kind()) && s.lastDay() == null)
			.findFirst()
			.orElseThrow(() -> new Conflict("stoppageId", "stoppage.none-open"));
		if (resumptionDay == null || !resumptionDay.isAfter(ordered.firstDay())) {
			throw RuleViolation.of("resumptionDay", "stoppage.resume-before-stop");
		}
		jdbc.sql("update project_stoppage set last_day = ?, resumed_by = ?, resumed_at = now() where id = ?")
			.params(resumptionDay.minusDays(1), actors.get().username(), stoppageId)
			.update();
		audit.record(AuditRecord.changed("STOP_WORK_LIFTED", "project_stoppage", stoppageId, Map.of("lastDay", "-"),
				Map.of("resumptionDay", resumptionDay.toString())));
		return stoppages(projectId).stream().filter(s -> s.id() == stoppageId).findFirst().orElseThrow();
	}

	@Override
	@Transactional
	public Project complete(long projectId, LocalDate completionDate) {
		Project before = requireManageable(projectId);
		lockProject(projectId);
		if (completionDate == null) {
			throw RuleViolation.of("completionDate", "required");
		}
		if (before.startDate() == null || completionDate.isBefore(before.startDate())) {
			throw RuleViolation.of("completionDate", "date.before-start");
		}
		if (before.completionDate() != null) {
			throw new Conflict("completionDate", "project.already-completed");
		}
		LocalDate earliest = LocalDate.now(clock).minusDays(graceDays);
		if (completionDate.isBefore(earliest) && !oversees(before)) {
			throw RuleViolation.of("completionDate", "project.completion-back-dated", earliest);
		}
		jdbc.sql("update project set completion_date = ?, updated_at = now() where id = ?").params(completionDate, projectId).update();
		Project after = load(projectId).orElseThrow();
		audit.record(AuditRecord.changed("COMPLETED", "project", projectId, state(before), state(after)));
		return after;
	}

	/** An officer whose region contains the project: changes to its past are their act. */
	private boolean oversees(Project project) {
		return actors.get().oversees(project.regionPath());
	}

	private void lockProject(long projectId) {
		jdbc.sql("select id from project where id = ? for update").param(projectId).query(Long.class).single();
	}

	// ---- mapping ------------------------------------------------------------------------------

	private Project row(ResultSet rs, int n) throws SQLException {
		LocalDate today = LocalDate.now(clock);
		LocalDate start = rs.getObject("start_date", LocalDate.class);
		LocalDate completion = rs.getObject("completion_date", LocalDate.class);
		Project.Status status;
		if (start == null || start.isAfter(today)) {
			status = Project.Status.NOT_STARTED;
		}
		else if (completion != null && completion.isBefore(today)) {
			status = Project.Status.COMPLETED;
		}
		else if (rs.getBoolean("stopped_today")) {
			status = Project.Status.STOPPED;
		}
		else {
			status = Project.Status.UNDER_CONSTRUCTION;
		}
		return new Project(rs.getLong("id"), rs.getString("code"), rs.getString("name"), rs.getString("region_code"),
				rs.getString("region_path"), rs.getString("address"), rs.getBigDecimal("longitude"),
				rs.getBigDecimal("latitude"), rs.getString("category"), rs.getString("construction_nature"),
				rs.getLong("contractor_id"), rs.getString("contractor_name"), start,
				rs.getObject("planned_completion_date", LocalDate.class), completion, status);
	}

	private static Map<String, Object> state(Project p) {
		Map<String, Object> state = new LinkedHashMap<>();
		state.put("code", p.code());
		state.put("name", p.name());
		state.put("regionCode", p.regionCode());
		state.put("address", p.address());
		state.put("longitude", p.longitude());
		state.put("latitude", p.latitude());
		state.put("category", p.category());
		state.put("constructionNature", p.constructionNature());
		state.put("contractorId", p.contractorId());
		state.put("startDate", p.startDate() == null ? null : p.startDate().toString());
		state.put("plannedCompletionDate", p.plannedCompletionDate() == null ? null : p.plannedCompletionDate().toString());
		state.put("completionDate", p.completionDate() == null ? null : p.completionDate().toString());
		return state;
	}

}
