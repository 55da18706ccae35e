package io.siteroll.personnel;

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
	 * another name is a conflict (a mistyped number must not attach to someone else).
	 */
	Registered register(Registration registration);

	/** The person if the caller may see them (engaged or posted on a visible project). */
	Person require(long personId);

	Optional<Person> findByIdentity(String idType, String idNumber);

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
}
