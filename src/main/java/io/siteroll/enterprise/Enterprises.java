package io.siteroll.enterprise;

import java.util.Collection;
import java.util.Map;
import java.util.Optional;

import io.siteroll.platform.Page;
import io.swagger.v3.oas.annotations.media.Schema;

/** The enterprise registry. */
public interface Enterprises {

	/** What is needed to register an enterprise or change its details. */
	@Schema(name = "EnterpriseRegistration")
	record Registration(String creditCode, String name, String registrationRegion, String legalRepresentative,
			String address, String contactPerson, String contactPhone) {
	}

	/** A registration's outcome: the new enterprise, or the one already registered with the credit code. */
	record Registered(Enterprise enterprise, boolean created) {
	}

	/**
	 * 一数一源: registers a new enterprise, or answers with the one already registered under the credit code (the
	 * attempt to collect it again is recorded in the audit trail as {@code RECOLLECTION_ATTEMPT}, with the fields the
	 * caller gave differently; the record is not changed).
	 */
	Registered register(Registration registration);

	Enterprise update(long id, Registration registration);

	Optional<Enterprise> find(long id);

	Enterprise require(long id);

	Optional<Enterprise> findByCreditCode(String creditCode);

	Map<Long, Enterprise> findAll(Collection<Long> ids);

	Page<Enterprise> search(String query, int page, int size);
}
