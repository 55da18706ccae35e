package io.siteroll.attendance.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.siteroll.attendance.GateBlacklist;
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
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Officers list and lift; listing a person takes them off every roster through the roster trigger.
 * An officer acts only on people engaged (as a worker or in a manager post, now or before) on a project
 * of their region, and sees only those listings; a province officer acts on everyone. Anyone else is
 * answered as if the person or listing did not exist.
 */
@Service
class BlacklistRegister implements GateBlacklist {

	private static final String SELECT = """
			select b.*, p.name from gate_blacklist b join person p on p.id = b.person_id""";

	/** The person has (or had) an engagement or a manager post on a project in the region subtree :region. */
	private static final String IN_REGION = """
			(:all or exists (select 1 from worker_engagement w join project p on p.id = w.project_id
			                 join region r on r.code = p.region_code where w.person_id = %1$s and r.path like :region)
			      or exists (select 1 from manager_post m join project p on p.id = m.project_id
			                 join region r on r.code = p.region_code where m.person_id = %1$s and r.path like :region))""";

	private final JdbcClient jdbc;

	private final CurrentActor actors;

	private final AuditTrail audit;

	BlacklistRegister(JdbcClient jdbc, CurrentActor actors, AuditTrail audit) {
		this.jdbc = jdbc;
		this.actors = actors;
		this.audit = audit;
	}

	@Override
	@Transactional
	public Listing list(NewListing listing) {
		Actor actor = requireOfficer();
		Checks checks = new Checks();
		checks.required("personId", listing.personId());
		checks.maxLength("reason", checks.required("reason", listing.reason()), 500);
		checks.throwIfAny();
		boolean known = jdbc.sql("select exists (select 1 from person where id = :person and " + IN_REGION.formatted(":person") + ")")
			.param("person", listing.personId())
			.params(scope(actor))
			.query(Boolean.class).single();
		if (!known) {
			throw new NotFound("person", listing.personId());
		}
		long id;
		try {
			id = jdbc.sql("insert into gate_blacklist (person_id, reason, listed_by) values (?, ?, ?) returning id")
				.params(listing.personId(), listing.reason().strip(), actor.username())
				.query(Long.class)
				.single();
		}
		catch (DuplicateKeyException e) {
			throw new Conflict("personId", "blacklist.already-listed");
		}
		audit.record(AuditRecord.created("gate_blacklist", id, Map.of("personId", listing.personId(), "reason",
				listing.reason().strip())));
		return find(id);
	}

	@Override
	@Transactional
	public Listing lift(long listingId) {
		return lifted(listingId, null);
	}

	@Override
	@Transactional
	public Listing lift(long listingId, String reason) {
		Checks checks = new Checks();
		checks.maxLength("liftReason", checks.required("liftReason", reason), 500);
		checks.throwIfAny();
		return lifted(listingId, reason.strip());
	}

	private Listing lifted(long listingId, String reason) {
		Actor actor = requireOfficer();
		find(listingId);
		int changed = jdbc.sql("""
				update gate_blacklist set lifted_by = :actor, lifted_at = now(), lift_reason = :reason
				where id = :id and lifted_at is null""")
			.param("actor", actor.username())
			.param("reason", reason)
			.param("id", listingId)
			.update();
		if (changed == 0) {
			throw new Conflict("id", "blacklist.already-lifted");
		}
		Map<String, Object> after = new LinkedHashMap<>();
		after.put("lifted", true);
		if (reason != null) {
			after.put("reason", reason);
		}
		audit.record(AuditRecord.changed("LIFTED", "gate_blacklist", listingId, Map.of("lifted", false), after));
		return find(listingId);
	}

	@Override
	public Page<Entry> search(Search search, int page, int size) {
		Actor actor = requireOfficer();
		SqlSearch.Where where = SqlSearch.where(IN_REGION.formatted("b.person_id"), scope(actor))
			.and("p.name like :name", "name", search.name() == null ? null : SqlSearch.containing(search.name()))
			.and("b.person_id = :person", "person", search.personId());
		if (!search.withLifted()) {
			where.and("b.lifted_at is null");
		}
		return where.page(jdbc, "select b.*, p.name, p.id_number_masked ",
				"from gate_blacklist b join person p on p.id = b.person_id",
				"b.lifted_at is not null, b.listed_at desc, b.id desc",
				(rs, n) -> new Entry(listing(rs, n), rs.getString("id_number_masked"), rs.getString("lift_reason")),
				page, size);
	}

	@Override
	public List<Listing> current() {
		Actor actor = requireOfficer();
		return jdbc.sql(SELECT + " where b.lifted_at is null and " + IN_REGION.formatted("b.person_id")
				+ " order by b.listed_at desc")
			.params(scope(actor))
			.query(this::listing)
			.list();
	}

	/** The listing if the caller's region covers the listed person; else as if it did not exist. */
	private Listing find(long id) {
		return jdbc.sql(SELECT + " where b.id = :id and " + IN_REGION.formatted("b.person_id"))
			.param("id", id)
			.params(scope(actors.get()))
			.query(this::listing)
			.optional()
			.orElseThrow(() -> new NotFound("blacklist", id));
	}

	private static Map<String, Object> scope(Actor actor) {
		return Map.of("all", actor.isProvince(), "region", actor.isOfficer() ? actor.regionPath() + "%" : "-");
	}

	private Actor requireOfficer() {
		Actor actor = actors.get();
		if (!actor.isOfficer()) {
			throw new Forbidden("blacklist.officers-only");
		}
		return actor;
	}

	private Listing listing(ResultSet rs, int n) throws SQLException {
		Timestamp lifted = rs.getTimestamp("lifted_at");
		return new Listing(rs.getLong("id"), rs.getLong("person_id"), rs.getString("name"), rs.getString("reason"),
				rs.getString("listed_by"), rs.getTimestamp("listed_at").toInstant(), rs.getString("lifted_by"),
				lifted == null ? null : lifted.toInstant());
	}
}
