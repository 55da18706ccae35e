package io.siteroll.attendance;

import java.time.Instant;
import java.util.List;

import io.siteroll.platform.Page;

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

	/**
	 * A listing as the officers' page shows it: the listing, the person's masked ID number and, once lifted, why.
	 * The API keeps answering {@link Listing}.
	 */
	record Entry(Listing listing, String idNumberMasked, String liftReason) {
	}

	/**
	 * Which listings to show: by name (part of it), by person (an ID number typed in full, resolved by the caller), and
	 * whether lifted ones are shown too; each filter optional.
	 */
	record Search(String name, Long personId, boolean withLifted) {
	}

	/** Listings within the caller's scope (as {@link #current()}), newest first, one page at a time. */
	Page<Entry> search(Search search, int page, int size);

	/** Lifts a listing, saying why (required). */
	Listing lift(long listingId, String reason);
}
