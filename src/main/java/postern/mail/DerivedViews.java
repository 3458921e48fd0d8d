package postern.mail;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * What pages derive from one source (a parsed aliases file, a mailbox list): a domain's
 * aliases, the counts per domain, the mailboxes a search finds. Each view is computed
 * once from a source and kept while that source is the latest one asked about; a new
 * source (the file changed, the list was read again) starts afresh. A few views are kept
 * at most, so searches cannot fill the memory.
 */
final class DerivedViews {

	private static final int MOST_VIEWS = 16;

	private volatile Kept kept = new Kept(new Object());

	/**
	 * A view of a source, computed at most once while the source stays the latest.
	 * @param <V> the view
	 * @param source what the view is derived from, compared by identity
	 * @param key which view; a view of another type must have another key
	 * @param compute the view, from the source
	 * @return the view
	 */
	@SuppressWarnings("unchecked")
	<V> V of(Object source, Object key, Supplier<V> compute) {
		Kept current = this.kept;
		if (current.source() != source) {
			current = new Kept(source);
			this.kept = current;
		}
		Map<Object, Object> views = current.views();
		Object found = views.get(key);
		if (found == null) {
			found = compute.get();
			if (views.size() >= MOST_VIEWS) {
				views.clear();
			}
			views.put(key, found);
		}
		return (V) found;
	}

	private record Kept(Object source, Map<Object, Object> views) {

		Kept(Object source) {
			this(source, new ConcurrentHashMap<>());
		}

	}

}
