package io.siteroll.personnel.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import io.siteroll.personnel.Engagements.NewEngagement;
import io.siteroll.personnel.IdNumber;
import io.siteroll.personnel.Persons;
import io.siteroll.platform.CodeDictionary;
import io.siteroll.platform.Violation;
import org.junit.jupiter.api.Test;

/**
 * {@link EngagementRules} without Spring or a database: each rule it decides, with the day on either side of
 * every date boundary. Today is 2026-06-15 in Changchun.
 */
class EngagementRulesTest {

	private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

	private static final LocalDate TODAY = LocalDate.of(2026, 6, 15);

	/** A Luhn-valid 16-digit card number. */
	private static final String CARD = "622202020011223" + luhnDigit("622202020011223");

	private final CodeDictionary codes = new Dictionary(Map.of(
			CodeDictionary.ID_TYPE, List.of("01"),
			CodeDictionary.WORK_TYPE, List.of("010"),
			CodeDictionary.CONTRACT_PERIOD_TYPE, List.of("0", "1"),
			CodeDictionary.BANK, List.of("102")));

	private final Clock clock = Clock.fixed(TODAY.atStartOfDay(CHINA).plusHours(9).toInstant(), CHINA);

	private final EngagementRules rules = new EngagementRules(new PersonRules(codes, clock), codes, clock);

	// ---- a valid engagement ---------------------------------------------------------------------

	@Test
	void aCompleteEngagementIsValidAndCarriesTheStrippedValues() {
		EngagementRules.Outcome outcome = rules.check(engagement(b -> b.workType = " 010 ").build());
		assertThat(outcome.violations()).isEmpty();
		EngagementRules.ValidEngagement valid = outcome.engagement();
		assertThat(valid.workType()).isEqualTo("010");
		assertThat(valid.contractPeriodType()).isEqualTo("1");
		assertThat(valid.entryDate()).isEqualTo(TODAY.minusDays(5));
		assertThat(valid.person().identity().birthDate()).isEqualTo(LocalDate.of(1980, 3, 7));
		assertThat(valid.bankCard()).isNull();
		assertThat(valid.bankCode()).isNull();
		assertThat(valid.bankName()).isNull();
		assertThat(valid.concurrentAllowed()).isFalse();
	}

	@Test
	void concurrentEngagementIsAllowedOnlyWhenFlagged() {
		assertThat(rules.check(engagement(b -> b.concurrent = true).build()).engagement().concurrentAllowed()).isTrue();
		assertThat(rules.check(engagement(b -> b.concurrent = null).build()).engagement().concurrentAllowed()).isFalse();
	}

	// ---- the person -------------------------------------------------------------------------------

	@Test
	void aPersonIsRequired() {
		assertThat(violations(engagement(b -> b.withPerson = false).build())).containsExactly("person:required");
	}

	@Test
	void thePersonIsJudgedByThePersonRulesAndEveryOtherRuleStillSpeaks() {
		String valid = idNumber(LocalDate.of(1980, 3, 7));
		String badCheck = valid.substring(0, 17) + (valid.charAt(17) == '0' ? '1' : '0');
		assertThat(violations(engagement(b -> {
			b.idNumber = badCheck;
			b.workType = "999";
		}).build())).containsExactlyInAnyOrder("idNumber:id-number.check-digit", "workType:code.unknown");
	}

	// ---- work type and contract ------------------------------------------------------------------

	@Test
	void workTypeAndContractPeriodComeFromTheDictionaries() {
		assertThat(violations(engagement(b -> b.workType = null).build())).containsExactly("workType:required");
		assertThat(violations(engagement(b -> b.workType = "999").build())).containsExactly("workType:code.unknown");
		assertThat(violations(engagement(b -> b.period = "7").build())).containsExactly("contractPeriodType:code.unknown");
		assertThat(violations(engagement(b -> b.period = null).build())).containsExactly("contractPeriodType:required");
	}

	@Test
	void aLabourContractIsRequiredBeforeEntry() {
		assertThat(violations(engagement(b -> b.contractStart = null).build())).containsExactly("contractStart:required");
	}

	@Test
	void aFixedTermContractNeedsItsEndAPieceOfWorkContractDoesNot() {
		assertThat(violations(engagement(b -> {
			b.period = "0";
			b.contractEnd = null;
		}).build())).containsExactly("contractEnd:required");
		assertThat(violations(engagement(b -> {
			b.period = " 0 ";
			b.contractEnd = TODAY.plusYears(1);
		}).build())).isEmpty();
		assertThat(violations(engagement(b -> {
			b.period = "1";
			b.contractEnd = null;
		}).build())).isEmpty();
	}

	@Test
	void theContractMayEndOnItsFirstDayNotBefore() {
		LocalDate start = TODAY.minusDays(10);
		assertThat(violations(engagement(b -> {
			b.contractStart = start;
			b.contractEnd = start.minusDays(1);
			b.entry = null;
		}).build())).contains("contractEnd:date.before-contract-start");
		assertThat(violations(engagement(b -> {
			b.contractStart = start;
			b.contractEnd = start;
			b.entry = start;
		}).build())).isEmpty();
	}

	// ---- entry -----------------------------------------------------------------------------------

	@Test
	void entryIsRequiredAndMayBeTodayButNotTomorrow() {
		assertThat(violations(engagement(b -> b.entry = null).build())).containsExactly("entryDate:required");
		assertThat(violations(engagement(b -> b.entry = TODAY).build())).isEmpty();
		assertThat(violations(engagement(b -> b.entry = TODAY.plusDays(1)).build())).containsExactly("entryDate:date.in-future");
	}

	@Test
	void entryFollowsTheContractStart() {
		LocalDate start = TODAY.minusDays(10);
		assertThat(violations(engagement(b -> {
			b.contractStart = start;
			b.entry = start.minusDays(1);
		}).build())).containsExactly("entryDate:engagement.entry-before-contract");
		assertThat(violations(engagement(b -> {
			b.contractStart = start;
			b.entry = start;
		}).build())).isEmpty();
	}

	@Test
	void entryFallsWithinTheContract() {
		LocalDate end = TODAY.minusDays(2);
		assertThat(violations(engagement(b -> {
			b.contractEnd = end;
			b.entry = end.plusDays(1);
		}).build())).containsExactly("entryDate:engagement.entry-after-contract");
		assertThat(violations(engagement(b -> {
			b.contractEnd = end;
			b.entry = end;
		}).build())).isEmpty();
	}

	@Test
	void noOneIsEngagedBeforeTheirSixteenthBirthday() {
		LocalDate entry = TODAY.minusDays(1);
		LocalDate sixteenOnEntry = entry.minusYears(EngagementRules.MINIMUM_AGE);
		assertThat(violations(engagement(b -> {
			b.idNumber = idNumber(sixteenOnEntry);
			b.entry = entry;
		}).build())).as("the sixteenth birthday is the first day they may enter").isEmpty();
		List<Violation> underAge = rules.check(engagement(b -> {
			b.idNumber = idNumber(sixteenOnEntry.plusDays(1));
			b.entry = entry;
		}).build()).violations();
		assertThat(underAge).extracting(v -> v.field() + ":" + v.rule()).containsExactly("idNumber:engagement.under-age");
		assertThat(underAge.get(0).args()).containsExactly(16);
	}

	@Test
	void anotherIdentityDocumentCarriesNoBirthDateAndNoAgeCheck() {
		Dictionary withPassport = new Dictionary(Map.of(CodeDictionary.ID_TYPE, List.of("01", "03"),
				CodeDictionary.WORK_TYPE, List.of("010"), CodeDictionary.CONTRACT_PERIOD_TYPE, List.of("0", "1"),
				CodeDictionary.BANK, List.of("102")));
		EngagementRules passportRules = new EngagementRules(new PersonRules(withPassport, clock), withPassport, clock);
		NewEngagement e = engagement(b -> {
			b.idType = "03";
			b.idNumber = "E12345678";
		}).build();
		assertThat(passportRules.check(e).violations()).isEmpty();
	}

	// ---- wage card -------------------------------------------------------------------------------

	@Test
	void aWageCardIsOptionalButWhenGivenItIsCheckedAndNeedsItsBank() {
		assertThat(violations(engagement(b -> b.card = "   ").build())).isEmpty();
		assertThat(violations(engagement(b -> {
			b.card = CARD.substring(0, 15) + ((CARD.charAt(15) - '0' + 1) % 10);
			b.bank = "102";
		}).build())).containsExactly("bankCardNumber:bank-card.luhn");
		assertThat(violations(engagement(b -> {
			b.card = "1234";
			b.bank = "102";
		}).build())).containsExactly("bankCardNumber:bank-card.format");
		assertThat(violations(engagement(b -> {
			b.card = CARD;
			b.bank = null;
		}).build())).containsExactly("bankCode:required");
		assertThat(violations(engagement(b -> {
			b.card = CARD;
			b.bank = "999";
		}).build())).containsExactly("bankCode:code.unknown");
	}

	@Test
	void theBankIsNamedFromTheDictionaryUnlessGiven() {
		EngagementRules.ValidEngagement named = rules.check(engagement(b -> {
			b.card = CARD;
			b.bank = " 102 ";
		}).build()).engagement();
		assertThat(named.bankCard().value()).isEqualTo(CARD);
		assertThat(named.bankCode()).isEqualTo("102");
		assertThat(named.bankName()).isEqualTo("bank 102");
		EngagementRules.ValidEngagement given = rules.check(engagement(b -> {
			b.card = CARD;
			b.bank = "102";
			b.bankName = " 工行长春分行 ";
		}).build()).engagement();
		assertThat(given.bankName()).isEqualTo("工行长春分行");
	}

	@Test
	void aBankNameWithoutACardIsDropped() {
		EngagementRules.ValidEngagement valid = rules.check(engagement(b -> b.bankName = "工行").build()).engagement();
		assertThat(valid.bankName()).isNull();
	}

	// ---- helpers ---------------------------------------------------------------------------------

	private List<String> violations(NewEngagement e) {
		EngagementRules.Outcome outcome = rules.check(e);
		if (outcome.violations().isEmpty()) {
			assertThat(outcome.engagement()).isNotNull();
		}
		else {
			assertThat(outcome.engagement()).isNull();
		}
		return outcome.violations().stream().map(v -> v.field() + ":" + v.rule()).toList();
	}

	private static String idNumber(LocalDate birth) {
		String first17 = "220102" + birth.format(DateTimeFormatter.BASIC_ISO_DATE) + "123";
		return first17 + IdNumber.checkCharacter(first17);
	}

	private static char luhnDigit(String payload) {
		int sum = 0;
		for (int i = 0; i < payload.length(); i++) {
			int d = payload.charAt(payload.length() - 1 - i) - '0';
			if (i % 2 == 0) {
				d *= 2;
				if (d > 9) {
					d -= 9;
				}
			}
			sum += d;
		}
		return (char) ('0' + (10 - sum % 10) % 10);
	}

	private interface Change {
		void apply(Builder b);
	}

	private static Builder engagement(Change change) {
		Builder b = new Builder();
		change.apply(b);
		return b;
	}

	/** A valid engagement to begin from: one change makes each case. */
	private static final class Builder {

		String idType = "01";

		String idNumber = idNumber(LocalDate.of(1980, 3, 7));

		boolean withPerson = true;

		String workType = "010";

		String period = "1";

		LocalDate contractStart = TODAY.minusDays(30);

		LocalDate contractEnd;

		String card;

		String bank;

		String bankName;

		LocalDate entry = TODAY.minusDays(5);

		Boolean concurrent;

		NewEngagement build() {
			Persons.Registration registration = withPerson
					? new Persons.Registration(idType, idNumber, "张三", "汉", null, "13800000000") : null;
			return new NewEngagement(registration, 1L, workType, period, contractStart, contractEnd, card, bank, bankName,
					entry, concurrent);
		}
	}

	/** The dictionaries the rules consult, held in memory: every code is named "kind code". */
	private record Dictionary(Map<String, List<String>> codes) implements CodeDictionary {

		@Override
		public Optional<Code> find(String kind, String code) {
			if (code == null) {
				return Optional.empty();
			}
			String c = code.strip();
			return codes.getOrDefault(kind, List.of()).stream().filter(c::equals).findFirst()
				.map(x -> new Code(kind, x, kind.toLowerCase(Locale.ROOT) + " " + x, x));
		}

		@Override
		public List<Code> list(String kind) {
			return codes.getOrDefault(kind, List.of()).stream().map(c -> find(kind, c).orElseThrow()).toList();
		}

		@Override
		public Map<String, List<Code>> all() {
			throw new UnsupportedOperationException();
		}
	}
}
