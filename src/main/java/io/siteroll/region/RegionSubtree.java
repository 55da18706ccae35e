package io.siteroll.region;

/**
 * "In the region or below it", the way every statement that filters by region says it: a region's {@code path}
 * starts with the path of the region asked for ({@code :region}, a code), so a city takes its counties and a
 * county its development zones. One definition for the SQL of the dashboards, the counters and the case lists.
 * <p>
 * The fragments contain a single {@code %} (SQL's wildcard): pass them into a template as a
 * {@link String#formatted} argument, never as part of the format itself.
 */
public final class RegionSubtree {

	/** True when the joined {@code region r} is the region {@code :region} or lies below it. */
	public static final String REGION_R = "r.path like (select path from region where code = :region) || '%'";

	/** As {@link #REGION_R}, and true everywhere when {@code :region} is empty (no region asked for). */
	public static final String REGION_R_OR_ALL = "(:region = '' or " + REGION_R + ")";

	private RegionSubtree() {
	}

	/** The value to bind to {@code :region} with {@link #REGION_R_OR_ALL}: the code, or empty for everywhere. */
	public static String parameter(String region) {
		return region == null || region.isBlank() ? "" : region.strip();
	}
}
