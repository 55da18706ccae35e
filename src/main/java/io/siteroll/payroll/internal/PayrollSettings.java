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
 * @param approvalRequiresConfirmation the general contractor approves a table only when every allowed line is
 *        confirmed by its worker (条例 art. 31; default true). Off, an approval goes ahead, its audit entry records
 *        how many lines were unconfirmed, and the table's page flags them.
 * @param minimumWage the local minimum wage as the rights board prints it (e.g. "1880 元/月"); when none is
 *        configured the board refers the reader to the human-resources and social-security department
 * @param complaintLine the labour-inspection complaint line on the rights board (default 12333)
 * @param legalAidLine the legal-aid line on the rights board (default 12348)
 */
@ConfigurationProperties("siteroll.payroll")
record PayrollSettings(BigDecimal guaranteeRatio, BigDecimal guaranteeExemptBelow, Integer payDay, Boolean guaranteeRequired,
		Boolean approvalRequiresConfirmation, String minimumWage, String complaintLine, String legalAidLine) {

	PayrollSettings {
		approvalRequiresConfirmation = approvalRequiresConfirmation == null || approvalRequiresConfirmation;
		minimumWage = minimumWage == null || minimumWage.isBlank() ? null : minimumWage.strip();
		complaintLine = complaintLine == null || complaintLine.isBlank() ? "12333" : complaintLine.strip();
		legalAidLine = legalAidLine == null || legalAidLine.isBlank() ? "12348" : legalAidLine.strip();
		guaranteeRatio = guaranteeRatio == null ? new BigDecimal("0.02") : guaranteeRatio;
		guaranteeExemptBelow = guaranteeExemptBelow == null ? new BigDecimal("3000000") : guaranteeExemptBelow;
		payDay = payDay == null ? 15 : payDay;
		guaranteeRequired = guaranteeRequired == null ? Boolean.TRUE : guaranteeRequired;
	}
}
