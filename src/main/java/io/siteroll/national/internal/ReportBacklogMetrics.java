package io.siteroll.national.internal;

import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The national reporting queue as Prometheus sees it: {@code siteroll_national_reports{state}} counts the reports not
 * yet accepted (PENDING, SENDING, SENT awaiting the platform's verdict, REFUSED awaiting a correction), and
 * {@code siteroll_national_reports_oldest_seconds{state}} says how long the oldest of them has waited. A backlog that
 * only grows, or an oldest pending report hours old, means reporting is stuck. One query per scrape at most every
 * ten seconds, over the queue's partial index; NaN while the database does not answer.
 */
@Component
class ReportBacklogMetrics implements MeterBinder {

	enum State {
		PENDING, SENDING, SENT, REFUSED
	}

	private static final Duration FRESH = Duration.ofSeconds(10);

	private record Backlog(long count, double oldestSeconds) {
	}

	private final JdbcClient jdbc;

	private volatile Map<State, Backlog> last = Map.of();

	private volatile long readAt;

	ReportBacklogMetrics(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public void bindTo(MeterRegistry registry) {
		for (State state : State.values()) {
			Gauge.builder("siteroll.national.reports", this, m -> m.backlog(state, false))
				.description("National reports not yet accepted, by state")
				.tag("state", state.name())
				.register(registry);
			Gauge.builder("siteroll.national.reports.oldest", this, m -> m.backlog(state, true))
				.description("Seconds the oldest national report in the state has waited since it was queued")
				.baseUnit("seconds")
				.tag("state", state.name())
				.register(registry);
		}
	}

	private double backlog(State state, boolean oldest) {
		Map<State, Backlog> current = read();
		if (current == null) {
			return Double.NaN;
		}
		Backlog b = current.getOrDefault(state, new Backlog(0, 0));
		return oldest ? b.oldestSeconds() : b.count();
	}

	private synchronized Map<State, Backlog> read() {
		if (System.nanoTime() - readAt < FRESH.toNanos() && !last.isEmpty()) {
			return last;
		}
		try {
			Map<State, Backlog> read = new EnumMap<>(State.class);
			jdbc.sql("""
					select state, count(*), coalesce(extract(epoch from now() - min(queued_at)), 0)
					from national_report where state <> 'ACCEPTED' group by state""")
				.query((rs, n) -> read.put(State.valueOf(rs.getString(1)), new Backlog(rs.getLong(2), rs.getDouble(3))))
				.list();
			for (State s : State.values()) {
				read.putIfAbsent(s, new Backlog(0, 0));
			}
			last = read;
			readAt = System.nanoTime();
			return read;
		}
		catch (RuntimeException e) {
			return null;
		}
	}
}
