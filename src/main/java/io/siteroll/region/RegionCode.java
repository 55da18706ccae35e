package io.siteroll.region;

import io.siteroll.platform.RuleViolation;

/** A six-digit administrative division code (GB/T 2260). */
public record RegionCode(String value) {

	public RegionCode {
		if (value == null || !value.matches("\\d{6}")) {
			throw RuleViolation.rule("region-code.format");
		}
	}

	public static RegionCode of(String value) {
		return new RegionCode(value == null ? null : value.strip());
	}

	@Override
	public String toString() {
		return value;
	}
}
