package postern.host;

import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * A file as it was read: its bytes, their SHA-256, and its owner, group and mode.
 *
 * @param path the absolute path on the host
 * @param exists whether the file existed when it was read
 * @param content the bytes (empty for a missing file)
 * @param sha256 the hex SHA-256 of the bytes ({@link #ABSENT} for a missing file)
 * @param owner the owner's user name ({@code null} for a missing file)
 * @param group the group name ({@code null} for a missing file)
 * @param mode the permission bits, e.g. {@code 0640} ({@code 0} for a missing file)
 */
public record FileSnapshot(Path path, boolean exists, byte[] content, String sha256, String owner, String group,
		int mode) {

	/** The hash recorded for a file that does not exist. */
	public static final String ABSENT = "absent";

	public FileSnapshot {
		content = content.clone();
	}

	/**
	 * A snapshot of a file that exists.
	 * @param path the path
	 * @param content its bytes
	 * @param owner its owner
	 * @param group its group
	 * @param mode its permission bits
	 * @return the snapshot
	 */
	public static FileSnapshot of(Path path, byte[] content, String owner, String group, int mode) {
		return new FileSnapshot(path, true, content, sha256(content), owner, group, mode);
	}

	/**
	 * A snapshot of a missing file.
	 * @param path the path
	 * @return the snapshot
	 */
	public static FileSnapshot absent(Path path) {
		return new FileSnapshot(path, false, new byte[0], ABSENT, null, null, 0);
	}

	@Override
	public byte[] content() {
		return this.content.clone();
	}

	/**
	 * Whether another snapshot of the same path saw the same content (or the same
	 * absence).
	 * @param other another snapshot
	 * @return {@code true} when nothing changed between the two
	 */
	public boolean sameContentAs(FileSnapshot other) {
		return this.sha256.equals(other.sha256);
	}

	/**
	 * The mode as an octal string, as {@code ls} and {@code chmod} write it.
	 * @return e.g. {@code "0640"}
	 */
	public String octalMode() {
		return String.format("%04o", this.mode);
	}

	/**
	 * The hex SHA-256 of some bytes.
	 * @param bytes the bytes
	 * @return 64 lower-case hex digits
	 */
	public static String sha256(byte[] bytes) {
		return HexFormat.of().formatHex(sha256Digest(bytes));
	}

	static byte[] sha256Digest(byte[] bytes) {
		try {
			return MessageDigest.getInstance("SHA-256").digest(bytes);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 is always available", ex);
		}
	}

}
