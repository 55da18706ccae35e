package io.siteroll.campaign;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.siteroll.platform.RuleViolation;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class PhoneNumberTest {

	@ParameterizedTest
	@CsvSource({ "13904318888, 13904318888, true", "139 0431 8888, 13904318888, true",
			"0431-88905678, 0431-88905678, false", "043188905678, 043188905678, false",
			"0431-88905678-123, 0431-88905678-123, false", "010-6123456, 010-6123456, false" })
	void acceptsMobileAndOfficeNumbers(String typed, String stored, boolean mobile) {
		PhoneNumber phone = PhoneNumber.of(typed);
		assertThat(phone.value()).isEqualTo(stored);
		assertThat(phone.mobile()).isEqualTo(mobile);
	}

	@ParameterizedTest
	@ValueSource(strings = { "", "12345678901", "1390431888", "139043188889", "431-88905678", "0431-8890", "电话",
			"0431-88905678-1234567", "+86 13904318888" })
	void refusesAnythingElse(String typed) {
		assertThatThrownBy(() -> PhoneNumber.of(typed)).isInstanceOf(RuleViolation.class)
			.satisfies(e -> assertThat(((RuleViolation) e).violations().get(0).rule()).isEqualTo("phone.format"));
	}
}
