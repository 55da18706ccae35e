package io.siteroll.platform;

import java.time.LocalDate;
import java.util.List;

/**
 * An official document a department serves on a party (责令限期整改通知书, 行政处罚决定书), in the layout of
 * Chinese administrative documents: the issuing department as the header (发文机关标志), the document number
 * (文号), the title, the addressee (主送), the body in paragraphs, labelled particulars (e.g. 整改期限), the
 * issuing department and date at the foot with room for its seal (印章), and copies (抄送).
 *
 * @param issuer the issuing department's full name, e.g. 长春市住房和城乡建设局
 * @param number the document number in the department's series, e.g. 长住建整改〔2026〕12号
 * @param title e.g. 责令限期整改通知书
 * @param addressee the party served, by full name, e.g. 吉林省某某建设集团有限公司
 * @param paragraphs the body, one sentence group per paragraph
 * @param particulars labelled lines after the body (整改期限：2026年12月9日)
 * @param date the date of issue
 * @param copies 抄送, may be empty
 * @param reference the platform's own reference printed at the foot (e.g. the order's address)
 */
public record OfficialDocument(String issuer, String number, String title, String addressee, List<String> paragraphs,
		List<Particular> particulars, LocalDate date, List<String> copies, String reference) {

	/** A labelled line: 整改期限：2026年12月9日. */
	public record Particular(String label, String value) {
	}

	public OfficialDocument {
		paragraphs = List.copyOf(paragraphs);
		particulars = List.copyOf(particulars);
		copies = copies == null ? List.of() : List.copyOf(copies);
	}

	/** 2026年12月2日 → 二〇二六年十二月二日, as official documents date themselves. */
	public static String chineseDate(LocalDate date) {
		String digits = "〇一二三四五六七八九";
		StringBuilder year = new StringBuilder();
		for (char c : String.valueOf(date.getYear()).toCharArray()) {
			year.append(digits.charAt(c - '0'));
		}
		return year + "年" + chineseNumber(date.getMonthValue()) + "月" + chineseNumber(date.getDayOfMonth()) + "日";
	}

	private static String chineseNumber(int n) {
		String digits = "〇一二三四五六七八九";
		if (n < 10) {
			return String.valueOf(digits.charAt(n));
		}
		int tens = n / 10;
		int ones = n % 10;
		return (tens == 1 ? "" : String.valueOf(digits.charAt(tens))) + "十" + (ones == 0 ? "" : String.valueOf(digits.charAt(ones)));
	}
}
