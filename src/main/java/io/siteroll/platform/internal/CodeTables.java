package io.siteroll.platform.internal;

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

	private volatile Map<String, List<Code>> byKind;

	CodeTables(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public Map<String, List<Code>> all() {
		Map<String, List<Code>> loaded = byKind;
		if (loaded == null) {
			loaded = jdbc.sql("select kind, code, name_zh, name_en from code_dictionary order by kind, length(code), code")
				.query((rs, n) -> new Code(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)))
				.list()
				.stream()
				.collect(Collectors.groupingBy(Code::kind, LinkedHashMap::new, Collectors.toList()));
			byKind = loaded;
		}
		return loaded;
	}

	@Override
	public Optional<Code> find(String kind, String code) {
		if (code == null) {
			return Optional.empty();
		}
		String c = code.strip();
		return list(kind).stream().filter(x -> x.code().equals(c)).findFirst();
	}

	@Override
	public List<Code> list(String kind) {
		return all().getOrDefault(kind, List.of());
	}
}
