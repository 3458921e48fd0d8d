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
	 * How long after its last modification a file's stamp can be trusted. A file system
	 * stores times in ticks (a few milliseconds on ext4, a second on ext3 or ext4 with
	 * small inodes), so a second write within the tick of the first leaves the same
	 * times; once a tick has passed since the last modification, any later write gives a
	 * later time.
	 */
	static final Duration SETTLING = Duration.ofSeconds(1);

	/**
	 * Whether the file was last modified long enough before {@code now} that a later
	 * write could not leave the same stamp.
	 * @param now the time of the stat
	 * @return {@code true} when the stamp tells every later write apart
	 */
	public boolean settledAt(Instant now) {
		return this.modified.toInstant().isBefore(now.minus(SETTLING));
	}

}
