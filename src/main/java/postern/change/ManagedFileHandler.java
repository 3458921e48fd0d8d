package postern.change;

import java.nio.file.Path;

import postern.PosternProperties;
import postern.host.Host;
import postern.host.ServerSettings;

/**
 * A validator or reloader for one managed file (maddy.conf, the aliases file, the
 * Caddyfile): its id, and the one way to tell whether a file of a change is that file on
 * a host, both paths normalised, so a change made without a feature (restoring a backup)
 * finds the same validator and reloaders as the feature's own change.
 */
public abstract class ManagedFileHandler {

	private final String id;

	private final PosternProperties properties;

	/**
	 * A handler.
	 * @param id the id a change names it by
	 * @param properties the application's settings, over which each host's own apply
	 */
	protected ManagedFileHandler(String id, PosternProperties properties) {
		this.id = id;
		this.properties = properties;
	}

	/**
	 * The id a change names this handler by.
	 * @return a short, stable id such as {@code caddyfile}
	 */
	public String id() {
		return this.id;
	}

	/**
	 * Whether a file is the one this handler is for, on a host.
	 * @param host the host the file is on
	 * @param path a managed file
	 * @return {@code true} when it is this handler's file
	 */
	public boolean handles(Host host, Path path) {
		return normalized(path).equals(normalized(file(settings(host))));
	}

	/**
	 * The file this handler is for.
	 * @param settings a host's settings
	 * @return where the file is on that host
	 */
	protected abstract Path file(ServerSettings settings);

	/**
	 * A host's settings, read when the handler acts, never kept.
	 * @param host the host
	 * @return its own settings over the application's
	 */
	protected ServerSettings settings(Host host) {
		return ServerSettings.of(this.properties, host);
	}

	protected PosternProperties properties() {
		return this.properties;
	}

	private static Path normalized(Path path) {
		return path.toAbsolutePath().normalize();
	}

}
