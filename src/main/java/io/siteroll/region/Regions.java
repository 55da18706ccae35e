package io.siteroll.region;

import java.util.List;
import java.util.Optional;

/** The region tree. */
public interface Regions {

	Optional<Region> find(String code);

	/** The region, or a violation of rule {@code region.unknown}. */
	Region require(String code);

	List<Region> all();

	List<Region> children(String code);

	/** The region and everything below it. */
	List<Region> subtree(String code);

	/** Full name from the province down, e.g. 吉林省 长春市 南关区. */
	String fullName(String code);
}
