package io.siteroll.payroll.internal;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import io.siteroll.payroll.BankFormat;
import io.siteroll.payroll.WageLine;
import io.siteroll.platform.Checks;
import io.siteroll.platform.RuleViolation;
import io.siteroll.platform.Violation;
import org.springframework.stereotype.Component;

/**
 * SiteRoll's own documented layout (docs/payroll.md): UTF-8 CSV with a BOM so spreadsheet programs read the Chinese.
 * Payment file: a header row {@code 付款账号,<account>}, then {@code 业务参考号,户名,卡号,开户行代码,金额,用途}. Result
 * file: {@code 业务参考号,户名,卡号,金额,结果,说明} with 结果 one of 成功/失败/退回 (or PAID/FAILED/RETURNED).
 */
@Component
class CsvBankFormat implements BankFormat {

	static final String NAME = "SITEROLL_CSV";

	static final String PAYMENT_HEADER = "业务参考号,户名,卡号,开户行代码,金额,用途";

	static final String RESULT_HEADER = "业务参考号,户名,卡号,金额,结果,说明";

	private static final int MAX_ROWS = 20_000;

	@Override
	public String name() {
		return NAME;
	}

	@Override
	public String contentType() {
		return "text/csv;charset=UTF-8";
	}

	@Override
	public String extension() {
		return "csv";
	}

	@Override
	public byte[] write(String payerAccount, List<Instruction> instructions) {
		StringBuilder out = new StringBuilder(64 * (instructions.size() + 2));
		out.append('\uFEFF').append("付款账号,").append(payerAccount).append("\r\n");
		out.append(PAYMENT_HEADER).append("\r\n");
		for (Instruction i : instructions) {
			out.append(i.reference()).append(',').append(cell(i.name())).append(',').append(i.cardNumber()).append(',')
				.append(i.bankCode() == null ? "" : i.bankCode()).append(',').append(i.amount().setScale(2).toPlainString())
				.append(',').append(cell(i.purpose())).append("\r\n");
		}
		return out.toString().getBytes(StandardCharsets.UTF_8);
	}

	/** A comma or quote in a name would shift the columns: such characters are dropped, never quoted. */
	private static String cell(String text) {
		return text == null ? "" : text.replace(",", " ").replace("\"", "").replace("\n", " ").replace("\r", " ");
	}

	@Override
	public List<Result> readResults(InputStream in) {
		List<Result> results = new ArrayList<>();
		Checks checks = new Checks();
		try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
			String line;
			int row = 0;
			while ((line = reader.readLine()) != null) {
				row++;
				line = line.replace("\uFEFF", "").strip();
				if (line.isEmpty() || line.startsWith("业务参考号") || line.startsWith("付款账号")) {
					continue;
				}
				if (results.size() >= MAX_ROWS) {
					throw RuleViolation.of("file", "wage-result.too-many-rows", MAX_ROWS);
				}
				String[] cells = line.split(",", -1);
				String p = "results[" + row + "].";
				if (cells.length < 5) {
					checks.add(Violation.of(p + "reference", "wage-result.columns", RESULT_HEADER));
					continue;
				}
				WageLine.Payment payment = payment(cells[4].strip());
				if (payment == null) {
					checks.add(Violation.of(p + "payment", "wage-result.outcome"));
					continue;
				}
				if (!cells[3].isBlank()) {
					try {
						new BigDecimal(cells[3].strip());
					}
					catch (NumberFormatException e) {
						checks.add(Violation.of(p + "amount", "money.amount"));
					}
				}
				results.add(new Result(row, cells[0].strip(), cells[2].strip(), payment,
						cells.length > 5 ? cells[5].strip() : null));
			}
		}
		catch (IOException e) {
			throw RuleViolation.of("file", "wage-result.unreadable");
		}
		checks.throwIfAny();
		return results;
	}

	private static WageLine.Payment payment(String text) {
		return switch (text.toUpperCase(Locale.ROOT)) {
			case "成功", "PAID" -> WageLine.Payment.PAID;
			case "失败", "FAILED" -> WageLine.Payment.FAILED;
			case "退回", "退票", "RETURNED" -> WageLine.Payment.RETURNED;
			default -> null;
		};
	}
}
