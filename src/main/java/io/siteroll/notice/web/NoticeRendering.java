package io.siteroll.notice.web;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import io.siteroll.notice.NoticeFigures;
import io.siteroll.notice.Notices;
import io.siteroll.notice.internal.NoticePdf;
import io.siteroll.notice.internal.NoticeText;
import io.siteroll.platform.Messages;
import io.siteroll.platform.Spreadsheets;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;

/** A notice as the officers' pages and the public page show it, as PDF and its attached tables as Excel. */
@Component
class NoticeRendering {

	private final NoticeText writer;

	private final NoticePdf documents;

	private final Messages messages;

	private final Clock clock;

	NoticeRendering(NoticeText writer, NoticePdf documents, Messages messages, Clock clock) {
		this.writer = writer;
		this.documents = documents;
		this.messages = messages;
		this.clock = clock;
	}

	NoticeText.Text text(Notices.Drafted drafted) {
		return writer.write(drafted.notice(), drafted.figures(), LocalDate.now(clock));
	}

	FigureLinks links(NoticeFigures figures) {
		return new FigureLinks(figures.month(), figures.regionCode());
	}

	/** The notice as PDF, inline (to print) with the document number in its file name. */
	ResponseEntity<byte[]> pdf(Notices.Drafted drafted) {
		NoticeText.Text text = text(drafted);
		String reference = drafted.notice().issued()
				? messages.get(Messages.CHINESE, "notice.document.reference", drafted.notice().id())
				: messages.get(Messages.CHINESE, "notice.document.draft-reference", drafted.notice().id());
		byte[] pdf = documents.pdf(text, reference);
		String name = (drafted.notice().issued() ? drafted.notice().number() : "通报草稿-" + drafted.notice().id()) + ".pdf";
		return ResponseEntity.ok()
			.contentType(MediaType.APPLICATION_PDF)
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.inline().filename(name, StandardCharsets.UTF_8).build().toString())
			.body(pdf);
	}

	/** The attached tables (附件) in one sheet, the annex's title in the first column. */
	void annex(Notices.Drafted drafted, HttpServletResponse response) {
		NoticeText.Text text = text(drafted);
		List<String> headers = new ArrayList<>();
		headers.add(messages.get(Messages.CHINESE, "notice.annex.column"));
		headers.addAll(writer.headers());
		String file = messages.get(Messages.CHINESE, "notice.annex.file",
				drafted.notice().issued() ? drafted.notice().number() : drafted.notice().id());
		Spreadsheets.write(response, file, messages.get(Messages.CHINESE, "notice.annex.sheet"), headers, rows -> {
			for (NoticeText.Annex annex : text.annexes()) {
				for (List<String> row : annex.rows()) {
					List<Object> cells = new ArrayList<>();
					cells.add(annex.title());
					cells.addAll(row);
					rows.add(cells.toArray());
				}
			}
		});
	}
}
