package io.siteroll.payroll.internal;

import java.math.BigDecimal;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Tunables of the wage guarantee ({@code siteroll.payroll.*}); 人社部发〔2021〕65号 lets each province set them.
 *
 * @param guaranteeRatio the share of the construction contract value deposited (1 %–3 %; default 2 %)
 * @param guaranteeExemptBelow contracts below this value need no guarantee (default ¥3,000,000)
 * @param payDay the day of the following month by which a month's wages are paid (default the 15th)
 * @param guaranteeRequired whether every started project must have a wage guarantee on record (default true: an
 *        exempt contract records its value with a zero amount); the {@code NO_WAGE_GUARANTEE} warning watches it
 */
@ConfigurationProperties("siteroll.payroll")
record PayrollSettings(BigDecimal guaranteeRatio, BigDecimal guaranteeExemptBelow, Integer payDay, Boolean guaranteeRequired) {

	PayrollSettings {
		guaranteeRatio = guaranteeRatio == null ? new BigDecimal("0.02") : guaranteeRatio;
		guaranteeExemptBelow = guaranteeExemptBelow == null ? new BigDecimal("3000000") : guaranteeExemptBelow;
		payDay = payDay == null ? 15 : payDay;
		guaranteeRequired = guaranteeRequired == null ? Boolean.TRUE : guaranteeRequired;
	}
}
