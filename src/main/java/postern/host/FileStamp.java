package postern.host;

import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;

/**
 * What one stat of a file says of it, enough to tell that its content is still what was
 * read: a write in place changes its size or its times, a file put in its place (an
 * editor's save, Postern's atomic write) has another inode, and a content copied back
 * with its old modification time still changes the inode's change time, which no one can
 * set.
 *
 * @param fileKey the device and inode
 * @param size the size in bytes
 * @param modified the last modification time
 * @param changed the inode's last change time
 */
public record FileStamp(Object fileKey, long size, FileTime modified, FileTime changed) {

	/**
	 * How long after its last modification a file's stamp can be trusted on a file system
	 * that stores times in whole seconds (ext3, ext4 with small inodes, FAT keeps two): a
	 * second write within the second of the first leaves the same times.
	 */
	static final Duration SETTLING = Duration.ofSeconds(2);

	/**
	 * The same on a file system that stores finer times (ext4, XFS, Btrfs, tmpfs): they
	 * move with the kernel's clock tick, at most 10 ms, so once this has passed any later
	 * write gives a later time.
	 */
	static final Duration FINE_SETTLING = Duration.ofMillis(50);

	/**
	 * Whether the file was last modified long enough before {@code now} that a later
	 * write could not leave the same stamp.
	 * @param now the time of the stat
	 * @return {@code true} when the stamp tells every later write apart
	 */
	public boolean settledAt(Instant now) {
		return this.modified.toInstant().isBefore(now.minus(settling()));
	}

	/**
	 * A time with a fraction of a second says that the file system keeps fractions; whole
	 * seconds on both times say that it may not.
	 */
	private Duration settling() {
		boolean fine = this.modified.toInstant().getNano() != 0 || this.changed.toInstant().getNano() != 0;
		return fine ? FINE_SETTLING : SETTLING;
	}

}
