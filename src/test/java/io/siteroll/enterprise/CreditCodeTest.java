package io.siteroll.enterprise;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.siteroll.platform.RuleViolation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CreditCodeTest {

	@Test
	void standardsExampleIsValid() {
		CreditCode code = CreditCode.of("91350100M000100Y43");
		assertThat(code.regionCode()).isEqualTo("350100");
	}

	@Test
	void lowerCaseIsAccepted() {
		assertThat(CreditCode.of("91350100m000100y43").value()).isEqualTo("91350100M000100Y43");
	}

	@Test
	void checkCharacterIsComputedIndependently() {
		String alphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY";
		String first17 = "91350100M000100Y4";
		int sum = 0;
		for (int i = 0; i < 17; i++) {
			sum += alphabet.indexOf(first17.charAt(i)) * (int) (Math.pow(3, i) % 31);
		}
		assertThat(CreditCode.checkCharacter(first17)).isEqualTo(alphabet.charAt((31 - sum % 31) % 31)).isEqualTo('3');
	}

	@ParameterizedTest(name = "{0} breaks {1}")
	@CsvSource({ "91350100M000100Y44, credit-code.check-character", "91350100M000100Y4, credit-code.length",
			"91350100M0001O0Y43, credit-code.alphabet", "91350100I000100Y43, credit-code.alphabet" })
	void badCodesNameTheirRule(String code, String rule) {
		assertThatThrownBy(() -> CreditCode.of(code)).isInstanceOfSatisfying(RuleViolation.class,
				e -> assertThat(e.violations()).extracting(v -> v.rule()).containsExactly(rule));
	}
}
