package io.siteroll.campaign;

import java.util.List;
import java.util.Optional;

import io.siteroll.identity.Actor;

/**
 * Each department — a city's, a county's, 长春新区's or 长白山管委会's housing department — names one responsible
 * contact (明确1名同志负责实名制管理工作) with a phone and an e-mail. The department names and changes its own; the
 * province may record one on a department's behalf, as the plan had departments send theirs to the province. Officers
 * see the departments of their region. Every change keeps the contact it replaces.
 */
public interface DepartmentContacts {

	/** What a department gives for its contact; validated with the fields {@code contactName}, {@code contactPost}, {@code contactPhone} and {@code contactEmail}. */
	record Details(String name, String post, String phone, String email) {
	}

	/**
	 * The department's current contact, whoever asks: a department's contact is how notices and orders tell the
	 * reader whom to call, not personal data of a citizen.
	 */
	Optional<Contact> of(String regionCode);

	/**
	 * Every department in the current officer's region with its contact or none and whether it is late: the province
	 * sees all, a city itself and its counties, a county itself. Departments in the order of the region tree.
	 */
	List<ContactStatus> status();

	/** The department's contacts, newest first; an officer of the region or above it only. */
	List<Contact> history(String regionCode);

	/** The current officer names (or changes) the department's contact. */
	Contact name(String regionCode, Details details);

	/**
	 * {@code by} names (or changes) the department's contact, as {@link #name(String, Details)} does for the current
	 * officer: for the platform's own work (the demo, an import of the contacts the province collected), where no
	 * officer is signed in. {@link Actor#SYSTEM} acts as the province.
	 */
	Contact name(String regionCode, Details details, Actor by);

	/** True when {@code actor} may name the department's contact (an officer of the department, or the province). */
	boolean mayName(Actor actor, String regionCode);
}
