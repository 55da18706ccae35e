package io.siteroll.payroll.internal;

import java.io.InputStream;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import io.siteroll.attendance.AttendanceReadModel;
import io.siteroll.audit.AuditRecord;
import io.siteroll.audit.AuditTrail;
import io.siteroll.identity.Actor;
import io.siteroll.identity.CurrentActor;
import io.siteroll.identity.Role;
import io.siteroll.payroll.BankFormat;
import io.siteroll.payroll.WageAccount;
import io.siteroll.payroll.WageLine;
import io.siteroll.payroll.WageLine.Refusal;
import io.siteroll.payroll.WageTable;
import io.siteroll.payroll.WageTables;
import io.siteroll.personnel.BankCardNumber;
import io.siteroll.personnel.Engagement;
import io.siteroll.personnel.Engagements;
import io.siteroll.personnel.IdNumber;
import io.siteroll.personnel.Persons;
import io.siteroll.personnel.Team;
import io.siteroll.personnel.Teams;
import io.siteroll.platform.Checks;
import io.siteroll.platform.Conflict;
import io.siteroll.platform.Forbidden;
import io.siteroll.platform.NotFound;
import io.siteroll.platform.RuleViolation;
import io.siteroll.platform.Violation;
import io.siteroll.privacy.Masking;
import io.siteroll.privacy.PersonalDataCipher;
import io.siteroll.project.ParticipatingUnit;
import io.siteroll.project.ProjectAccess;
import io.siteroll.project.Projects;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The wage tables and their lines, which together are the wage ledger (工资支付台账). Checking gathers the facts of a
 * whole table in a handful of set-based reads (registry, engagements, valid days, cards on file) and lets
 * {@link LineRule} judge each line; a refused line keeps its reasons and never reaches a payment file. Cards are
 * compared by blind index, never in clear; clear cards exist only while a payment file is written, audited per line.
 */
@Service
@Transactional
class WageTableBook implements WageTables {

	static final String CARD_PURPOSE = "wage_line.bank_card";

	static final String ID_PURPOSE = "wage_line.id_number";

	/** The purpose under which personnel encrypts an engagement's wage card (its EngagementWriter). */
	static final String ENGAGEMENT_CARD_PURPOSE = "worker_engagement.bank_card";

	/** Read by payroll from its migration's view over personnel; see V25 (to move into PersonnelReadModel). */
	static final String WAGE_CARD_ON_FILE = "wage_card_on_file";

	/** Engagements with their team's participating unit: payroll's view over personnel, see V27. */
	static final String WAGE_ENGAGEMENT_UNIT = "wage_engagement_unit";

	static final int MAX_LINES = 10_000;

	/** How many unconfirmed lines a refused approval names (then "…"); the count is always given. */
	static final int UNCONFIRMED_LISTED = 20;

	private static final BigDecimal MAX_PAY = new BigDecimal("1000000");

	private static final String TABLE_SELECT = """
			select t.id, t.project_id, t.unit_id, t.month, t.state, t.source, t.created_by, t.approved_at, t.approved_by,
			       count(l.id) as lines, count(l.id) filter (where l.allowed) as allowed_lines,
			       count(l.id) filter (where not l.allowed) as refused_lines,
			       count(l.id) filter (where l.confirmed_at is not null) as confirmed_lines,
			       coalesce(sum(l.net_pay) filter (where l.allowed), 0) as allowed_total
			from wage_table t left join wage_line l on l.table_id = t.id""";

	private static final String TABLE_GROUP = " group by t.id";

	private static final String LINE_SELECT = """
			select id, table_id, line_no, person_id, person_name, id_number_masked, card_masked, bank_code, days_worked,
			       basic_pay, other_pay, deductions, net_pay, allowed, refusals, confirmed_at, payment, payment_note
			from wage_line""";

	private final JdbcClient jdbc;

	private final JdbcTemplate batch;

	private final ProjectAccess access;

	private final Projects projects;

	private final Persons persons;

	private final Engagements engagements;

	private final Teams teams;

	private final GeneralContractor contractor;

	private final WageAccountBook accounts;

	private final PersonalDataCipher cipher;

	private final AuditTrail audit;

	private final CurrentActor actors;

	private final Map<String, BankFormat> formats;

	private final WageTableSheet sheet;

	private final Clock clock;

	private final PayrollSettings settings;

	WageTableBook(JdbcClient jdbc, JdbcTemplate batch, ProjectAccess access, Projects projects, Persons persons,
			Engagements engagements, Teams teams, GeneralContractor contractor, WageAccountBook accounts,
			PersonalDataCipher cipher, AuditTrail audit, CurrentActor actors, List<BankFormat> formats,
			WageTableSheet sheet, Clock clock, PayrollSettings settings) {
		this.settings = settings;
		this.jdbc = jdbc;
		this.batch = batch;
		this.access = access;
		this.projects = projects;
		this.persons = persons;
		this.engagements = engagements;
		this.teams = teams;
		this.contractor = contractor;
		this.accounts = accounts;
		this.cipher = cipher;
		this.audit = audit;
		this.actors = actors;
		this.formats = formats.stream().collect(Collectors.toMap(BankFormat::name, f -> f));
		this.sheet = sheet;
		this.clock = clock;
	}

	// ---------------------------------------------------------------------------------------------------------
	// making a table

	/** A line ready to store: everything checked for form, personal data already encrypted. */
	private record Prepared(Long personId, String name, byte[] idCipher, String idMasked, byte[] cardCipher,
			byte[] cardIndex, String cardMasked, String bankCode, int days, BigDecimal basicPay, BigDecimal otherPay,
			BigDecimal deductions) {

		BigDecimal net() {
			return basicPay.add(otherPay).subtract(deductions);
		}
	}

	@Override
	public WageTable upload(long projectId, Upload upload) {
		access.requireVisible(projectId);
		Checks checks = new Checks();
		ParticipatingUnit unit = checkTarget(checks, projectId, upload.unitId(), upload.month());
		requireCompiler(projectId, unit.id());
		List<NewLine> lines = upload.lines() == null ? List.of() : upload.lines();
		checks.check(!lines.isEmpty(), "lines", "wage-table.no-lines");
		checks.check(lines.size() <= MAX_LINES, "lines", "wage-table.too-many-lines", MAX_LINES);
		List<Prepared> prepared = new ArrayList<>();
		Set<String> seen = new HashSet<>();
		for (int i = 0; i < lines.size() && i < MAX_LINES; i++) {
			NewLine l = lines.get(i);
			String p = "lines[" + i + "].";
			if (l == null) {
				checks.add(Violation.of("lines[" + i + "]", "required"));
				continue;
			}
			IdNumber id = checks.field(p + "idNumber", () -> IdNumber.of(l.idNumber()));
			String name = checks.maxLength(p + "name", checks.required(p + "name", l.name()), 50);
			BankCardNumber card = checks.field(p + "bankCardNumber", () -> BankCardNumber.of(l.bankCardNumber()));
			String bankCode = l.bankCode() == null || l.bankCode().isBlank() ? null : l.bankCode().strip();
			if (bankCode != null) {
				checks.check(bankCode.matches("\\d{3,12}"), p + "bankCode", "wage-account.bank-code");
			}
			BigDecimal basic = money(checks, p + "basicPay", checks.required(p + "basicPay", l.basicPay()));
			BigDecimal other = money(checks, p + "otherPay", l.otherPay() == null ? BigDecimal.ZERO : l.otherPay());
			BigDecimal deductions = money(checks, p + "deductions",
					l.deductions() == null ? BigDecimal.ZERO : l.deductions());
			if (id != null && !seen.add(id.value())) {
				checks.add(Violation.of(p + "idNumber", "wage-line.duplicate"));
			}
			if (id == null || name == null || card == null || basic == null || other == null || deductions == null) {
				continue;
			}
			Prepared line = new Prepared(null, name, cipher.encrypt(ID_PURPOSE, id.value()), Masking.idNumber(id.value()),
					cipher.encrypt(CARD_PURPOSE, card.value()), cipher.blindIndex(CARD_PURPOSE, card.value()), card.masked(),
					bankCode, 0, basic, other, deductions);
			checks.check(line.net().signum() >= 0, p + "deductions", "wage-line.net-negative");
			prepared.add(line);
		}
		checks.throwIfAny();
		return store(projectId, unit.id(), upload.month(), WageTable.Source.UPLOAD, prepared);
	}

	@Override
	public WageTable uploadExcel(long projectId, long unitId, YearMonth month, InputStream xlsx) {
		requireCompiler(projectId, unitId);
		return upload(projectId, new Upload(unitId, month, sheet.read(xlsx)));
	}

	@Override
	public byte[] template() {
		return sheet.template();
	}

	@Override
	public WageTable fromAttendance(long projectId, FromAttendance request) {
		access.requireVisible(projectId);
		Checks checks = new Checks();
		ParticipatingUnit unit = checkTarget(checks, projectId, request.unitId(), request.month());
		requireCompiler(projectId, unit.id());
		BigDecimal daily = money(checks, "dailyWage", checks.required("dailyWage", request.dailyWage()));
		checks.throwIfAny();
		Set<Long> unitTeams = teams.teams(projectId).stream().filter(t -> t.unitId() == unit.id()).map(Team::id)
			.collect(Collectors.toSet());
		LocalDate first = request.month().atDay(1);
		LocalDate last = request.month().atEndOfMonth();
		Map<Long, Integer> days = validDays(projectId, first, last);
		Map<Long, byte[]> cards = new HashMap<>();
		jdbc.sql("select person_id, bank_card_cipher from " + WAGE_CARD_ON_FILE
				+ " where project_id = :project and entry_date <= :last and (exit_date is null or exit_date >= :first)"
				+ " order by entry_date")
			.param("project", projectId).param("first", first).param("last", last)
			.query((rs, n) -> cards.put(rs.getLong(1), rs.getBytes(2)))
			.list();
		List<Prepared> prepared = new ArrayList<>();
		Set<Long> seen = new HashSet<>();
		engagements.each(projectId, new Engagements.Search(null, null, null, null, first, last), (Engagement e) -> {
			int worked = days.getOrDefault(e.personId(), 0);
			byte[] onFile = cards.get(e.personId());
			if (!unitTeams.contains(e.teamId()) || worked == 0 || onFile == null || !seen.add(e.personId())) {
				return;
			}
			String card = cipher.decrypt(ENGAGEMENT_CARD_PURPOSE, onFile);
			prepared.add(new Prepared(e.personId(), e.personName(), null, e.idNumberMasked(),
					cipher.encrypt(CARD_PURPOSE, card), cipher.blindIndex(CARD_PURPOSE, card), Masking.bankCard(card),
					e.bankCode(), worked, daily.multiply(BigDecimal.valueOf(worked)), BigDecimal.ZERO, BigDecimal.ZERO));
		});
		if (prepared.isEmpty()) {
			throw RuleViolation.of("unitId", "wage-table.no-attendance");
		}
		return store(projectId, unit.id(), request.month(), WageTable.Source.ATTENDANCE, prepared);
	}

	/**
	 * Who makes a unit's wage table (条例 art. 31: the subcontractor assesses its workers' month and makes the table,
	 * the general contractor approves and pays): whoever manages the project (the general contractor, its labour
	 * clerk, the province), and a participating unit's own enterprise administrator for that unit only.
	 */
	private void requireCompiler(long projectId, long unitId) {
		if (!compilableUnits(projectId).contains(unitId)) {
			throw new Forbidden("payroll.own-unit-only");
		}
	}

	@Override
	@Transactional(readOnly = true)
	public Set<Long> compilableUnits(long projectId) {
		if (access.canManage(projectId)) {
			return projects.units(projectId).stream().map(ParticipatingUnit::id).collect(Collectors.toSet());
		}
		Actor actor = actors.get();
		if (actor.role() != Role.ENTERPRISE_ADMIN) {
			return Set.of();
		}
		return access.visibleUnits(projectId).orElse(Set.of());
	}

	private ParticipatingUnit checkTarget(Checks checks, long projectId, Long unitId, YearMonth month) {
		checks.required("unitId", unitId);
		checks.required("month", month);
		if (month != null) {
			checks.check(!month.isAfter(YearMonth.now(clock)), "month", "wage-table.month-in-future");
		}
		ParticipatingUnit unit = null;
		if (unitId != null) {
			unit = projects.units(projectId).stream().filter(u -> u.id() == unitId).findFirst().orElse(null);
			checks.check(unit != null, "unitId", "wage-table.unit-not-on-project");
		}
		checks.throwIfAny();
		return unit;
	}

	private static BigDecimal money(Checks checks, String field, BigDecimal value) {
		if (value == null) {
			return null;
		}
		if (value.signum() < 0 || value.compareTo(MAX_PAY) >= 0 || value.scale() > 2) {
			checks.add(Violation.of(field, "money.amount"));
			return null;
		}
		return value;
	}

	/** A new table, or the lines of an unapproved one replaced (it goes back to draft). */
	private WageTable store(long projectId, long unitId, YearMonth month, WageTable.Source source, List<Prepared> lines) {
		Optional<Long> existing = jdbc.sql("""
				select id from wage_table where project_id = :project and unit_id = :unit and month = :month for update""")
			.param("project", projectId).param("unit", unitId).param("month", month.atDay(1))
			.query(Long.class).optional();
		long tableId;
		if (existing.isPresent()) {
			tableId = existing.get();
			requireTable(tableId).check();
			jdbc.sql("delete from wage_line where table_id = :id").param("id", tableId).update();
			jdbc.sql("update wage_table set state = 'DRAFT', source = :source, checked_at = null where id = :id")
				.param("source", source.name()).param("id", tableId).update();
		}
		else {
			tableId = jdbc.sql("""
					insert into wage_table (project_id, unit_id, month, state, source, created_by)
					values (:project, :unit, :month, 'DRAFT', :source, :by) returning id""")
				.param("project", projectId).param("unit", unitId).param("month", month.atDay(1))
				.param("source", source.name()).param("by", actors.get().username())
				.query(Long.class).single();
		}
		List<Object[]> rows = new ArrayList<>(lines.size());
		int no = 1;
		for (Prepared l : lines) {
			rows.add(new Object[] { tableId, no++, l.personId(), l.name(), l.idCipher(), l.idMasked(), l.cardCipher(),
					l.cardIndex(), l.cardMasked(), l.bankCode(), l.days(), l.basicPay(), l.otherPay(), l.deductions(),
					l.net() });
		}
		batch.batchUpdate("""
				insert into wage_line (table_id, line_no, person_id, person_name, id_number_cipher, id_number_masked,
				                       card_cipher, card_index, card_masked, bank_code, days_worked, basic_pay, other_pay,
				                       deductions, net_pay)
				values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", rows);
		audit.record(new AuditRecord(existing.isPresent() ? "WAGE_TABLE_REPLACED" : "WAGE_TABLE_CREATED", "wage_table",
				String.valueOf(tableId), null, Map.of("projectId", projectId, "unitId", unitId, "month", month.toString(),
						"lines", lines.size(), "source", source.name())));
		return requireTable(tableId);
	}

	// ---------------------------------------------------------------------------------------------------------
	// reading

	@Override
	@Transactional(readOnly = true)
	public WageTable require(long tableId) {
		WageTable table = requireTable(tableId);
		access.requireVisible(table.projectId());
		Optional<Set<Long>> units = access.visibleUnits(table.projectId());
		if (units.isPresent() && !units.get().contains(table.unitId())) {
			throw new NotFound("wage-table", tableId);
		}
		return table;
	}

	private WageTable requireTable(long tableId) {
		return jdbc.sql(TABLE_SELECT + " where t.id = :id" + TABLE_GROUP).param("id", tableId)
			.query(this::table).optional().orElseThrow(() -> new NotFound("wage-table", tableId));
	}

	@Override
	@Transactional(readOnly = true)
	public List<WageTable> tables(long projectId, YearMonth month) {
		access.requireVisible(projectId);
		Optional<Set<Long>> units = access.visibleUnits(projectId);
		return jdbc.sql(TABLE_SELECT + " where t.project_id = :project and (cast(:month as date) is null or t.month = :month)"
				+ TABLE_GROUP + " order by t.month desc, t.id")
			.param("project", projectId).param("month", month == null ? null : month.atDay(1))
			.query(this::table).list().stream()
			.filter(t -> units.isEmpty() || units.get().contains(t.unitId()))
			.toList();
	}

	@Override
	@Transactional(readOnly = true)
	public List<WageLine> lines(long tableId) {
		require(tableId);
		return jdbc.sql(LINE_SELECT + " where table_id = :id order by line_no").param("id", tableId)
			.query(WageTableBook::line).list();
	}

	@Override
	@Transactional(readOnly = true)
	public WageLine line(long tableId, long lineId) {
		require(tableId);
		return jdbc.sql(LINE_SELECT + " where table_id = :table and id = :id").param("table", tableId).param("id", lineId)
			.query(WageTableBook::line).optional().orElseThrow(() -> new NotFound("wage-line", lineId));
	}

	// ---------------------------------------------------------------------------------------------------------
	// the rule

	@Override
	public WageTable check(long tableId) {
		WageTable table = require(tableId);
		requireCompiler(table.projectId(), table.unitId());
		WageTable.State next = table.check();
		long projectId = table.projectId();
		LocalDate first = table.firstDay();
		LocalDate last = table.lastDay();

		record Stored(long id, Long personId, byte[] idCipher, byte[] cardIndex) {
		}
		List<Stored> stored = jdbc.sql("select id, person_id, id_number_cipher, card_index from wage_line where table_id = :id")
			.param("id", tableId)
			.query((rs, n) -> new Stored(rs.getLong(1), (Long) rs.getObject(2), rs.getBytes(3), rs.getBytes(4)))
			.list();

		// who is registered: the registry answers a batch of ID numbers in one query
		Map<Long, String> clearIds = new HashMap<>();
		for (Stored s : stored) {
			if (s.idCipher() != null) {
				clearIds.put(s.id(), cipher.decrypt(ID_PURPOSE, s.idCipher()));
			}
		}
		Map<String, Persons.IdReference> registry = clearIds.isEmpty() ? Map.of()
				: persons.idReferences(new HashSet<>(clearIds.values()));

		// engagements on the project: in the month in a team of the table's unit, in the month in another unit's team
		// only, or ended before the month
		Map<Long, LineRule.Engagement> engaged = new HashMap<>();
		jdbc.sql("select person_id, bool_or(in_month and unit_id = :unit), bool_or(in_month), bool_or(exit_date < :first)"
				+ " from (select person_id, unit_id, exit_date,"
				+ " entry_date <= :last and (exit_date is null or exit_date >= :first) as in_month from "
				+ WAGE_ENGAGEMENT_UNIT + " where project_id = :project) e group by person_id")
			.param("project", projectId).param("unit", table.unitId()).param("first", first).param("last", last)
			.query((rs, n) -> engaged.put(rs.getLong(1), rs.getBoolean(2) ? LineRule.Engagement.IN_MONTH
					: rs.getBoolean(3) ? LineRule.Engagement.IN_MONTH_OTHER_UNIT
					: rs.getBoolean(4) ? LineRule.Engagement.ENDED_BEFORE : LineRule.Engagement.NONE))
			.list();

		// cards on file, compared by blind index: each of the table's persons' card (the one in the month first) and
		// team leaders' cards; nobody else's card on file is decrypted
		Set<Long> tablePersons = new HashSet<>();
		registry.values().forEach(r -> {
			if (r.personId() != null) {
				tablePersons.add(r.personId());
			}
		});
		stored.stream().map(Stored::personId).filter(p -> p != null).forEach(tablePersons::add);
		Map<Long, byte[]> ownCards = new HashMap<>();
		Set<String> leaderCards = new HashSet<>();
		HexFormat hex = HexFormat.of();
		jdbc.sql("select person_id, bank_card_cipher, team_leader,"
				+ " entry_date <= :last and (exit_date is null or exit_date >= :first) as in_month from " + WAGE_CARD_ON_FILE
				+ " where project_id = :project and (team_leader or person_id in (select unnest(cast(:persons as bigint[])))) order by in_month, entry_date")
			.param("project", projectId).param("first", first).param("last", last)
			.param("persons", tablePersons.stream().map(String::valueOf).collect(Collectors.joining(",", "{", "}")))
			.query((rs, n) -> {
				byte[] index = cipher.blindIndex(CARD_PURPOSE, cipher.decrypt(ENGAGEMENT_CARD_PURPOSE, rs.getBytes(2)));
				ownCards.put(rs.getLong(1), index);
				if (rs.getBoolean(3)) {
					leaderCards.add(hex.formatHex(index));
				}
				return index;
			})
			.list();

		Map<Long, Integer> days = validDays(projectId, first, last);

		int size = stored.size();
		Long[] ids = new Long[size];
		Long[] personIds = new Long[size];
		Integer[] worked = new Integer[size];
		Boolean[] allowed = new Boolean[size];
		String[] reasons = new String[size];
		int i = 0;
		for (Stored s : stored) {
			Long personId = s.personId();
			if (s.idCipher() != null) {
				Persons.IdReference ref = registry.get(clearIds.get(s.id()));
				personId = ref == null ? null : ref.personId();
			}
			boolean registered = personId != null;
			LineRule.Engagement engagement = registered ? engaged.getOrDefault(personId, LineRule.Engagement.NONE)
					: LineRule.Engagement.NONE;
			byte[] own = registered ? ownCards.get(personId) : null;
			boolean ownCard = own != null && Arrays.equals(own, s.cardIndex());
			boolean leaders = leaderCards.contains(hex.formatHex(s.cardIndex()));
			List<Refusal> refusals = LineRule.judge(new LineRule.Facts(registered, engagement, ownCard, leaders));
			ids[i] = s.id();
			personIds[i] = personId;
			worked[i] = registered ? days.getOrDefault(personId, 0) : 0;
			allowed[i] = refusals.isEmpty();
			reasons[i] = refusals.stream().map(Enum::name).collect(Collectors.joining(","));
			i++;
		}
		// one statement for the whole table: the verdicts travel as arrays, not as thousands of updates
		batch.update("""
				update wage_line l
				set person_id = u.person_id, days_worked = u.days, allowed = u.allowed, refusals = u.refusals
				from unnest(?, ?, ?, ?, ?) as u(id, person_id, days, allowed, refusals)
				where l.id = u.id""", ps -> {
			Connection c = ps.getConnection();
			ps.setArray(1, c.createArrayOf("bigint", ids));
			ps.setArray(2, c.createArrayOf("bigint", personIds));
			ps.setArray(3, c.createArrayOf("integer", worked));
			ps.setArray(4, c.createArrayOf("boolean", allowed));
			ps.setArray(5, c.createArrayOf("text", reasons));
		});
		jdbc.sql("update wage_table set state = :state, checked_at = :at where id = :id")
			.param("state", next.name()).param("at", OffsetDateTime.now(clock)).param("id", tableId).update();
		WageTable checked = requireTable(tableId);
		audit.record(new AuditRecord("WAGE_TABLE_CHECKED", "wage_table", String.valueOf(tableId),
				Map.of("state", table.state().name()), Map.of("state", next.name(), "allowed", checked.allowedLines(),
						"refused", checked.refusedLines())));
		return checked;
	}

	private Map<Long, Integer> validDays(long projectId, LocalDate first, LocalDate last) {
		Map<Long, Integer> days = new HashMap<>();
		jdbc.sql("select person_id, count(*) from " + AttendanceReadModel.VALID_DAY.sql()
				+ " where project_id = :project and day between :first and :last group by person_id")
			.param("project", projectId).param("first", first).param("last", last)
			.query((rs, n) -> days.put(rs.getLong(1), rs.getInt(2)))
			.list();
		return days;
	}

	@Override
	public WageLine confirm(long tableId, long lineId) {
		WageTable table = require(tableId);
		requireCompiler(table.projectId(), table.unitId());
		WageLine line = line(tableId, lineId);
		if (line.confirmedAt() != null) {
			return line;
		}
		// a paid table's lines may still be confirmed: the ledger keeps the worker's confirmation (art. 15), and the
		// TABLE_UNCONFIRMED warning is cleared only by it
		jdbc.sql("update wage_line set confirmed_at = :at, confirmed_by = :by where id = :id")
			.param("at", OffsetDateTime.now(clock)).param("by", actors.get().username()).param("id", lineId).update();
		audit.record(new AuditRecord("WAGE_LINE_CONFIRMED", "wage_line", String.valueOf(lineId), null,
				Map.of("tableId", tableId)));
		return line(tableId, lineId);
	}

	@Override
	public WageTable confirmAll(long tableId, List<Long> lineIds) {
		WageTable table = require(tableId);
		requireCompiler(table.projectId(), table.unitId());
		if (table.state() == WageTable.State.PAID) {
			throw new Conflict("state", "wage-table.paid");
		}
		Checks checks = new Checks();
		List<Long> wanted = lineIds == null ? List.of() : lineIds;
		checks.check(!wanted.isEmpty(), "lineIds", "required");
		checks.check(wanted.size() <= MAX_LINES, "lineIds", "wage-table.too-many-lines", MAX_LINES);
		checks.throwIfAny();
		Map<Long, Boolean> confirmed = new HashMap<>();
		jdbc.sql("select id, confirmed_at is not null from wage_line where table_id = :id").param("id", tableId)
			.query((rs, n) -> confirmed.put(rs.getLong(1), rs.getBoolean(2))).list();
		List<Long> newly = new ArrayList<>();
		Set<Long> seen = new HashSet<>();
		for (int i = 0; i < wanted.size(); i++) {
			Long id = wanted.get(i);
			if (id == null || !confirmed.containsKey(id)) {
				checks.add(Violation.of("lineIds[" + i + "]", "wage-line.not-in-table"));
			}
			else if (seen.add(id) && !confirmed.get(id)) {
				newly.add(id);
			}
		}
		checks.throwIfAny();
		if (!newly.isEmpty()) {
			OffsetDateTime now = OffsetDateTime.now(clock);
			String by = actors.get().username();
			batch.update("update wage_line set confirmed_at = ?, confirmed_by = ? where id = any (?)", ps -> {
				ps.setObject(1, now);
				ps.setString(2, by);
				ps.setArray(3, ps.getConnection().createArrayOf("bigint", newly.toArray()));
			});
			audit.recordAll(newly.stream().map(id -> new AuditRecord("WAGE_LINE_CONFIRMED", "wage_line", String.valueOf(id),
					null, Map.<String, Object>of("tableId", tableId))).toList());
		}
		return requireTable(tableId);
	}

	@Override
	public WageTable approve(long tableId) {
		WageTable table = require(tableId);
		contractor.require(table.projectId());
		WageTable.State next = table.approve();
		if (table.allowedLines() == 0) {
			throw new Conflict("state", "wage-table.nothing-to-pay");
		}
		// 条例 art. 31: the table goes to the general contractor confirmed (signed) by its workers
		List<String> unconfirmed = jdbc.sql("""
				select line_no || ' ' || person_name from wage_line
				where table_id = :id and allowed and confirmed_at is null order by line_no""")
			.param("id", tableId).query(String.class).list();
		if (!unconfirmed.isEmpty() && settings.approvalRequiresConfirmation()) {
			String listed = String.join("、", unconfirmed.subList(0, Math.min(UNCONFIRMED_LISTED, unconfirmed.size())))
					+ (unconfirmed.size() > UNCONFIRMED_LISTED ? " …" : "");
			throw new Conflict("confirmations", "wage-table.unconfirmed", unconfirmed.size(), listed);
		}
		jdbc.sql("update wage_table set state = :state, approved_by = :by, approved_at = :at where id = :id")
			.param("state", next.name()).param("by", actors.get().username()).param("at", OffsetDateTime.now(clock))
			.param("id", tableId).update();
		audit.record(new AuditRecord("WAGE_TABLE_APPROVED", "wage_table", String.valueOf(tableId),
				Map.of("state", table.state().name()), Map.of("state", next.name(), "unconfirmed", unconfirmed.size())));
		return requireTable(tableId);
	}

	// ---------------------------------------------------------------------------------------------------------
	// paying

	private BankFormat format(String name) {
		String wanted = name == null || name.isBlank() ? CsvBankFormat.NAME : name.strip();
		BankFormat format = formats.get(wanted);
		if (format == null) {
			throw RuleViolation.of("format", "one-of", String.join(", ", formats.keySet()));
		}
		return format;
	}

	@Override
	public PaymentFile paymentFile(long tableId, String formatName) {
		WageTable table = require(tableId);
		contractor.require(table.projectId());
		BankFormat format = format(formatName);
		table.requirePayable();
		Actor actor = actors.get();
		if (!actor.mayRevealPersonalData()) {
			throw new Forbidden("reveal-not-permitted");
		}
		WageAccount account = accounts.use(table.projectId());
		List<BankFormat.Instruction> instructions = new ArrayList<>();
		List<AuditRecord> reveals = new ArrayList<>();
		String purpose = "工资 " + table.month();
		jdbc.sql("""
				select id, person_name, card_cipher, bank_code, net_pay from wage_line
				where table_id = :id and allowed and (payment is null or payment <> 'PAID') order by line_no""")
			.param("id", tableId)
			.query((rs, n) -> {
				long lineId = rs.getLong(1);
				instructions.add(new BankFormat.Instruction(reference(lineId), rs.getString(2),
						cipher.decrypt(CARD_PURPOSE, rs.getBytes(3)), rs.getString(4), rs.getBigDecimal(5), purpose));
				reveals.add(new AuditRecord("PERSONAL_DATA_REVEALED", "wage_line", String.valueOf(lineId), null,
						Map.of("field", "bankCardNumber", "role", actor.role().name(), "use", "payment-file")));
				return lineId;
			})
			.list();
		if (instructions.isEmpty()) {
			throw new Conflict("state", "wage-table.nothing-to-pay");
		}
		BigDecimal total = instructions.stream().map(BankFormat.Instruction::amount).reduce(BigDecimal.ZERO,
				BigDecimal::add);
		byte[] content = format.write(accounts.numberForPayment(account.id()), instructions);
		reveals.add(new AuditRecord("PERSONAL_DATA_REVEALED", "wage_account", String.valueOf(account.id()), null,
				Map.of("field", "accountNumber", "role", actor.role().name(), "use", "payment-file")));
		audit.recordAll(reveals);
		jdbc.sql("""
				insert into wage_payment_file (table_id, format, lines, total, produced_by)
				values (:table, :format, :lines, :total, :by)""")
			.param("table", tableId).param("format", format.name()).param("lines", instructions.size())
			.param("total", total).param("by", actor.username()).update();
		audit.record(new AuditRecord("WAGE_PAYMENT_FILE_PRODUCED", "wage_table", String.valueOf(tableId), null,
				Map.of("format", format.name(), "lines", instructions.size(), "total", total.toPlainString())));
		String fileName = "代发-" + table.month() + "-" + tableId + "." + format.extension();
		return new PaymentFile(fileName, format.contentType(), content, instructions.size(), total);
	}

	static String reference(long lineId) {
		return "WL" + lineId;
	}

	@Override
	public ResultImport importResults(long tableId, String formatName, InputStream file) {
		WageTable table = require(tableId);
		contractor.require(table.projectId());
		BankFormat format = format(formatName);
		table.requirePayable();
		List<BankFormat.Result> results = format.readResults(file);
		record Payable(long id, byte[] cardIndex) {
		}
		Map<String, Payable> payable = new LinkedHashMap<>();
		jdbc.sql("select id, card_index from wage_line where table_id = :id and allowed").param("id", tableId)
			.query((rs, n) -> payable.put(reference(rs.getLong(1)), new Payable(rs.getLong(1), rs.getBytes(2))))
			.list();
		Checks checks = new Checks();
		checks.check(!results.isEmpty(), "file", "wage-result.empty");
		List<Object[]> updates = new ArrayList<>();
		Set<String> seen = new HashSet<>();
		int[] counts = new int[WageLine.Payment.values().length];
		OffsetDateTime now = OffsetDateTime.now(clock);
		for (BankFormat.Result r : results) {
			String p = "results[" + r.row() + "].";
			Payable line = payable.get(r.reference());
			if (line == null) {
				checks.add(Violation.of(p + "reference", "wage-result.unknown-reference"));
				continue;
			}
			if (!seen.add(r.reference())) {
				checks.add(Violation.of(p + "reference", "wage-result.duplicate"));
				continue;
			}
			boolean sameCard = r.cardNumber() != null
					&& Arrays.equals(cipher.blindIndex(CARD_PURPOSE, r.cardNumber().replace(" ", "")), line.cardIndex());
			checks.check(sameCard, p + "cardNumber", "wage-result.card-mismatch");
			counts[r.payment().ordinal()]++;
			String note = r.note() == null || r.note().isBlank() ? null
					: r.note().length() > 200 ? r.note().substring(0, 200) : r.note();
			updates.add(new Object[] { r.payment().name(), note, now, line.id() });
		}
		checks.throwIfAny();
		batch.batchUpdate("update wage_line set payment = ?, payment_note = ?, payment_at = ? where id = ?", updates);
		boolean allPaid = jdbc.sql("select not exists (select 1 from wage_line where table_id = :id and allowed"
				+ " and payment is distinct from 'PAID')").param("id", tableId).query(Boolean.class).single();
		if (allPaid) {
			jdbc.sql("update wage_table set state = 'PAID', paid_at = :at where id = :id").param("at", now)
				.param("id", tableId).update();
		}
		audit.record(new AuditRecord("WAGE_RESULTS_IMPORTED", "wage_table", String.valueOf(tableId), null,
				Map.of("paid", counts[WageLine.Payment.PAID.ordinal()], "failed", counts[WageLine.Payment.FAILED.ordinal()],
						"returned", counts[WageLine.Payment.RETURNED.ordinal()])));
		return new ResultImport(counts[WageLine.Payment.PAID.ordinal()], counts[WageLine.Payment.FAILED.ordinal()],
				counts[WageLine.Payment.RETURNED.ordinal()], requireTable(tableId));
	}

	// ---------------------------------------------------------------------------------------------------------

	private WageTable table(ResultSet rs, int n) throws SQLException {
		long unitId = rs.getLong("unit_id");
		long projectId = rs.getLong("project_id");
		String unitName = projects.units(projectId).stream().filter(u -> u.id() == unitId)
			.map(ParticipatingUnit::enterpriseName).findFirst().orElse("");
		return new WageTable(rs.getLong("id"), projectId, unitId, unitName,
				YearMonth.from(rs.getObject("month", LocalDate.class)), WageTable.State.valueOf(rs.getString("state")),
				WageTable.Source.valueOf(rs.getString("source")), rs.getString("created_by"),
				rs.getObject("approved_at", OffsetDateTime.class), rs.getString("approved_by"), rs.getInt("lines"),
				rs.getInt("allowed_lines"), rs.getInt("refused_lines"), rs.getInt("confirmed_lines"),
				rs.getBigDecimal("allowed_total"));
	}

	private static WageLine line(ResultSet rs, int n) throws SQLException {
		String refusals = rs.getString("refusals");
		String payment = rs.getString("payment");
		return new WageLine(rs.getLong("id"), rs.getLong("table_id"), rs.getInt("line_no"), (Long) rs.getObject("person_id"),
				rs.getString("person_name"), rs.getString("id_number_masked"), rs.getString("card_masked"),
				rs.getString("bank_code"), rs.getInt("days_worked"), rs.getBigDecimal("basic_pay"),
				rs.getBigDecimal("other_pay"), rs.getBigDecimal("deductions"), rs.getBigDecimal("net_pay"),
				(Boolean) rs.getObject("allowed"),
				refusals == null || refusals.isEmpty() ? List.of()
						: Arrays.stream(refusals.split(",")).map(Refusal::valueOf).toList(),
				rs.getObject("confirmed_at", OffsetDateTime.class), payment == null ? null : WageLine.Payment.valueOf(payment),
				rs.getString("payment_note"));
	}
}
