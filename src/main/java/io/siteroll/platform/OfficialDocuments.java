package io.siteroll.platform;

/** Renders official documents as PDF, with the shipped CJK font embedded so they print alike everywhere. */
public interface OfficialDocuments {

	byte[] pdf(OfficialDocument document);
}
