package io.siteroll.personnel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;

import io.siteroll.platform.RuleViolation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class IdNumberTest {

	@Test
	void standardsOwnExampleIsValidAndGivesBirthDateAndSex() {
		IdNumber id = IdNumber.of("11010519491231002X");
		assertThat(id.birthDate()).isEqualTo(LocalDate.of(1949, 12, 31));
		assertThat(id.sexCode()).as("17th digit 2 is even: female, platform code 1").isEqualTo("1");
		assertThat(id.toString()).isEqualTo("110105********002X");
	}

	@Test
	void lowerCaseXIsAcceptedAndStoredUpperCase() {
		assertThat(IdNumber.of("11010519491231002x").value()).isEqualTo("11010519491231002X");
	}

	@Test
	void checkCharacterIsComputedIndependently() {
		// S = Σ digit × (2^(18-i) mod 11); check = "10X98765432"[S mod 11]
		String first17 = "22010219900307123";
		int sum = 0;
		for (int i = 0; i < 17; i++) {
			sum += (first17.charAt(i) - '0') * (int) (Math.pow(2, 17 - i) % 11);
		}
		char expected = "10X98765432".charAt(sum % 11);
		assertThat(IdNumber.checkCharacter(first17)).isEqualTo(expected);
		assertThat(IdNumber.of(first17 + expected).sexCode()).as("odd 17th digit: male, platform code 0").isEqualTo("0");
	}

	@ParameterizedTest(name = "{0} breaks {1}")
	@CsvSource({ "110105194912310021, id-number.check-digit", "11010519491231002, id-number.format",
			"1101051949123100XX, id-number.format", "110105491231002, id-number.legacy-15",
			"99010519491231002X, id-number.address-code", "110105194902300027, id-number.birth-date",
			"110105189912310025, id-number.birth-date" })
	void badNumbersNameTheirRule(String number, String rule) {
		assertThatThrownBy(() -> IdNumber.of(number)).isInstanceOfSatisfying(RuleViolation.class,
				e -> assertThat(e.violations()).extracting(v -> v.rule()).containsExactly(rule));
	}

	@Test
	void birthDateInTheFutureIsRefused() {
		String first17 = "22010220991231001";
		String number = first17 + IdNumber.checkCharacter(first17);
		assertThatThrownBy(() -> IdNumber.of(number, LocalDate.of(2026, 11, 24))).isInstanceOfSatisfying(RuleViolation.class,
				e -> assertThat(e.violations().get(0).rule()).isEqualTo("id-number.birth-date"));
	}

	@ParameterizedTest
	@CsvSource({ "79927398713, true", "79927398710, false", "6222021234567890128, true", "6222021234567890123, false" })
	void luhn(String digits, boolean valid) {
		assertThat(BankCardNumber.luhn(digits)).isEqualTo(valid);
	}

	@Test
	void bankCardNeedsSixteenToNineteenDigitsAndLuhn() {
		assertThat(BankCardNumber.of("6222 0212 3456 7890 128").masked()).isEqualTo("6222***********0128");
		assertThatThrownBy(() -> BankCardNumber.of("79927398713")).isInstanceOfSatisfying(RuleViolation.class,
				e -> assertThat(e.violations().get(0).rule()).isEqualTo("bank-card.format"));
		assertThatThrownBy(() -> BankCardNumber.of("6222021234567890123")).isInstanceOfSatisfying(RuleViolation.class,
				e -> assertThat(e.violations().get(0).rule()).isEqualTo("bank-card.luhn"));
	}
}
