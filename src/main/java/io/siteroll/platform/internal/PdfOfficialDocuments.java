package io.siteroll.platform.internal;

import java.awt.Color;
import java.io.ByteArrayOutputStream;

import com.lowagie.text.Chunk;
import com.lowagie.text.Document;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.pdf.BaseFont;
import com.lowagie.text.pdf.PdfContentByte;
import com.lowagie.text.pdf.PdfWriter;
import com.lowagie.text.pdf.draw.LineSeparator;
import io.siteroll.platform.OfficialDocument;
import io.siteroll.platform.OfficialDocuments;
import io.siteroll.platform.PdfPages;
import org.springframework.stereotype.Component;

/**
 * OpenPDF rendering on A4 with the margins of GB/T 9704 (top 37 mm, left 28 mm): a red header with the issuing
 * department and a red rule under the document number, the title, the body with two-character indents, the
 * particulars, and the issuer and date at the right with a dashed ring marking where the seal goes. The font is
 * WenQuanYi Micro Hei shipped in {@code fonts/} (Apache-2.0) and embedded as a subset, so a machine without any CJK
 * font renders and prints the same document.
 */
@Component
class PdfOfficialDocuments implements OfficialDocuments {

	private static final float MM = PdfPages.MM;

	private static final Color RED = new Color(0xC0, 0x00, 0x00);


	@Override
	public byte[] pdf(OfficialDocument d) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		Document doc = new Document(PageSize.A4, 28 * MM, 26 * MM, 37 * MM, 35 * MM);
		BaseFont font = PdfPages.font();
		PdfWriter writer = PdfWriter.getInstance(doc, out);
		writer.setPageEvent(PdfPages.footer(d.reference(), 0, 20));
		doc.addTitle(d.title() + " " + d.number());
		doc.addCreator("SiteRoll");
		doc.open();

		Paragraph header = new Paragraph(d.issuer(), new Font(font, 24, Font.NORMAL, RED));
		header.setAlignment(Element.ALIGN_CENTER);
		header.setSpacingAfter(10 * MM);
		doc.add(header);
		Paragraph number = new Paragraph(d.number(), new Font(font, 14));
		number.setAlignment(Element.ALIGN_CENTER);
		doc.add(number);
		doc.add(new Chunk(new RedRule(), true));

		Paragraph title = new Paragraph(d.title(), new Font(font, 20, Font.BOLD));
		title.setAlignment(Element.ALIGN_CENTER);
		title.setSpacingBefore(6 * MM);
		title.setSpacingAfter(6 * MM);
		doc.add(title);

		Font body = new Font(font, 14);
		Paragraph addressee = new Paragraph(d.addressee() + "：", body);
		addressee.setLeading(26);
		doc.add(addressee);
		for (String text : d.paragraphs()) {
			Paragraph p = new Paragraph(text, body);
			p.setFirstLineIndent(28);
			p.setLeading(26);
			p.setAlignment(Element.ALIGN_JUSTIFIED);
			doc.add(p);
		}
		for (OfficialDocument.Particular particular : d.particulars()) {
			Paragraph p = new Paragraph(particular.label() + "：" + particular.value(), body);
			p.setFirstLineIndent(28);
			p.setLeading(26);
			doc.add(p);
		}

		Paragraph signature = new Paragraph(d.issuer(), body);
		signature.setAlignment(Element.ALIGN_RIGHT);
		signature.setSpacingBefore(18 * MM);
		signature.setIndentationRight(8 * MM);
		doc.add(signature);
		Paragraph date = new Paragraph(OfficialDocument.chineseDate(d.date()), body);
		date.setAlignment(Element.ALIGN_RIGHT);
		date.setIndentationRight(8 * MM);
		doc.add(date);
		sealRing(writer, doc);

		if (!d.copies().isEmpty()) {
			Paragraph copies = new Paragraph("抄送：" + String.join("，", d.copies()) + "。", new Font(font, 12));
			copies.setSpacingBefore(12 * MM);
			doc.add(copies);
		}
		doc.close();
		return out.toByteArray();
	}

	/** A dashed ring over the issuer and date: where the department stamps its seal. */
	private static void sealRing(PdfWriter writer, Document doc) {
		PdfContentByte canvas = writer.getDirectContent();
		float y = writer.getVerticalPosition(false) + 14 * MM;
		float x = doc.right() - 30 * MM;
		canvas.saveState();
		canvas.setColorStroke(new Color(0xE0, 0x90, 0x90));
		canvas.setLineDash(3, 3, 0);
		canvas.circle(x, y, 20 * MM);
		canvas.stroke();
		canvas.restoreState();
	}

	/** The red rule (红色分隔线) under the document number. */
	private static final class RedRule extends LineSeparator {

		RedRule() {
			super(1.5f, 100, RED, Element.ALIGN_CENTER, -4);
		}
	}

}
