package postern.infrastructure;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.function.Function;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Pageable;

/**
 * One page of a list that can grow: which page is shown, how many rows a page holds and
 * how many rows there are in all, with the numbers the pager links to. Pages are numbered
 * from 0 in URLs ({@code ?page=0} is the first) and from 1 on screen.
 *
 * @param number the page shown, from 0, always within the pages there are
 * @param size the rows a page holds, at least 1
 * @param total the rows of the whole list
 */
public record Paging(int number, int size, long total) {

	/** Pages linked either side of the one shown, besides the first and the last. */
	private static final int NEIGHBOURS = 2;

	public Paging {
		if (size < 1) {
			throw new IllegalArgumentException("A page holds at least one row");
		}
		if (total < 0) {
			throw new IllegalArgumentException("A list has no fewer than zero rows");
		}
		number = Math.min(Math.max(number, 0), lastOf(size, total));
	}

	/**
	 * The page asked for, kept within the pages there are: a page before the first gives
	 * the first, one beyond the end gives the last.
	 * @param requested the page asked for, from 0
	 * @param size the rows a page holds
	 * @param total the rows of the whole list
	 * @return the paging
	 */
	public static Paging of(int requested, int size, long total) {
		return new Paging(requested, size, total);
	}

	/**
	 * The paging of a page of Spring Data.
	 * @param page the page
	 * @return its paging
	 */
	public static Paging of(Page<?> page) {
		return new Paging(page.getNumber(), page.getSize(), page.getTotalElements());
	}

	/**
	 * One page of a list held in memory, the page kept within the pages there are; only
	 * the rows shown are turned into what the page shows.
	 * @param <S> the list's rows
	 * @param <T> what the page shows of a row
	 * @param all the whole list
	 * @param requested the page asked for, from 0
	 * @param size the rows a page holds
	 * @param row what the page shows of a row
	 * @return the page, with the count of the whole list
	 */
	public static <S, T> Page<T> page(List<S> all, int requested, int size, Function<S, T> row) {
		Paging paging = of(requested, size, all.size());
		List<T> shown = paging.slice(all).stream().map(row).toList();
		return new PageImpl<>(shown, paging.pageable(), all.size());
	}

	/**
	 * One page from a source that pages itself (a query, a search), asked again for the
	 * last page when the one asked for is beyond the end.
	 * @param <T> the rows
	 * @param requested the page asked for, from 0
	 * @param size the rows a page holds
	 * @param source the page for a request
	 * @return the page
	 */
	public static <T> Page<T> within(int requested, int size, Function<Pageable, Page<T>> source) {
		Page<T> page = source.apply(PageRequest.of(Math.max(requested, 0), size));
		Paging paging = of(page);
		if (paging.number() != page.getNumber()) {
			return source.apply(paging.pageable());
		}
		return page;
	}

	/**
	 * The page a {@code page} parameter asks for: anything that is not a number gives the
	 * first page rather than an error.
	 * @param parameter the parameter's value, or {@code null}
	 * @return the page, from 0; at least 0
	 */
	public static int requested(String parameter) {
		if (parameter == null || parameter.isBlank()) {
			return 0;
		}
		try {
			return Math.max(Integer.parseInt(parameter.strip()), 0);
		}
		catch (NumberFormatException ex) {
			// a number too large to read is past the end
			return parameter.strip().matches("\\d+") ? Integer.MAX_VALUE : 0;
		}
	}

	/**
	 * How many pages there are: at least one, so an empty list has one empty page.
	 * @return the count
	 */
	public int pages() {
		return lastOf(this.size, this.total) + 1;
	}

	/**
	 * The last page.
	 * @return its number, from 0
	 */
	public int last() {
		return lastOf(this.size, this.total);
	}

	public boolean hasPrevious() {
		return this.number > 0;
	}

	public boolean hasNext() {
		return this.number < last();
	}

	public int previous() {
		return Math.max(this.number - 1, 0);
	}

	public int next() {
		return Math.min(this.number + 1, last());
	}

	/**
	 * Whether the list needs a pager at all.
	 * @return {@code true} when it has more than one page
	 */
	public boolean isPaged() {
		return pages() > 1;
	}

	/**
	 * The index of the first row shown.
	 * @return the offset in the whole list
	 */
	public int from() {
		return (int) Math.min((long) this.number * this.size, this.total);
	}

	/**
	 * The index after the last row shown.
	 * @return the end, exclusive
	 */
	public int to() {
		return (int) Math.min((long) from() + this.size, this.total);
	}

	/**
	 * The rows of this page.
	 * @param <T> the rows' type
	 * @param all the whole list, of {@link #total()} rows
	 * @return the rows shown
	 */
	public <T> List<T> slice(List<T> all) {
		return all.subList(Math.min(from(), all.size()), Math.min(to(), all.size()));
	}

	/**
	 * The same page as a Spring Data request.
	 * @return the request
	 */
	public Pageable pageable() {
		return PageRequest.of(this.number, this.size);
	}

	/**
	 * The pages the pager links to: the first, the last, and a few either side of the one
	 * shown, so the pager stays short however long the list.
	 * @return the links, in order
	 */
	public List<Link> links() {
		TreeSet<Integer> numbers = new TreeSet<>(List.of(0, last()));
		for (int n = Math.max(this.number - NEIGHBOURS, 0); n <= Math.min(this.number + NEIGHBOURS, last()); n++) {
			numbers.add(n);
		}
		List<Link> links = new ArrayList<>(numbers.size());
		int before = -1;
		for (int n : numbers) {
			links.add(new Link(n, n == this.number, n > before + 1));
			before = n;
		}
		return links;
	}

	private static int lastOf(int size, long total) {
		return (int) Math.min(Math.max((total - 1) / size, 0), Integer.MAX_VALUE);
	}

	/**
	 * A page the pager links to.
	 *
	 * @param number the page, from 0
	 * @param current whether it is the page shown
	 * @param afterGap whether pages are left out between it and the link before it
	 */
	public record Link(int number, boolean current, boolean afterGap) {

		/**
		 * The page's number on screen.
		 * @return from 1
		 */
		public int label() {
			return this.number + 1;
		}

	}

}
