package io.siteroll.enforcement.internal;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.siteroll.compliance.Party;
import io.siteroll.enforcement.CreditRecord;
import io.siteroll.enforcement.CreditRecords;
import io.siteroll.platform.Page;
import io.siteroll.project.ProjectAccess;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/** The bad-credit records of the caller's projects, searched by enterprise, person, project and validity. */
@Service
class CreditRegister implements CreditRecords {

	private final JdbcClient jdbc;

	private final ProjectAccess access;

	CreditRegister(JdbcClient jdbc, ProjectAccess access) {
		this.jdbc = jdbc;
		this.access = access;
	}

	@Override
	public Page<CreditRecord> search(Search search, int page, int size) {
		ProjectAccess.Scope scope = access.visibleProjects("c.project_id");
		StringBuilder where = new StringBuilder(" where ").append(scope.sql());
		Map<String, Object> params = new HashMap<>(scope.params());
		if (search.enterpriseId() != null) {
			where.append(" and c.enterprise_id = :enterprise");
			params.put("enterprise", search.enterpriseId());
		}
		if (search.personId() != null) {
			where.append(" and c.person_id = :person");
			params.put("person", search.personId());
		}
		if (search.projectId() != null) {
			where.append(" and c.project_id = :project");
			params.put("project", search.projectId());
		}
		if (search.validOn() != null) {
			where.append(" and :validOn between c.valid_from and c.valid_until");
			params.put("validOn", search.validOn());
		}
		String from = " from credit_record c join project p on p.id = c.project_id"
				+ " left join enterprise e on e.id = c.enterprise_id left join person pe on pe.id = c.person_id";
		long total = jdbc.sql("select count(*)" + from + where).params(params).query(Long.class).single();
		params.put("limit", size);
		params.put("offset", (long) page * size);
		List<CreditRecord> items = jdbc.sql("select c.*, p.name as project_name, e.name as enterprise_name, pe.name as person_name"
				+ from + where + " order by c.valid_from desc, c.id desc limit :limit offset :offset")
			.params(params)
			.query((rs, n) -> new CreditRecord(rs.getLong("id"), rs.getLong("project_id"), rs.getString("project_name"),
					(Long) rs.getObject("order_id"), (Long) rs.getObject("penalty_id"), (Long) rs.getObject("finding_id"),
					Party.valueOf(rs.getString("role")), (Long) rs.getObject("enterprise_id"), rs.getString("enterprise_name"),
					(Long) rs.getObject("person_id"), rs.getString("person_name"), rs.getString("reason"),
					rs.getString("legal_basis"), rs.getDate("valid_from").toLocalDate(), rs.getDate("valid_until").toLocalDate()))
			.list();
		return new Page<>(items, page, size, total);
	}
}
