package io.siteroll.payroll.internal;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import io.siteroll.audit.AuditRecord;
import io.siteroll.audit.AuditTrail;
import io.siteroll.identity.CurrentActor;
import io.siteroll.payroll.WageAccount;
import io.siteroll.payroll.WageAccounts;
import io.siteroll.platform.Checks;
import io.siteroll.platform.Conflict;
import io.siteroll.platform.NotFound;
import io.siteroll.platform.RuleViolation;
import io.siteroll.platform.Violation;
import io.siteroll.privacy.Masking;
import io.siteroll.privacy.PersonalDataCipher;
import io.siteroll.privacy.PersonalDataReveals;
import io.siteroll.project.ProjectAccess;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The wage account book: the account (number encrypted at rest, masked everywhere, clear only by audited reveal),
 * its allocations and the wage guarantee. State changes go through {@link WageAccount}, which refuses what its
 * lifecycle does not allow; every change is in the audit trail.
 */
@Service
@Transactional
class WageAccountBook implements WageAccounts {

	static final String NUMBER_PURPOSE = "wage_account.number";

	private static final Set<String> AGREEMENT_TYPES = Set.of("application/pdf", "image/jpeg", "image/png");

	private static final int MAX_AGREEMENT_BYTES = 10 * 1024 * 1024;

	private static final BigDecimal MAX_AMOUNT = new BigDecimal("1000000000000");

	private static final String SELECT = """
			select id, project_id, bank_name, bank_code, number_masked, agreement_file_name, state, opened_on,
			       closing_noticed_on, closed_on, opened_by
			from wage_account""";

	private final JdbcClient jdbc;

	private final ProjectAccess access;

	private final GeneralContractor contractor;

	private final PersonalDataCipher cipher;

	private final PersonalDataReveals reveals;

	private final AuditTrail audit;

	private final CurrentActor actors;

	private final PayrollSettings settings;

	private final Clock clock;

	WageAccountBook(JdbcClient jdbc, ProjectAccess access, GeneralContractor contractor, PersonalDataCipher cipher,
			PersonalDataReveals reveals, AuditTrail audit, CurrentActor actors, PayrollSettings settings, Clock clock) {
		this.jdbc = jdbc;
		this.access = access;
		this.contractor = contractor;
		this.cipher = cipher;
		this.reveals = reveals;
		this.audit = audit;
		this.actors = actors;
		this.settings = settings;
		this.clock = clock;
	}

	@Override
	public WageAccount open(long projectId, Opening o) {
		contractor.require(projectId);
		Checks checks = new Checks();
		String bankName = checks.maxLength("bankName", checks.required("bankName", o.bankName()), 100);
		String bankCode = checks.required("bankCode", o.bankCode());
		if (bankCode != null) {
			checks.check(bankCode.matches("\\d{3,12}"), "bankCode", "wage-account.bank-code");
		}
		String number = checks.required("accountNumber", o.accountNumber());
		if (number != null) {
			number = number.replace(" ", "");
			checks.check(number.matches("\\d{8,32}"), "accountNumber", "wage-account.number-format");
		}
		if (o.agreement() == null || o.agreement().length == 0) {
			checks.add(Violation.of("agreement", "wage-account.agreement-required"));
		}
		else {
			checks.check(o.agreement().length <= MAX_AGREEMENT_BYTES, "agreement", "wage-account.agreement-too-large");
			checks.check(o.agreementType() != null && AGREEMENT_TYPES.contains(o.agreementType()), "agreement",
					"wage-account.agreement-type");
		}
		checks.throwIfAny();
		if (find(projectId).isPresent()) {
			throw new Conflict("projectId", "wage-account.exists");
		}
		String fileName = o.agreementFileName() == null || o.agreementFileName().isBlank() ? "三方协议"
				: o.agreementFileName().strip();
		long id = jdbc.sql("""
				insert into wage_account (project_id, bank_name, bank_code, number_cipher, number_masked,
				                          agreement_file_name, agreement_type, agreement, state, opened_on, opened_by)
				values (:project, :bankName, :bankCode, :cipher, :masked, :fileName, :type, :agreement, 'OPENED', :today, :by)
				on conflict (project_id) do nothing
				returning id""")
			.param("project", projectId)
			.param("bankName", bankName)
			.param("bankCode", bankCode)
			.param("cipher", cipher.encrypt(NUMBER_PURPOSE, number))
			.param("masked", Masking.bankCard(number))
			.param("fileName", fileName.length() > 200 ? fileName.substring(0, 200) : fileName)
			.param("type", o.agreementType())
			.param("agreement", o.agreement())
			.param("today", LocalDate.now(clock))
			.param("by", actors.get().username())
			.query(Long.class)
			.optional()
			.orElseThrow(() -> new Conflict("projectId", "wage-account.exists"));
		audit.record(new AuditRecord("WAGE_ACCOUNT_OPENED", "wage_account", String.valueOf(id), null,
				Map.of("projectId", projectId, "bankCode", bankCode, "number", Masking.bankCard(number))));
		return byId(id);
	}

	@Override
	@Transactional(readOnly = true)
	public Optional<WageAccount> find(long projectId) {
		access.requireVisible(projectId);
		return jdbc.sql(SELECT + " where project_id = :project").param("project", projectId).query(WageAccountBook::row)
			.optional();
	}

	@Override
	@Transactional(readOnly = true)
	public WageAccount require(long projectId) {
		return find(projectId).orElseThrow(() -> new NotFound("wage-account", projectId));
	}

	private WageAccount byId(long id) {
		return jdbc.sql(SELECT + " where id = :id").param("id", id).query(WageAccountBook::row).single();
	}

	@Override
	public String revealNumber(long projectId) {
		WageAccount account = require(projectId);
		byte[] value = jdbc.sql("select number_cipher from wage_account where id = :id").param("id", account.id())
			.query(byte[].class).single();
		return reveals.reveal("wage_account", account.id(), "accountNumber", NUMBER_PURPOSE, value);
	}

	/** The account number in clear for a payment file: the caller audits the reveal. */
	String numberForPayment(long accountId) {
		byte[] value = jdbc.sql("select number_cipher from wage_account where id = :id").param("id", accountId)
			.query(byte[].class).single();
		return cipher.decrypt(NUMBER_PURPOSE, value);
	}

	@Override
	@Transactional(readOnly = true)
	public Agreement agreement(long projectId) {
		WageAccount account = require(projectId);
		return jdbc.sql("select agreement_file_name, agreement_type, agreement from wage_account where id = :id")
			.param("id", account.id())
			.query((rs, n) -> new Agreement(rs.getString(1), rs.getString(2), rs.getBytes(3)))
			.single();
	}

	@Override
	public WageAccount noticeClosing(long projectId) {
		contractor.require(projectId);
		WageAccount account = locked(projectId);
		return save(account, account.noticeClosing(LocalDate.now(clock)), "WAGE_ACCOUNT_CLOSING_NOTICED");
	}

	@Override
	public WageAccount close(long projectId) {
		contractor.require(projectId);
		WageAccount account = locked(projectId);
		return save(account, account.close(LocalDate.now(clock)), "WAGE_ACCOUNT_CLOSED");
	}

	/** Money moved: the account is in use from now on (refused when closed). */
	WageAccount use(long projectId) {
		WageAccount account = locked(projectId);
		WageAccount used = account.used();
		return used.state() == account.state() ? account : save(account, used, "WAGE_ACCOUNT_IN_USE");
	}

	private WageAccount locked(long projectId) {
		Long id = jdbc.sql("select id from wage_account where project_id = :project for update")
			.param("project", projectId).query(Long.class).optional()
			.orElseThrow(() -> new Conflict("projectId", "wage-account.missing"));
		return byId(id);
	}

	private WageAccount save(WageAccount before, WageAccount after, String action) {
		jdbc.sql("""
				update wage_account set state = :state, closing_noticed_on = :noticed, closed_on = :closed
				where id = :id""")
			.param("state", after.state().name())
			.param("noticed", after.closingNoticedOn())
			.param("closed", after.closedOn())
			.param("id", after.id())
			.update();
		audit.record(new AuditRecord(action, "wage_account", String.valueOf(after.id()),
				Map.of("state", before.state().name()), Map.of("state", after.state().name())));
		return byId(after.id());
	}

	@Override
	public Allocation allocate(long projectId, NewAllocation a) {
		contractor.require(projectId);
		Checks checks = new Checks();
		checkAllocation(checks, "", a.amount(), a.receivedOn());
		checks.maxLength("reference", a.reference(), 200);
		checks.throwIfAny();
		WageAccount account = use(projectId);
		return insert(account.id(), a.amount(), a.receivedOn(), Allocation.Source.ENTERED, a.reference());
	}

	private void checkAllocation(Checks checks, String prefix, BigDecimal amount, LocalDate receivedOn) {
		checks.required(prefix + "amount", amount);
		if (amount != null) {
			checks.check(amount.signum() > 0 && amount.compareTo(MAX_AMOUNT) < 0 && amount.scale() <= 2,
					prefix + "amount", "money.amount");
		}
		checks.required(prefix + "receivedOn", receivedOn);
		if (receivedOn != null) {
			checks.check(!receivedOn.isAfter(LocalDate.now(clock)), prefix + "receivedOn", "date.in-future");
		}
	}

	private Allocation insert(long accountId, BigDecimal amount, LocalDate receivedOn, Allocation.Source source,
			String reference) {
		long id = jdbc.sql("""
				insert into wage_allocation (account_id, amount, received_on, source, reference, recorded_by, recorded_at)
				values (:account, :amount, :receivedOn, :source, :reference, :by, :at) returning id""")
			.param("account", accountId)
			.param("amount", amount)
			.param("receivedOn", receivedOn)
			.param("source", source.name())
			.param("reference", reference)
			.param("by", actors.get().username())
			.param("at", OffsetDateTime.now(clock))
			.query(Long.class)
			.single();
		audit.record(new AuditRecord("WAGE_ALLOCATION_RECORDED", "wage_account", String.valueOf(accountId), null,
				Map.of("allocationId", id, "amount", amount.toPlainString(), "receivedOn", receivedOn.toString(),
						"source", source.name())));
		return jdbc.sql("""
				select id, account_id, amount, received_on, source, reference, recorded_by, recorded_at
				from wage_allocation where id = :id""").param("id", id).query(WageAccountBook::allocation).single();
	}

	@Override
	public List<Allocation> importStatement(long projectId, InputStream csv) {
		contractor.require(projectId);
		record Row(BigDecimal amount, LocalDate receivedOn, String reference) {
		}
		List<Row> rows = new ArrayList<>();
		Checks checks = new Checks();
		try (BufferedReader in = new BufferedReader(new InputStreamReader(csv, StandardCharsets.UTF_8))) {
			String line;
			int n = 0;
			while ((line = in.readLine()) != null) {
				line = line.replace("\uFEFF", "").strip();
				if (line.isEmpty() || n++ == 0 && !Character.isDigit(line.charAt(0))) {
					continue;
				}
				String[] cells = line.split(",", -1);
				String prefix = "statement[" + n + "].";
				LocalDate day = null;
				BigDecimal amount = null;
				try {
					day = LocalDate.parse(cells[0].strip());
				}
				catch (DateTimeParseException e) {
					checks.add(Violation.of(prefix + "receivedOn", "date.format"));
				}
				try {
					amount = cells.length > 1 ? new BigDecimal(cells[1].strip()) : null;
				}
				catch (NumberFormatException e) {
					checks.add(Violation.of(prefix + "amount", "money.amount"));
				}
				if (day != null && (amount != null || cells.length <= 1)) {
					checkAllocation(checks, prefix, amount, day);
				}
				String reference = cells.length > 2 ? cells[2].strip() : null;
				checks.maxLength(prefix + "reference", reference, 200);
				rows.add(new Row(amount, day, reference));
			}
		}
		catch (IOException e) {
			throw RuleViolation.of("file", "wage-statement.unreadable");
		}
		checks.check(!rows.isEmpty(), "file", "wage-statement.empty");
		checks.throwIfAny();
		WageAccount account = use(projectId);
		return rows.stream()
			.map(r -> insert(account.id(), r.amount(), r.receivedOn(), Allocation.Source.STATEMENT, r.reference()))
			.toList();
	}

	@Override
	@Transactional(readOnly = true)
	public List<Allocation> allocations(long projectId) {
		access.requireVisible(projectId);
		return jdbc.sql("""
				select a.id, a.account_id, a.amount, a.received_on, a.source, a.reference, a.recorded_by, a.recorded_at
				from wage_allocation a join wage_account w on w.id = a.account_id
				where w.project_id = :project order by a.received_on desc, a.id desc""")
			.param("project", projectId).query(WageAccountBook::allocation).list();
	}

	@Override
	public Guarantee provideGuarantee(long projectId, NewGuarantee g) {
		contractor.require(projectId);
		Checks checks = new Checks();
		Guarantee.Kind kind = null;
		String rawKind = checks.required("kind", g.kind());
		if (rawKind != null) {
			kind = checks.field("kind", () -> Guarantee.Kind.valueOf(Checks.oneOf("kind", rawKind,
					List.of("CASH_DEPOSIT", "BANK_GUARANTEE"))));
		}
		checks.required("contractValue", g.contractValue());
		if (g.contractValue() != null) {
			checks.check(g.contractValue().signum() > 0 && g.contractValue().compareTo(MAX_AMOUNT) < 0,
					"contractValue", "money.amount");
		}
		checks.required("amount", g.amount());
		if (g.amount() != null) {
			checks.check(g.amount().signum() >= 0 && g.amount().compareTo(MAX_AMOUNT) < 0 && g.amount().scale() <= 2,
					"amount", "money.amount");
		}
		checks.required("providedOn", g.providedOn());
		if (g.providedOn() != null && g.validUntil() != null) {
			checks.check(!g.validUntil().isBefore(g.providedOn()), "validUntil", "date.before-first-day");
		}
		checks.throwIfAny();
		BigDecimal required = required(g.contractValue());
		if (g.amount().compareTo(required) < 0) {
			throw RuleViolation.of("amount", "wage-guarantee.below-ratio", required.toPlainString());
		}
		long id = jdbc.sql("""
				insert into wage_guarantee (project_id, kind, amount, contract_value, provided_on, valid_until, recorded_by)
				values (:project, :kind, :amount, :contract, :providedOn, :validUntil, :by) returning id""")
			.param("project", projectId)
			.param("kind", kind.name())
			.param("amount", g.amount())
			.param("contract", g.contractValue())
			.param("providedOn", g.providedOn())
			.param("validUntil", g.validUntil())
			.param("by", actors.get().username())
			.query(Long.class).single();
		audit.record(new AuditRecord("WAGE_GUARANTEE_PROVIDED", "project", String.valueOf(projectId), null,
				Map.of("guaranteeId", id, "kind", kind.name(), "amount", g.amount().toPlainString())));
		return guarantees(projectId).stream().filter(x -> x.id() == id).findFirst().orElseThrow();
	}

	@Override
	public boolean guaranteeRequired() {
		return settings.guaranteeRequired();
	}

	/** What the configured ratio asks for this contract value: nothing below the exemption threshold. */
	BigDecimal required(BigDecimal contractValue) {
		if (contractValue.compareTo(settings.guaranteeExemptBelow()) < 0) {
			return BigDecimal.ZERO;
		}
		return contractValue.multiply(settings.guaranteeRatio()).setScale(2, RoundingMode.HALF_UP);
	}

	@Override
	@Transactional(readOnly = true)
	public List<Guarantee> guarantees(long projectId) {
		access.requireVisible(projectId);
		return jdbc.sql("""
				select id, project_id, kind, amount, contract_value, provided_on, valid_until
				from wage_guarantee where project_id = :project order by provided_on desc, id desc""")
			.param("project", projectId)
			.query((rs, n) -> {
				BigDecimal contract = rs.getBigDecimal("contract_value");
				BigDecimal required = required(contract);
				return new Guarantee(rs.getLong("id"), rs.getLong("project_id"), Guarantee.Kind.valueOf(rs.getString("kind")),
						rs.getBigDecimal("amount"), contract, rs.getObject("provided_on", LocalDate.class),
						rs.getObject("valid_until", LocalDate.class), required, required.signum() == 0);
			})
			.list();
	}

	private static WageAccount row(ResultSet rs, int n) throws SQLException {
		return new WageAccount(rs.getLong("id"), rs.getLong("project_id"), rs.getString("bank_name"),
				rs.getString("bank_code"), rs.getString("number_masked"), rs.getString("agreement_file_name"),
				WageAccount.State.valueOf(rs.getString("state")), rs.getObject("opened_on", LocalDate.class),
				rs.getObject("closing_noticed_on", LocalDate.class), rs.getObject("closed_on", LocalDate.class),
				rs.getString("opened_by"));
	}

	private static Allocation allocation(ResultSet rs, int n) throws SQLException {
		return new Allocation(rs.getLong("id"), rs.getLong("account_id"), rs.getBigDecimal("amount"),
				rs.getObject("received_on", LocalDate.class), Allocation.Source.valueOf(rs.getString("source")),
				rs.getString("reference"), rs.getString("recorded_by"), rs.getObject("recorded_at", OffsetDateTime.class));
	}
}
