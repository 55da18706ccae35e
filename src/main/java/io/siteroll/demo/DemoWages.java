package io.siteroll.demo;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;

import io.siteroll.payroll.WageAccounts;
import io.siteroll.payroll.WageLine;
import io.siteroll.payroll.WageTable;
import io.siteroll.payroll.WageTables;
import io.siteroll.platform.OfficialDocument;
import io.siteroll.platform.OfficialDocuments;
import io.siteroll.platform.RuleViolation;
import io.siteroll.project.ParticipatingUnit;
import io.siteroll.project.Projects;
import org.springframework.stereotype.Component;

/**
 * The wages of the enterprise account's project: its wage account opened with the three-party agreement, the owner's
 * labour-cost allocations of last month and this one, a bank guarantee, and last month's wage tables of each unit
 * with workers, built from attendance, checked, approved and paid through the bank's file; the bank returns one line
 * as failed (a closed card), so the labour clerk has something to follow up.
 */
@Component
class DemoWages {

	private final WageAccounts accounts;

	private final WageTables tables;

	private final Projects projects;

	private final OfficialDocuments documents;

	DemoWages(WageAccounts accounts, WageTables tables, Projects projects, OfficialDocuments documents) {
		this.accounts = accounts;
		this.tables = tables;
		this.projects = projects;
		this.documents = documents;
	}

	void run(DemoStory story, DemoSite home, LocalDate first, LocalDate today, SyntheticIdentities ids) {
		long project = home.id();
		LocalDate opened = first.minusDays(3);
		byte[] agreement = documents.pdf(new OfficialDocument(home.project.contractorName(), "", "农民工工资专用账户资金管理三方协议（演示）",
				"建设单位、施工总承包单位、开户银行", List.of(
						"为保障" + home.project.name() + "农民工工资按时足额支付，三方依据《保障农民工工资支付条例》约定：施工总承包单位在开户银行开设农民工工资专用账户，专项用于支付该项目农民工工资。",
						"建设单位按月将人工费用拨付至专用账户；开户银行按施工总承包单位提交的工资支付文件代发工资至农民工本人银行账户，并按月向项目所在地人力资源社会保障部门报送账户资金情况。"),
				List.of(), opened, List.of(), ""));
		story.on(opened, 10, 0, () -> story.as("enterprise", () -> accounts.open(project, new WageAccounts.Opening(
				"中国建设银行长春南关支行", "105", "2205011101" + String.format("%010d", ids.nextInt(1_000_000_000)), "三方协议.pdf",
				"application/pdf", agreement))));
		story.on(opened.plusDays(1), 11, 0, () -> story.as("enterprise", () -> accounts.provideGuarantee(project,
				new WageAccounts.NewGuarantee("BANK_GUARANTEE", new BigDecimal("600000"), new BigDecimal("30000000"), opened.plusDays(1),
						opened.plusYears(1)))));
		story.on(first.plusDays(5), 15, 0, () -> story.as("enterprise", () -> accounts.allocate(project,
				new WageAccounts.NewAllocation(new BigDecimal("1200000"), first.plusDays(5), "建设单位拨付" + YearMonth.from(first) + "人工费"))));
		story.on(today.withDayOfMonth(1), 15, 0, () -> story.as("enterprise", () -> accounts.allocate(project,
				new WageAccounts.NewAllocation(new BigDecimal("1250000"), today.withDayOfMonth(1), "建设单位拨付" + YearMonth.from(today) + "人工费"))));
		YearMonth month = YearMonth.from(first);
		List<ParticipatingUnit> units = projects.units(project).stream()
			.filter(u -> u.unitType().builds())
			.toList();
		boolean failedOne = false;
		for (ParticipatingUnit unit : units) {
			WageTable built;
			try {
				built = story.on(today, 9, 0, () -> story.as("enterprise",
						() -> tables.fromAttendance(project, new WageTables.FromAttendance(unit.id(), month, new BigDecimal("320")))));
			}
			catch (RuleViolation noAttendance) {
				continue; // a unit without workers on site last month (e.g. managers only) has no wage table
			}
			story.on(today, 9, 10, () -> story.as("enterprise", () -> tables.check(built.id())));
			// the workers signed the printed table (条例 art. 31) before it goes to approval
			List<Long> signed = story.as("enterprise", () -> tables.lines(built.id())).stream()
				.filter(l -> Boolean.TRUE.equals(l.allowed())).map(WageLine::id).toList();
			story.on(today, 9, 15, () -> story.as("enterprise", () -> tables.confirmAll(built.id(), signed)));
			story.on(today, 9, 20, () -> story.as("enterprise", () -> tables.approve(built.id())));
			WageTables.PaymentFile file = story.on(today, 9, 30, () -> story.as("enterprise", () -> tables.paymentFile(built.id(), "SITEROLL_CSV")));
			byte[] result = results(file.content(), !failedOne);
			failedOne = true;
			story.on(today, 10, 0, () -> story.as("enterprise", () -> tables.importResults(built.id(), "SITEROLL_CSV",
					new ByteArrayInputStream(result))));
		}
	}

	/** The bank's result for a payment file: every line paid, or all but the last, which fails on a closed card. */
	private static byte[] results(byte[] paymentFile, boolean failLast) {
		List<String> rows = new ArrayList<>();
		String text = new String(paymentFile, StandardCharsets.UTF_8).replace("\uFEFF", "");
		String[] lines = text.split("\r\n");
		rows.add("业务参考号,户名,卡号,金额,结果,说明");
		for (int i = 2; i < lines.length; i++) {
			String[] f = lines[i].split(",");
			if (f.length < 5) {
				continue;
			}
			boolean fail = failLast && i == lines.length - 1;
			rows.add(String.join(",", f[0], f[1], f[2], f[4], fail ? "失败" : "成功", fail ? "收款卡已销户" : ""));
		}
		return String.join("\r\n", rows).concat("\r\n").getBytes(StandardCharsets.UTF_8);
	}
}
