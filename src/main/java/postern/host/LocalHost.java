package postern.host;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.WritableByteChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.GroupPrincipal;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipal;
import java.nio.file.attribute.UserPrincipalLookupService;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.UnaryOperator;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import postern.PosternProperties;

import org.springframework.context.ApplicationEventPublisher;

/**
 * The machine Postern runs on: commands through {@link ProcessBuilder}, files through
 * NIO.
 * <p>
 * A write re-reads the file under its lock and refuses to go on when it changed since the
 * caller read it; keeps a backup of the old content; writes a temp file next to the
 * target, fsyncs it, gives it the target's mode and group, renames it over the target and
 * fsyncs the folder. A crash at any point leaves either the old file or the new one,
 * never a mix.
 */
public final class LocalHost implements Host {

	private static final Logger logger = LoggerFactory.getLogger(LocalHost.class);

	private static final Set<PosixFilePermission> BACKUP_PERMISSIONS = permissions(HostFiles.PRIVATE_MODE);

	private final String name;

	private final Path backupsDir;

	private final int keep;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	private final PathLocks locks = new PathLocks();

	private final Set<Path> ownerWarnings = ConcurrentHashMap.newKeySet();

	private final String user = System.getProperty("user.name");

	private volatile WriteFaultHook faultHook = WriteFaultHook.NONE;

	/**
	 * A host for the local machine.
	 * @param name the name shown and audited
	 * @param backups where backups are kept and how many per file
	 * @param events where {@link HostEvents} go
	 * @param clock the clock backups are stamped with
	 */
	public LocalHost(String name, PosternProperties.Backups backups, ApplicationEventPublisher events, Clock clock) {
		this.name = Objects.requireNonNull(name);
		this.backupsDir = backups.dir().toAbsolutePath().normalize();
		this.keep = backups.keep();
		this.events = Objects.requireNonNull(events);
		this.clock = Objects.requireNonNull(clock);
	}

	/**
	 * Set the hook called between the temp file and the rename; for crash tests only.
	 * @param hook the hook
	 */
	void faultHook(WriteFaultHook hook) {
		this.faultHook = Objects.requireNonNull(hook);
	}

	@Override
	public String name() {
		return this.name;
	}

	@Override
	public CommandResult run(Command command) {
		CommandResult result = LocalProcesses.run(command);
		this.events.publishEvent(new HostEvents.CommandRan(this.name, command.kind(), command.displayArgv(),
				result.exitCode(), result.duration(), result.timedOut()));
		return result;
	}

	@Override
	public FileSnapshot read(Path path) {
		Path absolute = PathLocks.key(path);
		try {
			byte[] content = Files.readAllBytes(absolute);
			PosixFileAttributes attributes = attributes(absolute);
			return FileSnapshot.of(absolute, content, attributes.owner().getName(), attributes.group().getName(),
					mode(attributes.permissions()));
		}
		catch (NoSuchFileException ex) {
			return FileSnapshot.absent(absolute);
		}
		catch (IOException ex) {
			throw new HostException("Could not read " + absolute + ": " + ex.getMessage(), ex);
		}
	}

	@Override
	public Optional<FileStamp> stamp(Path path) {
		Path absolute = PathLocks.key(path);
		try {
			Map<String, Object> attributes = Files.readAttributes(absolute, "unix:dev,ino,size,lastModifiedTime,ctime");
			return Optional
				.of(new FileStamp(List.of(attributes.get("dev"), attributes.get("ino")), (Long) attributes.get("size"),
						(FileTime) attributes.get("lastModifiedTime"), (FileTime) attributes.get("ctime")));
		}
		catch (IOException | UnsupportedOperationException ex) {
			// a missing file, or a file system without inodes: read it each time
			return Optional.empty();
		}
	}

	@Override
	public FileSnapshot write(Path path, byte[] content, FileSnapshot expected) {
		return this.locks.write(path, content, expected, this::writeLocked);
	}

	@Override
	public FileSnapshot edit(Path path, UnaryOperator<byte[]> transform) {
		return this.locks.edit(path, transform, this::read, this::writeLocked);
	}

	@Override
	public TemporaryFile writeTemporary(Path near, byte[] content) {
		Path folder = near.toAbsolutePath().getParent();
		Path temp = HostFiles.candidate(near.toAbsolutePath());
		try {
			writeSynced(temp, content);
			copyAttributes(temp, near, read(near), folder);
			return TemporaryFile.of(temp, () -> deleteQuietly(temp));
		}
		catch (IOException ex) {
			deleteQuietly(temp);
			throw new HostException("Could not write a candidate next to " + near + ": " + ex.getMessage(), ex);
		}
	}

	private static void deleteQuietly(Path file) {
		try {
			Files.deleteIfExists(file);
		}
		catch (IOException ex) {
			logger.warn("Could not delete the candidate file {}: {}", file, ex.getMessage());
		}
	}

	@Override
	public FileStatus stat(Path path) {
		Path absolute = PathLocks.key(path);
		if (!Files.exists(absolute)) {
			return FileStatus.missing(absolute);
		}
		String owner = null;
		String group = null;
		int mode = 0;
		try {
			PosixFileAttributes attributes = attributes(absolute);
			owner = attributes.owner().getName();
			group = attributes.group().getName();
			mode = mode(attributes.permissions());
		}
		catch (IOException ex) {
			logger.debug("No attributes for {}", absolute, ex);
		}
		return new FileStatus(absolute, true, Files.isDirectory(absolute), Files.isReadable(absolute),
				Files.isWritable(absolute), Files.isExecutable(absolute), owner, group, mode);
	}

	@Override
	public FileStatus createFolder(Path path) {
		try {
			Files.createDirectories(PathLocks.key(path));
		}
		catch (IOException ex) {
			throw new HostException("Could not create " + path + ": " + ex.getMessage(), ex);
		}
		return stat(path);
	}

	@Override
	public List<Path> list(Path folder) {
		Path absolute = PathLocks.key(folder);
		if (!Files.isDirectory(absolute)) {
			return List.of();
		}
		List<Path> entries = new ArrayList<>();
		try (DirectoryStream<Path> stream = Files.newDirectoryStream(absolute)) {
			stream.forEach(entries::add);
		}
		catch (IOException ex) {
			throw new HostException("Could not list " + absolute + ": " + ex.getMessage(), ex);
		}
		entries.sort(Comparator.comparing(Path::toString));
		return entries;
	}

	@Override
	public List<Backup> backups() {
		List<Backup> backups = new ArrayList<>();
		for (Path folder : entries(this.backupsDir)) {
			for (Path file : entries(folder)) {
				location(folder, file).flatMap(this::backup).ifPresent(backups::add);
			}
		}
		backups.sort(Comparator.comparing(Backup::takenAt).reversed().thenComparing(Backup::path));
		return backups;
	}

	@Override
	public Optional<Backup> backup(String id) {
		return BackupLocations.parse(id).flatMap(this::backup);
	}

	@Override
	public byte[] readBackup(Backup backup) {
		BackupLocations.Location location = BackupLocations.parse(backup.id())
			.orElseThrow(() -> new HostException("Not a backup: " + backup.id()));
		try {
			return Files.readAllBytes(inBackupsDir(location));
		}
		catch (IOException ex) {
			throw new HostException("Could not read the backup of " + location.original() + ": " + ex.getMessage(), ex);
		}
	}

	private FileSnapshot writeLocked(Path path, byte[] content, FileSnapshot expected) {
		FileSnapshot current = read(path);
		if (!current.sameContentAs(expected)) {
			throw new FileConflictException(path);
		}
		String backupId = current.exists() ? keepBackup(current) : null;
		Path target = resolveLink(path);
		try {
			replace(target, content, current);
		}
		catch (IOException ex) {
			throw new HostException("Could not write " + path + ": " + ex.getMessage(), ex);
		}
		FileSnapshot written = read(path);
		this.events.publishEvent(new HostEvents.FileWritten(this.name, path, current.content(), content, backupId));
		return written;
	}

	@Override
	public Path resolveLinks(Path path) {
		try {
			return LinkResolver.resolve(path, LocalHost::linkTarget);
		}
		catch (IOException ex) {
			throw new HostException("Could not follow the links of " + path + ": " + ex.getMessage(), ex);
		}
	}

	private static Optional<Path> linkTarget(Path path) throws IOException {
		return Files.isSymbolicLink(path) ? Optional.of(Files.readSymbolicLink(path)) : Optional.empty();
	}

	/**
	 * A managed path may be a link to the real file (a Caddyfile kept in a repository,
	 * say); renaming over the link would replace it with a plain file.
	 */
	private static Path resolveLink(Path path) {
		try {
			return Files.isSymbolicLink(path) ? path.toRealPath() : path;
		}
		catch (IOException ex) {
			throw new HostException("Could not follow the link " + path + ": " + ex.getMessage(), ex);
		}
	}

	private void replace(Path target, byte[] content, FileSnapshot current) throws IOException {
		Path folder = target.getParent();
		Path temp = HostFiles.forWrite(target);
		boolean moved = false;
		try {
			writeSynced(temp, content, this.faultHook);
			copyAttributes(temp, target, current, folder);
			this.faultHook.beforeRename(temp, target);
			Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
			moved = true;
			syncFolder(folder);
		}
		catch (AtomicMoveNotSupportedException ex) {
			throw new IOException("The file system cannot rename atomically", ex);
		}
		finally {
			if (!moved) {
				Files.deleteIfExists(temp);
			}
		}
	}

	private static void writeSynced(Path file, byte[] content) throws IOException {
		writeSynced(file, content, WriteFaultHook.NONE);
	}

	private static void writeSynced(Path file, byte[] content, WriteFaultHook hook) throws IOException {
		// Only our user can read the temp file until it has the target's mode
		try (FileChannel channel = FileChannel.open(file,
				Set.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE),
				PosixFilePermissions.asFileAttribute(BACKUP_PERMISSIONS))) {
			WritableByteChannel out = hook.channel(file, channel);
			ByteBuffer buffer = ByteBuffer.wrap(content);
			while (buffer.hasRemaining()) {
				out.write(buffer);
			}
			channel.force(true);
		}
	}

	/**
	 * The new file takes the old one's mode and group (a service such as maddy may read
	 * it through its group), and its owner when we are allowed to give it. A new file
	 * takes its folder's group, as with a set-gid folder.
	 */
	private void copyAttributes(Path temp, Path target, FileSnapshot current, Path folder) throws IOException {
		PosixFileAttributeView view = Files.getFileAttributeView(temp, PosixFileAttributeView.class);
		UserPrincipalLookupService principals = temp.getFileSystem().getUserPrincipalLookupService();
		if (current.exists()) {
			copyOwner(view, principals, target, current.owner());
		}
		String group = current.exists() ? current.group() : attributes(folder).group().getName();
		GroupPrincipal groupPrincipal = principals.lookupPrincipalByGroupName(group);
		if (!groupPrincipal.equals(view.readAttributes().group())) {
			view.setGroup(groupPrincipal);
		}
		view.setPermissions(permissions(current.exists() ? current.mode() : HostFiles.NEW_FILE_MODE));
	}

	private void copyOwner(PosixFileAttributeView view, UserPrincipalLookupService principals, Path target,
			String owner) throws IOException {
		if (owner.equals(this.user)) {
			return;
		}
		if ("root".equals(this.user)) {
			UserPrincipal principal = principals.lookupPrincipalByName(owner);
			view.setOwner(principal);
		}
		else if (this.ownerWarnings.add(target)) {
			logger.warn("{} is owned by {}; Postern runs as {} and cannot keep that owner, so after a write it is"
					+ " owned by {} (group and mode are kept)", target, owner, this.user, this.user);
		}
	}

	/**
	 * Makes the rename itself durable. Not every file system lets a folder be opened for
	 * this; the rename is still atomic without it.
	 */
	private static void syncFolder(Path folder) {
		try (FileChannel channel = FileChannel.open(folder, StandardOpenOption.READ)) {
			channel.force(true);
		}
		catch (IOException | UnsupportedOperationException ex) {
			logger.debug("Could not fsync {}", folder, ex);
		}
	}

	private String keepBackup(FileSnapshot current) {
		String folderName = BackupLocations.folderName(current.path());
		Path folder = this.backupsDir.resolve(folderName);
		try {
			Files.createDirectories(folder);
			Path file = newBackupFile(folder);
			try (FileChannel channel = FileChannel.open(file,
					Set.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE),
					PosixFilePermissions.asFileAttribute(BACKUP_PERMISSIONS))) {
				channel.write(ByteBuffer.wrap(current.content()));
				channel.force(true);
			}
			rotate(folder);
			return BackupLocations.id(folderName, file.getFileName().toString());
		}
		catch (IOException ex) {
			throw new HostException("Could not back up " + current.path() + " in " + folder + ": " + ex.getMessage(),
					ex);
		}
	}

	private Path newBackupFile(Path folder) {
		List<String> names = entries(folder).stream().map((file) -> file.getFileName().toString()).toList();
		return folder.resolve(BackupLocations.nextFileName(this.clock.instant(), names));
	}

	private void rotate(Path folder) throws IOException {
		List<String> names = entries(folder).stream().map((file) -> file.getFileName().toString()).toList();
		for (String old : BackupLocations.beyondKeep(names, this.keep)) {
			Files.deleteIfExists(folder.resolve(old));
		}
	}

	private Optional<BackupLocations.Location> location(Path folder, Path file) {
		String id = BackupLocations.id(folder.getFileName().toString(), file.getFileName().toString());
		return BackupLocations.parse(id);
	}

	private Optional<Backup> backup(BackupLocations.Location location) {
		Path file = inBackupsDir(location);
		try {
			if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
				return Optional.empty();
			}
			return Optional.of(new Backup(location.id(), location.original(), location.takenAt(), Files.size(file)));
		}
		catch (IOException ex) {
			return Optional.empty();
		}
	}

	private Path inBackupsDir(BackupLocations.Location location) {
		return location.resolveIn(this.backupsDir);
	}

	private static List<Path> entries(Path folder) {
		if (!Files.isDirectory(folder, LinkOption.NOFOLLOW_LINKS)) {
			return List.of();
		}
		List<Path> entries = new ArrayList<>();
		try (DirectoryStream<Path> stream = Files.newDirectoryStream(folder)) {
			stream.forEach(entries::add);
		}
		catch (IOException ex) {
			throw new HostException("Could not list " + folder + ": " + ex.getMessage(), ex);
		}
		return entries;
	}

	private static PosixFileAttributes attributes(Path path) throws IOException {
		return Files.readAttributes(path, PosixFileAttributes.class);
	}

	/**
	 * Permission bits as {@code chmod} writes them; the enum lists them from owner read
	 * ({@code 0400}) down to others execute ({@code 0001}).
	 * @param permissions NIO permissions
	 * @return e.g. {@code 0640}
	 */
	static int mode(Set<PosixFilePermission> permissions) {
		int mode = 0;
		for (PosixFilePermission permission : permissions) {
			mode |= 1 << (8 - permission.ordinal());
		}
		return mode;
	}

	static Set<PosixFilePermission> permissions(int mode) {
		Set<PosixFilePermission> permissions = EnumSet.noneOf(PosixFilePermission.class);
		for (PosixFilePermission permission : PosixFilePermission.values()) {
			if ((mode & (1 << (8 - permission.ordinal()))) != 0) {
				permissions.add(permission);
			}
		}
		return permissions;
	}

}
