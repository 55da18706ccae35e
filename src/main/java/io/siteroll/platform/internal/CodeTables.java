package io.siteroll.platform.internal;

import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import io.siteroll.platform.CodeDictionary;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/** Dictionaries are reference data, read once on first use. */
@Service
class CodeTables implements CodeDictionary {

	private final JdbcClient jdbc;

	/** The dictionaries as loaded: each kind's codes in order, and each kind's codes by code. */
	private record Loaded(Map<String, List<Code>> byKind, Map<String, Map<String, Code>> byCode) {

		static Loaded of(List<Code> codes) {
			Map<String, List<Code>> byKind = codes.stream()
				.collect(Collectors.groupingBy(Code::kind, LinkedHashMap::new, Collectors.toUnmodifiableList()));
			Map<String, Map<String, Code>> byCode = new HashMap<>();
			byKind.forEach((kind, list) -> byCode.put(kind,
					list.stream().collect(Collectors.toUnmodifiableMap(Code::code, c -> c))));
			return new Loaded(Collections.unmodifiableMap(byKind), byCode);
		}
	}

	private volatile Loaded loaded;

	CodeTables(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	private Loaded loaded() {
		Loaded current = loaded;
		if (current == null) {
			current = Loaded.of(jdbc.sql("select kind, code, name_zh, name_en from code_dictionary order by kind, length(code), code")
				.query((rs, n) -> new Code(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)))
				.list());
			loaded = current;
		}
		return current;
	}

	@Override
	public Map<String, List<Code>> all() {
		return loaded().byKind();
	}

	/** A map lookup: every uploaded pass asks for its attendance type. */
	@Override
	public Optional<Code> find(String kind, String code) {
		if (code == null) {
			return Optional.empty();
		}
		return Optional.ofNullable(loaded().byCode().getOrDefault(kind, Map.of()).get(code.strip()));
	}

	@Override
	public List<Code> list(String kind) {
		return all().getOrDefault(kind, List.of());
	}
}
