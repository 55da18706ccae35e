package io.siteroll.enterprise.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import io.siteroll.audit.AuditRecord;
import io.siteroll.audit.AuditTrail;
import io.siteroll.enterprise.CreditCode;
import io.siteroll.enterprise.Enterprise;
import io.siteroll.enterprise.Enterprises;
import io.siteroll.identity.Actor;
import io.siteroll.identity.CurrentActor;
import io.siteroll.identity.Role;
import io.siteroll.platform.Checks;
import io.siteroll.platform.Conflict;
import io.siteroll.platform.Forbidden;
import io.siteroll.platform.NotFound;
import io.siteroll.platform.Page;
import io.siteroll.platform.SqlSearch;
import io.siteroll.region.Region;
import io.siteroll.region.Regions;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Who registers enterprises: officers, for an enterprise whose registration region (注册地) lies within
 * their own region (province officers: any). The enterprise side (administrators, labour clerks) does
 * not register enterprises; an administrator keeps its own enterprise's details up to date but cannot
 * move its registration region, which only an officer overseeing both the old and the new region may do.
 */
@Service
class EnterpriseRegister implements Enterprises {

	private static final String COLUMNS = """
			select id, credit_code, name, registration_region, legal_representative, address, contact_person, contact_phone
			""";

	private static final String FROM = "from enterprise";

	private static final String SELECT = COLUMNS + FROM;

	private final JdbcClient jdbc;

	private final Regions regions;

	private final AuditTrail audit;

	private final CurrentActor actors;

	EnterpriseRegister(JdbcClient jdbc, Regions regions, AuditTrail audit, CurrentActor actors) {
		this.jdbc = jdbc;
		this.regions = regions;
		this.audit = audit;
		this.actors = actors;
	}

	@Override
	@Transactional
	public Registered register(Registration r) {
		Actor actor = actors.get();
		if (!actor.isOfficer()) {
			throw new Forbidden("enterprise.registered-by-officers");
		}
		Registration valid = validate(r);
		if (!overseen(actor, valid.registrationRegion())) {
			throw new Forbidden("enterprise.region-outside-scope");
		}
		Optional<Enterprise> known = findByCreditCode(valid.creditCode());
		if (known.isPresent()) {
			Map<String, Object> given = state(new Enterprise(known.get().id(), valid.creditCode(), valid.name(),
					valid.registrationRegion(), valid.legalRepresentative(), valid.address(), valid.contactPerson(),
					valid.contactPhone()));
			Map<String, Object> kept = state(known.get());
			java.util.TreeMap<String, Object> differences = new java.util.TreeMap<>();
			given.forEach((field, value) -> {
				if (!java.util.Objects.equals(value, kept.get(field))) {
					differences.put(field, value);
				}
			});
			audit.record(new AuditRecord("RECOLLECTION_ATTEMPT", "enterprise", String.valueOf(known.get().id()), null,
					Map.of("differentFields", String.join(",", differences.keySet()))));
			return new Registered(known.get(), false);
		}
		long id = jdbc.sql("""
				insert into enterprise (credit_code, name, registration_region, legal_representative, address,
				                        contact_person, contact_phone)
				values (?, ?, ?, ?, ?, ?, ?) returning id""")
			.params(valid.creditCode(), valid.name(), valid.registrationRegion(), valid.legalRepresentative(),
					valid.address(), valid.contactPerson(), valid.contactPhone())
			.query(Long.class)
			.single();
		Enterprise created = require(id);
		audit.record(AuditRecord.created("enterprise", id, state(created)));
		return new Registered(created, true);
	}

	@Override
	@Transactional
	public Enterprise update(long id, Registration r) {
		Enterprise before = require(id);
		Actor actor = actors.get();
		boolean own = actor.role() == Role.ENTERPRISE_ADMIN && Long.valueOf(id).equals(actor.enterpriseId());
		boolean overseeing = overseen(actor, before.registrationRegion());
		if (!own && !overseeing) {
			throw new Forbidden("enterprise.not-editable");
		}
		Registration valid = validate(r);
		if (!valid.registrationRegion().equals(before.registrationRegion()) && !overseen(actor, valid.registrationRegion())) {
			throw new Forbidden("enterprise.region-outside-scope");
		}
		if (!valid.creditCode().equals(before.creditCode())) {
			throw new Conflict("creditCode", "enterprise.credit-code-immutable");
		}
		jdbc.sql("""
				update enterprise set name = ?, registration_region = ?, legal_representative = ?, address = ?,
				       contact_person = ?, contact_phone = ?, updated_at = now() where id = ?""")
			.params(valid.name(), valid.registrationRegion(), valid.legalRepresentative(), valid.address(),
					valid.contactPerson(), valid.contactPhone(), id)
			.update();
		Enterprise after = require(id);
		audit.record(AuditRecord.changed("UPDATED", "enterprise", id, state(before), state(after)));
		return after;
	}

	private boolean overseen(Actor actor, String regionCode) {
		return regions.find(regionCode).map(reg -> actor.oversees(reg.path())).orElse(false);
	}

	@Override
	public Optional<Enterprise> find(long id) {
		return jdbc.sql(SELECT + " where id = ?").param(id).query(this::row).optional();
	}

	@Override
	public Enterprise require(long id) {
		return find(id).orElseThrow(() -> new NotFound("enterprise", id));
	}

	@Override
	public Optional<Enterprise> findByCreditCode(String creditCode) {
		return jdbc.sql(SELECT + " where credit_code = ?").param(creditCode.strip().toUpperCase()).query(this::row).optional();
	}

	@Override
	public Map<Long, Enterprise> findAll(Collection<Long> ids) {
		Map<Long, Enterprise> found = new HashMap<>();
		if (ids.isEmpty()) {
			return found;
		}
		jdbc.sql(SELECT + " where id = any(?)")
			.param(ids.toArray(Long[]::new))
			.query(this::row)
			.list()
			.forEach(e -> found.put(e.id(), e));
		return found;
	}

	@Override
	public Page<Enterprise> search(String query, int page, int size) {
		String q = query == null ? "" : query.strip();
		return SqlSearch.where("(:q = '' or name ilike :like or credit_code ilike :like)",
				Map.of("q", q, "like", SqlSearch.containing(q)))
			.page(jdbc, COLUMNS, FROM, "name, id", this::row, page, size);
	}

	private Registration validate(Registration r) {
		Checks checks = new Checks();
		CreditCode code = checks.field("creditCode", () -> CreditCode.of(r.creditCode()));
		String name = checks.maxLength("name", checks.required("name", r.name()), 200);
		Region region = checks.field("registrationRegion", () -> regions.require(r.registrationRegion()));
		String legal = checks.maxLength("legalRepresentative", checks.required("legalRepresentative", r.legalRepresentative()), 50);
		String contact = checks.maxLength("contactPerson", checks.required("contactPerson", r.contactPerson()), 50);
		String phone = checks.required("contactPhone", r.contactPhone());
		checks.check(phone == null || phone.matches("[0-9+\\- ]{7,20}"), "contactPhone", "phone.format");
		checks.maxLength("address", r.address(), 500);
		checks.throwIfAny();
		return new Registration(code.value(), name, region.code(), legal, r.address() == null ? null : r.address().strip(),
				contact, phone);
	}

	private Enterprise row(ResultSet rs, int n) throws SQLException {
		return new Enterprise(rs.getLong("id"), rs.getString("credit_code"), rs.getString("name"),
				rs.getString("registration_region"), rs.getString("legal_representative"), rs.getString("address"),
				rs.getString("contact_person"), rs.getString("contact_phone"));
	}

	private static Map<String, Object> state(Enterprise e) {
		Map<String, Object> state = new HashMap<>();
		state.put("creditCode", e.creditCode());
		state.put("name", e.name());
		state.put("registrationRegion", e.registrationRegion());
		state.put("legalRepresentative", e.legalRepresentative());
		state.put("contactPerson", e.contactPerson());
		state.put("contactPhone", e.contactPhone());
		state.put("address", e.address());
		return state;
	}
}
