package io.siteroll.enforcement;

import java.time.Instant;

/**
 * A photo or document filed with an inspection or with a rectification report, as a page lists it: the content stays
 * encrypted until someone who sees the inspection or order opens it, and each opening is audited.
 */
public record Attachment(long id, String fileName, long sizeBytes, String uploadedBy, Instant uploadedAt) {

	/** An attachment opened: its name, its media type and its content in clear. */
	public record File(String fileName, String contentType, byte[] content) {
	}
}
