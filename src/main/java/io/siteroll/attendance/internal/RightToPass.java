package io.siteroll.attendance.internal;

import java.sql.Date;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import io.siteroll.attendance.RefusalReason;
import io.siteroll.attendance.Rosters;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The right to pass a project's gates, held in memory per project, so that a gate decision reads no
 * rule tables. A project's snapshot holds, for every person with an engagement or a manager post on it,
 * exactly the facts the SQL rule {@code gate_refusals} reads (the latest engagement's entry, exit and
 * contract dates, the posts' tenures, an open blacklisting, the name), and is judged here on the day
 * asked for, so a contract that ends or an exit date that passes takes effect by the platform clock
 * with no reload.
 * <p>
 * Kept correct by the roster version: every change to an engagement or a post (and every blacklisting or
 * lifting, through its trigger) takes the next number of {@code roster_version_seq} while holding its
 * project's row lock. A snapshot is loaded holding that row {@code FOR SHARE}, so it waits for writers in
 * flight and is stamped with the project's greatest committed version; any later change commits a greater
 * one. Each use reads the project's greatest committed version (two index probes, no lock, no write) by a
 * read that began after it was asked, shared with the other questions of that moment
 * ({@link RosterVersionReads}), and uses the snapshot only when it is still the same; otherwise the caller
 * asks the SQL rule and the snapshot is reloaded in the background. When that read fails or is late, the
 * caller asks the SQL rule too. Rows of these tables are never deleted and a person's name
 * never changes; people with nothing on the project are not in the snapshot (the caller asks SQL).
 */
@Component
class RightToPass implements DisposableBean {

	private static final Logger log = LoggerFactory.getLogger(RightToPass.class);

	/** A snapshot nobody asked about for this long is dropped (loaded again on the next question). */
	static final Duration IDLE = Duration.ofHours(2);

	/** A person's latest engagement on the project, as the SQL rule picks it. */
	record Engagement(LocalDate entry, LocalDate exit, LocalDate contractStart, LocalDate contractEnd) {
	}

	/** A manager post's tenure; {@code to} null: open. */
	record Tenure(LocalDate from, LocalDate to) {

		boolean covers(LocalDate day) {
			return from != null && !from.isAfter(day) && (to == null || !to.isBefore(day));
		}
	}

	/** What the rule needs about one person on one project. */
	record Holder(String name, boolean blacklisted, Engagement engagement, List<Tenure> posts) {

		/**
		 * Why this person may not pass on {@code day} (null: they may), in the SQL rule's order: blacklist,
		 * manager post, engagement entered and not exited, a contract covering the day. A comparison with
		 * SQL's three-valued logic: a missing date makes its condition unknown, so it refuses nothing.
		 */
		RefusalReason reasonOn(LocalDate day) {
			if (blacklisted) {
				return RefusalReason.BLACKLISTED;
			}
			for (Tenure post : posts) {
				if (post.covers(day)) {
					return null;
				}
			}
			Engagement e = engagement;
			if (e == null || e.entry() != null && e.entry().isAfter(day)) {
				return RefusalReason.NOT_ENGAGED;
			}
			if (e.exit() != null && e.exit().isBefore(day)) {
				return RefusalReason.EXITED;
			}
			if (e.contractStart() != null && e.contractStart().isAfter(day)
					|| e.contractEnd() != null && e.contractEnd().isBefore(day)) {
				return RefusalReason.NO_CONTRACT;
			}
			return null;
		}
	}

	/** A project's holders as of roster version {@code version}. */
	record Snapshot(long version, Map<Long, Holder> holders) {
	}

	/** The answer for one person: {@code known} false when the snapshot could not say (ask SQL). */
	record Standing(boolean known, Holder holder) {

		static final Standing UNKNOWN = new Standing(false, null);
	}

	private final JdbcClient jdbc;

	private final TransactionTemplate tx;

	private final Clock clock;

	/** The project's greatest committed roster version, as the roster download hands it out. */
	private final Rosters rosters;

	/** The same version for decisions, one read shared by the decisions of a moment. */
	private final RosterVersionReads versions;

	private final Map<Long, Snapshot> snapshots = new ConcurrentHashMap<>();

	private final Map<Long, Instant> lastAsked = new ConcurrentHashMap<>();

	private final Set<Long> loading = ConcurrentHashMap.newKeySet();

	private final ExecutorService loader = Executors.newSingleThreadExecutor(r -> {
		Thread t = new Thread(r, "right-to-pass-loader");
		t.setDaemon(true);
		return t;
	});

	RightToPass(JdbcClient jdbc, TransactionTemplate tx, Clock clock, Rosters rosters, RosterVersionReads versions) {
		this.rosters = rosters;
		this.versions = versions;
		this.jdbc = jdbc;
		this.tx = tx;
		this.clock = clock;
	}

	/**
	 * The person's standing on the project as committed now. Known with a null holder: the person has
	 * neither engagement nor post on the project. Unknown: the snapshot is missing or older than the
	 * project's roster (a reload has been started), or the roster version could not be read in time; ask
	 * the SQL rule.
	 */
	Standing standing(long projectId, long personId) {
		Snapshot snapshot = current(projectId);
		return snapshot == null ? Standing.UNKNOWN : new Standing(true, snapshot.holders().get(personId));
	}

	/**
	 * The project's snapshot when it is as current as the project's committed roster now (by the shared version
	 * read, {@link RosterVersionReads}), for one decision or a whole batch of uploaded passes; null when it is
	 * missing or older (a reload has been started) or the version could not be read in time: the caller asks
	 * the SQL rule.
	 */
	Snapshot current(long projectId) {
		lastAsked.put(projectId, clock.instant());
		OptionalLong committed = versions.version(projectId);
		if (committed.isEmpty()) {
			return null;
		}
		Snapshot snapshot = snapshots.get(projectId);
		if (snapshot == null || snapshot.version() != committed.getAsLong()) {
			reloadLater(projectId);
			return null;
		}
		return snapshot;
	}

	private void reloadLater(long projectId) {
		if (!loading.add(projectId)) {
			return;
		}
		try {
			loader.execute(() -> {
				try {
					snapshots.put(projectId, load(projectId));
				}
				catch (RuntimeException e) {
					log.warn("Could not load the right to pass of project {}; decisions ask SQL meanwhile", projectId, e);
				}
				finally {
					loading.remove(projectId);
				}
			});
		}
		catch (RuntimeException e) {
			loading.remove(projectId);
			throw e;
		}
	}

	/**
	 * Loads a project's snapshot. Holding the project row FOR SHARE waits for writers still in flight (their
	 * trigger holds it FOR NO KEY UPDATE until they commit) and keeps new ones out until the load is read,
	 * so the version read belongs to exactly the rows read. The lock-only transaction needs no durable commit.
	 */
	Snapshot load(long projectId) {
		return tx.execute(status -> {
			jdbc.sql("set local synchronous_commit = off").update();
			List<Long> found = jdbc.sql("select id from project where id = ? for share").param(projectId).query(Long.class)
				.list();
			if (found.isEmpty()) {
				return new Snapshot(-1, Map.of());
			}
			long version = rosters.version(projectId);
			Map<Long, Engagement> engagements = new HashMap<>();
			jdbc.sql("""
					select distinct on (person_id) person_id, entry_date, exit_date, contract_start, contract_end
					from worker_engagement where project_id = ?
					order by person_id, (exit_date is null) desc, entry_date desc, id desc""")
				.param(projectId)
				.query(rs -> {
					engagements.put(rs.getLong(1), new Engagement(day(rs.getDate(2)), day(rs.getDate(3)), day(rs.getDate(4)),
							day(rs.getDate(5))));
				});
			Map<Long, List<Tenure>> posts = new HashMap<>();
			jdbc.sql("select person_id, tenure_from, tenure_to from manager_post where project_id = ?")
				.param(projectId)
				.query(rs -> {
					posts.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>())
						.add(new Tenure(day(rs.getDate(2)), day(rs.getDate(3))));
				});
			Map<Long, Holder> holders = new HashMap<>();
			jdbc.sql("""
					select p.id, p.name, exists (select 1 from gate_blacklist b where b.person_id = p.id and b.lifted_at is null)
					from person p
					where p.id in (select person_id from worker_engagement where project_id = ?
					               union select person_id from manager_post where project_id = ?)""")
				.params(projectId, projectId)
				.query(rs -> {
					long person = rs.getLong(1);
					holders.put(person, new Holder(rs.getString(2), rs.getBoolean(3), engagements.get(person),
							List.copyOf(posts.getOrDefault(person, List.of()))));
				});
			return new Snapshot(version, Map.copyOf(holders));
		});
	}

	private static LocalDate day(Date date) {
		return date == null ? null : date.toLocalDate();
	}

	/** Drops the snapshots of projects whose gates have not asked for a while. */
	@Scheduled(fixedDelay = 600_000, initialDelay = 600_000)
	void dropIdle() {
		Instant before = clock.instant().minus(IDLE);
		lastAsked.entrySet().removeIf(e -> {
			if (e.getValue().isBefore(before)) {
				snapshots.remove(e.getKey());
				return true;
			}
			return false;
		});
	}

	@Override
	public void destroy() {
		loader.shutdownNow();
	}
}
