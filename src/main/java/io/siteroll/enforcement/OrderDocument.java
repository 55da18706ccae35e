package io.siteroll.enforcement;

import io.siteroll.platform.OfficialDocument;

/** 责令限期整改通知书: a rectification order as the official document an officer prints and serves. */
public interface OrderDocument {

	/** The document of an order the caller may see; numbered in the issuing department's series on first use. */
	OfficialDocument document(long orderId);

	/** The document as PDF, with the CJK font embedded. */
	byte[] pdf(long orderId);
}
