package io.siteroll.personnel.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.siteroll.audit.AuditRecord;
import io.siteroll.audit.AuditTrail;
import io.siteroll.identity.CurrentActor;
import io.siteroll.personnel.ManagerChangeRequest;
import io.siteroll.personnel.ManagerPost;
import io.siteroll.personnel.ManagerPosts;
import io.siteroll.personnel.Post;
import io.siteroll.platform.Checks;
import io.siteroll.platform.CodeDictionary;
import io.siteroll.platform.Conflict;
import io.siteroll.platform.Forbidden;
import io.siteroll.platform.NotFound;
import io.siteroll.platform.Page;
import io.siteroll.platform.SqlSearch;
import io.siteroll.platform.RuleViolation;
import io.siteroll.project.ParticipatingUnit;
import io.siteroll.project.Project;
import io.siteroll.project.ProjectAccess;
import io.siteroll.project.Projects;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
class ManagerAppointments implements ManagerPosts {

	private static final String SELECT = """
			select m.id, m.project_id, m.person_id, p.name person_name, p.id_number_masked, m.post, m.participating_unit_id,
			       e.name unit_name, u.unit_type, m.tenure_from, m.tenure_to
			from manager_post m join person p on p.id = m.person_id
			     join participating_unit u on u.id = m.participating_unit_id join enterprise e on e.id = u.enterprise_id""";

	private static final String REQUEST_COLUMNS = """
			select c.id, c.project_id, c.post, c.outgoing_post_id, c.incoming_person_id, p.name, c.incoming_unit_id,
			       c.effective_date, c.reason, c.status, c.requested_by, c.requested_at, c.decided_by, c.decided_at, c.decision_note""";

	private static final String REQUEST_FROM = " from manager_change_request c join person p on p.id = c.incoming_person_id";

	private static final String SELECT_REQUEST = REQUEST_COLUMNS + REQUEST_FROM;

	private final JdbcClient jdbc;

	private final ProjectAccess access;

	private final Projects projects;

	private final CodeDictionary codes;

	private final AuditTrail audit;

	private final CurrentActor actors;

	private final Clock clock;

	/** How many days before the day it is filed a tenure change may take effect (siteroll.personnel.back-dating-grace-days). */
	private final int graceDays;

	ManagerAppointments(JdbcClient jdbc, ProjectAccess access, Projects projects, CodeDictionary codes, AuditTrail audit,
			CurrentActor actors, Clock clock, @Value("${siteroll.personnel.back-dating-grace-days:3}") int graceDays) {
		this.clock = clock;
		this.graceDays = graceDays;
		this.jdbc = jdbc;
		this.access = access;
		this.projects = projects;
		this.codes = codes;
		this.audit = audit;
		this.actors = actors;
	}

	@Override
	@Transactional
	public ManagerPost appoint(long projectId, Appointment a) {
		access.requireManageable(projectId);
		lockProject(projectId);
		validate(projectId, a.personId(), a.post(), a.unitId(), a.tenureFrom(), "personId", "unitId", "tenureFrom");
		Post post = Post.ofCode(a.post().strip());
		if (post.replacedOnlyWithApproval() && activeHolder(projectId, post) != null) {
			throw new Conflict("post", "manager.key-post-occupied");
		}
		boolean alreadyInPost = jdbc.sql("""
				select exists (select 1 from manager_post
				               where project_id = :project and person_id = :person and post = :post and tenure_to is null)""")
			.param("project", projectId)
			.param("person", a.personId())
			.param("post", post.name())
			.query(Boolean.class)
			.single();
		if (alreadyInPost) {
			throw new Conflict("personId", "manager.already-in-post");
		}
		long id = insertPost(projectId, a.personId(), post, a.unitId(), a.tenureFrom());
		return require(projectId, id);
	}

	private long insertPost(long projectId, long personId, Post post, long unitId, LocalDate from) {
		long id = jdbc.sql("""
				insert into manager_post (project_id, person_id, post, participating_unit_id, tenure_from)
				values (:project, :person, :post, :unit, :from) returning id""")
			.param("project", projectId)
			.param("person", personId)
			.param("post", post.name())
			.param("unit", unitId)
			.param("from", from)
			.query(Long.class)
			.single();
		Map<String, Object> state = new LinkedHashMap<>();
		state.put("projectId", projectId);
		state.put("personId", personId);
		state.put("post", post.name());
		state.put("unitId", unitId);
		state.put("tenureFrom", from.toString());
		audit.record(AuditRecord.created("manager_post", id, state));
		return id;
	}

	private void validate(long projectId, Long personId, String post, Long unitId, LocalDate from, String personField,
			String unitField, String dateField) {
		Checks checks = new Checks();
		checks.field("post", () -> codes.require(CodeDictionary.MANAGER_POST, post));
		checks.required(personField, personId);
		checks.required(unitField, unitId);
		checks.required(dateField, from);
		checks.throwIfAny();
		boolean personExists = jdbc.sql("select exists (select 1 from person where id = ?)").param(personId).query(Boolean.class).single();
		checks.check(personExists, personField, "person.unknown");
		ParticipatingUnit unit = projects.units(projectId).stream().filter(u -> u.id() == unitId).findFirst().orElse(null);
		if (unit == null) {
			checks.check(false, unitField, "unit.unknown");
		}
		else {
			checks.check(Post.ofCode(post.strip()).mayBeEmployedBy(unit.unitType()), unitField, "manager.unit-type-unfit");
			checks.check(!from.isBefore(unit.entryDate()) && (unit.exitDate() == null || !from.isAfter(unit.exitDate())),
					dateField, "manager.outside-unit-period");
		}
		checks.throwIfAny();
	}

	@Override
	@Transactional
	public ManagerPost endTenure(long projectId, long postId, LocalDate lastDay) {
		Project project = access.requireManageable(projectId);
		ManagerPost post = require(projectId, postId);
		if (post.post().replacedOnlyWithApproval()) {
			throw new Conflict("post", "manager.key-post-change-needs-approval");
		}
		if (!post.active()) {
			throw new Conflict("tenureTo", "manager.already-ended");
		}
		if (lastDay == null) {
			throw RuleViolation.of("tenureTo", "required");
		}
		if (lastDay.isBefore(post.tenureFrom())) {
			throw RuleViolation.of("tenureTo", "date.before-start");
		}
		boolean correction = backDated(project, lastDay.plusDays(1), "tenureTo");
		jdbc.sql("update manager_post set tenure_to = ? where id = ?").params(lastDay, postId).update();
		audit.record(AuditRecord.changed(correction ? "TENURE_ENDED_RETROACTIVELY" : "TENURE_ENDED", "manager_post", postId,
				Map.of("tenureTo", "-"), Map.of("tenureTo", lastDay.toString(), "filedOn", LocalDate.now(clock).toString())));
		return require(projectId, postId);
	}

	@Override
	public List<ManagerPost> posts(long projectId) {
		access.requireVisible(projectId);
		return jdbc.sql(SELECT + " where m.project_id = ? order by m.tenure_to nulls first, m.post, m.tenure_from")
			.param(projectId)
			.query(ManagerAppointments::row)
			.list();
	}

	@Override
	public List<ManagerPost> postsOf(long personId) {
		return jdbc.sql(SELECT + " where m.person_id = ? order by m.tenure_from").param(personId).query(ManagerAppointments::row).list()
			.stream()
			.filter(p -> {
				try {
					access.requireVisible(p.projectId());
					return true;
				}
				catch (NotFound e) {
					return false;
				}
			})
			.toList();
	}

	private ManagerPost require(long projectId, long postId) {
		return jdbc.sql(SELECT + " where m.id = ? and m.project_id = ?")
			.params(postId, projectId)
			.query(ManagerAppointments::row)
			.optional()
			.orElseThrow(() -> new NotFound("manager post", postId));
	}

	/** The one holder of a post replaced only with approval, or null while it is vacant. */
	private ManagerPost activeHolder(long projectId, Post post) {
		return jdbc.sql(SELECT + " where m.project_id = :project and m.post = :post and m.tenure_to is null")
			.param("project", projectId)
			.param("post", post.name())
			.query(ManagerAppointments::row)
			.optional()
			.orElse(null);
	}

	// ---- change requests ----------------------------------------------------------------------

	/**
	 * A tenure may change from a day before the one it is filed only within the grace; earlier, it is a
	 * correction only an officer overseeing the project makes (returns true, and the caller audits it
	 * as such). The enterprise side is refused.
	 */
	private boolean backDated(Project project, LocalDate effective, String field) {
		LocalDate earliest = LocalDate.now(clock).minusDays(graceDays);
		if (!effective.isBefore(earliest)) {
			return false;
		}
		if (access.oversees(project)) {
			return true;
		}
		throw RuleViolation.of(field, "manager.change-back-dated", earliest);
	}

	@Override
	@Transactional
	public ManagerChangeRequest requestChange(long projectId, ChangeRequest r) {
		// the enterprise side files a change; an officer overseeing the project may file a correction
		Project project = access.canOversee(projectId) ? access.requireOverseen(projectId) : access.requireManageable(projectId);
		lockProject(projectId);
		Checks checks = new Checks();
		Post post = r.post() == null ? null : Post.ofCode(r.post().strip());
		checks.check(post != null && post.replacedOnlyWithApproval(), "post", "manager.change-only-key-posts");
		String reason = checks.maxLength("reason", checks.required("reason", r.reason()), 500);
		checks.throwIfAny();
		validate(projectId, r.incomingPersonId(), post.name(), r.incomingUnitId(), r.effectiveDate(), "incomingPersonId",
				"incomingUnitId", "effectiveDate");
		ManagerPost outgoing = activeHolder(projectId, post);
		if (outgoing != null) {
			if (outgoing.personId() == r.incomingPersonId()) {
				throw new Conflict("incomingPersonId", "manager.same-person");
			}
			if (!r.effectiveDate().isAfter(outgoing.tenureFrom())) {
				throw RuleViolation.of("effectiveDate", "manager.change-before-tenure");
			}
		}
		boolean correction = backDated(project, r.effectiveDate(), "effectiveDate");
		boolean pending = jdbc.sql("""
				select exists (select 1 from manager_change_request
				               where project_id = :project and post = :post and status = 'PENDING')""")
			.param("project", projectId)
			.param("post", post.name())
			.query(Boolean.class)
			.single();
		if (pending) {
			throw new Conflict("post", "manager.change-pending");
		}
		long id = jdbc.sql("""
				insert into manager_change_request (project_id, post, outgoing_post_id, incoming_person_id, incoming_unit_id,
				                                    effective_date, reason, status, requested_by)
				values (:project, :post, :outgoing, :incomingPerson, :incomingUnit, :effective, :reason, 'PENDING', :by)
				returning id""")
			.param("project", projectId)
			.param("post", post.name())
			.param("outgoing", outgoing == null ? null : outgoing.id())
			.param("incomingPerson", r.incomingPersonId())
			.param("incomingUnit", r.incomingUnitId())
			.param("effective", r.effectiveDate())
			.param("reason", reason)
			.param("by", actors.get().username())
			.query(Long.class)
			.single();
		Map<String, Object> state = new LinkedHashMap<>();
		state.put("post", post.name());
		state.put("outgoingPostId", outgoing == null ? null : outgoing.id());
		state.put("incomingPersonId", r.incomingPersonId());
		state.put("effectiveDate", r.effectiveDate().toString());
		state.put("reason", reason);
		state.put("filedOn", LocalDate.now(clock).toString());
		state.put("retroactiveCorrection", correction);
		audit.record(AuditRecord.created("manager_change_request", id, state));
		return request(projectId, id);
	}

	@Override
	@Transactional
	public ManagerChangeRequest approve(long projectId, long requestId, String note) {
		ManagerChangeRequest request = decide(projectId, requestId, ManagerChangeRequest.Status.APPROVED, note);
		if (request.outgoingPostId() != null) {
			int ended = jdbc.sql("update manager_post set tenure_to = ? where id = ? and tenure_to is null")
				.params(request.effectiveDate().minusDays(1), request.outgoingPostId())
				.update();
			if (ended == 0) {
				throw new Conflict("outgoingPostId", "manager.already-ended");
			}
			audit.record(AuditRecord.changed("TENURE_ENDED", "manager_post", request.outgoingPostId(), Map.of("tenureTo", "-"),
					Map.of("tenureTo", request.effectiveDate().minusDays(1).toString(), "changeRequestId", requestId)));
		}
		else if (activeHolder(projectId, request.post()) != null) {
			throw new Conflict("post", "manager.key-post-occupied");
		}
		insertPost(projectId, request.incomingPersonId(), request.post(), request.incomingUnitId(), request.effectiveDate());
		return request;
	}

	@Override
	@Transactional
	public ManagerChangeRequest reject(long projectId, long requestId, String note) {
		if (note == null || note.isBlank()) {
			throw RuleViolation.of("note", "required");
		}
		return decide(projectId, requestId, ManagerChangeRequest.Status.REJECTED, note);
	}

	private ManagerChangeRequest decide(long projectId, long requestId, ManagerChangeRequest.Status decision, String note) {
		access.requireOverseen(projectId);
		lockProject(projectId);
		ManagerChangeRequest request = request(projectId, requestId);
		if (request.status() != ManagerChangeRequest.Status.PENDING) {
			throw new Conflict("status", "manager.change-already-decided");
		}
		if (request.requestedBy().equals(actors.get().username())) {
			throw new Forbidden("manager.change-own-request");
		}
		jdbc.sql("update manager_change_request set status = ?, decided_by = ?, decided_at = now(), decision_note = ? where id = ?")
			.params(decision.name(), actors.get().username(), note, requestId)
			.update();
		audit.record(AuditRecord.changed(decision.name(), "manager_change_request", requestId, Map.of("status", "PENDING"),
				Map.of("status", decision.name(), "note", note == null ? "" : note)));
		return request(projectId, requestId);
	}

	@Override
	public List<ManagerChangeRequest> changeRequests(long projectId) {
		access.requireVisible(projectId);
		return jdbc.sql(SELECT_REQUEST + " where c.project_id = ? order by c.id desc")
			.param(projectId)
			.query(ManagerAppointments::requestRow)
			.list();
	}

	@Override
	public Page<ManagerChangeRequest> pendingChanges(int page, int size) {
		if (!actors.get().isOfficer()) {
			return new Page<>(List.of(), page, size, 0);
		}
		// an officer oversees exactly the projects the officer sees: the region's subtree
		ProjectAccess.Scope scope = access.visibleProjects("c.project_id");
		return SqlSearch.where("c.status = 'PENDING' and " + scope.sql(), scope.params())
			.page(jdbc, REQUEST_COLUMNS, REQUEST_FROM, "c.requested_at, c.id", ManagerAppointments::requestRow, page, size);
	}

	private ManagerChangeRequest request(long projectId, long id) {
		return jdbc.sql(SELECT_REQUEST + " where c.id = ? and c.project_id = ?")
			.params(id, projectId)
			.query(ManagerAppointments::requestRow)
			.optional()
			.orElseThrow(() -> new NotFound("change request", id));
	}

	private void lockProject(long projectId) {
		jdbc.sql("select id from project where id = ? for update").param(projectId).query(Long.class).single();
	}

	private static ManagerPost row(ResultSet rs, int n) throws SQLException {
		return new ManagerPost(rs.getLong("id"), rs.getLong("project_id"), rs.getLong("person_id"),
				rs.getString("person_name"), rs.getString("id_number_masked"), Post.valueOf(rs.getString("post")),
				rs.getLong("participating_unit_id"), rs.getString("unit_name"),
				ParticipatingUnit.Type.ofCode(rs.getString("unit_type")),
				rs.getObject("tenure_from", LocalDate.class), rs.getObject("tenure_to", LocalDate.class));
	}

	private static ManagerChangeRequest requestRow(ResultSet rs, int n) throws SQLException {
		return new ManagerChangeRequest(rs.getLong(1), rs.getLong(2), Post.valueOf(rs.getString(3)), rs.getObject(4, Long.class),
				rs.getLong(5), rs.getString(6), rs.getLong(7), rs.getObject(8, LocalDate.class), rs.getString(9),
				ManagerChangeRequest.Status.valueOf(rs.getString(10)), rs.getString(11),
				rs.getObject(12, OffsetDateTime.class), rs.getString(13), rs.getObject(14, OffsetDateTime.class),
				rs.getString(15));
	}
}
