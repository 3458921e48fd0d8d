package postern.host;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;

import net.schmizz.keepalive.KeepAliveProvider;
import net.schmizz.sshj.DefaultConfig;
import net.schmizz.sshj.SSHClient;
import net.schmizz.sshj.connection.ConnectionException;
import net.schmizz.sshj.connection.channel.direct.Session;
import net.schmizz.sshj.sftp.FileAttributes;
import net.schmizz.sshj.sftp.FileMode;
import net.schmizz.sshj.sftp.OpenMode;
import net.schmizz.sshj.sftp.RemoteFile;
import net.schmizz.sshj.sftp.RemoteResourceInfo;
import net.schmizz.sshj.sftp.Request;
import net.schmizz.sshj.sftp.Response;
import net.schmizz.sshj.sftp.SFTPClient;
import net.schmizz.sshj.sftp.SFTPEngine;
import net.schmizz.sshj.sftp.SFTPException;
import net.schmizz.sshj.userauth.keyprovider.KeyProvider;
import net.schmizz.sshj.userauth.password.PasswordFinder;
import net.schmizz.sshj.userauth.password.Resource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import postern.PosternProperties;

import org.springframework.context.ApplicationEventPublisher;

/**
 * A remote server reached over SSH: commands over exec channels, files over SFTP, backups
 * kept on the server in the same layout as {@link LocalHost}'s.
 * <p>
 * Only a host key with the confirmed SHA-256 fingerprint is accepted. One connection is
 * kept open with keepalives and shared by all calls; a call that finds it dead fails with
 * a {@link HostException} and the next call connects again.
 * <p>
 * A write re-reads the file under its lock (held in Postern) and refuses to go on when it
 * changed since the caller read it; keeps a backup of the old content; uploads a temp
 * file next to the target, gives it the target's group and mode, and renames it over the
 * target with {@code posix-rename@openssh.com}.
 */
public final class SshHost implements Host, AutoCloseable {

	private static final Logger logger = LoggerFactory.getLogger(SshHost.class);

	private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(15);

	private static final int KEEPALIVE_SECONDS = 15;

	/** How long after its timeout {@code timeout} sends SIGKILL to a command. */
	private static final int KILL_AFTER_SECONDS = 5;

	/** How long Postern waits beyond that before it closes the channel itself. */
	private static final Duration CHANNEL_GRACE = Duration.ofSeconds(2);

	/** How long a channel that ended oddly waits for its connection to be seen dead. */
	private static final Duration CONNECTION_CHECK = Duration.ofSeconds(1);

	/** How long the output of a channel Postern closed is still read. */
	private static final Duration ABANDONED_OUTPUT_GRACE = Duration.ofSeconds(1);

	/** Exit codes of {@code timeout} when it had to stop the command. */
	private static final Set<Integer> TIMEOUT_EXITS = Set.of(124, 128 + 9);

	private final String name;

	private final Target target;

	private final char[] passphrase;

	private final HostOverrides overrides;

	private final Path backupsDir;

	private final int keep;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	private final PathLocks locks = new PathLocks();

	private final Set<Path> ownerWarnings = ConcurrentHashMap.newKeySet();

	private final Map<Integer, String> users = new ConcurrentHashMap<>();

	private final Map<Integer, String> groups = new ConcurrentHashMap<>();

	private volatile boolean renameWarned;

	private Connection connection;

	/**
	 * Where a remote host is and how Postern logs in.
	 *
	 * @param address the host name or IP address
	 * @param port the SSH port
	 * @param user the remote user
	 * @param keyFile the private key file (OpenSSH or PEM; ed25519, RSA or ECDSA)
	 * @param hostKeyFingerprint the confirmed host key, as {@code SHA256:...};
	 * {@code null} while none is confirmed, which refuses every connection
	 */
	public record Target(String address, int port, String user, Path keyFile, String hostKeyFingerprint) {

		public Target {
			Objects.requireNonNull(address, "address");
			Objects.requireNonNull(user, "user");
			Objects.requireNonNull(keyFile, "keyFile");
		}

		@Override
		public String toString() {
			return this.user + "@" + this.address + ":" + this.port;
		}

	}

	/**
	 * A host reached over SSH. Nothing is connected until the first call.
	 * @param name the name shown and audited
	 * @param target where the host is and how to log in
	 * @param passphrase the key file's passphrase, or {@code null}; kept in memory only
	 * @param backups where backups are kept on the remote host and how many per file
	 * @param events where {@link HostEvents} go
	 * @param clock the clock backups are stamped with
	 */
	public SshHost(String name, Target target, char[] passphrase, PosternProperties.Backups backups,
			ApplicationEventPublisher events, Clock clock) {
		this(name, target, passphrase, HostOverrides.NONE, backups, events, clock);
	}

	/**
	 * A host reached over SSH, with settings of its own. Nothing is connected until the
	 * first call.
	 * @param name the name shown and audited
	 * @param target where the host is and how to log in
	 * @param passphrase the key file's passphrase, or {@code null}; kept in memory only
	 * @param overrides the settings this host has in place of the application's
	 * @param backups where backups are kept on the remote host and how many per file
	 * @param events where {@link HostEvents} go
	 * @param clock the clock backups are stamped with
	 */
	public SshHost(String name, Target target, char[] passphrase, HostOverrides overrides,
			PosternProperties.Backups backups, ApplicationEventPublisher events, Clock clock) {
		this.name = Objects.requireNonNull(name);
		this.target = Objects.requireNonNull(target);
		this.passphrase = (passphrase != null) ? passphrase.clone() : null;
		this.overrides = Objects.requireNonNull(overrides);
		this.backupsDir = PathLocks.key(backups.dir());
		this.keep = backups.keep();
		this.events = Objects.requireNonNull(events);
		this.clock = Objects.requireNonNull(clock);
	}

	/**
	 * The fingerprint of a server's host key, read without trusting it and without
	 * logging in, for the admin to compare and confirm.
	 * @param address the host name or IP address
	 * @param port the SSH port
	 * @return e.g. {@code SHA256:uNiVztksCsDhcc0u9e8BujQXVUpKZIDTMczCvj3tD2s}
	 * @throws HostException when the server cannot be reached
	 */
	public static String hostKeyFingerprint(String address, int port) {
		PinnedHostKey verifier = new PinnedHostKey(null);
		try (SSHClient client = new SSHClient(new DefaultConfig())) {
			client.addHostKeyVerifier(verifier);
			client.setConnectTimeout((int) CONNECT_TIMEOUT.toMillis());
			client.connect(address, port);
		}
		catch (IOException ex) {
			if (verifier.refused() != null) {
				return verifier.refused();
			}
			throw new HostException("Could not reach " + address + ":" + port + ": " + ex.getMessage(), ex);
		}
		throw new HostException("The server at " + address + ":" + port + " was accepted without a host key");
	}

	@Override
	public String name() {
		return this.name;
	}

	/**
	 * This host's settings: its own over the application's, and Caddy's admin API out of
	 * reach from Postern's machine.
	 */
	@Override
	public ServerSettings settings(ServerSettings application) {
		return this.overrides.applyTo(application);
	}

	/**
	 * Disconnect; the next call connects again.
	 */
	@Override
	public synchronized void close() {
		if (this.connection != null) {
			this.connection.close();
			this.connection = null;
		}
	}

	@Override
	public CommandResult run(Command given) {
		Command command = this.overrides.apply(given);
		logger.debug("Running {} on {}", command, this.target);
		Duration timeout = command.timeout();
		Exec exec = exec(remoteCommandLine(command), command.stdin(),
				timeout.plusSeconds(KILL_AFTER_SECONDS).plus(CHANNEL_GRACE));
		boolean timedOut = exec.channelClosed() || (exec.status() != null && TIMEOUT_EXITS.contains(exec.status())
				&& !exec.duration().minus(timeout).isNegative());
		if (!timedOut && exec.status() != null && (exec.status() == 126 || exec.status() == 127)
				&& exec.stderr().startsWith("timeout: ")) {
			// timeout itself could not start the program: not found or not executable
			throw new CommandStartException(command, new IOException(exec.stderr().strip()));
		}
		int exitCode = (timedOut || exec.status() == null) ? -1 : exec.status();
		CommandResult result = new CommandResult(exitCode, exec.stdout(), exec.stderr(), exec.duration(), timedOut);
		this.events.publishEvent(new HostEvents.CommandRan(this.name, command.kind(), command.displayArgv(),
				result.exitCode(), result.duration(), result.timedOut()));
		return result;
	}

	/**
	 * OpenSSH does not pass signals to a command without a terminal, so closing the
	 * channel alone would leave it running: {@code timeout} stops it (and what it
	 * started, in its process group) on the server.
	 */
	static String remoteCommandLine(Command command) {
		long millis = Math.max(1, command.timeout().toMillis());
		String seconds = BigDecimal.valueOf(millis).movePointLeft(3).toPlainString();
		return "timeout --kill-after=" + KILL_AFTER_SECONDS + " " + seconds + " "
				+ ShellQuoting.join(command.argvWithEnvironment());
	}

	@Override
	public FileSnapshot read(Path path) {
		Path absolute = PathLocks.key(path);
		return sftp("read " + absolute, (sftp) -> read(sftp, absolute));
	}

	private FileSnapshot read(SFTPClient sftp, Path absolute) throws IOException {
		Optional<FileAttributes> attributes = stat(sftp, absolute);
		if (attributes.isEmpty()) {
			return FileSnapshot.absent(absolute);
		}
		byte[] content;
		try {
			content = readAll(sftp, absolute);
		}
		catch (SFTPException ex) {
			if (missing(ex)) {
				return FileSnapshot.absent(absolute);
			}
			throw ex;
		}
		FileAttributes found = attributes.get();
		return FileSnapshot.of(absolute, content, userName(found.getUID()), groupName(found.getGID()),
				found.getMode().getPermissionsMask());
	}

	@Override
	public FileSnapshot write(Path path, byte[] content, FileSnapshot expected) {
		return this.locks.write(path, content, expected, this::writeLocked);
	}

	@Override
	public FileSnapshot edit(Path path, UnaryOperator<byte[]> transform) {
		return this.locks.edit(path, transform, this::read, this::writeLocked);
	}

	private FileSnapshot writeLocked(Path path, byte[] content, FileSnapshot expected) {
		FileSnapshot current = read(path);
		if (!current.sameContentAs(expected)) {
			throw new FileConflictException(path);
		}
		String backupId = current.exists() ? sftp("back up " + path, (sftp) -> keepBackup(sftp, current)) : null;
		sftp("write " + path, (sftp) -> {
			Path target = resolveLink(sftp, path);
			replace(sftp, target, content, current.exists());
			return null;
		});
		FileSnapshot written = read(path);
		this.events.publishEvent(new HostEvents.FileWritten(this.name, path, current.content(), content, backupId));
		return written;
	}

	@Override
	public Path resolveLinks(Path path) {
		Path absolute = PathLocks.key(path);
		return sftp("follow the links of " + absolute, (sftp) -> resolveLink(sftp, absolute));
	}

	private static Optional<Path> linkTarget(SFTPClient sftp, Path path) throws IOException {
		FileAttributes attributes;
		try {
			attributes = sftp.lstat(path.toString());
		}
		catch (SFTPException ex) {
			if (missing(ex)) {
				return Optional.empty();
			}
			throw ex;
		}
		return (attributes.getType() == FileMode.Type.SYMLINK) ? Optional.of(Path.of(sftp.readlink(path.toString())))
				: Optional.empty();
	}

	/**
	 * A managed path may be a link to the real file; renaming over the link would replace
	 * it with a plain file.
	 */
	private static Path resolveLink(SFTPClient sftp, Path path) throws IOException {
		return LinkResolver.resolve(path, (name) -> linkTarget(sftp, name));
	}

	private void replace(SFTPClient sftp, Path target, byte[] content, boolean exists) throws IOException {
		Path temp = HostFiles.forWrite(target);
		boolean moved = false;
		try {
			upload(sftp, temp, content);
			copyAttributes(sftp, temp, exists ? target : null, target.getParent());
			rename(sftp, temp, target);
			moved = true;
		}
		finally {
			if (!moved) {
				removeQuietly(sftp, temp);
			}
		}
	}

	/**
	 * Only Postern's user can read the temp file until it has the target's mode.
	 */
	private static void upload(SFTPClient sftp, Path file, byte[] content) throws IOException {
		FileAttributes attributes = new FileAttributes.Builder().withPermissions(HostFiles.PRIVATE_MODE).build();
		try (RemoteFile remote = sftp.open(file.toString(), EnumSet.of(OpenMode.WRITE, OpenMode.CREAT, OpenMode.EXCL),
				attributes); OutputStream out = remote.new RemoteFileOutputStream(0, 16)) {
			out.write(content);
		}
	}

	private static byte[] readAll(SFTPClient sftp, Path file) throws IOException {
		try (RemoteFile remote = sftp.open(file.toString(), EnumSet.of(OpenMode.READ));
				InputStream in = remote.new ReadAheadRemoteFileInputStream(16)) {
			return in.readAllBytes();
		}
	}

	/**
	 * The new file takes the old one's mode and group, and its owner when the remote user
	 * may give it; a new file takes its folder's group and mode 0640. As with
	 * {@code chown}, the owner and group are set before the mode.
	 */
	private void copyAttributes(SFTPClient sftp, Path temp, Path model, Path folder) throws IOException {
		FileAttributes ours = sftp.stat(temp.toString());
		FileAttributes source = (model != null) ? sftp.stat(model.toString()) : null;
		int uid = (source != null) ? source.getUID() : ours.getUID();
		int gid = (source != null) ? source.getGID() : sftp.stat(folder.toString()).getGID();
		if (uid != ours.getUID() || gid != ours.getGID()) {
			try {
				sftp.setattr(temp.toString(), new FileAttributes.Builder().withUIDGID(uid, gid).build());
			}
			catch (SFTPException ex) {
				if (uid == ours.getUID()) {
					throw ex;
				}
				if (this.ownerWarnings.add(model)) {
					logger.warn(
							"{} on {} is owned by uid {}; {} cannot keep that owner, so after a write it is owned"
									+ " by uid {} (group and mode are kept)",
							model, this.name, uid, this.target.user(), ours.getUID());
				}
				if (gid != ours.getGID()) {
					sftp.setattr(temp.toString(), new FileAttributes.Builder().withUIDGID(ours.getUID(), gid).build());
				}
			}
		}
		int mode = (source != null) ? source.getMode().getPermissionsMask() : HostFiles.NEW_FILE_MODE;
		sftp.chmod(temp.toString(), mode);
	}

	/**
	 * Plain SFTP rename refuses to replace an existing file, so without OpenSSH's
	 * extension the target must be removed first, and a crash in between would leave it
	 * missing: that fallback is logged.
	 */
	private void rename(SFTPClient sftp, Path from, Path to) throws IOException {
		SFTPEngine engine = sftp.getSFTPEngine();
		if (engine.supportsServerExtension("posix-rename", "openssh.com")) {
			Request request = engine.newExtendedRequest("posix-rename@openssh.com")
				.putString(from.toString())
				.putString(to.toString());
			Response response = engine.request(request).retrieve(engine.getTimeoutMs(), TimeUnit.MILLISECONDS);
			response.ensureStatusPacketIsOK();
			return;
		}
		if (!this.renameWarned) {
			this.renameWarned = true;
			logger.warn("The SFTP server of {} has no posix-rename@openssh.com: files are replaced by removing"
					+ " then renaming, which is not atomic", this.name);
		}
		if (stat(sftp, to).isPresent()) {
			sftp.rm(to.toString());
		}
		sftp.rename(from.toString(), to.toString());
	}

	@Override
	public TemporaryFile writeTemporary(Path near, byte[] content) {
		Path target = PathLocks.key(near);
		Path temp = HostFiles.candidate(target);
		sftp("write a candidate next to " + target, (sftp) -> {
			try {
				upload(sftp, temp, content);
				copyAttributes(sftp, temp, stat(sftp, target).isPresent() ? target : null, target.getParent());
				return null;
			}
			catch (IOException | RuntimeException ex) {
				removeQuietly(sftp, temp);
				throw ex;
			}
		});
		return TemporaryFile.of(temp, () -> {
			try {
				sftp("delete " + temp, (sftp) -> {
					sftp.rm(temp.toString());
					return null;
				});
			}
			catch (HostException ex) {
				logger.warn("Could not delete the candidate file {} on {}: {}", temp, this.name, ex.getMessage());
			}
		});
	}

	private static void removeQuietly(SFTPClient sftp, Path file) {
		try {
			sftp.rm(file.toString());
		}
		catch (IOException ex) {
			logger.debug("Could not delete {}", file, ex);
		}
	}

	@Override
	public FileStatus stat(Path path) {
		Path absolute = PathLocks.key(path);
		Optional<FileAttributes> found = sftp("stat " + absolute, (sftp) -> stat(sftp, absolute));
		if (found.isEmpty()) {
			return FileStatus.missing(absolute);
		}
		FileAttributes attributes = found.get();
		// What the remote user may do depends on its groups and on ACLs: ask its shell
		String access = internal(CommandCatalogue.fixed(CommandKind.FILE_ACCESS, absolute.toString())).stdout();
		return new FileStatus(absolute, true, attributes.getType() == FileMode.Type.DIRECTORY, access.contains("r"),
				access.contains("w"), access.contains("x"), userName(attributes.getUID()),
				groupName(attributes.getGID()), attributes.getMode().getPermissionsMask());
	}

	@Override
	public FileStatus createFolder(Path path) {
		Path absolute = PathLocks.key(path);
		sftp("create " + absolute, (sftp) -> {
			sftp.mkdirs(absolute.toString());
			return null;
		});
		return stat(absolute);
	}

	@Override
	public List<Path> list(Path folder) {
		Path absolute = PathLocks.key(folder);
		return sftp("list " + absolute, (sftp) -> {
			Optional<FileAttributes> attributes = stat(sftp, absolute);
			if (attributes.isEmpty() || attributes.get().getType() != FileMode.Type.DIRECTORY) {
				return List.of();
			}
			List<Path> entries = new ArrayList<>();
			for (RemoteResourceInfo entry : entries(sftp, absolute)) {
				entries.add(absolute.resolve(entry.getName()));
			}
			entries.sort(Comparator.comparing(Path::toString));
			return entries;
		});
	}

	@Override
	public List<Backup> backups() {
		return sftp("list the backups", (sftp) -> {
			List<Backup> backups = new ArrayList<>();
			for (RemoteResourceInfo folder : entries(sftp, this.backupsDir)) {
				if (!folder.isDirectory()) {
					continue;
				}
				for (RemoteResourceInfo file : entries(sftp, this.backupsDir.resolve(folder.getName()))) {
					String id = BackupLocations.id(folder.getName(), file.getName());
					if (file.isRegularFile()) {
						BackupLocations.parse(id)
							.map((location) -> new Backup(location.id(), location.original(), location.takenAt(),
									file.getAttributes().getSize()))
							.ifPresent(backups::add);
					}
				}
			}
			backups.sort(Comparator.comparing(Backup::takenAt).reversed().thenComparing(Backup::path));
			return backups;
		});
	}

	@Override
	public Optional<Backup> backup(String id) {
		return BackupLocations.parse(id).flatMap((location) -> {
			Path file = location.resolveIn(this.backupsDir);
			return sftp("find a backup", (sftp) -> {
				try {
					FileAttributes attributes = sftp.lstat(file.toString());
					if (attributes.getType() != FileMode.Type.REGULAR) {
						return Optional.empty();
					}
					return Optional
						.of(new Backup(location.id(), location.original(), location.takenAt(), attributes.getSize()));
				}
				catch (SFTPException ex) {
					return Optional.empty();
				}
			});
		});
	}

	@Override
	public byte[] readBackup(Backup backup) {
		BackupLocations.Location location = BackupLocations.parse(backup.id())
			.orElseThrow(() -> new HostException("Not a backup: " + backup.id()));
		Path file = location.resolveIn(this.backupsDir);
		return sftp("read the backup of " + location.original(), (sftp) -> readAll(sftp, file));
	}

	private String keepBackup(SFTPClient sftp, FileSnapshot current) throws IOException {
		String folderName = BackupLocations.folderName(current.path());
		Path folder = this.backupsDir.resolve(folderName);
		sftp.mkdirs(folder.toString());
		List<String> names = new ArrayList<>(entries(sftp, folder).stream().map(RemoteResourceInfo::getName).toList());
		String fileName = BackupLocations.nextFileName(this.clock.instant(), names);
		upload(sftp, folder.resolve(fileName), current.content());
		names.add(fileName);
		for (String old : BackupLocations.beyondKeep(names, this.keep)) {
			sftp.rm(folder.resolve(old).toString());
		}
		return BackupLocations.id(folderName, fileName);
	}

	private static List<RemoteResourceInfo> entries(SFTPClient sftp, Path folder) throws IOException {
		try {
			List<RemoteResourceInfo> entries = new ArrayList<>(sftp.ls(folder.toString()));
			entries.removeIf((entry) -> ".".equals(entry.getName()) || "..".equals(entry.getName()));
			return entries;
		}
		catch (SFTPException ex) {
			if (missing(ex)) {
				return List.of();
			}
			throw ex;
		}
	}

	private static Optional<FileAttributes> stat(SFTPClient sftp, Path path) throws IOException {
		try {
			return Optional.of(sftp.stat(path.toString()));
		}
		catch (SFTPException ex) {
			if (missing(ex)) {
				return Optional.empty();
			}
			throw ex;
		}
	}

	private static boolean missing(SFTPException ex) {
		return ex.getStatusCode() == Response.StatusCode.NO_SUCH_FILE
				|| ex.getStatusCode() == Response.StatusCode.NO_SUCH_PATH;
	}

	private String userName(int uid) {
		return this.users.computeIfAbsent(uid, (id) -> lookUp(CommandKind.USER_NAME, id));
	}

	private String groupName(int gid) {
		return this.groups.computeIfAbsent(gid, (id) -> lookUp(CommandKind.GROUP_NAME, id));
	}

	/**
	 * SFTP gives numeric ids only; the names come from the server's own databases. An id
	 * with no name (a deleted user) is shown as the number, as {@code ls} does.
	 */
	private String lookUp(CommandKind kind, int id) {
		Exec exec = internal(CommandCatalogue.fixed(kind, Integer.toUnsignedString(id)));
		int colon = exec.stdout().indexOf(':');
		return (Integer.valueOf(0).equals(exec.status()) && colon > 0) ? exec.stdout().substring(0, colon)
				: Integer.toString(id);
	}

	/**
	 * Run one of Postern's own look-ups (access checks, user names): a catalogued
	 * command, under {@code timeout} like any other, but not audited, since it reads
	 * nothing an admin asked for.
	 */
	private Exec internal(Command command) {
		return exec(remoteCommandLine(command), null,
				command.timeout().plusSeconds(KILL_AFTER_SECONDS).plus(CHANNEL_GRACE));
	}

	/**
	 * Run a command line on an exec channel: standard input written then closed, both
	 * outputs drained at once, and the channel closed if it outlives {@code wait}.
	 */
	private Exec exec(String commandLine, byte[] stdin, Duration wait) {
		Connection current = connection();
		long started = System.nanoTime();
		Session session;
		try {
			session = current.client().startSession();
		}
		catch (IOException ex) {
			throw failed(current, "open a channel", ex);
		}
		boolean ended = false;
		try {
			Session.Command running = session.exec(commandLine);
			OutputDrain stdout = OutputDrain.start(running.getInputStream(), "ssh-stdout");
			OutputDrain stderr = OutputDrain.start(running.getErrorStream(), "ssh-stderr");
			StandardInput.feed(running.getOutputStream(), stdin);
			ended = join(current, running, wait);
			// Once the channel is given up, what is still in flight does not matter
			long deadline = System.nanoTime() + (ended ? CHANNEL_GRACE : ABANDONED_OUTPUT_GRACE).toNanos();
			String out = stdout.finish(deadline);
			String err = stderr.finish(deadline);
			Duration duration = Duration.ofNanos(System.nanoTime() - started);
			Integer status = running.getExitStatus();
			if (ended && status == null && running.getExitSignal() == null && connectionDies(current)) {
				throw lost(current, new IOException("the channel closed without an exit status"));
			}
			return new Exec(status, out, err, duration, !ended);
		}
		catch (IOException ex) {
			throw failed(current, "run a command", ex);
		}
		finally {
			close(session, ended);
		}
	}

	/**
	 * Closing a channel waits for the server's answer; a server whose command is stuck
	 * may not answer for a long time, so a channel given up on is closed in the
	 * background.
	 */
	private static void close(Session session, boolean ended) {
		Runnable closer = () -> {
			try {
				session.close();
			}
			catch (IOException ex) {
				logger.debug("Could not close an exec channel", ex);
			}
		};
		if (ended) {
			closer.run();
			return;
		}
		Thread thread = new Thread(closer, "postern-ssh-close");
		thread.setDaemon(true);
		thread.start();
	}

	/**
	 * A channel that ends with neither an exit status nor a signal was most likely cut
	 * with its connection; the transport may take a moment to notice.
	 */
	private static boolean connectionDies(Connection current) {
		long deadline = System.nanoTime() + CONNECTION_CHECK.toNanos();
		while (System.nanoTime() < deadline) {
			if (!current.client().isConnected()) {
				return true;
			}
			try {
				Thread.sleep(20);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return !current.client().isConnected();
			}
		}
		return !current.client().isConnected();
	}

	/**
	 * Wait for the channel to close. sshj reports both an expired wait and a failed
	 * connection as a {@link ConnectionException}; only the first comes after the whole
	 * wait, and the client may not say it is disconnected yet.
	 */
	private boolean join(Connection current, Session.Command running, Duration wait) throws IOException {
		long started = System.nanoTime();
		try {
			running.join(wait.toMillis(), TimeUnit.MILLISECONDS);
			return true;
		}
		catch (ConnectionException ex) {
			boolean waitedInFull = System.nanoTime() - started >= wait.toNanos();
			if (!waitedInFull || !current.client().isConnected()) {
				throw lost(current, ex);
			}
			return false;
		}
	}

	private <T> T sftp(String action, SftpAction<T> work) {
		Connection current = connection();
		try {
			return work.apply(current.sftp());
		}
		catch (IOException ex) {
			throw failed(current, action, ex);
		}
	}

	private HostException failed(Connection current, String action, IOException ex) {
		if (!current.client().isConnected()) {
			return lost(current, ex);
		}
		return new HostException("Could not " + action + " on " + this.name + ": " + ex.getMessage(), ex);
	}

	/**
	 * The connection died: forget it, so the next call connects again.
	 */
	private HostException lost(Connection dead, IOException ex) {
		synchronized (this) {
			if (this.connection == dead) {
				this.connection = null;
			}
		}
		dead.close();
		return new HostException("Lost the connection to " + this.name + " (" + this.target + "): " + ex.getMessage(),
				ex);
	}

	private synchronized Connection connection() {
		if (this.connection != null && this.connection.client().isConnected()) {
			return this.connection;
		}
		if (this.connection != null) {
			this.connection.close();
		}
		this.connection = connect();
		return this.connection;
	}

	private Connection connect() {
		DefaultConfig config = new DefaultConfig();
		config.setKeepAliveProvider(KeepAliveProvider.KEEP_ALIVE);
		SSHClient client = new SSHClient(config);
		PinnedHostKey verifier = new PinnedHostKey(this.target.hostKeyFingerprint());
		client.addHostKeyVerifier(verifier);
		client.setConnectTimeout((int) CONNECT_TIMEOUT.toMillis());
		try {
			client.connect(this.target.address(), this.target.port());
		}
		catch (IOException ex) {
			closeQuietly(client);
			if (verifier.refused() != null) {
				throw new HostKeyException(this.target.address(), this.target.port(), verifier.refused(),
						verifier.expected());
			}
			throw new HostException("Could not connect to " + this.target + ": " + ex.getMessage(), ex);
		}
		try {
			client.getConnection().getKeepAlive().setKeepAliveInterval(KEEPALIVE_SECONDS);
			KeyProvider keys = (this.passphrase != null)
					? client.loadKeys(this.target.keyFile().toString(), new Passphrase(this.passphrase))
					: client.loadKeys(this.target.keyFile().toString());
			client.authPublickey(this.target.user(), keys);
			return new Connection(client, client.newSFTPClient());
		}
		catch (IOException ex) {
			closeQuietly(client);
			throw new HostException(
					"Could not log in to " + this.target + " with " + this.target.keyFile() + ": " + ex.getMessage(),
					ex);
		}
	}

	private static void closeQuietly(SSHClient client) {
		try {
			client.close();
		}
		catch (IOException ex) {
			logger.debug("Could not close an SSH client", ex);
		}
	}

	/**
	 * What an exec channel gave back.
	 *
	 * @param status the exit status, or {@code null} when the server sent none (killed by
	 * a signal, or the channel was closed)
	 * @param stdout standard output as UTF-8
	 * @param stderr standard error as UTF-8
	 * @param duration how long it ran
	 * @param channelClosed whether Postern closed the channel because it ran too long
	 */
	private record Exec(Integer status, String stdout, String stderr, Duration duration, boolean channelClosed) {
	}

	/**
	 * One SSH connection and its SFTP session.
	 */
	private record Connection(SSHClient client, SFTPClient sftp) {

		void close() {
			try {
				this.sftp.close();
			}
			catch (IOException ex) {
				logger.debug("Could not close an SFTP session", ex);
			}
			closeQuietly(this.client);
		}

	}

	@FunctionalInterface
	private interface SftpAction<T> {

		T apply(SFTPClient sftp) throws IOException;

	}

	/**
	 * Hands sshj a copy of the passphrase: sshj may clear what it is given, and the key
	 * is read again at every reconnect.
	 */
	private static final class Passphrase implements PasswordFinder {

		private final char[] passphrase;

		Passphrase(char[] passphrase) {
			this.passphrase = passphrase;
		}

		@Override
		public char[] reqPassword(Resource<?> resource) {
			return this.passphrase.clone();
		}

		@Override
		public boolean shouldRetry(Resource<?> resource) {
			return false;
		}

	}

}
