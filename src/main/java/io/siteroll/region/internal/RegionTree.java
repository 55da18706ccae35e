package io.siteroll.region.internal;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import io.siteroll.platform.RuleViolation;
import io.siteroll.region.Region;
import io.siteroll.region.RegionCode;
import io.siteroll.region.Regions;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/** Regions are reference data: read once, on first use, and kept in memory. */
@Service
class RegionTree implements Regions {

	private final JdbcClient jdbc;

	private volatile Map<String, Region> byCode;

	RegionTree(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	private Map<String, Region> regions() {
		Map<String, Region> loaded = byCode;
		if (loaded == null) {
			loaded = jdbc.sql("select code, name, level, parent_code, path from region order by path")
				.query((rs, n) -> new Region(rs.getString("code"), rs.getString("name"),
						Region.Level.valueOf(rs.getString("level")), rs.getString("parent_code"), rs.getString("path")))
				.list()
				.stream()
				.collect(Collectors.toMap(Region::code, r -> r, (a, b) -> a, LinkedHashMap::new));
			byCode = loaded;
		}
		return loaded;
	}

	@Override
	public Optional<Region> find(String code) {
		return code == null ? Optional.empty() : Optional.ofNullable(regions().get(code.strip()));
	}

	@Override
	public Region require(String code) {
		RegionCode.of(code);
		return find(code).orElseThrow(() -> RuleViolation.rule("region.unknown"));
	}

	@Override
	public List<Region> all() {
		return List.copyOf(regions().values());
	}

	@Override
	public List<Region> children(String code) {
		return regions().values().stream().filter(r -> code.equals(r.parentCode())).toList();
	}

	@Override
	public List<Region> subtree(String code) {
		Region root = find(code).orElse(null);
		if (root == null) {
			return List.of();
		}
		return regions().values().stream().filter(root::contains).sorted(Comparator.comparing(Region::path)).toList();
	}

	@Override
	public String fullName(String code) {
		Region region = find(code).orElse(null);
		if (region == null) {
			return code;
		}
		StringBuilder name = new StringBuilder();
		for (String part : region.path().split("/")) {
			Region r = regions().get(part);
			if (r != null) {
				if (!name.isEmpty()) {
					name.append(' ');
				}
				name.append(r.name());
			}
		}
		return name.toString();
	}
}
