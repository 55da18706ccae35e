package io.siteroll.platform;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Helpers for searches in SQL: user-typed text, a {@code where} clause grown from optional filters, and one page of
 * its rows with the total count. Every list of the application pages the same way (count, then {@code limit/offset}),
 * so that is written here once.
 */
public final class SqlSearch {

	private SqlSearch() {
	}

	/** A {@code LIKE} pattern matching {@code text} anywhere, with {@code \ % _} taken literally. */
	public static String containing(String text) {
		return "%" + text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
	}

	/** Typed text without its surrounding blanks, or {@code null} when nothing was typed. */
	public static String text(String typed) {
		return typed == null || typed.isBlank() ? null : typed.strip();
	}

	/** A typed code (status, rule, kind) as stored: stripped and upper case, or {@code null} when nothing was typed. */
	public static String code(String typed) {
		String text = text(typed);
		return text == null ? null : text.toUpperCase();
	}

	/** A {@code where} clause starting with {@code condition}, whose named parameters are {@code params}. */
	public static Where where(String condition, Map<String, ?> params) {
		return new Where(condition, params);
	}

	/** A {@code where} clause and its named parameters, grown one filter at a time. */
	public static final class Where {

		private final StringBuilder sql;

		private final Map<String, Object> params;

		private Where(String condition, Map<String, ?> params) {
			this.sql = new StringBuilder(" where ").append(condition);
			this.params = new HashMap<>(params);
		}

		/** Adds {@code condition} unconditionally. */
		public Where and(String condition) {
			sql.append(" and ").append(condition);
			return this;
		}

		/** Adds {@code condition} and its parameter {@code :name} only when {@code value} is given (not null). */
		public Where and(String condition, String name, Object value) {
			if (value != null) {
				and(condition);
				params.put(name, value);
			}
			return this;
		}

		/** Adds a parameter used by a condition or by the selected columns. */
		public Where param(String name, Object value) {
			params.put(name, value);
			return this;
		}

		public String sql() {
			return sql.toString();
		}

		public Map<String, Object> params() {
			return new HashMap<>(params);
		}

		/**
		 * One page of {@code select + from + where}: the total is counted over {@code from + where}, the rows are those
		 * of the page in {@code orderBy} order.
		 */
		public <T> Page<T> page(JdbcClient jdbc, String select, String from, String orderBy, RowMapper<T> rows, int page,
				int size) {
			return page(jdbc, from, orderBy, page, size,
					(tail, all) -> jdbc.sql(select + from + tail).params(all).query(rows).list());
		}

		/** One page read by {@code rows} from the tail ({@code where}, order, limit and offset) and its parameters. */
		public <T> Page<T> page(JdbcClient jdbc, String from, String orderBy, int page, int size, Rows<T> rows) {
			long total = jdbc.sql("select count(*) " + from + sql).params(params).query(Long.class).single();
			Map<String, Object> all = params();
			all.put("limit", size);
			all.put("offset", (long) page * size);
			List<T> items = rows.read(sql + " order by " + orderBy + " limit :limit offset :offset", all);
			return new Page<>(items, page, size, total);
		}
	}

	/** Reads the rows of one page from an SQL tail and its named parameters. */
	@FunctionalInterface
	public interface Rows<T> {

		List<T> read(String tail, Map<String, Object> params);
	}
}
