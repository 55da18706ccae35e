package io.siteroll.compliance;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import io.siteroll.personnel.Post;
import io.siteroll.support.ApiClient;
import io.siteroll.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The evaluation that judges only the projects whose facts changed (the default) agrees with the full one. Random
 * corrections of every kind the rules rest on (presence added, removed or made invalid, a stoppage declared or
 * rejected, a manager's tenure ended, a worker's exit, a completion date set or taken back, a device heard or not on
 * a day, a device's first contact moved) are applied to several projects in batches; after each batch the month is
 * evaluated incrementally, then fully: the full evaluation must find nothing to change on these projects (no
 * revision) and the findings, evidence included, must be the same. The corrections are written straight into the
 * tables, as the gates, the roster import or an officer's act would have written them; the marks come from the
 * database's triggers, not from the test. The seed is printed on failure; {@code -Dsiteroll.test.seed=...} replays it.
 */
class IncrementalEvaluationTest extends IntegrationTest {

	/** A month no other test evaluates. */
	static final YearMonth MONTH = YearMonth.of(2025, 8);

	static final LocalDate START = MONTH.atDay(4);

	static final int PROJECTS = 5;

	static final int BATCHES = 10;

	record Project(long id, List<Long> posts, List<Long> managers, List<Long> workers, long deviceId) {

		List<Long> people() {
			List<Long> all = new ArrayList<>(managers);
			all.addAll(workers);
			return all;
		}
	}

	@Test
	void theIncrementalEvaluationAgreesWithAFullOneAfterRandomCorrections() {
		long seed = Long.getLong("siteroll.test.seed", System.nanoTime());
		try {
			randomCorrections(new Random(seed));
		}
		catch (AssertionError | RuntimeException e) {
			throw new AssertionError("incremental vs full evaluation failed with seed " + seed
					+ " (replay: -Dsiteroll.test.seed=" + seed + "): " + e.getMessage(), e);
		}
	}

	/**
	 * A day's validity changed by an update (a later pass of the day under the two-pass rule, a re-judged rule) marks
	 * the project in an evaluated month; the same change in a month not evaluated, or an update that leaves validity
	 * as it was (one more pass on a valid day), marks nothing.
	 */
	@Test
	void aValidityChangedByAnUpdateMarksTheProjectOnlyInAnEvaluatedMonth() {
		ApiClient api = as(province());
		Site site = site(api, "220102", START);
		long worker = engagedWorker(api, site);
		LocalDate evaluatedDay = MONTH.atDay(20);
		LocalDate laterDay = MONTH.plusMonths(3).atDay(20);
		present(site.projectId(), worker, evaluatedDay, false);
		present(site.projectId(), worker, laterDay, false);
		evaluate(api, false);
		assertThat(marks(site.projectId())).as("nothing marked right after the evaluation").isZero();

		jdbc.sql("update daily_presence set pass_count = pass_count + 1 where project_id = ? and person_id = ?")
			.params(site.projectId(), worker)
			.update();
		assertThat(marks(site.projectId())).as("validity unchanged").isZero();

		jdbc.sql("update daily_presence set valid = true where project_id = ? and person_id = ? and day = ?")
			.params(site.projectId(), worker, laterDay)
			.update();
		assertThat(marks(site.projectId())).as("a day of a month not evaluated made valid").isZero();

		jdbc.sql("update daily_presence set valid = true where project_id = ? and person_id = ? and day = ?")
			.params(site.projectId(), worker, evaluatedDay)
			.update();
		assertThat(marks(site.projectId())).as("a day of the evaluated month made valid").isPositive();
	}

	private long marks(long project) {
		return jdbc.sql("select count(*) from evaluation_dirty where month = ? and project_id = ?")
			.params(MONTH.atDay(1), project)
			.query(Long.class)
			.single();
	}

	private void randomCorrections(Random random) {
		ApiClient api = as(province());
		List<Project> projects = new ArrayList<>();
		for (int i = 0; i < PROJECTS; i++) {
			projects.add(project(api, random));
		}
		List<Long> ids = projects.stream().map(Project::id).toList();
		evaluate(api, false);
		agreeWithAFullEvaluation(api, ids, Set.copyOf(ids), "initial facts");

		for (int batch = 1; batch <= BATCHES; batch++) {
			Set<Long> touched = new LinkedHashSet<>();
			List<String> applied = new ArrayList<>();
			int corrections = 1 + random.nextInt(4);
			for (int c = 0; c < corrections; c++) {
				Project p = projects.get(random.nextInt(projects.size()));
				applied.add("project " + p.id() + ": " + correct(p, random));
				touched.add(p.id());
			}
			JsonNode incremental = evaluate(api, false);
			assertThat(incremental.get("full").asBoolean()).as("batch %d judged incrementally", batch).isFalse();
			assertThat(incremental.get("projects").asInt()).as("batch %d: only the corrected projects are judged", batch)
				.isLessThanOrEqualTo(touched.size());
			agreeWithAFullEvaluation(api, ids, touched, "batch " + batch + " " + applied);
		}
	}

	/**
	 * The findings of the projects as they stand, then a full evaluation: it must change nothing of theirs, and the
	 * findings must read the same.
	 */
	private void agreeWithAFullEvaluation(ApiClient api, List<Long> ids, Set<Long> touched, String after) {
		List<Map<String, Object>> incremental = findings(ids);
		JsonNode full = evaluate(api, true);
		assertThat(full.get("full").asBoolean()).isTrue();
		long revised = jdbc.sql("""
				select count(*) from finding_revision r join finding f on f.id = r.finding_id
				where r.evaluation_id = ? and f.project_id = any (?)""")
			.params(full.get("evaluationId").asLong(), ids.toArray(Long[]::new))
			.query(Long.class)
			.single();
		assertThat(revised).as("revisions a full evaluation made after %s (touched %s)", after, touched).isZero();
		assertThat(findings(ids)).as("findings after %s", after).isEqualTo(incremental);
	}

	private List<Map<String, Object>> findings(List<Long> ids) {
		return jdbc.sql("""
				select rule, project_id, subject, status, measure, responsible, responsible_enterprise_id,
				       responsible_person_id, person_id, post, rule_set_id, legal_basis, evidence::text as evidence
				from finding where month = ? and project_id = any (?)
				order by project_id, rule, subject""")
			.params(MONTH.atDay(1), ids.toArray(Long[]::new))
			.query()
			.listOfRows();
	}

	private JsonNode evaluate(ApiClient api, boolean full) {
		ApiClient.Response r = api.post("/api/evaluations", Map.of("month", MONTH.toString(), "full", full));
		assertThat(r.status()).as(r.body()).isEqualTo(200);
		return r.json();
	}

	/**
	 * A site with a project manager, a chief supervisor, a technical lead, six workers (two never present), a gate
	 * heard on most days, and random presence.
	 */
	private Project project(ApiClient api, Random random) {
		Site site = site(api, "220102", START);
		List<Long> posts = new ArrayList<>();
		List<Long> managers = new ArrayList<>();
		for (Post post : List.of(Post.PROJECT_MANAGER, Post.CHIEF_SUPERVISOR, Post.TECHNICAL_LEAD)) {
			long unit = post == Post.CHIEF_SUPERVISOR ? site.supervisionUnitId() : site.gcUnitId();
			var appointment = facts.appoint(api, site.projectId(), unit, post, START);
			posts.add(appointment.postId());
			managers.add(appointment.personId());
		}
		List<Long> workers = new ArrayList<>();
		for (int i = 0; i < 6; i++) {
			long worker = engagedWorker(api, site);
			jdbc.sql("update worker_engagement set contract_start = ?, entry_date = ? where project_id = ? and person_id = ?")
				.params(START, START, site.projectId(), worker)
				.update();
			workers.add(worker);
		}
		long device = device(api, site.projectId(), "SITEROLL", "IN").id();
		fixtureDeviceObservedSince(device, START.plusDays(random.nextInt(3)));
		Project project = new Project(site.projectId(), posts, managers, workers, device);
		// managers around their thresholds (R2 findings whose evidence lists the days), some workers never present (R3)
		for (long person : project.people()) {
			int rate = workers.indexOf(person) >= 4 ? 0 : 50 + random.nextInt(51);
			for (LocalDate day = START; !day.isAfter(MONTH.atEndOfMonth()); day = day.plusDays(1)) {
				if (random.nextInt(100) < rate) {
					present(project.id(), person, day, true);
				}
			}
		}
		for (LocalDate day = START; !day.isAfter(MONTH.atEndOfMonth()); day = day.plusDays(1)) {
			if (random.nextInt(10) < 9) {
				heard(project, day);
			}
		}
		return project;
	}

	/** One random correction of the project's facts; returns what it did. */
	private String correct(Project p, Random random) {
		LocalDate day = MONTH.atDay(1 + random.nextInt(MONTH.lengthOfMonth()));
		long person = p.people().get(random.nextInt(p.people().size()));
		switch (random.nextInt(10)) {
			case 0, 1 -> {
				present(p.id(), person, day, true);
				return "presence of " + person + " on " + day;
			}
			case 2 -> {
				int gone = jdbc.sql("""
						delete from daily_presence where ctid = (select ctid from daily_presence
						where project_id = ? and day between ? and ? order by random() limit 1)""")
					.params(p.id(), MONTH.atDay(1), MONTH.atEndOfMonth())
					.update();
				return "a presence removed (" + gone + ")";
			}
			case 3 -> {
				int n = jdbc.sql("update daily_presence set valid = not valid where project_id = ? and person_id = ? and day = ?")
					.params(p.id(), person, day)
					.update();
				return "validity of " + person + " on " + day + " flipped (" + n + ")";
			}
			case 4 -> {
				if (random.nextBoolean()) {
					LocalDate last = day.plusDays(random.nextInt(4));
					jdbc.sql("""
							insert into project_stoppage (project_id, first_day, last_day, reason, kind, declared_by, declared_on, status)
							values (?, ?, ?, '停工整顿', 'ORDERED', 'test', ?, 'IN_FORCE')""")
						.params(p.id(), day, last, day)
						.update();
					return "stoppage " + day + ".." + last;
				}
				int n = jdbc.sql("""
						update project_stoppage set status = 'REJECTED'
						where id = (select id from project_stoppage where project_id = ? and status = 'IN_FORCE' order by id limit 1)""")
					.param(p.id())
					.update();
				return "a stoppage rejected (" + n + ")";
			}
			case 5 -> {
				long post = p.posts().get(random.nextInt(p.posts().size()));
				int n = jdbc.sql("update manager_post set tenure_to = ? where id = ? and tenure_to is null and tenure_from <= ?")
					.params(day, post, day)
					.update();
				return "tenure of post " + post + " ended on " + day + " (" + n + ")";
			}
			case 6 -> {
				long worker = p.workers().get(random.nextInt(p.workers().size()));
				int n = jdbc.sql("""
						update worker_engagement set exit_date = ?
						where project_id = ? and person_id = ? and exit_date is null and entry_date <= ?""")
					.params(day, p.id(), worker, day)
					.update();
				return "worker " + worker + " exited on " + day + " (" + n + ")";
			}
			case 7 -> {
				boolean completed = jdbc.sql("select completion_date is not null from project where id = ?").param(p.id())
					.query(Boolean.class)
					.single();
				LocalDate completion = completed ? null : day.isBefore(START) ? START : day;
				jdbc.sql("update project set completion_date = ? where id = ?").params(completion, p.id()).update();
				return "completion date " + completion;
			}
			case 8 -> {
				if (random.nextBoolean()) {
					heard(p, day);
					return "device heard on " + day;
				}
				int n = jdbc.sql("delete from device_day where device_id = ? and day = ?").params(p.deviceId(), day).update();
				return "device not heard on " + day + " (" + n + ")";
			}
			default -> {
				LocalDate first = START.plusDays(random.nextInt(5) - 2);
				jdbc.sql("update device set first_heard_day = ? where id = ?").params(first, p.deviceId()).update();
				return "device first heard on " + first;
			}
		}
	}

	private void present(long project, long person, LocalDate day, boolean valid) {
		jdbc.sql("""
				insert into daily_presence (project_id, day, person_id, first_pass_at, last_pass_at, pass_count, valid)
				values (:project, :day, :person, (:day + time '07:30') at time zone 'Asia/Shanghai',
				        (:day + time '17:30') at time zone 'Asia/Shanghai', 2, :valid)
				on conflict (project_id, day, person_id) do update set valid = excluded.valid""")
			.param("project", project)
			.param("day", day)
			.param("person", person)
			.param("valid", valid)
			.update();
	}

	private void heard(Project p, LocalDate day) {
		jdbc.sql("""
				insert into device_day (device_id, day, project_id, first_at, last_at)
				values (?, ?, ?, (?::date + time '08:00') at time zone 'Asia/Shanghai',
				        (?::date + time '18:00') at time zone 'Asia/Shanghai')
				on conflict do nothing""")
			.params(p.deviceId(), day, p.id(), day, day)
			.update();
	}
}
