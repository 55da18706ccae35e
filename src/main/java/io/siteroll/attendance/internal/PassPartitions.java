package io.siteroll.attendance.internal;

import java.time.Clock;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Collection;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Monthly partitions of the pass table, created when first needed (in their own transaction, under
 * an advisory lock so that two uploads never race to create the same month).
 */
@Component
class PassPartitions {

	private static final DateTimeFormatter NAME = DateTimeFormatter.ofPattern("'pass_'yyyy'_'MM");

	private final JdbcClient jdbc;

	private final TransactionTemplate tx;

	private final ZoneId zone;

	private final Clock clock;

	private final Set<YearMonth> known = ConcurrentHashMap.newKeySet();

	PassPartitions(JdbcClient jdbc, TransactionTemplate tx, Clock clock) {
		this.jdbc = jdbc;
		this.tx = tx;
		this.clock = clock;
		this.zone = clock.getZone();
	}

	@EventListener(ApplicationReadyEvent.class)
	void prepareCurrentMonths() {
		YearMonth now = YearMonth.now(clock);
		ensure(Set.of(now.minusMonths(1), now, now.plusMonths(1)));
	}

	/**
	 * Makes sure each month has its partition; returns the months that cannot take passes because their partition
	 * was detached for archiving (detach_pass_month, docs/growth.md): a table of the month's name exists but is no
	 * longer part of the pass table. Months from the previous one on are remembered once ready (the database refuses
	 * to detach them); an older month, met only in a gate's backlog, is looked up each time, since an operator may
	 * detach it while the platform runs.
	 */
	Set<YearMonth> ensure(Collection<YearMonth> months) {
		Set<YearMonth> archived = new java.util.HashSet<>();
		YearMonth remembered = YearMonth.now(clock).minusMonths(1);
		for (YearMonth month : months) {
			if (known.contains(month)) {
				continue;
			}
			boolean attached = Boolean.TRUE.equals(tx.execute(status -> {
				jdbc.sql("select pg_advisory_xact_lock(hashtext('pass-partitions'))").query().singleValue();
				String from = month.atDay(1).atStartOfDay(zone).toOffsetDateTime().toString();
				String to = month.plusMonths(1).atDay(1).atStartOfDay(zone).toOffsetDateTime().toString();
				jdbc.sql("create table if not exists " + NAME.format(month) + " partition of pass for values from ('" + from
						+ "') to ('" + to + "')").update();
				return jdbc.sql("""
						select exists (select 1 from pg_inherits i join pg_class c on c.oid = i.inhrelid
						               where i.inhparent = 'pass'::regclass and c.relname = ?)""")
					.param(NAME.format(month))
					.query(Boolean.class)
					.single();
			}));
			if (!attached) {
				archived.add(month);
			}
			else if (!month.isBefore(remembered)) {
				known.add(month);
			}
		}
		return archived;
	}
}
