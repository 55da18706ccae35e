package io.siteroll.enforcement.internal;

import java.time.LocalDate;

import io.siteroll.compliance.Party;
import io.siteroll.enforcement.RectificationOrder;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Finds the {@link ProjectParties} of a case. "The project manager" is the SQL function
 * {@code project_manager_during}, the one definition the rules and the warnings use too.
 */
@Component
class PartyDirectory {

	private final JdbcClient jdbc;

	PartyDirectory(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** The contractor and the project manager in post on {@code day}. */
	ProjectParties of(long projectId, LocalDate day) {
		return jdbc.sql("""
				select p.contractor_id, pm.person_id as project_manager_id
				from project p left join lateral project_manager_during(p.id, :day, :day) pm on true
				where p.id = :project""")
			.param("project", projectId)
			.param("day", day)
			.query((rs, n) -> new ProjectParties(projectId, rs.getLong("contractor_id"),
					(Long) rs.getObject("project_manager_id"), null, null))
			.single();
	}

	/** As {@link #of(long, LocalDate)}, for a case about a chief supervisor: with the supervision company. */
	ProjectParties withChiefSupervisor(long projectId, LocalDate day, long supervisorId) {
		ProjectParties project = of(projectId, day);
		long company = jdbc.sql("""
				select u.enterprise_id from manager_post mp join participating_unit u on u.id = mp.participating_unit_id
				where mp.project_id = ? and mp.person_id = ? order by mp.tenure_from desc limit 1""")
			.params(projectId, supervisorId)
			.query(Long.class)
			.single();
		return new ProjectParties(projectId, project.contractorId(), project.projectManagerId(), supervisorId, company);
	}

	/** The parties of an order's case: the persons and companies it was addressed to, the project's contractor. */
	ProjectParties of(RectificationOrder order) {
		long contractor = jdbc.sql("select contractor_id from project where id = ?").param(order.projectId())
			.query(Long.class).single();
		boolean supervision = order.addressee() == Party.SUPERVISION_COMPANY;
		return new ProjectParties(order.projectId(), contractor, supervision ? null : order.addresseePersonId(),
				supervision ? order.addresseePersonId() : null, supervision ? order.addresseeEnterpriseId() : null);
	}
}
