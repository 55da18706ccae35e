package io.siteroll.project.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import io.siteroll.audit.AuditRecord;
import io.siteroll.audit.AuditTrail;
import io.siteroll.enterprise.Enterprise;
import io.siteroll.enterprise.Enterprises;
import io.siteroll.platform.Checks;
import io.siteroll.platform.CodeDictionary;
import io.siteroll.platform.Conflict;
import io.siteroll.platform.NotFound;
import io.siteroll.platform.RuleViolation;
import io.siteroll.project.ParticipatingUnit;
import io.siteroll.project.ProjectAccess;
import io.siteroll.project.Projects.UnitRegistration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * 参建单位: the enterprises taking part in a project and their roles. The general contractor enters with the
 * project's registration and stays; the others are added and leave (exit) by the project's managers.
 * Transactions are the caller's ({@link ProjectRegistry}).
 */
@Component
class UnitRoll {

	private static final String SELECT = """
			select u.id, u.project_id, u.enterprise_id, e.name, e.credit_code, u.unit_type, u.entry_date, u.exit_date
			from participating_unit u join enterprise e on e.id = u.enterprise_id""";

	private final JdbcClient jdbc;

	private final ProjectAccess access;

	private final Enterprises enterprises;

	private final CodeDictionary codes;

	private final AuditTrail audit;

	UnitRoll(JdbcClient jdbc, ProjectAccess access, Enterprises enterprises, CodeDictionary codes, AuditTrail audit) {
		this.jdbc = jdbc;
		this.access = access;
		this.enterprises = enterprises;
		this.codes = codes;
		this.audit = audit;
	}

	List<ParticipatingUnit> units(long projectId) {
		access.requireVisible(projectId);
		return jdbc.sql(SELECT + " where u.project_id = :project order by u.unit_type desc, u.id")
			.param("project", projectId)
			.query(UnitRoll::row)
			.list();
	}

	/** The contractor registering a project enters it as its general contractor, on its start or today. */
	void enterGeneralContractor(long projectId, long contractorId, LocalDate entry) {
		long id = insert(projectId, contractorId, ParticipatingUnit.Type.GENERAL_CONTRACTOR, entry);
		audit.record(AuditRecord.created("participating_unit", id, Map.of("projectId", projectId, "enterpriseId",
				contractorId, "unitType", ParticipatingUnit.Type.GENERAL_CONTRACTOR.code(), "entryDate", entry.toString())));
	}

	ParticipatingUnit addUnit(long projectId, UnitRegistration u) {
		access.requireManageable(projectId);
		Checks checks = new Checks();
		checks.required("enterpriseId", u.enterpriseId());
		checks.field("unitType", () -> codes.require(CodeDictionary.UNIT_TYPE, u.unitType()));
		checks.required("entryDate", u.entryDate());
		checks.throwIfAny();
		Enterprise enterprise = enterprises.find(u.enterpriseId())
			.orElseThrow(() -> RuleViolation.of("enterpriseId", "enterprise.unknown"));
		ParticipatingUnit.Type type = ParticipatingUnit.Type.ofCode(u.unitType());
		if (type == null) {
			throw RuleViolation.of("unitType", "code.unknown", CodeDictionary.UNIT_TYPE);
		}
		if (type == ParticipatingUnit.Type.GENERAL_CONTRACTOR) {
			throw new Conflict("unitType", "unit.general-contractor-fixed");
		}
		boolean exists = jdbc.sql("""
				select exists (select 1 from participating_unit
				               where project_id = :project and enterprise_id = :enterprise and unit_type = :type)""")
			.param("project", projectId)
			.param("enterprise", enterprise.id())
			.param("type", type.code())
			.query(Boolean.class)
			.single();
		if (exists) {
			throw new Conflict("enterpriseId", "unit.exists");
		}
		long id = insert(projectId, enterprise.id(), type, u.entryDate());
		audit.record(AuditRecord.created("participating_unit", id, Map.of("projectId", projectId, "enterpriseId",
				enterprise.id(), "unitType", type.code(), "entryDate", u.entryDate().toString())));
		return unit(projectId, id);
	}

	ParticipatingUnit exitUnit(long projectId, long unitId, LocalDate exitDate) {
		access.requireManageable(projectId);
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
		jdbc.sql("update participating_unit set exit_date = :exit where id = :id")
			.param("exit", exitDate)
			.param("id", unitId)
			.update();
		audit.record(AuditRecord.changed("EXITED", "participating_unit", unitId, Map.of("exitDate", "-"),
				Map.of("exitDate", exitDate.toString())));
		return unit(projectId, unitId);
	}

	private long insert(long projectId, long enterpriseId, ParticipatingUnit.Type type, LocalDate entry) {
		return jdbc.sql("""
				insert into participating_unit (project_id, enterprise_id, unit_type, entry_date)
				values (:project, :enterprise, :type, :entry) returning id""")
			.param("project", projectId)
			.param("enterprise", enterpriseId)
			.param("type", type.code())
			.param("entry", entry)
			.query(Long.class)
			.single();
	}

	private ParticipatingUnit unit(long projectId, long unitId) {
		return jdbc.sql(SELECT + " where u.id = :id and u.project_id = :project")
			.param("id", unitId)
			.param("project", projectId)
			.query(UnitRoll::row)
			.optional()
			.orElseThrow(() -> new NotFound("participating unit", unitId));
	}

	private static ParticipatingUnit row(ResultSet rs, int n) throws SQLException {
		return new ParticipatingUnit(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getString(4), rs.getString(5),
				ParticipatingUnit.Type.ofCode(rs.getString(6)), rs.getObject(7, LocalDate.class),
				rs.getObject(8, LocalDate.class));
	}
}
