package io.siteroll.enforcement;

import java.util.Optional;

import io.siteroll.campaign.Contact;
import io.siteroll.platform.OfficialDocument;

/** 责令限期整改通知书: a rectification order as the official document an officer prints and serves. */
public interface OrderDocument {

	/** The document of an order the caller may see; numbered in the issuing department's series on first use. */
	OfficialDocument document(long orderId);

	/**
	 * The issuing department's current contact (campaign's {@code DepartmentContacts}), whom the addressee calls about
	 * the order; none when the department has named none. The document names the same contact.
	 */
	Optional<Contact> issuingContact(long orderId);

	/** The document as PDF, with the CJK font embedded. */
	byte[] pdf(long orderId);
}
