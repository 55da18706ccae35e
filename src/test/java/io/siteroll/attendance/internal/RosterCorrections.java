package io.siteroll.attendance.internal;

import java.sql.Date;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Random;

import io.siteroll.support.TestClock;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Random corrections of the facts the right to pass reads (engagement dates, manager tenures, blacklistings and
 * liftings) and moves of the platform clock, for the tests that compare the in-memory right to pass with the SQL
 * rule after each one. How far dates and the clock may move is the {@link Spread}.
 */
final class RosterCorrections {

	/**
	 * How far a correction moves things, in days relative to today: a contract starts {@code contractFrom} days
	 * from today plus up to {@code contractSpan}, entry up to {@code entrySpan} after it, the contract lasts up to
	 * {@code contractLength}; a tenure starts {@code tenureFrom} plus up to {@code tenureSpan} days and lasts
	 * {@code tenureLength - 1} days at most; the clock moves {@code clockFrom} plus up to {@code clockSpan} days.
	 */
	record Spread(int contractFrom, int contractSpan, int entrySpan, int contractLength, int tenureFrom, int tenureSpan,
			int tenureLength, int clockFrom, int clockSpan) {

		/** Around today in both directions, the clock moved back and forth: for gate decisions on any day. */
		static final Spread WIDE = new Spread(-40, 50, 20, 50, -30, 40, 21, -3, 7);

		/** Near today, the clock moved forward only: for uploads, whose passes must stay inside the backlog. */
		static final Spread NEAR = new Spread(-25, 30, 10, 40, -7, 10, 6, 0, 3);
	}

	private final JdbcClient jdbc;

	private final TestClock clock;

	private final Spread spread;

	RosterCorrections(JdbcClient jdbc, TestClock clock, Spread spread) {
		this.jdbc = jdbc;
		this.clock = clock;
		this.spread = spread;
	}

	/** One random correction of the registry or move of the platform clock; says which. */
	String correct(Random random, long project, List<Long> workers, List<Long> managers, List<Long> everyone) {
		LocalDate today = clock.today();
		switch (random.nextInt(5)) {
			case 0, 1 -> {
				long person = workers.get(random.nextInt(workers.size()));
				LocalDate contractStart = today.plusDays(random.nextInt(spread.contractSpan()) + spread.contractFrom());
				LocalDate entry = contractStart.plusDays(random.nextInt(spread.entrySpan()));
				LocalDate exit = random.nextInt(5) < 2 ? null : entry.plusDays(random.nextInt(25));
				LocalDate contractEnd = random.nextInt(5) < 2 ? null : contractStart.plusDays(random.nextInt(spread.contractLength()));
				jdbc.sql("""
						update worker_engagement set contract_start = ?, entry_date = ?, exit_date = ?, contract_end = ?,
						       contract_period_type = case when ?::date is null then '1' else '0' end
						where project_id = ? and person_id = ?""")
					.params(contractStart, entry, date(exit), date(contractEnd), date(contractEnd), project, person)
					.update();
				return "engagement of " + person + ": contract " + contractStart + ".." + contractEnd + ", entry " + entry
						+ ", exit " + exit;
			}
			case 2 -> {
				long person = managers.get(random.nextInt(managers.size()));
				LocalDate from = today.plusDays(random.nextInt(spread.tenureSpan()) + spread.tenureFrom());
				LocalDate to = random.nextBoolean() ? null : from.plusDays(random.nextInt(spread.tenureLength()) - 1);
				jdbc.sql("update manager_post set tenure_from = ?, tenure_to = ? where project_id = ? and person_id = ?")
					.params(from, date(to), project, person)
					.update();
				return "post of " + person + ": " + from + ".." + to;
			}
			case 3 -> {
				long person = everyone.get(random.nextInt(everyone.size()));
				int lifted = jdbc.sql("update gate_blacklist set lifted_at = now(), lifted_by = 'test', lift_reason = 'test' "
						+ "where person_id = ? and lifted_at is null").param(person).update();
				if (lifted == 0) {
					jdbc.sql("insert into gate_blacklist (person_id, reason, listed_by) values (?, 'test', 'test')")
						.param(person)
						.update();
				}
				return (lifted == 0 ? "blacklisted " : "lifted ") + person;
			}
			default -> {
				int days = random.nextInt(spread.clockSpan()) + spread.clockFrom();
				clock.advance(Duration.ofDays(days));
				return "clock moved " + days + " days";
			}
		}
	}

	private static Date date(LocalDate day) {
		return day == null ? null : Date.valueOf(day);
	}
}
