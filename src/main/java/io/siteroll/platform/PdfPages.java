package io.siteroll.platform;

import java.awt.Color;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

import com.lowagie.text.Document;
import com.lowagie.text.Element;
import com.lowagie.text.Rectangle;
import com.lowagie.text.pdf.BaseFont;
import com.lowagie.text.pdf.PdfContentByte;
import com.lowagie.text.pdf.PdfPageEventHelper;
import com.lowagie.text.pdf.PdfWriter;

/**
 * What every PDF the platform prints shares: the shipped CJK font (embedded, so documents print alike
 * everywhere; read on the first document, not at start-up) and the foot of each page (page number, the
 * platform's reference).
 */
public final class PdfPages {

	/** Points per millimetre. */
	public static final float MM = 72f / 25.4f;

	private PdfPages() {
	}

	/** The shipped font (WenQuanYi Micro Hei), loaded once. */
	public static BaseFont font() {
		return Font.LOADED;
	}

	/**
	 * The foot of each page: "— n —" centred, numbered on from {@code pagesBefore} (for pages appended to another
	 * document), with the platform's reference (when there is one) under it on the left; {@code baselineMm} is the
	 * page number's height above the bottom edge.
	 */
	public static PdfPageEventHelper footer(String reference, int pagesBefore, float baselineMm) {
		return new PdfPageEventHelper() {
			@Override
			public void onEndPage(PdfWriter writer, Document document) {
				PdfContentByte canvas = writer.getDirectContent();
				Rectangle page = document.getPageSize();
				canvas.beginText();
				canvas.setFontAndSize(font(), 9);
				canvas.setColorFill(Color.GRAY);
				canvas.showTextAligned(Element.ALIGN_CENTER, "— " + (pagesBefore + writer.getPageNumber()) + " —",
						page.getWidth() / 2, baselineMm * MM, 0);
				if (reference != null) {
					canvas.showTextAligned(Element.ALIGN_LEFT, reference, document.left(), (baselineMm - 6) * MM, 0);
				}
				canvas.endText();
			}
		};
	}

	/** Holder: the font is parsed when first asked for, once, by the class loader's own locking. */
	private static final class Font {

		static final BaseFont LOADED = load();

		private static BaseFont load() {
			try (InputStream in = PdfPages.class.getResourceAsStream("/fonts/wqy-microhei.ttc")) {
				if (in == null) {
					throw new IllegalStateException("fonts/wqy-microhei.ttc is missing from the classpath");
				}
				return BaseFont.createFont("wqy-microhei.ttc,0", BaseFont.IDENTITY_H, BaseFont.EMBEDDED, true,
						in.readAllBytes(), null);
			}
			catch (IOException e) {
				throw new UncheckedIOException(e);
			}
		}
	}
}
