package io.siteroll.campaign.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import io.siteroll.audit.AuditRecord;
import io.siteroll.audit.AuditTrail;
import io.siteroll.campaign.Campaign;
import io.siteroll.campaign.Campaigns;
import io.siteroll.campaign.Contact;
import io.siteroll.campaign.ContactStatus;
import io.siteroll.campaign.DepartmentContacts;
import io.siteroll.campaign.EmailAddress;
import io.siteroll.campaign.PhoneNumber;
import io.siteroll.identity.Actor;
import io.siteroll.identity.CurrentActor;
import io.siteroll.platform.Checks;
import io.siteroll.platform.Forbidden;
import io.siteroll.platform.NotFound;
import io.siteroll.privacy.Masking;
import io.siteroll.region.Region;
import io.siteroll.region.Regions;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The departments' contacts: one current row per department, older rows closed when a new contact is named, the
 * time from the platform's clock. Scope follows the region tree as everywhere else: an officer sees the departments
 * of the region it oversees, names its own department's contact; the province records any department's.
 */
@Service
class ContactBook implements DepartmentContacts {

	private static final String SELECT = """
			select id, region_code, name, post, phone, email, named_by, named_at, replaced_at from department_contact
			""";

	private final JdbcClient jdbc;

	private final Regions regions;

	private final Campaigns campaigns;

	private final CurrentActor actors;

	private final AuditTrail audit;

	private final Clock clock;

	ContactBook(JdbcClient jdbc, Regions regions, Campaigns campaigns, CurrentActor actors, AuditTrail audit, Clock clock) {
		this.jdbc = jdbc;
		this.regions = regions;
		this.campaigns = campaigns;
		this.actors = actors;
		this.audit = audit;
		this.clock = clock;
	}

	@Override
	public Optional<Contact> of(String regionCode) {
		return jdbc.sql(SELECT + "where region_code = ? and replaced_at is null").param(regionCode).query(this::row).optional();
	}

	@Override
	public List<ContactStatus> status() {
		Actor actor = actors.get();
		if (!actor.isOfficer()) {
			throw new Forbidden("contacts.officers-only");
		}
		LocalDate today = LocalDate.now(clock);
		Optional<Campaign> campaign = campaigns.inForce(today);
		LocalDate deadline = campaign.map(Campaign::contactDeadline).orElse(null);
		boolean overdue = campaign.map(c -> c.contactOverdueOn(today)).orElse(false);
		Map<String, Contact> current = jdbc.sql(SELECT + "where replaced_at is null")
			.query(this::row)
			.list()
			.stream()
			.collect(Collectors.toMap(Contact::regionCode, Function.identity()));
		return regions.subtree(actor.regionCode())
			.stream()
			.filter(ContactBook::department)
			.map(r -> {
				Contact contact = current.get(r.code());
				return new ContactStatus(r, contact, deadline, contact == null && overdue);
			})
			.toList();
	}

	@Override
	public List<Contact> history(String regionCode) {
		Region department = visibleDepartment(actors.get(), regionCode);
		return jdbc.sql(SELECT + "where region_code = ? order by named_at desc, id desc")
			.param(department.code())
			.query(this::row)
			.list();
	}

	@Override
	@Transactional
	public Contact name(String regionCode, Details details) {
		return name(regionCode, details, actors.get());
	}

	@Override
	@Transactional
	public Contact name(String regionCode, Details details, Actor by) {
		Region department = visibleDepartment(by, regionCode);
		if (!mayName(by, department.code())) {
			throw new Forbidden("contacts.own-department-only");
		}
		Details valid = validate(details);
		Optional<Contact> before = jdbc.sql(SELECT + "where region_code = ? and replaced_at is null for update")
			.param(department.code())
			.query(this::row)
			.optional();
		if (before.isPresent() && same(before.get(), valid)) {
			return before.get();
		}
		Timestamp now = Timestamp.from(clock.instant());
		before.ifPresent(b -> jdbc.sql("update department_contact set replaced_at = ? where id = ?")
			.params(now, b.id())
			.update());
		long id = jdbc.sql("""
				insert into department_contact (region_code, name, post, phone, email, named_by, named_at)
				values (:region, :name, :post, :phone, :email, :by, :at) returning id""")
			.param("region", department.code())
			.param("name", valid.name())
			.param("post", valid.post())
			.param("phone", valid.phone())
			.param("email", valid.email())
			.param("by", by.username())
			.param("at", now)
			.query(Long.class)
			.single();
		Contact named = jdbc.sql(SELECT + "where id = ?").param(id).query(this::row).single();
		audit.record(before.isPresent()
				? AuditRecord.changed("CHANGED", "department_contact", department.code(), state(before.get()), state(named))
				: AuditRecord.created("department_contact", department.code(), state(named)));
		return named;
	}

	@Override
	public boolean mayName(Actor actor, String regionCode) {
		return actor.isProvince() || (actor.isOfficer() && regionCode != null && regionCode.equals(actor.regionCode()));
	}

	/** A department's region the actor oversees; a region outside its scope answers as if it did not exist. */
	private Region visibleDepartment(Actor actor, String regionCode) {
		Region region = regions.find(regionCode).filter(ContactBook::department).orElse(null);
		if (region == null || !actor.oversees(region.path())) {
			throw new NotFound("department", regionCode);
		}
		return region;
	}

	/** Every division below the province has a housing department of its own that names a contact. */
	private static boolean department(Region region) {
		return region.level() != Region.Level.PROVINCE;
	}

	private static Details validate(Details d) {
		Checks checks = new Checks();
		String name = checks.maxLength("contactName", checks.required("contactName", d.name()), 50);
		String post = checks.maxLength("contactPost", checks.required("contactPost", d.post()), 100);
		PhoneNumber phone = checks.required("contactPhone", d.phone()) == null ? null
				: checks.field("contactPhone", () -> PhoneNumber.of(d.phone()));
		EmailAddress email = checks.required("contactEmail", d.email()) == null ? null
				: checks.field("contactEmail", () -> EmailAddress.of(d.email()));
		checks.throwIfAny();
		return new Details(name, post, phone.value(), email.value());
	}

	private static boolean same(Contact c, Details d) {
		return c.name().equals(d.name()) && c.post().equals(d.post()) && c.phone().equals(d.phone())
				&& c.email().equals(d.email());
	}

	/** The trail keeps the phone masked: the contact's own number, which the page shows, is no one else's business. */
	private static Map<String, Object> state(Contact c) {
		Map<String, Object> state = new LinkedHashMap<>();
		state.put("name", c.name());
		state.put("post", c.post());
		state.put("phone", Masking.phone(c.phone()));
		state.put("email", c.email());
		return state;
	}

	private Contact row(ResultSet rs, int n) throws SQLException {
		Timestamp replaced = rs.getTimestamp("replaced_at");
		return new Contact(rs.getLong("id"), rs.getString("region_code"), rs.getString("name"), rs.getString("post"),
				rs.getString("phone"), rs.getString("email"), rs.getString("named_by"),
				rs.getTimestamp("named_at").toInstant(), replaced == null ? null : replaced.toInstant());
	}
}
