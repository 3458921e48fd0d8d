package postern.host;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;

/**
 * Resolves every symbolic link on a path, one name at a time, as the kernel does: a
 * link's target takes the link's place and is resolved in turn, {@code ..} after a link
 * goes up from where the link led. Names that do not exist are kept as they are, so a
 * path may be resolved before its folders are made (like {@code realpath -m}). Each host
 * reads its links its own way; an SFTP server's {@code realpath} is not used, since not
 * every one resolves links.
 */
final class LinkResolver {

	/** As many links as Linux follows before it gives up ({@code ELOOP}). */
	static final int MAX_LINKS = 40;

	private LinkResolver() {
	}

	/**
	 * Where a path really leads.
	 * @param path an absolute path
	 * @param links what a name is a link to
	 * @return the absolute, normalised path with every link resolved
	 * @throws IOException when a link cannot be read, or there are too many links on the
	 * way (a loop)
	 */
	static Path resolve(Path path, Links links) throws IOException {
		Path absolute = path.toAbsolutePath().normalize();
		Path resolved = absolute.getRoot();
		Deque<String> pending = new ArrayDeque<>();
		absolute.forEach((name) -> pending.addLast(name.toString()));
		int followed = 0;
		while (!pending.isEmpty()) {
			String name = pending.removeFirst();
			if (name.isEmpty() || name.equals(".")) {
				continue;
			}
			if (name.equals("..")) {
				resolved = (resolved.getParent() != null) ? resolved.getParent() : resolved;
				continue;
			}
			Path next = resolved.resolve(name);
			Optional<Path> target = links.target(next);
			if (target.isEmpty()) {
				resolved = next;
				continue;
			}
			if (++followed > MAX_LINKS) {
				throw new IOException("Too many levels of links at " + path);
			}
			Path to = target.get();
			if (to.isAbsolute()) {
				resolved = to.getRoot();
			}
			Deque<String> names = new ArrayDeque<>();
			to.forEach((part) -> names.addLast(part.toString()));
			names.descendingIterator().forEachRemaining(pending::addFirst);
		}
		return resolved;
	}

	/**
	 * Reads links on one host.
	 */
	@FunctionalInterface
	interface Links {

		/**
		 * The target of a link.
		 * @param path an absolute path whose parent has no link left
		 * @return what the link says, as written; empty when the path is no link or does
		 * not exist
		 * @throws IOException when it cannot be read
		 */
		Optional<Path> target(Path path) throws IOException;

	}

}
