package io.siteroll.attendance.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Deletes gate photos past their retention date (the row stays, marked purged, for the record). */
@Component
class PhotoRetention {

	private static final Logger log = LoggerFactory.getLogger(PhotoRetention.class);

	private final JdbcClient jdbc;

	private final PhotoStore store;

	private final Clock clock;

	PhotoRetention(JdbcClient jdbc, PhotoStore store, Clock clock) {
		this.jdbc = jdbc;
		this.store = store;
		this.clock = clock;
	}

	@Scheduled(cron = "${siteroll.attendance.photo-purge-cron:0 30 3 * * *}", zone = "Asia/Shanghai")
	void nightly() {
		int purged = purge(LocalDate.now(clock));
		if (purged > 0) {
			log.info("Purged {} gate photos past their retention date", purged);
		}
	}

	int purge(LocalDate today) {
		int total = 0;
		while (true) {
			List<PhotoRow> due = jdbc.sql("""
					select id, storage_key from pass_photo where purged_at is null and retain_until < ? order by id limit 1000""")
				.param(today)
				.query((rs, n) -> new PhotoRow(rs.getLong(1), rs.getString(2)))
				.list();
			if (due.isEmpty()) {
				return total;
			}
			for (PhotoRow row : due) {
				store.delete(row.storageKey());
				jdbc.sql("update pass_photo set purged_at = now() where id = ?").param(row.id()).update();
			}
			total += due.size();
		}
	}

	private record PhotoRow(long id, String storageKey) {
	}
}
