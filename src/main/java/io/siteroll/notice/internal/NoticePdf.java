package io.siteroll.notice.internal;

import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

import com.lowagie.text.Document;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Phrase;
import com.lowagie.text.pdf.BaseFont;
import com.lowagie.text.pdf.PdfCopy;
import com.lowagie.text.pdf.PdfImportedPage;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfReader;
import com.lowagie.text.pdf.PdfWriter;
import io.siteroll.platform.OfficialDocuments;
import io.siteroll.platform.PdfPages;
import org.springframework.stereotype.Component;

/**
 * A notice as PDF: the document itself from the platform's {@link OfficialDocuments} (header, number, body, issuer,
 * date and seal), then its attached tables (附件) on pages of their own, as GB/T 9704 places them after the signature:
 * each annex headed 附件1 with its title and the projects in a ruled table, landscape so the columns fit. The
 * platform's document has no tables, so the annex pages are drawn here with the same shipped font and appended.
 */
@Component
public class NoticePdf {

	private static final float MM = PdfPages.MM;

	/** Relative widths of the annex columns (序号, 项目, 地区, 施工企业, 项目经理, 在岗, 有效考勤, 考勤率, 到岗率). */
	private static final float[] WIDTHS = { 4, 22, 9, 20, 9, 8, 9, 8, 10 };

	private final OfficialDocuments documents;

	private final NoticeText writer;

	NoticePdf(OfficialDocuments documents, NoticeText writer) {
		this.documents = documents;
		this.writer = writer;
	}

	public byte[] pdf(NoticeText.Text text, String reference) {
		byte[] body = documents.pdf(writer.document(text, reference));
		if (text.annexes().isEmpty()) {
			return body;
		}
		try {
			PdfReader bodyPages = new PdfReader(body);
			PdfReader annexPages = new PdfReader(annexes(text, reference, bodyPages.getNumberOfPages()));
			ByteArrayOutputStream out = new ByteArrayOutputStream();
			Document merged = new Document();
			PdfCopy copy = new PdfCopy(merged, out);
			merged.open();
			for (PdfReader reader : List.of(bodyPages, annexPages)) {
				for (int page = 1; page <= reader.getNumberOfPages(); page++) {
					PdfImportedPage imported = copy.getImportedPage(reader, page);
					copy.addPage(imported);
				}
			}
			merged.close();
			bodyPages.close();
			annexPages.close();
			return out.toByteArray();
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	private byte[] annexes(NoticeText.Text text, String reference, int pagesBefore) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		Document doc = new Document(PageSize.A4.rotate(), 20 * MM, 20 * MM, 22 * MM, 22 * MM);
		PdfWriter pdf = PdfWriter.getInstance(doc, out);
		pdf.setPageEvent(PdfPages.footer(reference, pagesBefore, 12));
		doc.open();
		BaseFont font = PdfPages.font();
		Font heading = new Font(font, 14, Font.BOLD);
		Font title = new Font(font, 16, Font.BOLD);
		Font cell = new Font(font, 10);
		Font head = new Font(font, 10, Font.BOLD);
		for (int i = 0; i < text.annexes().size(); i++) {
			NoticeText.Annex annex = text.annexes().get(i);
			if (i > 0) {
				doc.newPage();
			}
			doc.add(new Paragraph(writer.annexLabel(i + 1), heading));
			Paragraph name = new Paragraph(annex.title(), title);
			name.setAlignment(Element.ALIGN_CENTER);
			name.setSpacingAfter(5 * MM);
			doc.add(name);
			PdfPTable table = new PdfPTable(WIDTHS);
			table.setWidthPercentage(100);
			table.setHeaderRows(1);
			for (String header : annex.headers()) {
				PdfPCell c = new PdfPCell(new Phrase(header, head));
				c.setBackgroundColor(new Color(0xEE, 0xEE, 0xEE));
				c.setHorizontalAlignment(Element.ALIGN_CENTER);
				c.setPadding(4);
				table.addCell(c);
			}
			for (List<String> row : annex.rows()) {
				for (int column = 0; column < row.size(); column++) {
					PdfPCell c = new PdfPCell(new Phrase(row.get(column), cell));
					c.setPadding(4);
					c.setHorizontalAlignment(column == 0 || column >= 5 ? Element.ALIGN_RIGHT : Element.ALIGN_LEFT);
					table.addCell(c);
				}
			}
			if (annex.rows().isEmpty()) {
				PdfPCell none = new PdfPCell(new Phrase(writer.annexEmpty(), cell));
				none.setColspan(WIDTHS.length);
				none.setPadding(4);
				table.addCell(none);
			}
			doc.add(table);
		}
		doc.close();
		return out.toByteArray();
	}

}
