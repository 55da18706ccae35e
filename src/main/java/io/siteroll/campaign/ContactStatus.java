package io.siteroll.campaign;

import java.time.LocalDate;

import io.siteroll.region.Region;

/**
 * Where a department stands: its current contact, or none; late when it has none after the deadline of the campaign
 * in force.
 *
 * @param contact the current contact, null when the department has named none
 * @param deadline the deadline of the campaign in force, null when there is no campaign
 */
public record ContactStatus(Region department, Contact contact, LocalDate deadline, boolean late) {

	public boolean named() {
		return contact != null;
	}
}
