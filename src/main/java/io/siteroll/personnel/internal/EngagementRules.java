package io.siteroll.personnel.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

import io.siteroll.personnel.BankCardNumber;
import io.siteroll.personnel.Engagements;
import io.siteroll.platform.Checks;
import io.siteroll.platform.CodeDictionary;
import io.siteroll.platform.RuleViolation;
import io.siteroll.platform.Violation;
import org.springframework.stereotype.Component;

/**
 * The rules of one engagement that need no database: identity, 工种, labour contract before entry
 * (先签合同后进场), wage card, dates, minimum working age. Shared by single registration and the roster
 * import so both judge a worker the same way.
 */
@Component
class EngagementRules {

	/** 《劳动法》第十五条: no employment under 16. */
	static final int MINIMUM_AGE = 16;

	record ValidEngagement(PersonStore.NewPerson person, String workType, String contractPeriodType,
			LocalDate contractStart, LocalDate contractEnd, BankCardNumber bankCard, String bankCode, String bankName,
			LocalDate entryDate, boolean concurrentAllowed) {
	}

	/** Either a valid engagement or the rules it breaks. */
	record Outcome(ValidEngagement engagement, List<Violation> violations) {
	}

	private final PersonRules persons;

	private final CodeDictionary codes;

	private final Clock clock;

	EngagementRules(PersonRules persons, CodeDictionary codes, Clock clock) {
		this.persons = persons;
		this.codes = codes;
		this.clock = clock;
	}

	Outcome check(Engagements.NewEngagement e) {
		LocalDate today = LocalDate.now(clock);
		Checks checks = new Checks();
		PersonStore.NewPerson person = null;
		if (e.person() == null) {
			checks.add(Violation.of("person", "required"));
		}
		else {
			try {
				person = persons.validate(e.person());
			}
			catch (RuleViolation v) {
				checks.addAll(v.violations());
			}
		}
		checks.field("workType", () -> codes.require(CodeDictionary.WORK_TYPE, e.workType()));
		String period = e.contractPeriodType() == null ? null : e.contractPeriodType().strip();
		checks.field("contractPeriodType", () -> codes.require(CodeDictionary.CONTRACT_PERIOD_TYPE, period));
		checks.required("contractStart", e.contractStart());
		if ("0".equals(period)) {
			checks.required("contractEnd", e.contractEnd());
		}
		if (e.contractStart() != null && e.contractEnd() != null) {
			checks.check(!e.contractEnd().isBefore(e.contractStart()), "contractEnd", "date.before-contract-start");
		}
		checks.required("entryDate", e.entryDate());
		if (e.entryDate() != null) {
			checks.check(!e.entryDate().isAfter(today), "entryDate", "date.in-future");
			if (e.contractStart() != null) {
				checks.check(!e.entryDate().isBefore(e.contractStart()), "entryDate", "engagement.entry-before-contract");
			}
			if (e.contractEnd() != null) {
				checks.check(!e.entryDate().isAfter(e.contractEnd()), "entryDate", "engagement.entry-after-contract");
			}
			if (person != null && person.identity().birthDate() != null) {
				checks.check(!person.identity().birthDate().plusYears(MINIMUM_AGE).isAfter(e.entryDate()), "idNumber",
						"engagement.under-age", MINIMUM_AGE);
			}
		}
		BankCardNumber card = null;
		if (e.bankCardNumber() != null && !e.bankCardNumber().isBlank()) {
			card = checks.field("bankCardNumber", () -> BankCardNumber.of(e.bankCardNumber()));
			checks.field("bankCode", () -> codes.require(CodeDictionary.BANK, e.bankCode()));
		}
		if (!checks.ok()) {
			return new Outcome(null, checks.violations());
		}
		String bankName = PersonRules.blankToNull(e.bankName());
		if (card != null && bankName == null) {
			bankName = codes.name(CodeDictionary.BANK, e.bankCode().strip());
		}
		return new Outcome(new ValidEngagement(person, e.workType().strip(), period, e.contractStart(), e.contractEnd(), card,
				card == null ? null : e.bankCode().strip(), card == null ? null : bankName, e.entryDate(),
				e.concurrent()), List.of());
	}
}
