package postern.host;

import java.nio.file.Path;
import java.util.Objects;

/**
 * A candidate file written next to a managed file for a program that must read it from
 * disk ({@code caddy validate}, {@code maddy --config}); closing it deletes it.
 */
public final class TemporaryFile implements AutoCloseable {

	private final Path path;

	private final Runnable remover;

	private TemporaryFile(Path path, Runnable remover) {
		this.path = Objects.requireNonNull(path);
		this.remover = Objects.requireNonNull(remover);
	}

	/**
	 * A temporary file, for {@link Host} implementations.
	 * @param path where it was written
	 * @param remover deletes it, without throwing
	 * @return the temporary file
	 */
	public static TemporaryFile of(Path path, Runnable remover) {
		return new TemporaryFile(path, remover);
	}

	/**
	 * Where the file is, to pass to the program.
	 * @return an absolute path on the host
	 */
	public Path path() {
		return this.path;
	}

	/**
	 * Delete the file. A failure is logged, not thrown: a left-over candidate harms
	 * nothing.
	 */
	@Override
	public void close() {
		this.remover.run();
	}

}
