package io.siteroll.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;

import com.lowagie.text.pdf.PdfReader;
import com.lowagie.text.pdf.parser.PdfTextExtractor;

/** The text of a PDF the platform served, every page, white space removed, for tests that read official documents. */
public final class PdfText {

	private PdfText() {
	}

	/** The text of a PDF answer, after checking that it is one (200, {@code application/pdf}). */
	public static String of(ApiClient.Response pdf) throws IOException {
		assertThat(pdf.status()).as("PDF answer").isEqualTo(200);
		assertThat(pdf.contentType()).startsWith("application/pdf");
		return of(pdf.bytes());
	}

	/** The text of a PDF's pages, in order, without white space. */
	public static String of(byte[] pdf) throws IOException {
		PdfReader reader = new PdfReader(pdf);
		try {
			StringBuilder text = new StringBuilder();
			PdfTextExtractor extractor = new PdfTextExtractor(reader);
			for (int page = 1; page <= reader.getNumberOfPages(); page++) {
				text.append(extractor.getTextFromPage(page));
			}
			return text.toString().replaceAll("\\s+", "");
		}
		finally {
			reader.close();
		}
	}
}
