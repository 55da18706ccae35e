package io.siteroll.platform;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;

import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SpreadsheetsTest {

	@Test
	void aLongListIsWrittenRowByRowWithItsHeader() throws IOException {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		Spreadsheets.write(out, "整改通知", List.of("编号", "项目", "整改期限", "已答复"), rows -> {
			for (int i = 1; i <= 2_345; i++) {
				rows.add(i, "项目" + i, LocalDate.of(2026, 12, 9), i % 2 == 0);
			}
		});
		try (ReadableWorkbook workbook = new ReadableWorkbook(new ByteArrayInputStream(out.toByteArray()));
				Stream<Row> rows = workbook.getFirstSheet().openStream()) {
			List<Row> all = rows.toList();
			assertThat(workbook.getFirstSheet().getName()).isEqualTo("整改通知");
			assertThat(all).hasSize(2_346);
			assertThat(all.get(0).getCellText(1)).isEqualTo("项目");
			assertThat(all.get(2_345).getCellText(0)).isEqualTo("2345");
			assertThat(all.get(2_345).getCellText(1)).isEqualTo("项目2345");
			assertThat(all.get(1).getCellAsDate(2)).hasValueSatisfying(d -> assertThat(d.toLocalDate()).isEqualTo("2026-12-09"));
			assertThat(all.get(2).getCellText(3)).isEqualTo("是");
		}
	}
}
