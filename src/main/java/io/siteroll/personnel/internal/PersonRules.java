package io.siteroll.personnel.internal;

import java.time.Clock;
import java.time.LocalDate;

import io.siteroll.personnel.Identity;
import io.siteroll.personnel.Persons.Registration;
import io.siteroll.platform.Checks;
import io.siteroll.platform.CodeDictionary;
import org.springframework.stereotype.Component;

/**
 * The rules of a person's registration that need no database: identity document, name, optional fields and
 * phone format. Registering a person and engaging one ({@link EngagementRules}) judge a person the same way.
 */
@Component
class PersonRules {

	private final CodeDictionary codes;

	private final Clock clock;

	PersonRules(CodeDictionary codes, Clock clock) {
		this.codes = codes;
		this.clock = clock;
	}

	PersonStore.NewPerson validate(Registration r) {
		Checks checks = new Checks();
		String type = r.idType() == null || r.idType().isBlank() ? Identity.RESIDENT_ID_CARD : r.idType().strip();
		checks.field("idType", () -> codes.require(CodeDictionary.ID_TYPE, type));
		Identity identity = checks.field("idNumber", () -> Identity.of(type, r.idNumber(), LocalDate.now(clock)));
		String name = checks.maxLength("name", checks.required("name", r.name()), 50);
		checks.maxLength("ethnicity", r.ethnicity(), 20);
		checks.maxLength("address", r.address(), 200);
		if (r.phone() != null && !r.phone().isBlank()) {
			checks.check(r.phone().strip().matches("1\\d{10}|0\\d{2,3}-?\\d{7,8}"), "phone", "phone.format");
		}
		checks.throwIfAny();
		return new PersonStore.NewPerson(identity, name, blankToNull(r.ethnicity()), blankToNull(r.address()),
				blankToNull(r.phone()));
	}

	static String blankToNull(String s) {
		return s == null || s.isBlank() ? null : s.strip();
	}
}
