package postern.host;

import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * One lock per file, so two requests never interleave the read and write of one path.
 * Locks are reentrant: an {@code edit} holds the lock and its {@code write} takes it
 * again. They are never removed: a host has a handful of managed files.
 */
final class PathLocks {

	private final Map<Path, ReentrantLock> locks = new ConcurrentHashMap<>();

	/**
	 * Run an action while holding the lock of a path.
	 * @param <T> what the action returns
	 * @param path the path; made absolute and normalized, so two spellings of one path
	 * share a lock
	 * @param action what to do
	 * @return what the action returned
	 */
	<T> T withLock(Path path, Supplier<T> action) {
		ReentrantLock lock = this.locks.computeIfAbsent(key(path), (key) -> new ReentrantLock());
		lock.lock();
		try {
			return action.get();
		}
		finally {
			lock.unlock();
		}
	}

	static Path key(Path path) {
		return path.toAbsolutePath().normalize();
	}

}
