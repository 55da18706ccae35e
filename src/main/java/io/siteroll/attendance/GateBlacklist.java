package io.siteroll.attendance;

import java.time.Instant;
import java.util.List;

/** 黑名单: people barred from every gate until lifted. Officers list and lift; every step is audited. */
public interface GateBlacklist {

	record Listing(long id, long personId, String personName, String reason, String listedBy, Instant listedAt,
			String liftedBy, Instant liftedAt) {
	}

	record NewListing(Long personId, String reason) {
	}

	Listing list(NewListing listing);

	Listing lift(long listingId);

	List<Listing> current();
}
