package io.siteroll.attendance.internal;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.siteroll.attendance.Gate;
import io.siteroll.attendance.IngestReport;
import io.siteroll.attendance.IngestReport.Result;
import io.siteroll.attendance.IngestReport.Status;
import io.siteroll.attendance.Pass;
import io.siteroll.attendance.PassOutcome;
import io.siteroll.attendance.PassRecord;
import io.siteroll.attendance.Passes;
import io.siteroll.attendance.RefusalReason;
import io.siteroll.personnel.Persons;
import io.siteroll.platform.CodeDictionary;
import io.siteroll.platform.NotFound;
import io.siteroll.platform.Page;
import io.siteroll.platform.SqlSearch;
import io.siteroll.platform.Texts;
import io.siteroll.privacy.PersonalDataReveals;
import io.siteroll.project.ProjectAccess;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Pass ingestion in one statement per batch: the rows go in as arrays, duplicates fall away on the unique
 * key, and daily presence and the impossible-travel signal are updated from the rows actually inserted, all
 * in the same transaction. The caller acknowledges the device only after it returns.
 * <p>
 * Each person's right to pass is the SQL rule {@code gate_refusals}. When the project's in-memory right to
 * pass ({@link RightToPass}) is as current as its committed roster (one version read per batch), the people it
 * holds are judged from it in Java (it holds exactly the rule's facts and judges them as the rule does, see
 * RightToPassTest) and their reasons go in as an array; the statement asks the rule itself only for the
 * others (people with nothing on the project, unknown references) and for everyone when the snapshot is stale.
 */
@Service
class PassLedger implements Passes {

	private static final Logger log = LoggerFactory.getLogger(PassLedger.class);

	private static final String INGEST = """
			with prm as (
			    select ?::int8 as device, ?::int8 as project, ?::timestamptz as received, ?::bool as enabled,
			           ?::text as zone, ?::int as max_kmh
			),
			b as (
			    select source_key, person_ref, person_id, timestamptz 'epoch' + passed_micros * interval '1 microsecond' as passed_at,
			           local_time, utc_offset, day, direction, attend_type, vendor_verify, liveness, score, offline, photo_id,
			           source, refused_by_device, ref_index, judged, judged_reason
			    from unnest(?::text[], ?::text[], ?::int8[], ?::int8[], ?::timestamp[], ?::int[], ?::date[],
			                         ?::text[], ?::text[], ?::text[], ?::text[], ?::real[], ?::bool[], ?::int8[], ?::text[], ?::bool[], ?::text[],
			                         ?::bool[], ?::text[])
			        as t(source_key, person_ref, person_id, passed_micros, local_time, utc_offset, day, direction, attend_type,
			             vendor_verify, liveness, score, offline, photo_id, source, refused_by_device, ref_index,
			             judged, judged_reason)
			),
			ins as (
			    insert into pass (device_id, project_id, source_key, person_ref, person_ref_index, person_id, passed_at,
			                      device_local_time, utc_offset_min, received_at, direction, attend_type, vendor_verify,
			                      liveness, liveness_score, offline, outcome, refusal_reason, photo_id, source)
			    select prm.device, prm.project, source_key, person_ref, decode(ref_index, 'hex'), person_id, passed_at,
			           local_time, utc_offset, prm.received, direction, attend_type, vendor_verify, liveness, score, offline,
			           case when reason is null then 'ACCEPTED' else 'REFUSED' end, reason, photo_id, source
			    from (select b.*, case when not prm.enabled then 'DEVICE_DISABLED'
			                           when b.refused_by_device then 'REFUSED_BY_DEVICE'
			                           when b.judged then b.judged_reason
			                           else (select r.reason from gate_refusals(prm.project, b.person_id, b.day) r) end as reason
			          from b cross join prm
			          offset 0) x, prm
			    on conflict (device_id, source_key, passed_at) do nothing
			    returning id, source_key, person_id, passed_at, outcome, refusal_reason, liveness
			),
			counted as (
			    select i.person_id, (i.passed_at at time zone prm.zone)::date as day, i.passed_at
			    from ins i, prm
			    where i.outcome = 'ACCEPTED' and i.liveness <> 'FAIL'
			),
			rules as (
			    select day, valid_day_rule_on(day) as rule from (select distinct day from counted) s
			),
			presence as (
			    insert into daily_presence as d (project_id, day, person_id, first_pass_at, last_pass_at, pass_count, valid)
			    select (select project from prm), c.day, c.person_id, min(c.passed_at), max(c.passed_at), count(*),
			           is_valid_day(r.rule, count(*)::int, min(c.passed_at), max(c.passed_at))
			    from counted c join rules r on r.day = c.day
			    group by c.day, c.person_id, r.rule
			    order by c.day, c.person_id
			    on conflict (project_id, day, person_id) do update set
			        first_pass_at = least(d.first_pass_at, excluded.first_pass_at),
			        last_pass_at = greatest(d.last_pass_at, excluded.last_pass_at),
			        pass_count = d.pass_count + excluded.pass_count,
			        valid = is_valid_day((select r.rule from rules r where r.day = d.day), d.pass_count + excluded.pass_count,
			                             least(d.first_pass_at, excluded.first_pass_at),
			                             greatest(d.last_pass_at, excluded.last_pass_at))
			),
			travel as (
			    insert into fraud_signal (kind, signal_key, project_id, person_id, day, evidence)
			    select distinct on (c.person_id, c.day, d.project_id)
			           'IMPOSSIBLE_TRAVEL',
			           'IMPOSSIBLE_TRAVEL:' || c.person_id || ':' || c.day || ':' || least(prm.project, d.project_id) || ':'
			               || greatest(prm.project, d.project_id),
			           prm.project, c.person_id, c.day,
			           jsonb_build_object('projectId', prm.project, 'passedAt', c.passed_at, 'otherProjectId', d.project_id,
			                              'otherFirstPassAt', d.first_pass_at, 'otherLastPassAt', d.last_pass_at,
			                              'distanceKm', round(g.km::numeric, 1), 'hoursBetween', round(g.hours::numeric, 2),
			                              'maxKmh', prm.max_kmh)
			    from counted c
			         cross join prm
			         join daily_presence d on d.person_id = c.person_id and d.day = c.day and d.project_id <> prm.project
			         join project o on o.id = d.project_id
			         join project h on h.id = prm.project
			         cross join lateral (
			             select distance_km(h.latitude, h.longitude, o.latitude, o.longitude) as km,
			                    case when c.passed_at between d.first_pass_at and d.last_pass_at then 0
			                         else least(abs(extract(epoch from c.passed_at - d.first_pass_at)),
			                                    abs(extract(epoch from c.passed_at - d.last_pass_at))) / 3600.0 end as hours) g
			    where h.latitude is not null and o.latitude is not null and g.km >= 1 and g.km > prm.max_kmh * g.hours
			    order by c.person_id, c.day, d.project_id, g.hours
			    on conflict (signal_key) do nothing
			)
			select id, source_key, person_id, (extract(epoch from passed_at) * 1000000)::int8 as passed_micros, outcome,
			       refusal_reason, liveness
			from ins
			""";

	private final JdbcClient jdbc;

	private final TransactionTemplate tx;

	private final Clock clock;

	private final ZoneId zone;

	private final AttendanceSettings settings;

	private final PassPartitions partitions;

	private final PhotoEvidence photos;

	private final CodeDictionary codes;

	private final ProjectAccess access;

	private final PhotoStore photoStore;

	private final PersonalDataReveals reveals;

	private final Persons persons;

	private final RightToPass rightToPass;

	PassLedger(JdbcClient jdbc, TransactionTemplate tx, Clock clock, AttendanceSettings settings,
			PassPartitions partitions, PhotoEvidence photos, CodeDictionary codes, ProjectAccess access,
			PhotoStore photoStore, PersonalDataReveals reveals, Persons persons, RightToPass rightToPass) {
		this.persons = persons;
		this.rightToPass = rightToPass;
		this.photoStore = photoStore;
		this.reveals = reveals;
		this.jdbc = jdbc;
		this.tx = tx;
		this.clock = clock;
		this.zone = clock.getZone();
		this.settings = settings;
		this.partitions = partitions;
		this.photos = photos;
		this.codes = codes;
		this.access = access;
	}

	/** Longest vendor-specific verification text kept with a pass. */
	static final int MAX_VENDOR_FIELD = 64;

	/** Liveness scores are 0–1 or 0–100 depending on the vendor; anything else (negative, NaN, 1e30) is refused. */
	static final float MAX_LIVENESS_SCORE = 100f;

	/**
	 * A pass that passed the checks, ready to be written. When the device named the person by identity
	 * number, {@code record} already carries the masked number as person reference and the number's
	 * blind index in place of it in the source key; {@code refIndexHex} is that blind index.
	 */
	record Checked(int index, PassRecord record, Long personId, Instant passedAt, LocalDate day, String direction,
			byte[] photoSha256, Long photoHash, String refIndexHex) {
	}

	@Override
	public IngestReport ingest(Gate gate, List<PassRecord> passes) {
		Instant now = clock.instant();
		Result[] results = new Result[passes.size()];
		List<Checked> checked = new ArrayList<>(passes.size());
		Set<YearMonth> months = new HashSet<>();
		Map<String, Persons.IdReference> idNumbers = persons.idReferences(
				passes.stream().map(PassRecord::personRef).filter(r -> r != null && r.length() <= 64).toList());
		Bounds bounds = new Bounds(now.plus(settings.clockTolerance()),
				now.atZone(zone).toLocalDate().minusDays(settings.backlogDays()).atStartOfDay(zone).toInstant());
		for (int i = 0; i < passes.size(); i++) {
			PassRecord p = passes.get(i);
			String problem = problem(p, bounds);
			Checked c = null;
			if (problem == null) {
				c = check(i, p, gate, idNumbers.get(p.personRef()));
				if (c == null) {
					problem = "pass.photo-unreadable";
				}
			}
			if (problem != null) {
				results[i] = new Result(p.sourceKey(), Status.REJECTED, null, problem);
				continue;
			}
			checked.add(c);
			months.add(YearMonth.from(c.day()));
		}
		Set<YearMonth> archived = partitions.ensure(months);
		if (!archived.isEmpty()) {
			checked.removeIf(c -> {
				if (!archived.contains(YearMonth.from(c.day()))) {
					return false;
				}
				results[c.index()] = new Result(passes.get(c.index()).sourceKey(), Status.REJECTED, null, "pass.month-archived");
				return true;
			});
		}
		Map<String, Result> written = checked.isEmpty() ? Map.of()
				: writeWithRetry(gate, checked, now, gate.enabled() ? rightToPass.current(gate.projectId()) : null);
		int stored = 0, duplicates = 0, refused = 0, rejected = 0;
		Set<String> reported = new HashSet<>();
		for (Checked c : checked) {
			String key = c.record().sourceKey();
			Result r = written.get(key);
			String sent = passes.get(c.index()).sourceKey();
			results[c.index()] = r == null || !reported.add(key) ? new Result(sent, Status.DUPLICATE, null, null)
					: new Result(sent, r.status(), r.outcome(), r.reason(), r.counts());
		}
		for (Result r : results) {
			switch (r.status()) {
				case STORED -> {
					stored++;
					if (r.outcome() == PassOutcome.REFUSED) {
						refused++;
					}
				}
				case DUPLICATE -> duplicates++;
				case REJECTED -> rejected++;
			}
		}
		return new IngestReport(stored, duplicates, refused, rejected, List.of(results));
	}

	/** The latest and the earliest instant a pass may carry, fixed once per batch. */
	private record Bounds(Instant latest, Instant earliest) {
	}

	/** The rule a pass breaks before it can be stored, or null. */
	private String problem(PassRecord p, Bounds bounds) {
		if (p.sourceKey() == null || p.sourceKey().isBlank()) {
			return "pass.event-id-required";
		}
		if (p.sourceKey().length() > 128) {
			return "pass.event-id-too-long";
		}
		if (p.personRef() == null || p.personRef().isBlank() || p.personRef().length() > 64) {
			return "pass.person-required";
		}
		if (Texts.hasControlCharacter(p.sourceKey()) || Texts.hasControlCharacter(p.personRef())
				|| Texts.hasControlCharacter(p.vendorVerify()) || Texts.hasControlCharacter(p.attendType())) {
			return "pass.control-character";
		}
		if (p.vendorVerify() != null && p.vendorVerify().length() > MAX_VENDOR_FIELD) {
			return "pass.vendor-field-too-long";
		}
		if (p.livenessScore() != null && !(p.livenessScore() >= 0 && p.livenessScore() <= MAX_LIVENESS_SCORE)) {
			return "pass.liveness-score";
		}
		if (p.deviceTime() == null) {
			return "pass.time-required";
		}
		Instant at = p.deviceTime().toInstant();
		if (at.isAfter(bounds.latest())) {
			return "pass.in-future";
		}
		if (at.isBefore(bounds.earliest())) {
			return "pass.too-old";
		}
		if (p.attendType() == null || !codes.exists(CodeDictionary.ATTEND_TYPE, p.attendType())) {
			return "pass.attend-type";
		}
		if (p.liveness() == null) {
			return "pass.liveness-required";
		}
		if (p.photo() != null && p.photo().length > settings.photoMaxBytes()) {
			return "pass.photo-too-large";
		}
		return null;
	}

	/**
	 * The pass as it may be kept. A person reference that is an identity number is replaced by its
	 * masked form, and inside the source key (ZKTeco keys contain the PIN) by a prefix of its blind
	 * index, which deduplicates as the number did.
	 */
	private static PassRecord withoutIdNumber(PassRecord p, Persons.IdReference id) {
		String number = p.personRef().strip();
		String key = Pattern.compile(Pattern.quote(number), Pattern.CASE_INSENSITIVE).matcher(p.sourceKey())
			.replaceAll(Matcher.quoteReplacement("#" + id.indexHex().substring(0, 32)));
		return new PassRecord(key, id.masked(), p.deviceTime(), p.direction(), p.attendType(), p.vendorVerify(),
				p.liveness(), p.livenessScore(), p.offline(), p.photo(), p.source(), p.refusedByDevice());
	}

	private Checked check(int index, PassRecord original, Gate gate, Persons.IdReference id) {
		PassRecord p = id == null ? original : withoutIdNumber(original, id);
		byte[] sha = null;
		Long hash = null;
		if (p.photo() != null && p.photo().length > 0) {
			hash = PerceptualHash.of(p.photo());
			if (hash == null) {
				return null;
			}
			sha = sha256(p.photo());
		}
		String direction = switch (gate.direction()) {
			case IN -> "IN";
			case OUT -> "OUT";
			case BOTH -> p.direction() == Gate.Direction.OUT ? "OUT" : "IN";
		};
		Instant at = p.deviceTime().toInstant();
		return new Checked(index, p, id == null ? personId(p.personRef()) : id.personId(), at,
				at.atZone(zone).toLocalDate(), direction, sha, hash, id == null ? null : id.indexHex());
	}

	/** The platform person id a device uses as its PIN; anything else is nobody we know. */
	static Long personId(String ref) {
		String s = ref.strip();
		if (s.isEmpty() || s.length() > 18 || !s.chars().allMatch(Character::isDigit)) {
			return null;
		}
		long id = Long.parseLong(s);
		return id > 0 ? id : null;
	}

	private Map<String, Result> writeWithRetry(Gate gate, List<Checked> checked, Instant now,
			RightToPass.Snapshot snapshot) {
		for (int attempt = 1;; attempt++) {
			try {
				return tx.execute(status -> write(gate, checked, now, snapshot));
			}
			catch (PessimisticLockingFailureException e) {
				if (attempt >= 5) {
					throw e;
				}
				log.info("Pass batch of device {} retried after a lock conflict (attempt {})", gate.deviceId(), attempt);
			}
		}
	}

	private Map<String, Result> write(Gate gate, List<Checked> checked, Instant now, RightToPass.Snapshot snapshot) {
		Map<String, Long> photoIds = photos.storeNew(gate, checked);
		int n = checked.size();
		String[] keys = new String[n], refs = new String[n], local = new String[n], days = new String[n],
				directions = new String[n], types = new String[n], verifies = new String[n], liveness = new String[n],
				sources = new String[n], refIndexes = new String[n], judgedReasons = new String[n];
		Long[] persons = new Long[n], photoIdArray = new Long[n], at = new Long[n];
		Integer[] offsets = new Integer[n];
		Float[] scores = new Float[n];
		Boolean[] offline = new Boolean[n], deviceRefused = new Boolean[n], judged = new Boolean[n];
		for (int i = 0; i < n; i++) {
			Checked c = checked.get(i);
			PassRecord p = c.record();
			keys[i] = p.sourceKey();
			refs[i] = p.personRef().strip();
			persons[i] = c.personId();
			at[i] = epochMicros(c.passedAt());
			local[i] = p.deviceTime().toLocalDateTime().toString();
			offsets[i] = p.deviceTime().getOffset().getTotalSeconds() / 60;
			days[i] = c.day().toString();
			directions[i] = c.direction();
			types[i] = p.attendType();
			verifies[i] = p.vendorVerify();
			liveness[i] = p.liveness().name();
			scores[i] = p.livenessScore();
			offline[i] = p.offline();
			photoIdArray[i] = photoIds.get(p.sourceKey());
			sources[i] = p.source();
			deviceRefused[i] = p.refusedByDevice();
			refIndexes[i] = c.refIndexHex();
			RightToPass.Holder holder = snapshot == null || c.personId() == null ? null
					: snapshot.holders().get(c.personId());
			judged[i] = holder != null;
			if (holder != null) {
				RefusalReason reason = holder.reasonOn(c.day());
				judgedReasons[i] = reason == null ? null : reason.name();
			}
		}
		Map<String, Result> results = new HashMap<>();
		List<Inserted> inserted = new ArrayList<>();
		jdbc.sql(INGEST)
			.params(gate.deviceId(), gate.projectId(), Timestamp.from(now), gate.enabled(), zone.getId(),
					settings.maxTravelKmh(), keys, refs, persons, at, local, offsets, days, directions, types, verifies,
					liveness, scores, offline, photoIdArray, sources, deviceRefused, refIndexes, judged, judgedReasons)
			.query((rs, i) -> {
				// by position, and the time as a number of microseconds: the driver reads a timestamp's text through a
				// Calendar, which was the larger part of reading these rows
				long micros = rs.getLong(4);
				Inserted row = new Inserted(rs.getLong(1), rs.getString(2), (Long) rs.getObject(3),
						Instant.ofEpochSecond(Math.floorDiv(micros, 1_000_000L), Math.floorMod(micros, 1_000_000L) * 1_000L),
						rs.getString(5), rs.getString(6), rs.getString(7));
				inserted.add(row);
				return row;
			})
			.list();
		for (Inserted row : inserted) {
			PassOutcome outcome = PassOutcome.valueOf(row.outcome());
			boolean accepted = outcome == PassOutcome.ACCEPTED;
			boolean livenessFailed = "FAIL".equals(row.liveness());
			String reason = accepted && livenessFailed ? "pass.liveness-failed" : row.refusalReason();
			results.put(row.sourceKey(),
					new Result(row.sourceKey(), Status.STORED, outcome, reason, accepted && !livenessFailed));
		}
		photos.afterInsert(gate, inserted, photoIds);
		return results;
	}

	/** A row the ingest statement inserted. */
	record Inserted(long id, String sourceKey, Long personId, Instant passedAt, String outcome, String refusalReason,
			String liveness) {
	}

	/**
	 * The instant as whole microseconds since 1970 (PostgreSQL's precision), to the nearest, as the driver rounds a
	 * timestamp: the batch sends numbers, not 500 instants formatted as ISO text (the formatter showed in the request
	 * threads' profile).
	 */
	static long epochMicros(Instant at) {
		return Math.addExact(Math.multiplyExact(at.getEpochSecond(), 1_000_000L), (at.getNano() + 500) / 1_000);
	}

	static byte[] sha256(byte[] bytes) {
		try {
			return MessageDigest.getInstance("SHA-256").digest(bytes);
		}
		catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException(e);
		}
	}

	@Override
	public Page<Pass> search(long projectId, Search search, int page, int size) {
		access.requireVisible(projectId);
		return SqlSearch.where("p.project_id = :project", Map.of("project", projectId))
			.and("p.person_id = :person", "person", search.personId())
			.and("p.passed_at >= :from", "from",
					search.from() == null ? null : Timestamp.from(search.from().atStartOfDay(zone).toInstant()))
			.and("p.passed_at < :to", "to",
					search.to() == null ? null : Timestamp.from(search.to().plusDays(1).atStartOfDay(zone).toInstant()))
			.and("p.outcome = :outcome", "outcome", search.outcome() == null ? null : search.outcome().name())
			.page(jdbc, "select p.*, pe.name as person_name ", "from pass p left join person pe on pe.id = p.person_id",
					"p.passed_at desc, p.id desc", (rs, i) -> new Pass(rs.getLong("id"), rs.getLong("device_id"), rs.getLong("project_id"),
					rs.getString("source_key"), rs.getString("person_ref"), (Long) rs.getObject("person_id"),
					rs.getString("person_name"), rs.getTimestamp("passed_at").toInstant(),
					rs.getTimestamp("device_local_time").toLocalDateTime(), rs.getInt("utc_offset_min"),
					rs.getTimestamp("received_at").toInstant(), Gate.Direction.valueOf(rs.getString("direction")),
					rs.getString("attend_type"), PassRecord.Liveness.valueOf(rs.getString("liveness")),
					(Float) rs.getObject("liveness_score"), rs.getBoolean("offline"), PassOutcome.valueOf(rs.getString("outcome")),
					refusalReason(rs.getString("refusal_reason")), (Long) rs.getObject("photo_id"), rs.getString("source")),
					page, size);
	}

	@Override
	public List<GateCount> countsByGate(long projectId, LocalDate from, LocalDate to) {
		access.requireVisible(projectId);
		return jdbc.sql("""
				select device_id, count(*) filter (where outcome = 'ACCEPTED') as accepted,
				       count(*) filter (where outcome = 'REFUSED') as refused
				from pass where project_id = :project and passed_at >= :from and passed_at < :to
				group by device_id""")
			.param("project", projectId)
			.param("from", Timestamp.from(from.atStartOfDay(zone).toInstant()))
			.param("to", Timestamp.from(to.plusDays(1).atStartOfDay(zone).toInstant()))
			.query((rs, n) -> new GateCount(rs.getLong("device_id"), rs.getLong("accepted"), rs.getLong("refused")))
			.list();
	}

	private static RefusalReason refusalReason(String code) {
		return code == null ? null : RefusalReason.valueOf(code);
	}

	@Override
	public PhotoOutcome attachPhoto(Gate gate, String personRef, OffsetDateTime deviceTime, byte[] jpeg) {
		if (jpeg == null || jpeg.length == 0 || jpeg.length > settings.photoMaxBytes()) {
			return PhotoOutcome.UNREADABLE;
		}
		Long hash = PerceptualHash.of(jpeg);
		if (hash == null) {
			return PhotoOutcome.UNREADABLE;
		}
		byte[] sha = sha256(jpeg);
		Persons.IdReference id = persons.idReferences(List.of(personRef)).get(personRef);
		return tx.execute(status -> {
			Long personId = id == null ? personId(personRef) : id.personId();
			List<Inserted> found = jdbc.sql("""
					select id, source_key, person_id, passed_at, outcome, refusal_reason, liveness, photo_id from pass
					where device_id = ? and passed_at = ?
					  and (person_ref = ? and ?::text is null or person_ref_index = decode(?::text, 'hex'))
					  and (?::int8 is null or person_id = ?::int8)
					for update""")
				.params(gate.deviceId(), Timestamp.from(deviceTime.toInstant()), personRef.strip(),
						id == null ? null : id.indexHex(), id == null ? null : id.indexHex(), personId, personId)
				.query((rs, n) -> rs.getObject("photo_id") != null ? null
						: new Inserted(rs.getLong("id"), rs.getString("source_key"), (Long) rs.getObject("person_id"),
								rs.getTimestamp("passed_at").toInstant(), rs.getString("outcome"),
								rs.getString("refusal_reason"), rs.getString("liveness")))
				.list();
			if (found.isEmpty()) {
				return PhotoOutcome.NO_SUCH_PASS;
			}
			Inserted pass = found.get(0);
			if (pass == null) {
				return PhotoOutcome.ALREADY_ATTACHED;
			}
			long photoId = photos.store(gate, pass, jpeg, sha, hash);
			jdbc.sql("update pass set photo_id = ? where id = ? and passed_at = ?")
				.params(photoId, pass.id(), Timestamp.from(pass.passedAt()))
				.update();
			photos.linked(gate, pass, photoId);
			return PhotoOutcome.ATTACHED;
		});
	}

	@Override
	public Optional<byte[]> revealPhoto(long photoId) {
		record StoredPhoto(long projectId, String storageKey, boolean purged) {
		}
		StoredPhoto photo = jdbc.sql("select project_id, storage_key, purged_at is not null as purged from pass_photo where id = ?")
			.param(photoId)
			.query((rs, n) -> new StoredPhoto(rs.getLong("project_id"), rs.getString("storage_key"), rs.getBoolean("purged")))
			.optional()
			.orElseThrow(() -> new NotFound("photo", photoId));
		access.requireVisible(photo.projectId());
		if (photo.purged()) {
			return Optional.empty();
		}
		return Optional.of(reveals.revealBytes("pass_photo", photoId, "photo", PhotoStore.PURPOSE,
				photoStore.raw(photo.storageKey())));
	}
}
