package io.siteroll.project.internal;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import io.siteroll.audit.AuditRecord;
import io.siteroll.audit.AuditTrail;
import io.siteroll.enterprise.Enterprises;
import io.siteroll.identity.Actor;
import io.siteroll.identity.CurrentActor;
import io.siteroll.identity.Role;
import io.siteroll.platform.Checks;
import io.siteroll.platform.CodeDictionary;
import io.siteroll.platform.Conflict;
import io.siteroll.platform.Forbidden;
import io.siteroll.platform.Page;
import io.siteroll.platform.RuleViolation;
import io.siteroll.platform.SqlSearch;
import io.siteroll.project.CoverageConditions;
import io.siteroll.project.ParticipatingUnit;
import io.siteroll.project.Project;
import io.siteroll.project.ProjectAccess;
import io.siteroll.project.Projects;
import io.siteroll.project.Stoppage;
import io.siteroll.region.Region;
import io.siteroll.region.Regions;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 项目登记: registering, updating, finding, starting and completing projects, within the caller's scope
 * ({@link ProjectScope}). Participating units ({@link UnitRoll}) and stoppages ({@link StoppageBook}) are
 * kept by their own services; this one answers for them under {@link Projects} and holds the transaction.
 */
@Service
class ProjectRegistry implements Projects {

	/** Jilin's extent, with a margin: coordinates outside it are a typing error. */
	private static final BigDecimal MIN_LNG = new BigDecimal("121.0"), MAX_LNG = new BigDecimal("132.0");

	private static final BigDecimal MIN_LAT = new BigDecimal("40.5"), MAX_LAT = new BigDecimal("46.5");

	private final JdbcClient jdbc;

	private final ProjectRecords records;

	private final ProjectAccess scope;

	private final UnitRoll units;

	private final StoppageBook stoppages;

	private final Regions regions;

	private final Enterprises enterprises;

	private final CodeDictionary codes;

	private final AuditTrail audit;

	private final CurrentActor actors;

	private final Clock clock;

	/** How many days back the enterprise side may still date a start or completion (siteroll.project.back-dating-grace-days). */
	private final int graceDays;

	/** Defined by the module that counts coverage; looked up when a search filters by it. */
	private final ObjectProvider<CoverageConditions> coverage;

	ProjectRegistry(JdbcClient jdbc, ProjectRecords records, ProjectAccess scope, UnitRoll units, StoppageBook stoppages,
			Regions regions, Enterprises enterprises, CodeDictionary codes, AuditTrail audit, CurrentActor actors,
			Clock clock, @Value("${siteroll.project.back-dating-grace-days:3}") int graceDays,
			ObjectProvider<CoverageConditions> coverage) {
		this.coverage = coverage;
		this.jdbc = jdbc;
		this.records = records;
		this.scope = scope;
		this.units = units;
		this.stoppages = stoppages;
		this.regions = regions;
		this.enterprises = enterprises;
		this.codes = codes;
		this.audit = audit;
		this.actors = actors;
		this.clock = clock;
		this.graceDays = graceDays;
	}

	// ---- registration -------------------------------------------------------------------------

	@Override
	@Transactional
	public Registered register(Registration r) {
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
		Optional<Long> known = jdbc.sql("select id from project where contractor_id = ? and name = ? and region_code = ?")
			.params(contractorId, valid.name(), valid.regionCode())
			.query(Long.class)
			.optional();
		if (known.isPresent()) {
			audit.record(new AuditRecord("RECOLLECTION_ATTEMPT", "project", String.valueOf(known.get()), null,
					Map.of("name", valid.name(), "regionCode", valid.regionCode())));
			return new Registered(records.find(known.get()).orElseThrow(), false);
		}
		long seq = jdbc.sql("select nextval('project_code_seq')").query(Long.class).single();
		String code = region.code() + LocalDate.now(clock).getYear() + String.format("%06d", seq);
		long id = jdbc.sql("""
				insert into project (code, name, region_code, address, longitude, latitude, category, construction_nature,
				                     contractor_id, start_date, planned_completion_date)
				values (:code, :name, :region, :address, :longitude, :latitude, :category, :nature,
				        :contractor, :start, :plannedCompletion) returning id""")
			.param("code", code)
			.params(columns(valid))
			.param("contractor", contractorId)
			.query(Long.class)
			.single();
		Project created = records.find(id).orElseThrow();
		audit.record(AuditRecord.created("project", id, state(created)));
		units.enterGeneralContractor(id, contractorId,
				valid.startDate() != null ? valid.startDate() : LocalDate.now(clock));
		return new Registered(created, true);
	}

	@Override
	@Transactional
	public Project update(long projectId, Registration r) {
		Project before = scope.requireManageable(projectId);
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
		if (!Objects.equals(before.startDate(), valid.startDate()) && !scope.oversees(before)) {
			// moving a start date that has passed, or into the past, changes construction days already judged
			LocalDate earliest = LocalDate.now(clock).minusDays(graceDays);
			boolean pastBefore = before.startDate() != null && before.startDate().isBefore(earliest);
			boolean pastAfter = valid.startDate() != null && valid.startDate().isBefore(earliest);
			if (pastBefore || pastAfter) {
				throw RuleViolation.of("startDate", "project.start-back-dated", earliest);
			}
		}
		jdbc.sql("""
				update project set name = :name, region_code = :region, address = :address, longitude = :longitude,
				       latitude = :latitude, category = :category, construction_nature = :nature, start_date = :start,
				       planned_completion_date = :plannedCompletion, updated_at = now()
				where id = :id""")
			.params(columns(valid))
			.param("id", projectId)
			.update();
		Project after = records.find(projectId).orElseThrow();
		audit.record(AuditRecord.changed("UPDATED", "project", projectId, state(before), state(after)));
		return after;
	}

	/** The registration's columns as named parameters of the insert and the update. */
	private static Map<String, Object> columns(Registration valid) {
		Map<String, Object> columns = new HashMap<>();
		columns.put("name", valid.name());
		columns.put("region", valid.regionCode());
		columns.put("address", valid.address());
		columns.put("longitude", valid.longitude());
		columns.put("latitude", valid.latitude());
		columns.put("category", valid.category());
		columns.put("nature", valid.constructionNature());
		columns.put("start", valid.startDate());
		columns.put("plannedCompletion", valid.plannedCompletionDate());
		return columns;
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
		return scope.requireVisible(projectId);
	}

	@Override
	public Page<Project> search(Search search, int page, int size) {
		ProjectAccess.Scope visible = scope.visibleProjects("p.id");
		String q = SqlSearch.text(search.query());
		String region = SqlSearch.text(search.regionCode());
		SqlSearch.Where where = SqlSearch.where(visible.sql(), visible.params())
			.param("today", LocalDate.now(clock))
			.and("(p.name ilike :q or p.code like :q or p.address ilike :q or e.name ilike :q)", "q",
					q == null ? null : SqlSearch.containing(q))
			.and("r.path like :filterPath", "filterPath",
					region == null ? null : regions.find(search.regionCode()).map(Region::path).orElse("-") + "%");
		if (search.status() != null) {
			String stoppedToday = "exists (select 1 from project_stoppage s where s.project_id = p.id and s.status = 'IN_FORCE'"
					+ " and s.first_day <= :today and (s.last_day is null or s.last_day >= :today))";
			String building = "p.start_date <= :today and (p.completion_date is null or p.completion_date >= :today)";
			where.and(switch (search.status()) {
				case NOT_STARTED -> "(p.start_date is null or p.start_date > :today)";
				case COMPLETED -> "p.completion_date < :today";
				case STOPPED -> building + " and " + stoppedToday;
				case UNDER_CONSTRUCTION -> building + " and not " + stoppedToday;
			});
		}
		if (search.coverage() != null) {
			CoverageConditions.Condition condition = coverage.getObject()
				.of(search.coverage(), search.coverageDay() == null ? LocalDate.now(clock) : search.coverageDay(), "p.id");
			where.and(condition.sql());
			condition.params().forEach(where::param);
		}
		return where.page(jdbc, ProjectRecords.FROM, "p.id desc", page, size, records::list);
	}

	// ---- completion ---------------------------------------------------------------------------

	@Override
	@Transactional
	public Project complete(long projectId, LocalDate completionDate) {
		Project before = scope.requireManageable(projectId);
		records.lock(projectId);
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
		if (completionDate.isBefore(earliest) && !scope.oversees(before)) {
			throw RuleViolation.of("completionDate", "project.completion-back-dated", earliest);
		}
		jdbc.sql("update project set completion_date = :completion, updated_at = now() where id = :id")
			.param("completion", completionDate)
			.param("id", projectId)
			.update();
		Project after = records.find(projectId).orElseThrow();
		audit.record(AuditRecord.changed("COMPLETED", "project", projectId, state(before), state(after)));
		return after;
	}

	// ---- participating units and stoppages ----------------------------------------------------

	@Override
	public List<ParticipatingUnit> units(long projectId) {
		return units.units(projectId);
	}

	@Override
	@Transactional
	public ParticipatingUnit addUnit(long projectId, UnitRegistration unit) {
		return units.addUnit(projectId, unit);
	}

	@Override
	@Transactional
	public ParticipatingUnit exitUnit(long projectId, long unitId, LocalDate exitDate) {
		return units.exitUnit(projectId, unitId, exitDate);
	}

	@Override
	public List<Stoppage> stoppages(long projectId) {
		return stoppages.stoppages(projectId);
	}

	@Override
	@Transactional
	public Stoppage declareStoppage(long projectId, StoppageDeclaration declaration) {
		return stoppages.declare(projectId, declaration);
	}

	@Override
	@Transactional
	public Stoppage approveStoppage(long projectId, long stoppageId, String note) {
		return stoppages.approve(projectId, stoppageId, note);
	}

	@Override
	@Transactional
	public Stoppage rejectStoppage(long projectId, long stoppageId, String note) {
		return stoppages.reject(projectId, stoppageId, note);
	}

	@Override
	@Transactional
	public Stoppage resume(long projectId, LocalDate resumptionDay) {
		return stoppages.resume(projectId, resumptionDay);
	}

	@Override
	@Transactional
	public Stoppage orderStoppage(long projectId, LocalDate firstDay, String reason) {
		return stoppages.order(projectId, firstDay, reason);
	}

	@Override
	@Transactional
	public Stoppage liftOrderedStoppage(long projectId, long stoppageId, LocalDate resumptionDay) {
		return stoppages.lift(projectId, stoppageId, resumptionDay);
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

	@Override
	public Page<Stoppage> pendingStoppages(int page, int size) {
		return stoppages.pendingOverseen(page, size);
	}
}
