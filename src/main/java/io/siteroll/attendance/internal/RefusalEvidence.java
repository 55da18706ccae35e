package io.siteroll.attendance.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;

import io.siteroll.attendance.Gate;
import io.siteroll.attendance.RefusalReason;
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
 */
@Component
class RefusalEvidence implements DisposableBean {

	private static final Logger log = LoggerFactory.getLogger(RefusalEvidence.class);

	record Refusal(Gate gate, String personRef, Long personId, RefusalReason reason, Instant at) {
	}

	private final JdbcClient jdbc;

	private final Queue<Refusal> unwritten = new ConcurrentLinkedQueue<>();

	RefusalEvidence(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	void keep(Refusal refusal) {
		unwritten.add(refusal);
	}

	/** Writes the queued refusals in one statement; on failure they stay queued for the next round. */
	@Scheduled(fixedDelay = 250)
	synchronized void writeBehind() {
		List<Refusal> batch = new ArrayList<>();
		Refusal next;
		while ((next = unwritten.poll()) != null) {
			batch.add(next);
		}
		if (batch.isEmpty()) {
			return;
		}
		try {
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
		catch (RuntimeException e) {
			log.warn("Could not write {} gate refusals; will retry", batch.size(), e);
			unwritten.addAll(batch);
		}
	}

	@Override
	public void destroy() {
		writeBehind();
	}
}
