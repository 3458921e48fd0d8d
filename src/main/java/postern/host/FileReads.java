package postern.host;

import java.nio.file.Path;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;

/**
 * The managed files Postern reads, each read and parsed once while it does not change.
 * <p>
 * Within a request, every part of a page sees the same read of a file: a domain page
 * needs maddy.conf for the domain, its rewrite rules and its DNS records, and reads it
 * once. Across requests, a file of a host that can {@link Host#stamp stamp} it (the local
 * machine) is kept with its stamp, and each request stats it: the same stamp serves the
 * same read and the same parses, another stamp (a hand edit, a write by Postern) reads it
 * again. A file modified less than {@link FileStamp#settledAt a tick} ago (50 ms, or two
 * seconds where the file system keeps whole seconds) is not kept, since a second write
 * within the same tick of the file system's clock would leave the same stamp. Only the
 * last read of each file is kept, with its parses. A host that cannot stamp its files
 * (SSH) has them read at each request, and outside a request (background work) at each
 * call.
 * <p>
 * The conflict check of a write does not rely on any of this: the host reads the file
 * again under its lock and compares it with the snapshot the edit was based on.
 */
@Component
public class FileReads {

	private static final String ATTRIBUTE = FileReads.class.getName();

	/**
	 * Beyond this many files the kept reads are dropped: hosts are few, with three
	 * configuration files each, a DKIM key per mail domain and maddy's certificate.
	 */
	private static final int MOST_FILES = 128;

	private final Map<Place, Read> kept = new ConcurrentHashMap<>();

	private final Clock clock;

	public FileReads() {
		this(Clock.systemUTC());
	}

	/**
	 * Reads that tell a settled file by another clock than the system's, for tests.
	 * @param clock the clock the files' times are compared with
	 */
	FileReads(Clock clock) {
		this.clock = clock;
	}

	/**
	 * A file as a parser reads it, read and parsed at most once in the current request,
	 * and across requests while its stamp does not change.
	 * @param <T> what the parser makes of it
	 * @param host the host to read from
	 * @param path the file
	 * @param type what the parser makes of it; one parse of a file is kept per type
	 * @param parse from the file's snapshot to what the caller needs; it must not keep
	 * state of its own beyond the snapshot, since its result is shared
	 * @return the parsed file
	 */
	public <T> T read(Host host, Path path, Class<T> type, Function<FileSnapshot, T> parse) {
		Map<Key, Object> request = inRequest();
		if (request == null) {
			return latest(host, path).parsed(type, parse);
		}
		Key key = new Key(host, path, type);
		Object found = request.get(key);
		if (found == null) {
			Read read = (Read) request.computeIfAbsent(new Key(host, path, Read.class), (unread) -> latest(host, path));
			found = read.parsed(type, parse);
			request.put(key, found);
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
	 * A file written by Postern is read again by the next part that asks for it, in this
	 * request and the next ones.
	 */
	@EventListener
	void written(HostEvents.FileWritten event) {
		Path written = PathLocks.key(event.path());
		this.kept.keySet().removeIf((place) -> place.path().equals(written));
		Map<Key, Object> request = inRequest();
		if (request != null) {
			request.keySet().removeIf((key) -> PathLocks.key(key.path()).equals(written));
		}
	}

	/**
	 * The file as it is now: the kept read when the file's stamp has not changed since,
	 * else a new read, kept when the host stamps the file and the file has settled.
	 */
	private Read latest(Host host, Path path) {
		Optional<FileStamp> stamp = host.stamp(path);
		if (stamp.isEmpty()) {
			return new Read(host.read(path));
		}
		Place place = new Place(host, PathLocks.key(path));
		Read known = this.kept.get(place);
		if (known != null && stamp.get().equals(known.stamp())) {
			return known;
		}
		// stamped before the read: a write in between gives the next request another
		// stamp
		Read fresh = new Read(host.read(path), stamp.get());
		if (stamp.get().settledAt(this.clock.instant())) {
			if (this.kept.size() >= MOST_FILES) {
				this.kept.clear();
			}
			this.kept.put(place, fresh);
		}
		else {
			this.kept.remove(place);
		}
		return fresh;
	}

	@SuppressWarnings("unchecked")
	private static Map<Key, Object> inRequest() {
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

	private record Place(Host host, Path path) {
	}

	/**
	 * One read of a file and what each parser made of it, shared by the requests that
	 * find the file with the same stamp.
	 */
	private static final class Read {

		private final FileSnapshot snapshot;

		private final FileStamp stamp;

		private final Map<Class<?>, Object> parses = new ConcurrentHashMap<>();

		Read(FileSnapshot snapshot) {
			this(snapshot, null);
		}

		Read(FileSnapshot snapshot, FileStamp stamp) {
			this.snapshot = snapshot;
			this.stamp = stamp;
		}

		FileStamp stamp() {
			return this.stamp;
		}

		/** Parsed once: requests that ask at the same time wait for the one parse. */
		<T> T parsed(Class<T> type, Function<FileSnapshot, T> parse) {
			if (type == FileSnapshot.class) {
				return type.cast(this.snapshot);
			}
			return type.cast(this.parses.computeIfAbsent(type, (unparsed) -> parse.apply(this.snapshot)));
		}

	}

}
