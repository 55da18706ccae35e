package io.siteroll.platform;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Stream;

import jakarta.servlet.http.HttpServletResponse;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.dhatim.fastexcel.reader.Cell;
import org.dhatim.fastexcel.reader.CellType;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;

/**
 * A list downloaded as Excel (.xlsx), written row by row straight to the response: the workbook flushes every
 * few hundred rows, so 300,000 workers leave the server without being held in memory. Dates and times are
 * written in Asia/Shanghai; the header row is bold and frozen.
 */
public final class Spreadsheets {

	public static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

	private static final ZoneId PLATFORM_ZONE = ZoneId.of("Asia/Shanghai");

	private static final int FLUSH_EVERY = 500;

	/** Adds rows to the sheet being written. */
	public interface Rows {

		/** One row; values may be strings, numbers, dates, times, booleans (是/否) or null. */
		void add(Object... values);
	}

	/** Writes the rows the body produces. */
	@FunctionalInterface
	public interface Body {

		void write(Rows rows);
	}

	private Spreadsheets() {
	}

	/**
	 * Reads an uploaded workbook's first sheet: the first row goes to {@code header} (which refuses a file that is
	 * not the template), each further row to {@code row}, which returns the row read or {@code null} for a row to
	 * pass over (empty, the template's example). Reading stops keeping rows once there are {@code max + 1}, so the
	 * caller can refuse a file over its limit. A file that is no readable workbook is refused on {@code file} with
	 * the rule {@code unreadable}; what {@code header} and {@code row} refuse is passed on as it is.
	 */
	public static <T> List<T> readFirstSheet(InputStream xlsx, String unreadable, int max, Consumer<Row> header,
			Function<Row, T> row) {
		List<T> read = new ArrayList<>();
		try (ReadableWorkbook wb = new ReadableWorkbook(xlsx); Stream<Row> rows = wb.getFirstSheet().openStream()) {
			boolean[] first = { true };
			rows.forEach(r -> {
				if (first[0]) {
					first[0] = false;
					header.accept(r);
					return;
				}
				if (read.size() > max) {
					return;
				}
				T value = row.apply(r);
				if (value != null) {
					read.add(value);
				}
			});
		}
		catch (RuleViolation e) {
			throw e;
		}
		catch (IOException | RuntimeException e) {
			throw RuleViolation.of("file", unreadable);
		}
		return read;
	}

	/** A cell's text as typed: numbers without trailing zeros, text stripped; {@code null} when empty or absent. */
	public static String text(Row row, int c) {
		Cell cell = c < row.getCellCount() ? row.getCell(c) : null;
		if (cell == null || cell.getType() == CellType.EMPTY) {
			return null;
		}
		if (cell.getType() == CellType.NUMBER) {
			return cell.asNumber().stripTrailingZeros().toPlainString();
		}
		String text = cell.getText();
		return text == null || text.isBlank() ? null : text.strip();
	}

	/**
	 * Streams a one-sheet workbook as the response.
	 * @param filename the download's name without extension, e.g. 整改通知_2026-12-02
	 */
	public static void write(HttpServletResponse response, String filename, String sheet, List<String> headers, Body body) {
		response.setContentType(XLSX);
		response.setHeader(HttpHeaders.CONTENT_DISPOSITION,
				ContentDisposition.attachment().filename(filename + ".xlsx", StandardCharsets.UTF_8).build().toString());
		try {
			write(response.getOutputStream(), sheet, headers, body);
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	/** Writes a one-sheet workbook to a stream. */
	public static void write(OutputStream out, String sheet, List<String> headers, Body body) throws IOException {
		Workbook workbook = new Workbook(out, "SiteRoll", "1.0");
		Worksheet ws = workbook.newWorksheet(sheet);
		for (int c = 0; c < headers.size(); c++) {
			ws.value(0, c, headers.get(c));
			ws.style(0, c).bold().fillColor("DDEBF7").set();
		}
		ws.freezePane(0, 1);
		int[] row = { 0 };
		try {
			body.write(values -> {
				row[0]++;
				for (int c = 0; c < values.length; c++) {
					cell(ws, row[0], c, values[c]);
				}
				if (row[0] % FLUSH_EVERY == 0) {
					flush(ws);
				}
			});
			ws.finish();
			workbook.finish();
		}
		catch (UncheckedIOException e) {
			throw e.getCause();
		}
	}

	private static void flush(Worksheet ws) {
		try {
			ws.flush();
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	private static void cell(Worksheet ws, int r, int c, Object value) {
		if (value == null) {
			return;
		}
		if (value instanceof Number n) {
			ws.value(r, c, n instanceof BigDecimal b ? b : n);
		}
		else if (value instanceof Boolean b) {
			ws.value(r, c, b ? "是" : "否");
		}
		else if (value instanceof LocalDate d) {
			ws.value(r, c, d);
			ws.style(r, c).format("yyyy-mm-dd").set();
		}
		else if (value instanceof Instant i) {
			ws.value(r, c, LocalDateTime.ofInstant(i, PLATFORM_ZONE));
			ws.style(r, c).format("yyyy-mm-dd hh:mm").set();
		}
		else if (value instanceof YearMonth m) {
			ws.value(r, c, m.toString());
		}
		else {
			ws.value(r, c, value.toString());
		}
	}
}
