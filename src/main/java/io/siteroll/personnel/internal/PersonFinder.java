package io.siteroll.personnel.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import io.siteroll.personnel.IdNumber;
import io.siteroll.personnel.Identity;
import io.siteroll.personnel.PersonSearch;
import io.siteroll.platform.Page;
import io.siteroll.platform.RuleViolation;
import io.siteroll.platform.SqlSearch;
import io.siteroll.project.ProjectAccess;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * The person half of the search box. Scope is one SQL predicate over the projects a person is engaged or posted
 * on ({@link ProjectAccess#visibleProjects}), the rule {@link PersonRegistry#require} applies one person at a
 * time; an ID number is looked up by its blind index only, so a clear number never reaches the database.
 */
@Service
class PersonFinder implements PersonSearch {

	/** The projects a person is engaged or posted on, as {@code x.project_id} for the person {@code p}. */
	private static final String PROJECTS_OF_PERSON = """
			(select we.project_id from worker_engagement we where we.person_id = p.id
			 union select mp.project_id from manager_post mp where mp.person_id = p.id) x""";

	private final JdbcClient jdbc;

	private final PersonStore store;

	private final ProjectAccess access;

	private final Clock clock;

	PersonFinder(JdbcClient jdbc, PersonStore store, ProjectAccess access, Clock clock) {
		this.jdbc = jdbc;
		this.store = store;
		this.access = access;
		this.clock = clock;
	}

	@Override
	public Page<Hit> search(String query, int page, int size) {
		String q = SqlSearch.text(query);
		if (q == null) {
			return new Page<>(List.of(), page, size, 0);
		}
		ProjectAccess.Scope scope = access.visibleProjects("x.project_id");
		SqlSearch.Where where = SqlSearch.where("exists (select 1 from " + PROJECTS_OF_PERSON + " where " + scope.sql() + ")",
				scope.params());
		if (IdNumber.looksLike(q)) {
			Optional<Identity> identity = identity(q);
			if (identity.isEmpty()) {
				return new Page<>(List.of(), page, size, 0);
			}
			where.and("p.id_number_index = decode(:ix, 'hex')", "ix", store.indexHex(identity.get()));
		}
		else {
			where.and("p.name like :name", "name", SqlSearch.containing(q));
		}
		String select = "select p.id, p.name, p.id_number_masked, (select string_agg(distinct pr.name, '、') from "
				+ PROJECTS_OF_PERSON + " join project pr on pr.id = x.project_id where " + scope.sql() + ") as projects";
		return where.page(jdbc, select, " from person p", "p.name, p.id",
				(rs, n) -> new Hit(rs.getLong("id"), rs.getString("name"), rs.getString("id_number_masked"),
						rs.getString("projects")),
				page, size);
	}

	private Optional<Identity> identity(String q) {
		try {
			return Optional.of(Identity.of(Identity.RESIDENT_ID_CARD, q, LocalDate.now(clock)));
		}
		catch (RuleViolation notAnIdNumber) {
			return Optional.empty();
		}
	}
}
