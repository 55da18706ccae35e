package io.siteroll.personnel.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.siteroll.audit.AuditRecord;
import io.siteroll.personnel.Identity;
import io.siteroll.personnel.Person;
import io.siteroll.privacy.Masking;
import io.siteroll.privacy.PersonalDataCipher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Reads and writes person rows. Identity numbers enter and leave only here: encrypted, indexed by
 * HMAC-SM3 and masked. Bulk paths use arrays and {@code unnest} so that thousands of people cost a
 * few statements.
 */
@Component
class PersonStore {

	static final String ID_PURPOSE = "person.id_number";

	static final String FACE_PURPOSE = "person.face";

	static final String SELECT = """
			select p.id, p.id_type, p.id_number_masked, p.name, p.sex, p.birth_date, p.ethnicity, p.address, p.phone,
			       exists (select 1 from person_face f where f.person_id = p.id) has_face
			from person p""";

	private static final HexFormat HEX = HexFormat.of();

	/** A person to create: the identity plus the details of the registration. */
	record NewPerson(Identity identity, String name, String ethnicity, String address, String phone) {
	}

	private final JdbcClient jdbc;

	private final PersonalDataCipher cipher;

	PersonStore(JdbcClient jdbc, PersonalDataCipher cipher) {
		this.jdbc = jdbc;
		this.cipher = cipher;
	}

	String indexHex(Identity identity) {
		return HEX.formatHex(cipher.blindIndex(ID_PURPOSE, identity.indexKey()));
	}

	Optional<Person> find(long id) {
		return jdbc.sql(SELECT + " where p.id = ?").param(id).query(PersonStore::row).optional();
	}

	Optional<Person> findByIdentity(Identity identity) {
		return jdbc.sql(SELECT + " where p.id_number_index = decode(?, 'hex')")
			.param(indexHex(identity))
			.query(PersonStore::row)
			.optional();
	}

	/** Persons by blind index (hex), for bulk paths. */
	Map<String, Person> findByIndexes(Collection<String> indexHexes) {
		Map<String, Person> found = new HashMap<>();
		if (indexHexes.isEmpty()) {
			return found;
		}
		jdbc.sql("""
				select encode(p.id_number_index, 'hex') ix, p.id, p.id_type, p.id_number_masked, p.name, p.sex, p.birth_date,
				       p.ethnicity, p.address, p.phone, false has_face
				from person p where p.id_number_index in (select decode(x, 'hex') from unnest(?::text[]) x)""")
			.param(indexHexes.toArray(String[]::new))
			.query((rs, n) -> {
				found.put(rs.getString("ix"), row(rs, n));
				return null;
			})
			.list();
		return found;
	}

	/** Inserts new persons in one statement; returns their ids by blind index (hex). */
	Map<String, Long> insertAll(List<NewPerson> persons) {
		Map<String, Long> ids = new LinkedHashMap<>();
		if (persons.isEmpty()) {
			return ids;
		}
		int n = persons.size();
		String[] types = new String[n], ciphers = new String[n], indexes = new String[n], masked = new String[n],
				names = new String[n], sexes = new String[n], births = new String[n], ethnicities = new String[n],
				addresses = new String[n], phones = new String[n];
		for (int i = 0; i < n; i++) {
			NewPerson p = persons.get(i);
			types[i] = p.identity().type();
			ciphers[i] = HEX.formatHex(cipher.encrypt(ID_PURPOSE, p.identity().number()));
			indexes[i] = indexHex(p.identity());
			masked[i] = p.identity().masked();
			names[i] = p.name();
			sexes[i] = p.identity().sexCode();
			births[i] = p.identity().birthDate() == null ? null : p.identity().birthDate().toString();
			ethnicities[i] = p.ethnicity();
			addresses[i] = p.address();
			phones[i] = p.phone();
		}
		jdbc.sql("""
				insert into person (id_type, id_number_cipher, id_number_index, id_number_masked, name, sex, birth_date,
				                    ethnicity, address, phone)
				select t, decode(c, 'hex'), decode(ix, 'hex'), m, nm, s, b::date, e, a, ph
				from unnest(?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[],
				            ?::text[]) as x(t, c, ix, m, nm, s, b, e, a, ph)
				returning encode(id_number_index, 'hex') ix, id""")
			.params(types, ciphers, indexes, masked, names, sexes, births, ethnicities, addresses, phones)
			.query((rs, i) -> {
				ids.put(rs.getString("ix"), rs.getLong("id"));
				return null;
			})
			.list();
		return ids;
	}

	byte[] idNumberCipher(long personId) {
		return jdbc.sql("select id_number_cipher from person where id = ?").param(personId).query(byte[].class).single();
	}

	static AuditRecord created(long id, NewPerson p) {
		Map<String, Object> state = new LinkedHashMap<>();
		state.put("idType", p.identity().type());
		state.put("idNumber", p.identity().masked());
		state.put("name", p.name());
		state.put("ethnicity", p.ethnicity());
		state.put("phone", p.phone() == null ? null : Masking.phone(p.phone()));
		return AuditRecord.created("person", id, state);
	}

	static Person row(ResultSet rs, int n) throws SQLException {
		return new Person(rs.getLong("id"), rs.getString("id_type"), rs.getString("id_number_masked"), rs.getString("name"),
				rs.getString("sex"), rs.getObject("birth_date", LocalDate.class), rs.getString("ethnicity"),
				rs.getString("address"), rs.getString("phone"), rs.getBoolean("has_face"));
	}

}
