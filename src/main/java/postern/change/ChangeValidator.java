package postern.change;

import java.nio.file.Path;

import postern.host.Host;

/**
 * Checks a candidate file before it is written, e.g. {@code caddy validate}. Beans of
 * this type are looked up by their {@link #id()}, which a {@link FileEdit} names.
 */
public interface ChangeValidator {

	/**
	 * The id a {@link FileEdit} uses to ask for this validator.
	 * @return a short, stable id such as {@code caddyfile}
	 */
	String id();

	/**
	 * Check a candidate content of a file. Nothing must be written to the file itself.
	 * @param host the host the file is on
	 * @param path the file
	 * @param candidate the bytes that would be written
	 * @return whether the candidate is valid, with the output to show the admin
	 */
	ValidationResult validate(Host host, Path path, byte[] candidate);

	/**
	 * Whether this validator is the one for a file, so that a change made without a
	 * feature (restoring a backup) still validates it.
	 * @param host the host the file is on
	 * @param path a managed file
	 * @return {@code true} when this validator checks that file
	 */
	default boolean handles(Host host, Path path) {
		return false;
	}

}
