package io.siteroll.platform;

import java.util.List;
import java.util.function.Function;

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

	public <R> Page<R> map(Function<T, R> mapper) {
		return new Page<>(items.stream().map(mapper).toList(), page, size, total);
	}

	/** Clamp requested paging to sane bounds. */
	public static int size(Integer requested) {
		if (requested == null || requested < 1) {
			return 20;
		}
		return Math.min(requested, MAX_SIZE);
	}

	public static int number(Integer requested) {
		return requested == null || requested < 0 ? 0 : requested;
	}
}
