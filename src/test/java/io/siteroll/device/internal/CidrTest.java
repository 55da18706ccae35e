package io.siteroll.device.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The source networks of ZKTeco devices: literal addresses only, host bits cleared, IPv4 and IPv6. */
class CidrTest {

	@ParameterizedTest
	@CsvSource({
			"10.8.0.0/16,     10.8.200.7,       true",
			"10.8.0.0/16,     10.9.0.1,         false",
			"10.8.3.4/16,     10.8.0.1,         true",
			"203.0.113.7,     203.0.113.7,      true",
			"203.0.113.7,     203.0.113.8,      false",
			"127.0.0.0/8,     127.0.0.1,        true",
			"127.0.0.0/8,     0:0:0:0:0:0:0:1,  false",
			"127.0.0.0/8,     ::ffff:127.0.0.1, true",
			"2001:db8::/32,   2001:db8:1::5,    true",
			"2001:db8::/32,   2001:db9::5,      false",
			"::1,             0:0:0:0:0:0:0:1,  true",
			"10.0.0.0/8,      not-an-address,   false",
			"10.0.0.0/8,     '',                false" })
	void containsOnlyAddressesInTheNetwork(String network, String address, boolean inside) {
		assertThat(Cidr.parse(network).contains(address)).isEqualTo(inside);
	}

	@ParameterizedTest
	@CsvSource({ "10.8.3.4/16, 10.8.0.0/16", "203.0.113.7, 203.0.113.7/32", "2001:db8::1/32, 2001:db8:0:0:0:0:0:0/32" })
	void isNormalised(String written, String shown) {
		assertThat(Cidr.parse(written).toString()).isEqualTo(shown);
	}

	@ParameterizedTest
	@ValueSource(strings = { "", "example.org", "10.0.0.0/33", "10.0.0/8", "256.1.1.1", "10.0.0.0/-1", "10.0.0.0/x",
			"2001:db8::/129", "1.2.3.4.5" })
	void refusesWhatIsNotALiteralNetwork(String text) {
		assertThatThrownBy(() -> Cidr.parse(text)).isInstanceOf(IllegalArgumentException.class);
	}
}
