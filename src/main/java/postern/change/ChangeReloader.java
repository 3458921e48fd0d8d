package postern.change;

import java.nio.file.Path;

import postern.host.Host;

/**
 * Makes a server take its new configuration after the files of a change are written, e.g.
 * a reload of Caddy. A reloader also verifies that the reload took (the unit is still
 * active, the admin API answers) and reports a failure otherwise. Beans of this type are
 * looked up by their {@link #id()}, which a {@link ChangeRequest} names.
 */
public interface ChangeReloader {

	/**
	 * The id a {@link ChangeRequest} uses to ask for this reloader.
	 * @return a short, stable id such as {@code caddy}
	 */
	String id();

	/**
	 * Reload, then verify that the server runs.
	 * @param host the host to reload on
	 * @return whether the reload took, with the commands' output
	 */
	ReloadResult reload(Host host);

	/**
	 * Whether a file is read by the server this reloader reloads, so that a change made
	 * without a feature (restoring a backup) still reloads it.
	 * @param host the host the file is on
	 * @param path a managed file
	 * @return {@code true} when a change of that file needs this reloader
	 */
	default boolean handles(Host host, Path path) {
		return false;
	}

}
