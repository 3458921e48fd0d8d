package postern.host;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.HexFormat;

/**
 * What every kind of host gives the files it writes. Temp files next to a managed file
 * start with a dot and carry a random part, so they never clash and are easy to recognise
 * as Postern's.
 */
final class HostFiles {

	/** A file Postern creates may hold secrets: no access for others. */
	static final int NEW_FILE_MODE = 0640;

	/**
	 * Backups, and temp files until they get their target's mode: Postern's user only.
	 */
	static final int PRIVATE_MODE = 0600;

	private static final SecureRandom random = new SecureRandom();

	private HostFiles() {
	}

	/**
	 * The temp file a write goes to before it is renamed over its target.
	 * @param target the file being written
	 * @return a path in the same folder
	 */
	static Path forWrite(Path target) {
		return target.resolveSibling("." + target.getFileName() + ".postern-" + randomSuffix() + ".tmp");
	}

	/**
	 * A candidate file for a program that checks it before the real file is written.
	 * @param near the managed file the candidate is for
	 * @return a path in the same folder
	 */
	static Path candidate(Path near) {
		return near.resolveSibling("." + near.getFileName() + ".postern-check-" + randomSuffix());
	}

	private static String randomSuffix() {
		byte[] bytes = new byte[6];
		random.nextBytes(bytes);
		return HexFormat.of().formatHex(bytes);
	}

}
