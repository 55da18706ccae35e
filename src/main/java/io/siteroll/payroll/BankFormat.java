package io.siteroll.payroll;

import java.io.InputStream;
import java.math.BigDecimal;
import java.util.List;

/**
 * A bank's layout for the disbursement file (代发文件) and its result file (回单). One documented layout ships
 * (docs/payroll.md, {@code SITEROLL_CSV}); a real bank's format is another implementation of this interface, a Spring
 * bean found by {@link #name()}.
 */
public interface BankFormat {

	/** One allowed line to pay: the reference the bank echoes in its result, name, card in clear, amount. */
	record Instruction(String reference, String name, String cardNumber, String bankCode, BigDecimal amount,
			String purpose) {

		@Override
		public String toString() {
			return "Instruction[" + reference + "]";
		}
	}

	/** One line of the bank's result: the reference, the card as the bank read it, the outcome and a note. */
	record Result(int row, String reference, String cardNumber, WageLine.Payment payment, String note) {

		@Override
		public String toString() {
			return "Result[" + reference + ", " + payment + "]";
		}
	}

	String name();

	String contentType();

	String extension();

	byte[] write(String payerAccount, List<Instruction> instructions);

	/** Reads a result file; a row that cannot be read is a RuleViolation naming it. */
	List<Result> readResults(InputStream in);
}
