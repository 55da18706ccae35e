package io.siteroll.region;

import java.util.List;
import java.util.Optional;

import io.siteroll.platform.RuleViolation;

/** The region tree. */
public interface Regions {

	Optional<Region> find(String code);

	/** The region, or a violation of rule {@code region.unknown}. */
	Region require(String code);

	/**
	 * A region filter: null when absent, else the code if it names a region; an unknown code is refused
	 * ({@code region.unknown} on {@code field}) rather than answered with an empty list.
	 */
	default String filter(String field, String code) {
		if (code == null || code.isBlank()) {
			return null;
		}
		String stripped = code.strip();
		if (find(stripped).isEmpty()) {
			throw RuleViolation.of(field, "region.unknown");
		}
		return stripped;
	}

	List<Region> all();

	List<Region> children(String code);

	/** The region and everything below it. */
	List<Region> subtree(String code);

	/** Full name from the province down, e.g. 吉林省 长春市 南关区. */
	String fullName(String code);
}
