package postern.infrastructure;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.function.Supplier;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.util.StringUtils;

/**
 * How many times some stored rows were added, changed or removed, counted once the change
 * is committed, and what pages read from those rows, kept until the next write. A value
 * read while a write was not committed yet is kept under the older count, so it is read
 * again once the write commits: a page never shows rows older than the last commit.
 * <p>
 * The rows' entities name {@link StoredRowListener}, which calls {@link #written()} on
 * every write of them, so a page shows what a run, a fetch or a form stored without
 * reading the rows again on each request.
 */
public abstract class StoredWrites {

	/** Beyond this many keys (periods, domains, days) the kept values are dropped. */
	private static final int MAX_KEPT = 256;

	private final List<Class<?>> rows;

	private final AtomicLong count = new AtomicLong();

	private final Map<Object, Kept> kept = new ConcurrentHashMap<>();

	/**
	 * Counts the writes of a transaction once it commits; being one object, it is
	 * registered once per transaction however many rows the transaction writes.
	 */
	private final TransactionSynchronization countOnCommit = new TransactionSynchronization() {
		@Override
		public void afterCommit() {
			StoredWrites.this.count.incrementAndGet();
		}
	};

	/**
	 * Count the writes of some rows.
	 * @param rows the entities whose writes change what is kept
	 */
	protected StoredWrites(Class<?>... rows) {
		this.rows = List.of(rows);
	}

	/**
	 * Whether a row is one of those counted.
	 * @param row an entity just written
	 * @return {@code true} when a write of it changes what is kept
	 */
	public boolean counts(Object row) {
		return this.rows.stream().anyMatch((type) -> type.isInstance(row));
	}

	/**
	 * Count a write of a row, once its transaction commits.
	 */
	public void written() {
		if (!TransactionSynchronizationManager.isSynchronizationActive()) {
			this.count.incrementAndGet();
			return;
		}
		TransactionSynchronizationManager.registerSynchronization(this.countOnCommit);
	}

	/**
	 * The value kept for a key since the last write, or read now and kept.
	 * @param <K> the key's type
	 * @param <V> the value's type
	 * @param key what the value depends on besides the rows (a period, a day, a domain)
	 * @param read reads the value from the rows
	 * @return the value
	 */
	@SuppressWarnings("unchecked")
	public <K, V> V read(K key, Function<K, V> read) {
		long now = this.count.get();
		Kept found = this.kept.get(key);
		if (found != null && found.count() == now) {
			return (V) found.value();
		}
		V value = read.apply(key);
		if (this.kept.size() >= MAX_KEPT) {
			this.kept.clear();
		}
		this.kept.put(key, new Kept(now, value));
		return value;
	}

	/**
	 * A page of a log as its page shows it. The first page of the whole log, the one
	 * opened to see what happened last, is kept until the next write; a search or a later
	 * page is read each time.
	 * @param <T> what the page shows of a row
	 * @param query the page's search; blank for the whole log
	 * @param pageable the page
	 * @param view what the rows depend on besides the stored rows (the page's locale);
	 * rows kept for another view are not reused
	 * @param read reads the page
	 * @return the page
	 */
	public <T> Page<T> logPage(String query, Pageable pageable, Object view, Supplier<Page<T>> read) {
		if (StringUtils.hasText(query) || pageable.getPageNumber() != 0) {
			return read.get();
		}
		return read(new FirstPage(pageable.getPageSize(), view), (key) -> read.get());
	}

	private record Kept(long count, Object value) {
	}

	/**
	 * The key of a log's kept first page; being private, it equals no key of a subclass's
	 * own reads.
	 *
	 * @param size its rows
	 * @param view what its rows were made for
	 */
	private record FirstPage(int size, Object view) {
	}

}
