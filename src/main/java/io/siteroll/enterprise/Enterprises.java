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

	/** Registers a new enterprise; a credit code already registered is a conflict naming the existing one. */
	Enterprise register(Registration registration);

	Enterprise update(long id, Registration registration);

	Optional<Enterprise> find(long id);

	Enterprise require(long id);

	Optional<Enterprise> findByCreditCode(String creditCode);

	Map<Long, Enterprise> findAll(Collection<Long> ids);

	Page<Enterprise> search(String query, int page, int size);
}
