package io.siteroll.attendance.internal;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import io.siteroll.attendance.ValidDayRule;
import io.siteroll.attendance.ValidDayRules;
import io.siteroll.audit.AuditRecord;
import io.siteroll.audit.AuditTrail;
import io.siteroll.identity.CurrentActor;
import io.siteroll.platform.Checks;
import io.siteroll.platform.Forbidden;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
class ValidDayRuleCatalogue implements ValidDayRules {

	private final JdbcClient jdbc;

	private final AuditTrail audit;

	private final CurrentActor actors;

	ValidDayRuleCatalogue(JdbcClient jdbc, AuditTrail audit, CurrentActor actors) {
		this.jdbc = jdbc;
		this.audit = audit;
		this.actors = actors;
	}

	@Override
	public List<InForce> history() {
		return jdbc.sql("select effective_from, rule, set_by from valid_day_rule order by effective_from")
			.query((rs, n) -> new InForce(rs.getDate(1).toLocalDate(), ValidDayRule.valueOf(rs.getString(2)),
					rs.getString(3)))
			.list();
	}

	@Override
	public ValidDayRule on(LocalDate day) {
		return ValidDayRule.valueOf(jdbc.sql("select valid_day_rule_on(?)").param(day).query(String.class).single());
	}

	@Override
	@Transactional
	public int set(LocalDate effectiveFrom, ValidDayRule rule) {
		if (!actors.get().isProvince()) {
			throw new Forbidden("valid-day-rule.province-only");
		}
		Checks checks = new Checks();
		checks.required("effectiveFrom", effectiveFrom);
		checks.required("rule", rule);
		checks.throwIfAny();
		ValidDayRule before = on(effectiveFrom);
		jdbc.sql("""
				insert into valid_day_rule (effective_from, rule, set_by) values (?, ?, ?)
				on conflict (effective_from) do update set rule = excluded.rule, set_by = excluded.set_by, set_at = now()""")
			.params(effectiveFrom, rule.name(), actors.get().username())
			.update();
		audit.record(AuditRecord.changed("VALID_DAY_RULE_SET", "valid_day_rule", effectiveFrom, Map.of("rule", before.name()),
				Map.of("rule", rule.name())));
		return jdbc.sql("""
				update daily_presence set valid = is_valid_day(valid_day_rule_on(day), pass_count, first_pass_at, last_pass_at)
				where day >= ? and valid is distinct from is_valid_day(valid_day_rule_on(day), pass_count, first_pass_at, last_pass_at)""")
			.param(effectiveFrom)
			.update();
	}
}
