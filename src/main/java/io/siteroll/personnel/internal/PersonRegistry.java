package io.siteroll.personnel.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import io.siteroll.audit.AuditRecord;
import io.siteroll.audit.AuditTrail;
import io.siteroll.personnel.IdNumber;
import io.siteroll.personnel.Identity;
import io.siteroll.personnel.Person;
import io.siteroll.personnel.Persons;
import io.siteroll.platform.Checks;
import io.siteroll.platform.Conflict;
import io.siteroll.platform.Forbidden;
import io.siteroll.platform.NotFound;
import io.siteroll.privacy.PersonalDataCipher;
import io.siteroll.privacy.Masking;
import io.siteroll.privacy.PersonalDataReveals;
import io.siteroll.project.ProjectAccess;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
class PersonRegistry implements Persons {

	/** 50 KB, the national platform's limit for a head photo. */
	static final int MAX_FACE_BYTES = 50 * 1024;

	private final JdbcClient jdbc;

	private final PersonStore store;

	private final PersonRules rules;

	private final PersonalDataCipher cipher;

	private final PersonalDataReveals reveals;

	private final ProjectAccess access;

	private final AuditTrail audit;

	private final Clock clock;

	PersonRegistry(JdbcClient jdbc, PersonStore store, PersonRules rules, PersonalDataCipher cipher,
			PersonalDataReveals reveals, ProjectAccess access, AuditTrail audit, Clock clock) {
		this.jdbc = jdbc;
		this.store = store;
		this.rules = rules;
		this.cipher = cipher;
		this.reveals = reveals;
		this.access = access;
		this.audit = audit;
		this.clock = clock;
	}

	@Override
	@Transactional
	public Registered register(Registration r) {
		PersonStore.NewPerson person = rules.validate(r);
		// serialise registrations of the same identity so that two concurrent calls still make one person
		jdbc.sql("select pg_advisory_xact_lock(hashtext(?))").param(store.indexHex(person.identity())).query().singleRow();
		Optional<Person> existing = store.findByIdentity(person.identity());
		if (existing.isPresent()) {
			if (!existing.get().name().equals(person.name())) {
				throw new Conflict("name", "person.name-mismatch");
			}
			return new Registered(asSeenByCaller(existing.get()), false);
		}
		Map<String, Long> ids = store.insertAll(List.of(person));
		long id = ids.values().iterator().next();
		audit.record(PersonStore.created(id, person));
		return new Registered(store.find(id).orElseThrow(), true);
	}

	@Override
	public Person require(long personId) {
		Person person = store.find(personId).orElseThrow(() -> new NotFound("person", personId));
		for (long projectId : projectsOf(personId)) {
			try {
				access.requireVisible(projectId);
				return person;
			}
			catch (NotFound invisible) {
				// try the next project
			}
		}
		throw new NotFound("person", personId);
	}

	private List<Long> projectsOf(long personId) {
		return jdbc.sql("""
				select project_id from worker_engagement where person_id = ?
				union select project_id from manager_post where person_id = ?""")
			.params(personId, personId)
			.query(Long.class)
			.list();
	}

	/**
	 * Changing a person's record (the face photo) needs the right to manage a project the person is
	 * engaged or posted on; seeing them is not enough.
	 */
	private void requireManageable(long personId) {
		require(personId);
		for (long projectId : projectsOf(personId)) {
			try {
				if (access.canManage(projectId)) {
					return;
				}
			}
			catch (NotFound invisible) {
				// try the next project
			}
		}
		throw new Forbidden("person.not-manageable");
	}

	@Override
	public Optional<Person> findByIdentity(String idType, String idNumber) {
		String type = idType == null || idType.isBlank() ? Identity.RESIDENT_ID_CARD : idType;
		Checks checks = new Checks();
		Identity identity = checks.field("idNumber", () -> Identity.of(type, idNumber, LocalDate.now(clock)));
		checks.throwIfAny();
		return store.findByIdentity(identity);
	}

	@Override
	public Map<String, IdReference> idReferences(Collection<String> references) {
		Map<String, IdReference> found = new LinkedHashMap<>();
		Map<String, String> indexes = new LinkedHashMap<>();
		for (String ref : references) {
			if (ref == null || !IdNumber.looksLike(ref) || indexes.containsKey(ref)) {
				continue;
			}
			String number = ref.strip().toUpperCase(Locale.ROOT);
			indexes.put(ref, store.indexHex(new Identity(Identity.RESIDENT_ID_CARD, number, null, null)));
		}
		Map<String, Person> persons = store.findByIndexes(new HashSet<>(indexes.values()));
		indexes.forEach((ref, index) -> {
			Person person = persons.get(index);
			found.put(ref, new IdReference(index, Masking.idNumber(ref.strip().toUpperCase(Locale.ROOT)),
					person == null ? null : person.id()));
		});
		return found;
	}

	@Override
	public Optional<Person> lookup(String idType, String idNumber) {
		return findByIdentity(idType, idNumber).map(this::asSeenByCaller);
	}

	/** The person in full if the caller may see them, else only what registering needs. */
	private Person asSeenByCaller(Person person) {
		try {
			return require(person.id());
		}
		catch (NotFound outsideScope) {
			return new Person(person.id(), person.idType(), person.idNumberMasked(), person.name(), null, null, null, null,
					null, false);
		}
	}

	@Override
	@Transactional
	public String revealIdNumber(long personId) {
		require(personId);
		return reveals.reveal("person", personId, "idNumber", PersonStore.ID_PURPOSE, store.idNumberCipher(personId));
	}

	@Override
	@Transactional
	public Person uploadFace(long personId, String contentType, byte[] bytes) {
		requireManageable(personId);
		Checks checks = new Checks();
		checks.check(bytes != null && bytes.length > 0, "face", "required");
		if (bytes != null && bytes.length > 0) {
			checks.check(bytes.length <= MAX_FACE_BYTES, "face", "face.too-large", MAX_FACE_BYTES / 1024);
			checks.check(isJpeg(bytes) || isPng(bytes), "face", "face.format");
		}
		checks.throwIfAny();
		String type = isJpeg(bytes) ? "image/jpeg" : "image/png";
		jdbc.sql("""
				insert into person_face (person_id, content_type, size_bytes, cipher) values (?, ?, ?, ?)
				on conflict (person_id) do update set content_type = excluded.content_type, size_bytes = excluded.size_bytes,
				       cipher = excluded.cipher, uploaded_at = now()""")
			.params(personId, type, bytes.length, cipher.encryptBytes(PersonStore.FACE_PURPOSE, bytes))
			.update();
		audit.record(AuditRecord.changed("FACE_UPLOADED", "person", personId, null,
				Map.of("contentType", type, "sizeBytes", bytes.length)));
		return store.find(personId).orElseThrow();
	}

	@Override
	@Transactional
	public Face face(long personId) {
		require(personId);
		return jdbc.sql("select content_type, cipher from person_face where person_id = ?")
			.param(personId)
			.query((rs, n) -> new Face(rs.getString(1),
					reveals.revealBytes("person", personId, "face", PersonStore.FACE_PURPOSE, rs.getBytes(2))))
			.optional()
			.orElseThrow(() -> new NotFound("face", personId));
	}

	@Override
	@Transactional
	public Optional<Face> faceForGate(long personId, String gate) {
		Optional<Face> face = jdbc.sql("select content_type, cipher from person_face where person_id = ?")
			.param(personId)
			.query((rs, n) -> new Face(rs.getString(1), cipher.decryptBytes(PersonStore.FACE_PURPOSE, rs.getBytes(2))))
			.optional();
		face.ifPresent(f -> audit.record(new AuditRecord("PERSONAL_DATA_RELEASED_TO_GATE", "person",
				String.valueOf(personId), null, Map.of("field", "face", "gate", gate))));
		return face;
	}

	@Override
	@Transactional
	public Optional<Disclosure> disclose(long personId, String recipient) {
		Optional<Person> person = store.find(personId);
		if (person.isEmpty()) {
			return Optional.empty();
		}
		String idNumber = cipher.decrypt(PersonStore.ID_PURPOSE, store.idNumberCipher(personId));
		Optional<Face> face = jdbc.sql("select content_type, cipher from person_face where person_id = ?")
			.param(personId)
			.query((rs, n) -> new Face(rs.getString(1), cipher.decryptBytes(PersonStore.FACE_PURPOSE, rs.getBytes(2))))
			.optional();
		audit.record(new AuditRecord("PERSONAL_DATA_DISCLOSED", "person", String.valueOf(personId), null,
				Map.of("fields", face.isPresent() ? "idNumber,face" : "idNumber", "recipient", recipient)));
		return Optional.of(new Disclosure(personId, person.get().idType(), idNumber, person.get().name(), face));
	}

	private static boolean isJpeg(byte[] b) {
		return b.length > 3 && (b[0] & 0xFF) == 0xFF && (b[1] & 0xFF) == 0xD8 && (b[2] & 0xFF) == 0xFF;
	}

	private static boolean isPng(byte[] b) {
		return b.length > 8 && (b[0] & 0xFF) == 0x89 && b[1] == 'P' && b[2] == 'N' && b[3] == 'G';
	}

}
