package io.siteroll.attendance.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import io.siteroll.attendance.FraudSignalEvidence.ReplayedPhotoEvidence;
import io.siteroll.attendance.FraudSignalEvidence.ReplayedPhotoEvidence.Match;
import io.siteroll.attendance.Gate;
import io.siteroll.attendance.internal.PassLedger.Checked;
import io.siteroll.attendance.internal.PassLedger.Inserted;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Photos and liveness verdicts as evidence: stores each new pass's photo (encrypted, with its SHA-256
 * and perceptual hash), flags a photo that is the same as or nearly the same as one used for another
 * pass stored before it (a replayed photo), and tallies liveness failures per device and day. Runs inside the
 * ingestion transaction.
 */
@Component
class PhotoEvidence {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final JdbcClient jdbc;

	private final PhotoStore store;

	private final AttendanceSettings settings;

	private final Clock clock;

	PhotoEvidence(JdbcClient jdbc, PhotoStore store, AttendanceSettings settings, Clock clock) {
		this.jdbc = jdbc;
		this.store = store;
		this.settings = settings;
		this.clock = clock;
	}

	/** Stores the photos of passes not stored before; returns photo ids by source key. */
	Map<String, Long> storeNew(Gate gate, List<Checked> checked) {
		List<Checked> withPhoto = checked.stream().filter(c -> c.photoHash() != null).toList();
		if (withPhoto.isEmpty()) {
			return Map.of();
		}
		Set<String> known = new HashSet<>(jdbc.sql("select source_key from pass where device_id = ? and source_key = any(?)")
			.params(gate.deviceId(), withPhoto.stream().map(c -> c.record().sourceKey()).toArray(String[]::new))
			.query(String.class)
			.list());
		LocalDate retainUntil = LocalDate.now(clock).plus(settings.photoRetention());
		Map<String, Long> ids = new HashMap<>();
		for (Checked c : withPhoto) {
			String key = c.record().sourceKey();
			if (known.contains(key) || ids.containsKey(key)) {
				continue;
			}
			ids.put(key, insert(gate, c.record().photo(), c.photoSha256(), c.photoHash(), c.passedAt(), retainUntil));
		}
		return ids;
	}

	private long insert(Gate gate, byte[] jpeg, byte[] sha, long hash, Instant passedAt, LocalDate retainUntil) {
		String storageKey = store.put(jpeg);
		return jdbc.sql("""
				insert into pass_photo (sha256, phash, band0, band1, band2, band3, size_bytes, storage_key, device_id,
				                        project_id, passed_at, retain_until)
				values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) returning id""")
			.params(sha, hash, PerceptualHash.band(hash, 0), PerceptualHash.band(hash, 1), PerceptualHash.band(hash, 2),
					PerceptualHash.band(hash, 3), jpeg.length, storageKey, gate.deviceId(), gate.projectId(),
					Timestamp.from(passedAt), retainUntil)
			.query(Long.class)
			.single();
	}

	/** Stores the photo of a pass already stored (sent apart from it). */
	long store(Gate gate, Inserted pass, byte[] jpeg, byte[] sha, long hash) {
		return insert(gate, jpeg, sha, hash, pass.passedAt(), LocalDate.now(clock).plus(settings.photoRetention()));
	}

	/** Links a photo to its pass and looks for the same photo used for another pass. */
	void linked(Gate gate, Inserted pass, long photoId) {
		jdbc.sql("update pass_photo set pass_id = ? where id = ?").params(pass.id(), photoId).update();
		detectReplay(gate, pass, photoId);
	}

	/** Links photos to their passes, drops the photos of passes that turned out to be duplicates, raises signals. */
	void afterInsert(Gate gate, List<Inserted> inserted, Map<String, Long> photoIds) {
		Map<String, Inserted> byKey = new HashMap<>();
		inserted.forEach(i -> byKey.put(i.sourceKey(), i));
		Map<Long, Inserted> linked = new TreeMap<>();
		for (Map.Entry<String, Long> photo : photoIds.entrySet()) {
			Inserted pass = byKey.get(photo.getKey());
			if (pass == null) {
				String storageKey = jdbc.sql("delete from pass_photo where id = ? returning storage_key")
					.param(photo.getValue())
					.query(String.class)
					.single();
				store.delete(storageKey);
				continue;
			}
			jdbc.sql("update pass_photo set pass_id = ? where id = ?").params(pass.id(), photo.getValue()).update();
			linked.put(photo.getValue(), pass);
		}
		linked.forEach((photoId, pass) -> detectReplay(gate, pass, photoId));
		tallyLivenessFailures(gate, inserted);
	}

	/** A stored photo's fingerprint: its digest, its perceptual hash and the hash's four 16-bit bands. */
	private record Fingerprint(byte[] sha256, long phash, int band0, int band1, int band2, int band3) {
	}

	private void detectReplay(Gate gate, Inserted pass, long photoId) {
		Fingerprint mine = jdbc.sql("select sha256, phash, band0, band1, band2, band3 from pass_photo where id = ?")
			.param(photoId)
			.query((rs, n) -> new Fingerprint(rs.getBytes("sha256"), rs.getLong("phash"), rs.getInt("band0"),
					rs.getInt("band1"), rs.getInt("band2"), rs.getInt("band3")))
			.single();
		List<Match> evidence = jdbc.sql("""
				select o.id as photo_id, o.pass_id, o.device_id, o.project_id, o.passed_at,
				       bit_count(int8send(o.phash # ?)) as distance, o.sha256 = ? as identical
				from pass_photo o
				where o.id < ? and o.pass_id is not null and o.purged_at is null
				  and (o.sha256 = ? or o.band0 = ? or o.band1 = ? or o.band2 = ? or o.band3 = ?)
				  and bit_count(int8send(o.phash # ?)) <= ?
				order by distance, o.id
				limit 5""")
			.params(mine.phash(), mine.sha256(), photoId, mine.sha256(), mine.band0(), mine.band1(), mine.band2(),
					mine.band3(), mine.phash(), settings.nearPhotoBits())
			.query((rs, n) -> new Match(rs.getLong("pass_id"), rs.getLong("photo_id"), rs.getObject("device_id", Long.class),
					rs.getObject("project_id", Long.class), rs.getTimestamp("passed_at").toInstant(), rs.getInt("distance"),
					rs.getBoolean("identical")))
			.list();
		if (evidence.isEmpty()) {
			return;
		}
		ReplayedPhotoEvidence body = new ReplayedPhotoEvidence(pass.id(), photoId, pass.passedAt(),
				settings.nearPhotoBits(), evidence);
		LocalDate day = pass.passedAt().atZone(clock.getZone()).toLocalDate();
		jdbc.sql("""
				insert into fraud_signal (kind, signal_key, project_id, device_id, person_id, day, evidence)
				values ('REPLAYED_PHOTO', ?, ?, ?, ?, ?, ?::jsonb) on conflict (signal_key) do nothing""")
			.params("REPLAYED_PHOTO:" + photoId, gate.projectId(), gate.deviceId(), pass.personId(), day,
					JSON.writeValueAsString(body))
			.update();
	}

	private void tallyLivenessFailures(Gate gate, List<Inserted> inserted) {
		Map<LocalDate, List<Long>> failures = new TreeMap<>();
		for (Inserted i : inserted) {
			if ("FAIL".equals(i.liveness())) {
				failures.computeIfAbsent(i.passedAt().atZone(clock.getZone()).toLocalDate(), d -> new ArrayList<>()).add(i.id());
			}
		}
		failures.forEach((day, passIds) -> jdbc.sql("""
				insert into fraud_signal as f (kind, signal_key, project_id, device_id, day, evidence)
				values ('LIVENESS_FAILURES', ?, ?, ?, ?, jsonb_build_object('failures', ?::int, 'passIds', ?::jsonb))
				on conflict (signal_key) do update set
				    detected_at = now(),
				    evidence = jsonb_build_object(
				        'failures', (f.evidence ->> 'failures')::int + (excluded.evidence ->> 'failures')::int,
				        'passIds', (select coalesce(jsonb_agg(x), '[]'::jsonb)
				                    from (select x from jsonb_array_elements((f.evidence -> 'passIds') || (excluded.evidence -> 'passIds')) x
				                          limit 100) s))""")
			.params("LIVENESS_FAILURES:" + gate.deviceId() + ":" + day, gate.projectId(), gate.deviceId(), day,
					passIds.size(), JSON.writeValueAsString(passIds))
			.update());
	}
}
