package io.siteroll.campaign;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.siteroll.platform.RuleViolation;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class EmailAddressTest {

	@ParameterizedTest
	@CsvSource({ "smz@jljs.gov.cn, smz@jljs.gov.cn", " Wang.Li+smz@JLJS.gov.cn , wang.li+smz@jljs.gov.cn",
			"a_b@mail.changchun.gov.cn, a_b@mail.changchun.gov.cn" })
	void acceptsAddressesInLowerCase(String typed, String stored) {
		assertThat(EmailAddress.of(typed).value()).isEqualTo(stored);
	}

	@ParameterizedTest
	@ValueSource(strings = { "", "smz", "smz@", "@jljs.gov.cn", "smz@jljs", "smz@@jljs.gov.cn", "smz@jljs..gov.cn",
			"s mz@jljs.gov.cn", "smz@jljs.gov.c0m", "王@jljs.gov.cn", ".smz@jljs.gov.cn" })
	void refusesAnythingElse(String typed) {
		assertThatThrownBy(() -> EmailAddress.of(typed)).isInstanceOf(RuleViolation.class)
			.satisfies(e -> assertThat(((RuleViolation) e).violations().get(0).rule()).isEqualTo("email"));
	}
}
