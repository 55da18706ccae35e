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

	void ensure(Collection<YearMonth> months) {
		for (YearMonth month : months) {
			if (known.contains(month)) {
				continue;
			}
			tx.executeWithoutResult(status -> {
				jdbc.sql("select pg_advisory_xact_lock(hashtext('pass-partitions'))").query().singleValue();
				String from = month.atDay(1).atStartOfDay(zone).toOffsetDateTime().toString();
				String to = month.plusMonths(1).atDay(1).atStartOfDay(zone).toOffsetDateTime().toString();
				jdbc.sql("create table if not exists " + NAME.format(month) + " partition of pass for values from ('" + from
						+ "') to ('" + to + "')").update();
			});
			known.add(month);
		}
	}
}
