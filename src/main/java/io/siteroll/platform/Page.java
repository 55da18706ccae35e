package io.siteroll.platform;

import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.IntFunction;

/** One page of a longer list; {@code page} counts from 0. */
public record Page<T>(List<T> items, int page, int size, long total) {

	public static final int MAX_SIZE = 500;

	public int totalPages() {
		return size == 0 ? 0 : (int) ((total + size - 1) / size);
	}

	public boolean hasNext() {
		return (long) (page + 1) * size < total;
	}

	public boolean hasPrevious() {
		return page > 0;
	}

	/**
	 * Every item of a long list, read page by page ({@link #MAX_SIZE} at a time) so that an export never holds
	 * the whole list: {@code pageOf} reads page {@code n}.
	 */
	public static <T> void each(IntFunction<Page<T>> pageOf, Consumer<T> action) {
		Page<T> page;
		int number = 0;
		do {
			page = pageOf.apply(number++);
			page.items().forEach(action);
		}
		while (page.hasNext());
	}

	public <R> Page<R> map(Function<T, R> mapper) {
		return new Page<>(items.stream().map(mapper).toList(), page, size, total);
	}

	/** The highest page number asked for; with {@link #MAX_SIZE} the offset stays far inside an int. */
	public static final int MAX_NUMBER = 1_000_000;

	/** Requested page size: 20 when absent, otherwise 1 to {@link #MAX_SIZE} or refused ({@code size}, {@code page.range}). */
	public static int size(Integer requested) {
		return limit("size", requested, 20, MAX_SIZE);
	}

	/** Requested page number: 0 when absent, otherwise 0 to {@link #MAX_NUMBER} or refused ({@code page}). */
	public static int number(Integer requested) {
		if (requested == null) {
			return 0;
		}
		if (requested < 0 || requested > MAX_NUMBER) {
			throw RuleViolation.of("page", "page.range", 0, MAX_NUMBER);
		}
		return requested;
	}

	/** Any count of items asked for ({@code limit}, {@code size}): the default when absent, else 1 to max or refused. */
	public static int limit(String field, Integer requested, int defaultValue, int max) {
		if (requested == null) {
			return defaultValue;
		}
		if (requested < 1 || requested > max) {
			throw RuleViolation.of(field, "page.range", 1, max);
		}
		return requested;
	}
}
