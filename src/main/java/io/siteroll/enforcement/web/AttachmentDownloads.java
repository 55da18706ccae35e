package io.siteroll.enforcement.web;

import java.nio.charset.StandardCharsets;

import io.siteroll.enforcement.Attachment;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * An opened attachment as a download: always saved, never shown in the page (a file an enterprise uploaded could be
 * HTML), under its own name, with the media type it was uploaded with where that is a valid one.
 */
final class AttachmentDownloads {

	private AttachmentDownloads() {
	}

	static ResponseEntity<byte[]> of(Attachment.File file) {
		MediaType type;
		try {
			type = MediaType.parseMediaType(file.contentType());
		}
		catch (InvalidMediaTypeException e) {
			type = MediaType.APPLICATION_OCTET_STREAM;
		}
		return ResponseEntity.ok()
			.contentType(type)
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment().filename(file.fileName(), StandardCharsets.UTF_8).build().toString())
			.body(file.content());
	}
}
