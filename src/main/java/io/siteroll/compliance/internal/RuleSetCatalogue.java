package io.siteroll.compliance.internal;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.Clock;
import java.time.YearMonth;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.siteroll.attendance.ValidDayRule;
import io.siteroll.attendance.ValidDayRules;
import io.siteroll.audit.AuditRecord;
import io.siteroll.audit.AuditTrail;
import io.siteroll.compliance.RuleSet;
import io.siteroll.compliance.RuleSets;
import io.siteroll.identity.CurrentActor;
import io.siteroll.platform.Checks;
import io.siteroll.platform.CodeDictionary;
import io.siteroll.platform.Forbidden;
import io.siteroll.platform.NotFound;
import io.siteroll.platform.RuleViolation;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

@Service
class RuleSetCatalogue implements RuleSets {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final TypeReference<Map<String, Map<String, String>>> BASIS = new TypeReference<>() {
	};

	private final JdbcClient jdbc;

	private final CurrentActor actors;

	private final AuditTrail audit;

	private final ValidDayRules validDays;

	private final CodeDictionary codes;

	private final Clock clock;

	/** The evaluation depends on the rule sets; a retroactive adoption re-runs it (hence looked up lazily). */
	private final ObjectProvider<MonthlyEvaluator> evaluation;

	RuleSetCatalogue(JdbcClient jdbc, CurrentActor actors, AuditTrail audit, ValidDayRules validDays, CodeDictionary codes,
			Clock clock, ObjectProvider<MonthlyEvaluator> evaluation) {
		this.clock = clock;
		this.evaluation = evaluation;
		this.jdbc = jdbc;
		this.actors = actors;
		this.audit = audit;
		this.validDays = validDays;
		this.codes = codes;
	}

	@Override
	public List<RuleSet> all() {
		return jdbc.sql("select * from rule_set order by id").query(RuleSetCatalogue::ruleSet).list();
	}

	@Override
	public RuleSet require(long id) {
		return jdbc.sql("select * from rule_set where id = ?").param(id).query(RuleSetCatalogue::ruleSet).optional()
			.orElseThrow(() -> new NotFound("rule set", id));
	}

	@Override
	public List<Adoption> adoptions() {
		return jdbc.sql("""
				select effective_from, rule_set_id, adopted_by, retroactive, reason from rule_set_adoption
				order by effective_from""")
			.query((rs, n) -> new Adoption(rs.getDate(1).toLocalDate(), require(rs.getLong(2)), rs.getString(3),
					rs.getBoolean(4), rs.getString(5), List.of()))
			.list();
	}

	@Override
	public RuleSet inForce(YearMonth month) {
		long id = jdbc.sql("""
				select rule_set_id from rule_set_adoption where effective_from <= ? order by effective_from desc limit 1""")
			.param(month.atDay(1))
			.query(Long.class)
			.single();
		return require(id);
	}

	@Override
	@Transactional
	public RuleSet define(Definition d) {
		requireProvince();
		RuleSet base = d.basedOn() == null ? inForce(YearMonth.now(clock)) : require(d.basedOn());
		Checks checks = new Checks();
		checks.maxLength("code", checks.required("code", d.code()), 100);
		checks.maxLength("name", checks.required("name", d.name()), 200);
		int key = d.keyPostPercent() == null ? base.keyPostPercent() : d.keyPostPercent();
		int other = d.otherPostPercent() == null ? base.otherPostPercent() : d.otherPostPercent();
		checks.check(key >= 1 && key <= 100, "keyPostPercent", "percent.range");
		checks.check(other >= 1 && other <= 100, "otherPostPercent", "percent.range");
		List<String> posts = d.keyPosts() == null ? base.keyPosts() : d.keyPosts();
		checks.check(!posts.isEmpty(), "keyPosts", "required");
		for (String post : posts) {
			checks.check(codes.exists(CodeDictionary.MANAGER_POST, post), "keyPosts", "code.unknown", post);
		}
		int penaltyFrom = d.shortfallPenaltyFrom() == null ? base.shortfallPenaltyFrom() : d.shortfallPenaltyFrom();
		checks.check(penaltyFrom >= 2, "shortfallPenaltyFrom", "number.at-least", 2);
		ValidDayRule validDay = base.validDayRule();
		if (d.validDayRule() != null) {
			validDay = checks.field("validDayRule", () -> {
				try {
					return ValidDayRule.valueOf(d.validDayRule());
				}
				catch (IllegalArgumentException e) {
					throw RuleViolation.rule("code.unknown", d.validDayRule());
				}
			});
		}
		int tolerance = d.offlineToleranceDays() == null ? base.offlineToleranceDays() : d.offlineToleranceDays();
		int deadline = d.rectificationDays() == null ? base.rectificationDays() : d.rectificationDays();
		checks.check(tolerance >= 1, "offlineToleranceDays", "number.at-least", 1);
		checks.check(deadline >= 1, "rectificationDays", "number.at-least", 1);
		int lowDays = d.lowAttendanceDays() == null ? base.lowAttendanceDays() : d.lowAttendanceDays();
		int lowPercent = d.lowAttendancePercent() == null ? base.lowAttendancePercent() : d.lowAttendancePercent();
		checks.check(lowDays >= 1, "lowAttendanceDays", "number.at-least", 1);
		// the warning finds its window among the construction days of its look-back: a longer window could never fill
		checks.check(lowDays <= WarningWatch.LOW_ATTENDANCE_LOOKBACK_DAYS, "lowAttendanceDays", "number.at-most",
				WarningWatch.LOW_ATTENDANCE_LOOKBACK_DAYS);
		checks.check(lowPercent >= 1 && lowPercent <= 100, "lowAttendancePercent", "percent.range");
		checks.throwIfAny();
		boolean countsPayroll = d.r3CountsPayroll() == null ? base.r3CountsPayroll() : d.r3CountsPayroll();
		Map<String, Object> row = new LinkedHashMap<>();
		row.put("code", d.code().strip());
		row.put("name", d.name().strip());
		row.put("key", key);
		row.put("other", other);
		row.put("posts", String.join(",", posts));
		row.put("penaltyFrom", penaltyFrom);
		row.put("validDay", validDay.name());
		row.put("tolerance", tolerance);
		row.put("deadline", deadline);
		row.put("lowDays", lowDays);
		row.put("lowPercent", lowPercent);
		row.put("countsPayroll", countsPayroll);
		row.put("basis", JSON.writeValueAsString(base.basis()));
		row.put("by", actors.get().username());
		long id = jdbc.sql("""
				insert into rule_set (code, name, key_post_percent, other_post_percent, key_posts, shortfall_penalty_from,
				                      valid_day_rule, offline_tolerance_days, rectification_days, low_attendance_days,
				                      low_attendance_percent, r3_counts_payroll, basis, defined_by)
				values (:code, :name, :key, :other, string_to_array(:posts, ','), :penaltyFrom, :validDay, :tolerance,
				        :deadline, :lowDays, :lowPercent, :countsPayroll, cast(:basis as jsonb), :by) returning id""")
			.params(row)
			.query(Long.class)
			.single();
		RuleSet defined = require(id);
		audit.record(AuditRecord.created("rule_set", id, state(defined)));
		return defined;
	}

	@Override
	@Transactional
	public Adoption adopt(long ruleSetId, LocalDate effectiveFrom, boolean retroactive, String reason) {
		requireProvince();
		Checks checks = new Checks();
		checks.required("effectiveFrom", effectiveFrom);
		if (effectiveFrom != null) {
			checks.check(effectiveFrom.getDayOfMonth() == 1, "effectiveFrom", "rule-set.first-of-month");
		}
		String why = checks.maxLength("reason", reason == null || reason.isBlank() ? null : reason.strip(), 500);
		checks.throwIfAny();
		RuleSet adopted = require(ruleSetId);
		LocalDate today = LocalDate.now(clock);
		boolean evaluated = jdbc.sql("select exists (select 1 from evaluation where month >= ?)").param(effectiveFrom)
			.query(Boolean.class).single();
		boolean intoThePast = !effectiveFrom.isAfter(today) || evaluated;
		if (intoThePast && !retroactive) {
			throw RuleViolation.of("effectiveFrom", "rule-set.month-begun", YearMonth.from(effectiveFrom).toString());
		}
		if (intoThePast && why == null) {
			throw RuleViolation.of("reason", "rule-set.retroactive-needs-reason");
		}
		String by = actors.get().username();
		RuleSet before = inForce(YearMonth.from(effectiveFrom));
		jdbc.sql("""
				insert into rule_set_adoption (effective_from, rule_set_id, adopted_by, retroactive, reason) values (?, ?, ?, ?, ?)
				on conflict (effective_from) do update set rule_set_id = excluded.rule_set_id,
				    adopted_by = excluded.adopted_by, adopted_at = now(), retroactive = excluded.retroactive,
				    reason = excluded.reason""")
			.params(effectiveFrom, ruleSetId, by, intoThePast, intoThePast ? why : null)
			.update();
		validDays.set(effectiveFrom, adopted.validDayRule());
		List<YearMonth> reevaluated = intoThePast ? affectedMonths(effectiveFrom, today) : List.of();
		Map<String, Object> after = new LinkedHashMap<>();
		after.put("ruleSet", adopted.code());
		if (intoThePast) {
			after.put("retroactive", true);
			after.put("reason", why);
			after.put("reevaluated", reevaluated.stream().map(YearMonth::toString).toList());
		}
		audit.record(AuditRecord.changed(intoThePast ? "RULE_SET_ADOPTED_RETROACTIVELY" : "RULE_SET_ADOPTED",
				"rule_set_adoption", effectiveFrom, Map.of("ruleSet", before.code()), after));
		for (YearMonth month : reevaluated) {
			evaluation.getObject().run(month, by);
		}
		return new Adoption(effectiveFrom, adopted, by, intoThePast, intoThePast ? why : null, reevaluated);
	}

	/**
	 * The months already evaluated that this adoption governs: from its first month until the next
	 * adoption (or the current month, which is never evaluated).
	 */
	private List<YearMonth> affectedMonths(LocalDate effectiveFrom, LocalDate today) {
		return jdbc.sql("""
				select distinct e.month from evaluation e
				where e.month >= :from and e.month < :thisMonth
				  and e.month < coalesce((select min(a.effective_from) from rule_set_adoption a where a.effective_from > :from),
				                         :thisMonth)
				order by e.month""")
			.param("from", effectiveFrom)
			.param("thisMonth", today.withDayOfMonth(1))
			.query((rs, n) -> YearMonth.from(rs.getDate(1).toLocalDate()))
			.list();
	}

	private void requireProvince() {
		if (!actors.get().isProvince()) {
			throw new Forbidden("rule-set.province-only");
		}
	}

	private static Map<String, Object> state(RuleSet r) {
		Map<String, Object> m = new LinkedHashMap<>();
		m.put("code", r.code());
		m.put("keyPostPercent", r.keyPostPercent());
		m.put("otherPostPercent", r.otherPostPercent());
		m.put("keyPosts", r.keyPosts());
		m.put("shortfallPenaltyFrom", r.shortfallPenaltyFrom());
		m.put("validDayRule", r.validDayRule().name());
		m.put("offlineToleranceDays", r.offlineToleranceDays());
		m.put("rectificationDays", r.rectificationDays());
		m.put("lowAttendanceDays", r.lowAttendanceDays());
		m.put("lowAttendancePercent", r.lowAttendancePercent());
		m.put("r3CountsPayroll", r.r3CountsPayroll());
		return m;
	}

	static RuleSet ruleSet(ResultSet rs, int n) throws SQLException {
		Array posts = rs.getArray("key_posts");
		return new RuleSet(rs.getLong("id"), rs.getString("code"), rs.getString("name"), rs.getInt("key_post_percent"),
				rs.getInt("other_post_percent"), Arrays.asList((String[]) posts.getArray()), rs.getInt("shortfall_penalty_from"),
				ValidDayRule.valueOf(rs.getString("valid_day_rule")), rs.getInt("offline_tolerance_days"),
				rs.getInt("rectification_days"), rs.getInt("low_attendance_days"), rs.getInt("low_attendance_percent"),
				JSON.readValue(rs.getString("basis"), BASIS), rs.getString("defined_by"), rs.getBoolean("r3_counts_payroll"));
	}
}
