package io.siteroll.payroll;

import java.io.InputStream;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

/**
 * The project's wage account and the money around it: opening (by the general contractor), the labour-cost
 * allocations into it (entered or from a bank statement), the wage guarantee, and the account's closing.
 */
public interface WageAccounts {

	/** Opening the account: the number in clear only here; the three-party agreement (三方协议) as a file. */
	record Opening(String bankName, String bankCode, String accountNumber, String agreementFileName,
			String agreementType, byte[] agreement) {

		@Override
		public String toString() {
			return "Opening[bankCode=" + bankCode + "]";
		}
	}

	/** 人工费用拨付: {@code receivedOn} is the caller's claim; {@code recordedAt} when the platform was told. */
	record Allocation(long id, long accountId, BigDecimal amount, LocalDate receivedOn, Source source, String reference,
			String recordedBy, OffsetDateTime recordedAt) {

		public enum Source {
			/** 手工录入 */
			ENTERED,
			/** 银行流水导入 */
			STATEMENT
		}
	}

	record NewAllocation(BigDecimal amount, LocalDate receivedOn, String reference) {
	}

	/** 工资保证金 and what the configured ratio asks of it. */
	record Guarantee(long id, long projectId, Kind kind, BigDecimal amount, BigDecimal contractValue,
			LocalDate providedOn, LocalDate validUntil, BigDecimal required, boolean exempt) {

		public enum Kind {
			/** 现金存储 */
			CASH_DEPOSIT,
			/** 银行保函 */
			BANK_GUARANTEE
		}
	}

	record NewGuarantee(String kind, BigDecimal amount, BigDecimal contractValue, LocalDate providedOn,
			LocalDate validUntil) {
	}

	record Agreement(String fileName, String contentType, byte[] content) {
	}

	WageAccount open(long projectId, Opening opening);

	Optional<WageAccount> find(long projectId);

	WageAccount require(long projectId);

	/** The account number in clear: needs the reveal permission, audited. */
	String revealNumber(long projectId);

	Agreement agreement(long projectId);

	WageAccount noticeClosing(long projectId);

	WageAccount close(long projectId);

	Allocation allocate(long projectId, NewAllocation allocation);

	/** A bank statement (CSV: 日期,金额,摘要) read whole: every row valid or nothing recorded. */
	List<Allocation> importStatement(long projectId, InputStream csv);

	List<Allocation> allocations(long projectId);

	Guarantee provideGuarantee(long projectId, NewGuarantee guarantee);

	List<Guarantee> guarantees(long projectId);

	/**
	 * Whether a started project must hold a wage guarantee (configuration {@code siteroll.payroll.guarantee-required},
	 * default true; a contract under the exemption threshold records its value with a zero amount).
	 */
	boolean guaranteeRequired();
}
