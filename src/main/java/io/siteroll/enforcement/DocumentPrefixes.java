package io.siteroll.enforcement;

import io.siteroll.region.Region;

/**
 * The short name a department writes before the series word of its document numbers (吉 for the province, 长 for
 * 长春市, 吉林 for 吉林市, 南关 for 南关区), as enforcement numbers its orders and decisions; other modules that number
 * documents in the department's name (the monthly notice, 吉住建通〔2026〕3号) use the same so that all its series
 * read alike and no two departments' numbers can.
 */
public interface DocumentPrefixes {

	String of(Region issuer);
}
