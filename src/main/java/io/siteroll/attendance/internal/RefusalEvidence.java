package io.siteroll.attendance.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import io.siteroll.attendance.Gate;
import io.siteroll.attendance.RefusalReason;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The evidence of every refusal at a gate ({@code gate_refusal}), written behind the decision: the gate
 * gets its answer without waiting for a commit, and the refusals of the last quarter second are written
 * in one statement. Each row carries the instant the platform clock gave the decision. A graceful stop
 * writes what is queued; a crash (SIGKILL, power) can lose at most the refusals of the last quarter
 * second, which are evidence of people kept out, never a pass let in or a pass lost (refused passes
 * uploaded by a gate are stored with the pass).
 * <p>
 * While the database cannot be written the queue waits, bounded: beyond {@link #MAX_QUEUED} refusals the newest
 * are not kept (gates keep their answers; the evidence of those refusals is lost, counted in
 * {@code siteroll_gate_refusals_dropped_total} and logged), so an outage never exhausts the heap. A long queue
 * is written back in statements of {@link #CHUNK} rows.
 */
@Component
class RefusalEvidence implements DisposableBean, MeterBinder {

	/** About two minutes of refusals at a province's worst morning rush (a few MB of memory). */
	static final int MAX_QUEUED = 200_000;

	static final int CHUNK = 10_000;

	private static final Logger log = LoggerFactory.getLogger(RefusalEvidence.class);

	record Refusal(Gate gate, String personRef, Long personId, RefusalReason reason, Instant at) {
	}

	private final JdbcClient jdbc;

	private final Queue<Refusal> unwritten = new ConcurrentLinkedQueue<>();

	private final AtomicInteger queued = new AtomicInteger();

	private final AtomicLong dropped = new AtomicLong();

	RefusalEvidence(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	void keep(Refusal refusal) {
		if (queued.incrementAndGet() > MAX_QUEUED) {
			queued.decrementAndGet();
			if (dropped.getAndIncrement() % 10_000 == 0) {
				log.error("Gate refusal evidence is not being written (the database refuses it); {} refusals queued, "
						+ "{} not kept so far", MAX_QUEUED, dropped.get());
			}
			return;
		}
		unwritten.add(refusal);
	}

	/** Writes the queued refusals, a chunk a statement; a chunk that fails goes back to the queue for the next round. */
	@Scheduled(fixedDelay = 250)
	synchronized void writeBehind() {
		List<Refusal> batch = new ArrayList<>();
		Refusal next;
		while (batch.size() < CHUNK && (next = unwritten.poll()) != null) {
			batch.add(next);
		}
		while (!batch.isEmpty()) {
			try {
				insert(batch);
				queued.addAndGet(-batch.size());
			}
			catch (RuntimeException e) {
				log.warn("Could not write {} gate refusals; will retry", batch.size(), e);
				unwritten.addAll(batch);
				return;
			}
			batch.clear();
			while (batch.size() < CHUNK && (next = unwritten.poll()) != null) {
				batch.add(next);
			}
		}
	}

	private void insert(List<Refusal> batch) {
		jdbc.sql("""
				insert into gate_refusal (device_id, project_id, person_ref, person_id, reason, at)
				select * from unnest(?::int8[], ?::int8[], ?::text[], ?::int8[], ?::text[], ?::timestamptz[])""")
			.params(batch.stream().map(r -> Long.toString(r.gate().deviceId())).toArray(String[]::new),
					batch.stream().map(r -> Long.toString(r.gate().projectId())).toArray(String[]::new),
					batch.stream().map(Refusal::personRef).toArray(String[]::new),
					batch.stream().map(r -> r.personId() == null ? null : r.personId().toString()).toArray(String[]::new),
					batch.stream().map(r -> r.reason().name()).toArray(String[]::new),
					batch.stream().map(r -> r.at().toString()).toArray(String[]::new))
			.update();
	}

	int queued() {
		return queued.get();
	}

	long dropped() {
		return dropped.get();
	}

	@Override
	public void bindTo(MeterRegistry registry) {
		Gauge.builder("siteroll.gate.refusals.queued", this, RefusalEvidence::queued)
			.description("Gate refusals decided but not yet written as evidence")
			.register(registry);
		FunctionCounter.builder("siteroll.gate.refusals.dropped", this, RefusalEvidence::dropped)
			.description("Gate refusals whose evidence was not kept because the queue was full (database unwritable)")
			.register(registry);
	}

	/** A graceful stop writes what is queued, trying three times before it gives the rest up (logged). */
	@Override
	public void destroy() {
		for (int attempt = 1; attempt <= 3 && queued.get() > 0; attempt++) {
			writeBehind();
		}
		if (queued.get() > 0) {
			log.error("Stopping with {} gate refusals not written as evidence (the database refused them)", queued.get());
		}
	}
}
