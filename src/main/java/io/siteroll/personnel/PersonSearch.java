package io.siteroll.personnel;

import io.siteroll.platform.Page;

/**
 * Finding a person from one search box: by an exact ID number through the blind index (the numbers are
 * stored encrypted, so no partial match over them is possible or wanted), or by a part of the name. Only
 * persons the caller may see are found, with the same rule as {@link Persons#require}: engaged or posted on a
 * project the caller sees.
 */
public interface PersonSearch {

	/** A person found: name, masked ID number and the visible projects they are engaged or posted on. */
	record Hit(long personId, String name, String idNumberMasked, String projects) {
	}

	/**
	 * {@code query} is an ID number (matched exactly) when it looks like one, otherwise a part of a name. A query
	 * that looks like an ID number but is not a valid one finds nobody.
	 */
	Page<Hit> search(String query, int page, int size);
}
