package io.siteroll.attendance.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.OffsetDateTime;
import java.time.YearMonth;

import io.siteroll.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The pass table's months: created ahead by the nightly job with Beijing-month bounds, and an old month detached
 * for archiving only once no gate may still upload into it.
 */
class PassMonthsTest extends IntegrationTest {

	@Autowired
	PassMonthsAhead ahead;

	@Autowired
	PassPartitions partitions;

	@Test
	void monthsAreCreatedAheadWithBeijingBounds() {
		YearMonth first = YearMonth.from(today()).plusYears(5);
		try {
			assertThat(ahead.prepare(first)).as("the month and three ahead").isEqualTo(4);
			assertThat(ahead.prepare(first)).as("nothing left to create").isZero();
			assertThat(partitionOf(first.atDay(1) + "T00:00:00+08:00")).isEqualTo(name(first));
			assertThat(partitionOf(first.atDay(1) + "T00:00:00+08:00", -1)).isEqualTo(name(first.minusMonths(1)))
				.as("one second before Beijing midnight of the 1st belongs to the month before");
			assertThat(partitionOf(first.plusMonths(3).atEndOfMonth() + "T23:59:59+08:00")).isEqualTo(name(first.plusMonths(3)));
		}
		finally {
			for (int i = -1; i < 4; i++) {
				jdbc.sql("drop table if exists " + name(first.plusMonths(i))).update();
			}
		}
	}

	@Test
	void anOldMonthIsDetachedForArchivingAndARecentOneIsNot() {
		YearMonth old = YearMonth.of(2001, 1);
		jdbc.sql("drop table if exists pass_2001_01").update();
		try {
			jdbc.sql("select create_pass_months(?, 1)").param(old.atDay(1)).query(Integer.class).single();
			insertPass("2001-01-15T09:00:00+08:00", "growth-old-1");
			assertThat(countOld()).isEqualTo(1);

			assertThat(jdbc.sql("select detach_pass_month(?)").param(old.atDay(1)).query(String.class).single())
				.isEqualTo("pass_2001_01");
			assertThat(countOld()).as("no longer part of pass").isZero();
			assertThat(jdbc.sql("select count(*) from pass_2001_01").query(Long.class).single())
				.as("kept as a table of its own, to be dumped").isEqualTo(1);
			assertThatThrownBy(() -> jdbc.sql("select detach_pass_month(?)").param(old.atDay(1)).query(String.class).single())
				.hasMessageContaining("not a partition of pass");
		}
		finally {
			jdbc.sql("drop table if exists pass_2001_01").update();
		}
		// detach_pass_month is an operator's function run in psql: it keeps the database's clock, not the platform's
		YearMonth now = YearMonth.from(jdbc.sql("select (now() at time zone 'Asia/Shanghai')::date").query(java.time.LocalDate.class).single());
		assertThatThrownBy(() -> jdbc.sql("select detach_pass_month(?)").param(now.atDay(1)).query(String.class).single())
			.hasMessageContaining("this month or later");
		assertThatThrownBy(() -> jdbc.sql("select detach_pass_month(?, 31)").param(now.minusMonths(1).atDay(1))
			.query(String.class).single()).hasMessageContaining("may still be uploaded");
		assertThat(jdbc.sql("select count(*) from pg_inherits where inhparent = 'pass'::regclass and inhrelid = ?::regclass")
			.param(name(now.minusMonths(1))).query(Long.class).single()).as("last month stays attached").isEqualTo(1);
	}

	@Test
	void aDetachedMonthIsReportedArchivedNotCreatedAgainNorRemembered() {
		YearMonth old = YearMonth.of(2001, 2);
		jdbc.sql("drop table if exists pass_2001_02").update();
		try {
			assertThat(partitions.ensure(java.util.Set.of(old))).as("created, attached").isEmpty();
			jdbc.sql("select detach_pass_month(?)").param(old.atDay(1)).query(String.class).single();
			assertThat(partitions.ensure(java.util.Set.of(old, YearMonth.from(today()))))
				.as("an old month is looked up every time: the operator detached it since").containsExactly(old);
			assertThat(jdbc.sql("select count(*) from pg_inherits where inhparent = 'pass'::regclass and inhrelid = 'pass_2001_02'::regclass")
				.query(Long.class).single()).as("the archived table is not made a partition again").isZero();
		}
		finally {
			jdbc.sql("drop table if exists pass_2001_02").update();
		}
	}

	private long countOld() {
		return jdbc.sql("select count(*) from pass where passed_at < '2001-02-01T00:00:00+08:00'").query(Long.class).single();
	}

	private String partitionOf(String at) {
		return partitionOf(at, 0);
	}

	/** The partition a pass at {@code at} plus {@code seconds} is routed to (inserted and removed again). */
	private String partitionOf(String at, int seconds) {
		OffsetDateTime time = OffsetDateTime.parse(at).plusSeconds(seconds);
		String key = "growth-probe-" + System.nanoTime();
		jdbc.sql("select create_pass_months(?, 1)").param(YearMonth.from(time.atZoneSameInstant(java.time.ZoneId.of("Asia/Shanghai"))).atDay(1))
			.query(Integer.class).single();
		insertPass(time.toString(), key);
		String table = jdbc.sql("select tableoid::regclass::text from pass where source_key = ?").param(key).query(String.class).single();
		jdbc.sql("delete from pass where source_key = ?").param(key).update();
		return table;
	}

	private void insertPass(String at, String key) {
		jdbc.sql("""
				insert into pass (device_id, project_id, source_key, person_ref, passed_at, device_local_time, utc_offset_min,
				                  received_at, direction, attend_type, liveness, offline, outcome, source)
				values (-1, -1, ?, 'nobody', ?::timestamptz, (?::timestamptz at time zone 'Asia/Shanghai'), 480, now(), 'IN', '001',
				        'PASS', false, 'REFUSED', 'test')""").params(key, at, at).update();
	}

	private static String name(YearMonth month) {
		return "pass_%d_%02d".formatted(month.getYear(), month.getMonthValue());
	}
}
