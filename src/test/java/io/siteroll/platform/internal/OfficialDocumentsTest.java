package io.siteroll.platform.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

import com.lowagie.text.pdf.PdfDictionary;
import com.lowagie.text.pdf.PdfName;
import com.lowagie.text.pdf.PdfObject;
import com.lowagie.text.pdf.PdfReader;
import com.lowagie.text.pdf.parser.PdfTextExtractor;
import io.siteroll.platform.OfficialDocument;
import io.siteroll.platform.OfficialDocuments;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Official documents render as PDF with the shipped CJK font embedded, and say what they must. */
class OfficialDocumentsTest {

	private final OfficialDocuments documents = new PdfOfficialDocuments();

	@Test
	void chineseDatesAreWrittenOutAsOfficialDocumentsDoThem() {
		assertThat(OfficialDocument.chineseDate(LocalDate.of(2026, 12, 2))).isEqualTo("二〇二六年十二月二日");
		assertThat(OfficialDocument.chineseDate(LocalDate.of(2027, 10, 20))).isEqualTo("二〇二七年十月二十日");
		assertThat(OfficialDocument.chineseDate(LocalDate.of(2030, 1, 31))).isEqualTo("二〇三〇年一月三十一日");
		assertThat(OfficialDocument.chineseDate(LocalDate.of(2026, 11, 15))).isEqualTo("二〇二六年十一月十五日");
	}

	@Test
	void anOrderRendersWithItsFactsAndAnEmbeddedChineseFont() throws IOException {
		OfficialDocument order = new OfficialDocument("长春市住房和城乡建设局", "长住建整改〔2026〕12号", "责令限期整改通知书",
				"吉林省宏达建设集团有限公司",
				List.of("经查，你单位承建的长春市南关区幸福里住宅小区项目自2026年10月2日开工，截至2026年12月1日未配备考勤设备。",
						"依据《保障农民工工资支付条例》第二十八条、第五十五条，责令你单位于下列期限内整改完毕，并将整改情况书面报告我局。"),
				List.of(new OfficialDocument.Particular("整改期限", "2026年12月9日")), LocalDate.of(2026, 12, 2),
				List.of("长春市南关区住房和城乡建设局"), "SiteRoll 整改通知 第1号");
		byte[] pdf = documents.pdf(order);
		Path file = Path.of("target", "documents", "order-sample.pdf");
		Files.createDirectories(file.getParent());
		Files.write(file, pdf);

		PdfReader reader = new PdfReader(pdf);
		String text = new PdfTextExtractor(reader).getTextFromPage(1);
		assertThat(text).contains("责令限期整改通知书", "长住建整改〔2026〕12号", "吉林省宏达建设集团有限公司", "整改期限",
				"二〇二六年十二月二日", "抄送");
		assertThat(embeddedFonts(reader)).as("the CJK font travels inside the PDF").isPositive();
		reader.close();
	}

	private static int embeddedFonts(PdfReader reader) {
		int embedded = 0;
		for (int i = 1; i < reader.getXrefSize(); i++) {
			PdfObject object = reader.getPdfObject(i);
			if (object instanceof PdfDictionary dictionary && PdfName.FONTDESCRIPTOR.equals(dictionary.get(PdfName.TYPE))
					&& dictionary.get(PdfName.FONTFILE2) != null) {
				embedded++;
			}
		}
		return embedded;
	}
}
