package postern.host;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

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

	/**
	 * Write a file under its lock, for a {@link Host#write} implementation.
	 * @param path the path as given
	 * @param content the new bytes (copied first, so the caller cannot change them)
	 * @param expected the snapshot the new content was made from
	 * @param write the host's write, called with the absolute path while the lock is held
	 * @return what the write returned
	 */
	FileSnapshot write(Path path, byte[] content, FileSnapshot expected, LockedWrite write) {
		Objects.requireNonNull(expected, "expected");
		byte[] bytes = content.clone();
		return withLock(path, () -> write.write(key(path), bytes, expected));
	}

	/**
	 * Read, transform and write a file under its lock, for a {@link Host#edit}
	 * implementation; nothing is written when the transform returns the same bytes.
	 * @param path the path as given
	 * @param transform from the current bytes to the new ones
	 * @param read the host's read
	 * @param write the host's write, called with the absolute path while the lock is held
	 * @return the snapshot after the edit
	 */
	FileSnapshot edit(Path path, UnaryOperator<byte[]> transform, Function<Path, FileSnapshot> read,
			LockedWrite write) {
		return withLock(path, () -> {
			FileSnapshot current = read.apply(path);
			byte[] changed = transform.apply(current.content());
			if (Arrays.equals(changed, current.content())) {
				return current;
			}
			return write.write(key(path), changed, current);
		});
	}

	static Path key(Path path) {
		return path.toAbsolutePath().normalize();
	}

	/**
	 * A host's write of a file whose lock is held.
	 */
	@FunctionalInterface
	interface LockedWrite {

		FileSnapshot write(Path absolute, byte[] content, FileSnapshot expected);

	}

}
