package io.siteroll.enforcement.internal;

import java.time.YearMonth;

import io.siteroll.compliance.Party;
import io.siteroll.enforcement.CreditRecord;
import io.siteroll.enforcement.CreditRecords;
import io.siteroll.platform.Page;
import io.siteroll.platform.SqlSearch;
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
		YearMonth month = search.validFromIn();
		SqlSearch.Where where = SqlSearch.where(scope.sql(), scope.params())
			.and("c.enterprise_id = :enterprise", "enterprise", search.enterpriseId())
			.and("c.person_id = :person", "person", search.personId())
			.and("c.project_id = :project", "project", search.projectId())
			.and(":validOn between c.valid_from and c.valid_until", "validOn", search.validOn())
			.and(OrderRepository.REGION, "region", SqlSearch.text(search.region()))
			.and("c.valid_from >= :validFrom", "validFrom", month == null ? null : month.atDay(1))
			.and("c.valid_from <= :validTo", "validTo", month == null ? null : month.atEndOfMonth());
		String from = " from credit_record c join project p on p.id = c.project_id"
				+ " left join enterprise e on e.id = c.enterprise_id left join person pe on pe.id = c.person_id";
		return where.page(jdbc, "select c.*, p.name as project_name, e.name as enterprise_name, pe.name as person_name", from,
				"c.valid_from desc, c.id desc", (rs, n) -> new CreditRecord(rs.getLong("id"), rs.getLong("project_id"), rs.getString("project_name"),
					(Long) rs.getObject("order_id"), (Long) rs.getObject("penalty_id"), (Long) rs.getObject("finding_id"),
					Party.valueOf(rs.getString("role")), (Long) rs.getObject("enterprise_id"), rs.getString("enterprise_name"),
					(Long) rs.getObject("person_id"), rs.getString("person_name"), rs.getString("reason"),
					rs.getString("legal_basis"), rs.getDate("valid_from").toLocalDate(), rs.getDate("valid_until").toLocalDate()),
				page, size);
	}
}
