package io.siteroll.personnel;

import java.util.Collection;
import java.util.Map;
import java.util.Optional;

import io.swagger.v3.oas.annotations.media.Schema;

/** 一数一源: the person registry, one record per identity, reused by every project. */
public interface Persons {

	@Schema(name = "PersonRegistration")
	record Registration(String idType, String idNumber, String name, String ethnicity, String address, String phone) {

		@Override
		public String toString() {
			return "Registration[idType=" + idType + ", name=" + name + "]";
		}
	}

	/** The person and whether this call created it (false: the identity was already registered). */
	@Schema(name = "PersonRegistered")
	record Registered(Person person, boolean created) {
	}

	record Face(String contentType, byte[] bytes) {
	}

	/**
	 * Registers an identity, or returns the person already registered with it. A known identity under
	 * another name is a conflict (a mistyped number must not attach to someone else). A person already
	 * registered whom the caller may not see (no engagement or post on a project visible to the caller)
	 * is returned with only what registering needs: id, ID type, masked number and name.
	 */
	Registered register(Registration registration);

	/** The person if the caller may see them (engaged or posted on a visible project). */
	Person require(long personId);

	/** The person registered with this identity, in full: for the platform's own use (gates), not for callers. */
	Optional<Person> findByIdentity(String idType, String idNumber);

	/**
	 * The person registered with this identity as a caller may learn it: in full when the caller may
	 * see the person, otherwise only id, ID type, masked number and name (enough to register them).
	 */
	Optional<Person> lookup(String idType, String idNumber);

	/** The ID number in clear: needs the reveal permission, audited. */
	String revealIdNumber(long personId);

	Person uploadFace(long personId, String contentType, byte[] bytes);

	/** The face photo: needs the reveal permission, audited. */
	Face face(long personId);

	/**
	 * The face photo released to a gate of a project the person may enter, so the gate can recognise
	 * them (the caller checks the roster). Audited with the gate's serial number.
	 */
	Optional<Face> faceForGate(long personId, String gate);

	/** What is released of a person to a recipient outside the platform by law (the national platform). */
	record Disclosure(long personId, String idType, String idNumber, String name, Optional<Face> face) {
	}

	/**
	 * The person's identity and face in clear for a recipient the law names (e.g. {@code 全国平台}), without a
	 * caller's reveal permission: the platform's own reporting, never shown on a page. Audited per person, with the
	 * recipient and the fields released.
	 */
	Optional<Disclosure> disclose(long personId, String recipient);

	/**
	 * A gate's person reference that is a resident identity number (how ID-card readers report
	 * people), as it may be kept: the number's blind index (hex, the same as the person registry's),
	 * its masked form, and the person registered with it (null: nobody).
	 */
	record IdReference(String indexHex, String masked, Long personId) {
	}

	/**
	 * The references among {@code references} that are identity numbers (15 or 18 characters:
	 * digits, the last possibly X), each resolved in one query for the batch; other references are
	 * absent from the answer. For ingestion: no caller scope applies and nothing is audited, because
	 * nothing is revealed.
	 */
	Map<String, IdReference> idReferences(Collection<String> references);
}
