package postern.host;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;

/**
 * The managed files a request reads, each read and parsed once however many parts of a
 * page ask for it: a domain page needs maddy.conf for the domain, its rewrite rules and
 * its DNS records, and reads it once. What is kept lives in the request and goes with it,
 * so the next request reads the file again; a write through the host in the same request
 * drops what was kept of that file. Outside a request (background work) every call reads
 * the file.
 */
@Component
public class FileReads {

	private static final String ATTRIBUTE = FileReads.class.getName();

	/**
	 * A file as a parser reads it, read and parsed at most once in the current request.
	 * @param <T> what the parser makes of it
	 * @param host the host to read from
	 * @param path the file
	 * @param type what the parser makes of it; one parse of a file is kept per type
	 * @param parse from the file's snapshot to what the caller needs; it must not keep
	 * state of its own beyond the snapshot, since its result is shared
	 * @return the parsed file
	 */
	public <T> T read(Host host, Path path, Class<T> type, Function<FileSnapshot, T> parse) {
		Map<Key, Object> kept = kept();
		if (kept == null) {
			return parse.apply(host.read(path));
		}
		Key key = new Key(host, path, type);
		Object found = kept.get(key);
		if (found == null) {
			FileSnapshot snapshot = (FileSnapshot) kept.computeIfAbsent(new Key(host, path, FileSnapshot.class),
					(unread) -> host.read(path));
			found = parse.apply(snapshot);
			kept.put(key, found);
		}
		return type.cast(found);
	}

	/**
	 * A file's snapshot, read at most once in the current request.
	 * @param host the host to read from
	 * @param path the file
	 * @return its snapshot
	 */
	public FileSnapshot read(Host host, Path path) {
		return read(host, path, FileSnapshot.class, Function.identity());
	}

	/**
	 * A file written in this request is read again by the next part that asks for it.
	 */
	@EventListener
	void written(HostEvents.FileWritten event) {
		Map<Key, Object> kept = kept();
		if (kept != null) {
			kept.keySet().removeIf((key) -> key.path().equals(event.path()));
		}
	}

	@SuppressWarnings("unchecked")
	private static Map<Key, Object> kept() {
		RequestAttributes request = RequestContextHolder.getRequestAttributes();
		if (request == null) {
			return null;
		}
		Object kept = request.getAttribute(ATTRIBUTE, RequestAttributes.SCOPE_REQUEST);
		if (kept == null) {
			kept = new HashMap<Key, Object>();
			request.setAttribute(ATTRIBUTE, kept, RequestAttributes.SCOPE_REQUEST);
		}
		return (Map<Key, Object>) kept;
	}

	/** A host is its own key: two hosts may hold the same path. */
	private record Key(Host host, Path path, Class<?> type) {
	}

}
