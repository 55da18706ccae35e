package io.siteroll.enforcement.internal;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import io.siteroll.audit.AuditRecord;
import io.siteroll.audit.AuditTrail;
import io.siteroll.compliance.InspectionShortfall;
import io.siteroll.compliance.Measure;
import io.siteroll.device.DeviceReadModel;
import io.siteroll.enforcement.Inspection.Attack;
import io.siteroll.enforcement.Inspection;
import io.siteroll.enforcement.Attachment;
import io.siteroll.enforcement.Inspections;
import io.siteroll.identity.CurrentActor;
import io.siteroll.platform.Checks;
import io.siteroll.platform.CodeDictionary;
import io.siteroll.platform.Forbidden;
import io.siteroll.platform.NotFound;
import io.siteroll.platform.Page;
import io.siteroll.platform.SqlSearch;
import io.siteroll.project.ProjectAccess;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Records on-site inspections: the checklist items, the R3 shortfall of the headcount the inspectors counted (the
 * arithmetic is compliance's), the function tests of the devices, and the attachments. Failed function tests issue
 * a rectification order at once.
 */
@Service
class InspectionBook implements Inspections {

	/** The column's word for "nobody was missing": {@code inspection.shortfall_measure} is not null. */
	private static final String NOBODY_MISSING = "NONE";

	private final JdbcClient jdbc;

	private final ProjectAccess access;

	private final InspectionShortfall shortfalls;

	private final OrderIssuing orders;

	private final CodeDictionary codes;

	private final AttachmentStore attachments;

	private final CurrentActor actors;

	private final AuditTrail audit;

	private final Clock clock;

	InspectionBook(JdbcClient jdbc, ProjectAccess access, InspectionShortfall shortfalls, OrderIssuing orders,
			CodeDictionary codes, AttachmentStore attachments, CurrentActor actors, AuditTrail audit, Clock clock) {
		this.jdbc = jdbc;
		this.access = access;
		this.shortfalls = shortfalls;
		this.orders = orders;
		this.codes = codes;
		this.attachments = attachments;
		this.actors = actors;
		this.audit = audit;
		this.clock = clock;
	}

	@Override
	@Transactional
	public Inspection record(long projectId, Record r) {
		access.requireOverseen(projectId);
		Checks checks = new Checks();
		checks.required("day", r.day());
		if (r.day() != null) {
			checks.check(!r.day().isAfter(LocalDate.now(clock)), "day", "date.in-future");
		}
		checks.maxLength("inspectors", checks.required("inspectors", r.inspectors()), 500);
		checks.required("devicesEquipped", r.devicesEquipped());
		checks.required("devicesConnected", r.devicesConnected());
		checks.required("headcount", r.headcount());
		checks.maxLength("notes", r.notes(), 4000);
		List<String> managers = r.managersPresent() == null ? List.of() : r.managersPresent();
		for (String post : managers) {
			checks.check(codes.exists(CodeDictionary.MANAGER_POST, post), "managersPresent", "code.unknown", post);
		}
		List<Inspections.TestRecord> recorded = r.functionTests() == null ? List.of() : r.functionTests();
		for (Inspections.TestRecord t : recorded) {
			checks.check(t.deviceId() != null && jdbc.sql("select exists (select 1 from " + DeviceReadModel.REGISTRATION.sql() + " where id = ? and project_id = ?)")
				.params(t.deviceId(), projectId).query(Boolean.class).single(), "functionTests", "inspection.device-not-on-project");
			checks.check(Attack.ofCode(t.attack()) != null, "functionTests", "code.unknown", String.valueOf(t.attack()));
			checks.required("functionTests", t.passed());
		}
		checks.throwIfAny();
		InspectionShortfall.Result r3 = shortfalls.judge(projectId, r.day(), r.headcount());
		long id = jdbc.sql("""
				insert into inspection (project_id, day, inspectors, devices_equipped, devices_connected, managers_present,
				                        headcount, workers_with_valid_day, shortfall, shortfall_measure, notes, recorded_by)
				values (:project, :day, :inspectors, :equipped, :connected, string_to_array(:managers, ','),
				        :headcount, :workersWithValidDay, :shortfall, :measure, :notes, :recordedBy) returning id""")
			.param("project", projectId)
			.param("day", r.day())
			.param("inspectors", r.inspectors().strip())
			.param("equipped", r.devicesEquipped())
			.param("connected", r.devicesConnected())
			.param("managers", String.join(",", managers))
			.param("headcount", r.headcount())
			.param("workersWithValidDay", r3.workersWithValidDay())
			.param("shortfall", r3.shortfall())
			.param("measure", storedMeasure(r3.measure()))
			.param("notes", r.notes())
			.param("recordedBy", actors.get().username())
			.query(Long.class)
			.single();
		List<Inspection.FunctionTest> failed = new ArrayList<>();
		for (Inspections.TestRecord recordedTest : recorded) {
			Inspection.FunctionTest t = new Inspection.FunctionTest(recordedTest.deviceId(), Attack.ofCode(recordedTest.attack()),
					recordedTest.passed(), recordedTest.evidence());
			jdbc.sql("insert into device_function_test (inspection_id, device_id, attack, passed, evidence) values (?, ?, ?, ?, ?)")
				.params(id, t.deviceId(), t.attack().name(), t.passed(), t.evidence())
				.update();
			if (!t.passed()) {
				failed.add(t);
			}
		}
		audit.record(AuditRecord.created("inspection", id, Map.of("projectId", projectId, "day", r.day().toString(),
				"headcount", r.headcount(), "failedFunctionTests", failed.size())));
		if (!failed.isEmpty()) {
			orders.issueForFailedTests(projectId, id, failed);
		}
		return require(id);
	}

	@Override
	@Transactional
	public Inspection record(long projectId, Record record, List<Upload> uploads) {
		Inspection recorded = record(projectId, record);
		String by = actors.get().username();
		for (Upload upload : uploads) {
			attachments.store(AttachmentStore.Owner.INSPECTION, recorded.id(), upload.fileName(), upload.contentType(),
					upload.content(), by);
		}
		return recorded;
	}

	@Override
	public Page<Inspection> forProject(long projectId, int page, int size) {
		access.requireVisible(projectId);
		long total = jdbc.sql("select count(*) from inspection where project_id = ?").param(projectId).query(Long.class)
			.single();
		List<Inspection> items = jdbc.sql("""
				select * from inspection where project_id = :project order by day desc, id desc limit :size offset :offset""")
			.param("project", projectId)
			.param("size", size)
			.param("offset", (long) page * size)
			.query(this::inspection)
			.list();
		return new Page<>(items, page, size, total);
	}

	@Override
	public Page<Listed> search(Search search, int page, int size) {
		if (!actors.get().isOfficer()) {
			throw new Forbidden("inspection.list-officers");
		}
		ProjectAccess.Scope scope = access.visibleProjects("i.project_id");
		YearMonth month = search.heldIn();
		SqlSearch.Where where = SqlSearch.where(scope.sql(), scope.params())
			.and(OrderRepository.REGION, "region", SqlSearch.text(search.region()))
			.and("i.day >= :heldFrom", "heldFrom", month == null ? null : month.atDay(1))
			.and("i.day <= :heldTo", "heldTo", month == null ? null : month.atEndOfMonth());
		return where.page(jdbc, "select i.*, p.name as project_name",
				" from inspection i join project p on p.id = i.project_id", "i.day desc, i.id desc",
				(rs, n) -> new Listed(inspection(rs, n), rs.getString("project_name")), page, size);
	}

	@Override
	public Filed filed(long inspectionId) {
		Inspection inspection = require(inspectionId);
		Instant recordedAt = jdbc.sql("select recorded_at from inspection where id = ?").param(inspectionId)
			.query(Timestamp.class).single().toInstant();
		List<Attachment> files = attachments.list(AttachmentStore.Owner.INSPECTION, inspectionId);
		return new Filed(inspection, recordedAt, files);
	}

	@Override
	@Transactional
	public Attachment.File attachment(long inspectionId, long attachmentId) {
		require(inspectionId);
		return attachments.open(AttachmentStore.Owner.INSPECTION, inspectionId, attachmentId);
	}

	@Override
	public Inspection require(long inspectionId) {
		Inspection inspection = jdbc.sql("select * from inspection where id = ?").param(inspectionId)
			.query(this::inspection).optional().orElseThrow(() -> new NotFound("inspection", inspectionId));
		access.requireVisible(inspection.projectId());
		return inspection;
	}

	@Override
	public List<Inspection> forProject(long projectId) {
		access.requireVisible(projectId);
		return jdbc.sql("select * from inspection where project_id = ? order by day desc, id desc").param(projectId)
			.query(this::inspection).list();
	}

	@Override
	@Transactional
	public long attach(long inspectionId, String fileName, String contentType, byte[] content) {
		Inspection inspection = require(inspectionId);
		access.requireOverseen(inspection.projectId());
		return attachments.store(AttachmentStore.Owner.INSPECTION, inspectionId, fileName, contentType, content,
				actors.get().username());
	}

	private Inspection inspection(ResultSet rs, int n) throws SQLException {
		long id = rs.getLong("id");
		Array managers = rs.getArray("managers_present");
		List<Inspection.FunctionTest> tests = jdbc.sql("""
				select device_id, attack, passed, evidence from device_function_test where inspection_id = ? order by id""")
			.param(id)
			.query((t, i) -> new Inspection.FunctionTest(t.getLong(1), Attack.valueOf(t.getString(2)), t.getBoolean(3),
					t.getString(4)))
			.list();
		List<Long> orderIds = jdbc.sql("select id from rectification_order where inspection_id = ? order by id").param(id)
			.query(Long.class).list();
		return new Inspection(id, rs.getLong("project_id"), rs.getDate("day").toLocalDate(), rs.getString("inspectors"),
				rs.getBoolean("devices_equipped"), rs.getBoolean("devices_connected"),
				Arrays.asList((String[]) managers.getArray()), rs.getInt("headcount"), rs.getInt("workers_with_valid_day"),
				rs.getInt("shortfall"), shortfallMeasure(rs.getString("shortfall_measure")), rs.getString("notes"),
				rs.getString("recorded_by"), tests, orderIds);
	}

	private static String storedMeasure(Measure measure) {
		return measure == null ? NOBODY_MISSING : measure.name();
	}

	/** The measure stored with an inspection's shortfall, or null when nobody was missing. */
	static Measure shortfallMeasure(String stored) {
		return NOBODY_MISSING.equals(stored) ? null : Measure.valueOf(stored);
	}
}
