package io.siteroll.platform;

import java.util.ArrayList;
import java.util.List;

import org.springframework.stereotype.Component;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import org.springframework.web.util.UriComponents;

/**
 * Links of a list page that keep its filters: another page of the same list, or the same list as Excel. Used by
 * the shared pager fragment ({@code fragments/pager :: pager(${result})}) as {@code @pager}.
 */
@Component("pager")
public class Pager {

	/** How many page numbers the pager shows around the current one. */
	private static final int WINDOW = 3;

	/** One entry of the pager: a page number with its address, or a gap ({@code number} −1). */
	public record Link(int number, String href, boolean current) {

		public boolean gap() {
			return number < 0;
		}
	}

	/** Everything the pager fragment shows, computed here: Thymeleaf does not evaluate bean calls inside links. */
	public record Links(String previous, String next, List<Link> pages, String excel) {
	}

	/** The pager's links for a list whose page number travels in {@code parameter}. */
	public Links links(Page<?> result, String parameter) {
		List<Link> pages = numbers(result).stream()
			.map(n -> new Link(n, n < 0 ? null : page(n, parameter), n == result.page()))
			.toList();
		return new Links(result.hasPrevious() ? page(result.page() - 1, parameter) : null,
				result.hasNext() ? page(result.page() + 1, parameter) : null, pages, excel());
	}

	/** The current address, as a path and query: where a form on this page comes back to. */
	public String here() {
		return relative(ServletUriComponentsBuilder.fromCurrentRequest().build());
	}

	/** The current address with {@code page} replaced (0-based), as a path and query. */
	public String page(int number) {
		return page(number, "page");
	}

	/** The same with another page parameter, for a page that shows two lists (e.g. {@code warningsPage}). */
	public String page(int number, String parameter) {
		return relative(ServletUriComponentsBuilder.fromCurrentRequest().replaceQueryParam(parameter, number).build());
	}

	/** The current address with {@code format=xlsx} and without {@code page}: the whole filtered list as Excel. */
	public String excel() {
		return relative(ServletUriComponentsBuilder.fromCurrentRequest()
			.replaceQueryParam("page")
			.replaceQueryParam("format", "xlsx")
			.build());
	}

	/** The page numbers (0-based) to offer around the current page, -1 marking a gap. */
	public List<Integer> numbers(Page<?> result) {
		List<Integer> numbers = new ArrayList<>();
		int last = Math.max(0, result.totalPages() - 1);
		int from = Math.max(0, result.page() - WINDOW);
		int to = Math.min(last, result.page() + WINDOW);
		if (from > 0) {
			numbers.add(0);
			if (from > 1) {
				numbers.add(-1);
			}
		}
		for (int i = from; i <= to; i++) {
			numbers.add(i);
		}
		if (to < last) {
			if (to < last - 1) {
				numbers.add(-1);
			}
			numbers.add(last);
		}
		return numbers;
	}

	private static String relative(UriComponents uri) {
		return uri.getPath() + (uri.getQuery() == null ? "" : "?" + uri.getQuery());
	}
}
