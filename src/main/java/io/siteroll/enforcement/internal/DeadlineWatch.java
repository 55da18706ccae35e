package io.siteroll.enforcement.internal;

import java.time.Clock;
import java.time.LocalDate;

import io.siteroll.platform.Conflict;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Every morning, the orders the platform can judge itself (R1, R2, R3) that are still open after their deadline
 * are re-checked on the facts: rectified, or overdue. An order whose re-check period is not over yet (R2 waits for
 * a full month) is left for a later morning.
 */
@Service
class DeadlineWatch {

	private static final Logger log = LoggerFactory.getLogger(DeadlineWatch.class);

	private final OrderRepository repository;

	private final OrderLifecycle lifecycle;

	private final Clock clock;

	DeadlineWatch(OrderRepository repository, OrderLifecycle lifecycle, Clock clock) {
		this.repository = repository;
		this.lifecycle = lifecycle;
		this.clock = clock;
	}

	@Scheduled(cron = "${siteroll.enforcement.deadline-cron:0 0 3 * * *}", zone = "Asia/Shanghai")
	void daily() {
		int n = recheckPastDeadline(LocalDate.now(clock));
		if (n > 0) {
			log.info("{} rectification orders re-checked after their deadline", n);
		}
	}

	/** Re-checks the open orders past their deadline on {@code today}; returns how many were judged. */
	@Transactional
	int recheckPastDeadline(LocalDate today) {
		int judged = 0;
		for (long id : repository.openPastDeadline(today)) {
			try {
				lifecycle.recheck(repository.lock(id), null, "system");
				judged++;
			}
			catch (Conflict e) {
				log.debug("Order {} cannot be re-checked yet: {}", id, e.getMessage());
			}
		}
		return judged;
	}
}
