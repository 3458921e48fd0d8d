package postern.host;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * A managed server. Nothing else in Postern starts a process or writes a managed file.
 * <p>
 * Writes are atomic (temp file in the same folder, fsync, rename), keep the file's group
 * and mode, keep a timestamped backup, and refuse to overwrite a file that changed since
 * it was read. Edits of one path never interleave.
 */
public interface Host {

	/**
	 * The name shown in the header and recorded in the audit log.
	 * @return the host's name
	 */
	String name();

	/**
	 * Run a command and wait for it, within its timeout.
	 * @param command the command, built by the {@link CommandCatalogue}
	 * @return its exit code and output; a command killed at its timeout is
	 * {@link CommandResult#timedOut() marked so}
	 * @throws CommandStartException when the program cannot be started (not found, not
	 * executable)
	 */
	CommandResult run(Command command);

	/**
	 * Read a file.
	 * @param path an absolute path on the host
	 * @return its bytes and attributes; for a missing file a snapshot that
	 * {@link FileSnapshot#exists() does not exist}
	 */
	FileSnapshot read(Path path);

	/**
	 * What tells the file's present content from any other without reading it, when this
	 * host can say so cheaply and surely (one stat of a local file). A host that cannot
	 * (SFTP gives times in whole seconds and no inode) says nothing, and its files are
	 * read each time they are needed.
	 * @param path an absolute path on the host
	 * @return the file's stamp, or empty when the host cannot tell or the file is missing
	 */
	default Optional<FileStamp> stamp(Path path) {
		return Optional.empty();
	}

	/**
	 * Replace a file's content, atomically, if it did not change since {@code expected}
	 * was read. A backup of the current content is kept first.
	 * @param path an absolute path on the host
	 * @param content the new bytes
	 * @param expected the snapshot the new content was made from
	 * @return a snapshot of the written file
	 * @throws FileConflictException when the file changed on disk since {@code expected}
	 */
	FileSnapshot write(Path path, byte[] content, FileSnapshot expected);

	/**
	 * Read, transform and write a file while holding its lock, so two edits of one path
	 * never interleave. Nothing is written when the transform returns the same bytes.
	 * @param path an absolute path on the host
	 * @param transform from the current bytes (empty for a missing file) to the new ones
	 * @return a snapshot of the file after the edit
	 */
	FileSnapshot edit(Path path, UnaryOperator<byte[]> transform);

	/**
	 * Write a candidate content next to a managed file, for a program that checks it
	 * before the file itself is written. It goes in the same folder (relative imports
	 * resolve as they will for the real file) with the file's group and mode (the
	 * program's user can read it), under a name that starts with a dot.
	 * @param near the managed file the candidate is for
	 * @param content the candidate bytes
	 * @return the temporary file; close it to delete it
	 * @throws HostException when it cannot be written
	 */
	TemporaryFile writeTemporary(Path near, byte[] content);

	/**
	 * What Postern can do with a path, for the start-up check.
	 * @param path an absolute path on the host
	 * @return its status
	 */
	FileStatus stat(Path path);

	/**
	 * Where a path really leads, every symbolic link on the way followed; the names that
	 * do not exist yet are kept. It says whether a folder about to be made (a site's
	 * root) stays inside another one on this host.
	 * @param path an absolute path on the host
	 * @return the absolute path with no link left in it
	 * @throws HostException when a link cannot be read or the links loop
	 */
	Path resolveLinks(Path path);

	/**
	 * Create a folder, and its missing parents, unless it exists: Postern's own backups
	 * folder, a new site's root.
	 * @param path an absolute path on the host
	 * @return its status afterwards
	 * @throws HostException when it cannot be created
	 */
	FileStatus createFolder(Path path);

	/**
	 * The entries of a folder, to find files by their place (Caddy's stored certificates,
	 * for instance). Symbolic links are followed.
	 * @param folder an absolute path on the host
	 * @return the absolute paths of its files and folders, sorted by name; empty when it
	 * is missing or not a folder
	 * @throws HostException when it cannot be read
	 */
	List<Path> list(Path folder);

	/**
	 * Every kept backup, newest first.
	 * @return the backups
	 */
	List<Backup> backups();

	/**
	 * One backup by its id.
	 * @param id a {@link Backup#id()}
	 * @return the backup, or empty when there is none with that id
	 */
	Optional<Backup> backup(String id);

	/**
	 * The content of a backup.
	 * @param backup a backup of this host
	 * @return its bytes
	 */
	byte[] readBackup(Backup backup);

	/**
	 * This host's settings: where maddy's and Caddy's files are on it, its units and
	 * prefixes. Read them through
	 * {@link ServerSettings#of(postern.PosternProperties, Host)}.
	 * @param application the application's settings
	 * @return the application's, unless this host has its own
	 */
	default ServerSettings settings(ServerSettings application) {
		return application;
	}

}
