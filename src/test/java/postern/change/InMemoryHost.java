package postern.change;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;

import postern.host.Backup;
import postern.host.Command;
import postern.host.CommandResult;
import postern.host.FileConflictException;
import postern.host.FileSnapshot;
import postern.host.FileStatus;
import postern.host.Host;
import postern.host.HostException;
import postern.host.TemporaryFile;

/**
 * A test double of {@link Host}: files are a map of bytes, every overwrite keeps a
 * backup, and every write is journaled in order.
 */
class InMemoryHost implements Host {

	private final String name;

	private final Map<Path, byte[]> files = new LinkedHashMap<>();

	private final List<Backup> backups = new ArrayList<>();

	private final Map<String, byte[]> backupContents = new LinkedHashMap<>();

	private final List<String> journal;

	private final Set<Path> failingWrites = new HashSet<>();

	private int backupCounter;

	private int temporaryCounter;

	InMemoryHost(String name, List<String> journal) {
		this.name = name;
		this.journal = journal;
	}

	/**
	 * Put a file on the host without a backup or a journal entry.
	 */
	synchronized void put(Path path, String content) {
		this.files.put(path, bytes(content));
	}

	/**
	 * Make every later write of a path fail.
	 */
	synchronized void failWritesTo(Path path) {
		this.failingWrites.add(path);
	}

	/**
	 * Let every write succeed again.
	 */
	synchronized void clearFailures() {
		this.failingWrites.clear();
	}

	synchronized String content(Path path) {
		byte[] content = this.files.get(path);
		return (content != null) ? new String(content, java.nio.charset.StandardCharsets.UTF_8) : null;
	}

	synchronized Backup addBackup(Path path, String content, Instant takenAt) {
		Backup backup = new Backup("b" + (++this.backupCounter), path, takenAt, bytes(content).length);
		this.backups.add(0, backup);
		this.backupContents.put(backup.id(), bytes(content));
		return backup;
	}

	static byte[] bytes(String content) {
		return content.getBytes(java.nio.charset.StandardCharsets.UTF_8);
	}

	@Override
	public String name() {
		return this.name;
	}

	@Override
	public CommandResult run(Command command) {
		throw new UnsupportedOperationException("The in-memory host runs no command");
	}

	@Override
	public synchronized FileSnapshot read(Path path) {
		byte[] content = this.files.get(path);
		return (content != null) ? FileSnapshot.of(path, content, "root", "postern", 0640) : FileSnapshot.absent(path);
	}

	@Override
	public synchronized FileSnapshot write(Path path, byte[] content, FileSnapshot expected) {
		if (!read(path).sameContentAs(expected)) {
			throw new FileConflictException(path);
		}
		store(path, content);
		return read(path);
	}

	@Override
	public synchronized FileSnapshot edit(Path path, UnaryOperator<byte[]> transform) {
		byte[] current = this.files.getOrDefault(path, new byte[0]);
		byte[] next = transform.apply(current.clone());
		if (!Arrays.equals(current, next)) {
			store(path, next);
		}
		return read(path);
	}

	private void store(Path path, byte[] content) {
		if (this.failingWrites.contains(path)) {
			throw new HostException("Cannot write " + path + ": disk full");
		}
		byte[] previous = this.files.get(path);
		if (previous != null) {
			Backup backup = new Backup("b" + (++this.backupCounter), path, Instant.now(), previous.length);
			this.backups.add(0, backup);
			this.backupContents.put(backup.id(), previous);
		}
		this.files.put(path, content.clone());
		this.journal.add("write " + path);
	}

	@Override
	public synchronized List<Path> list(Path folder) {
		// Folders exist only as the parents of files.
		return this.files.keySet()
			.stream()
			.filter((path) -> path.startsWith(folder) && !path.equals(folder))
			.map((path) -> folder.resolve(folder.relativize(path).getName(0)))
			.distinct()
			.sorted(java.util.Comparator.comparing(Path::toString))
			.toList();
	}

	@Override
	public synchronized TemporaryFile writeTemporary(Path near, byte[] content) {
		Path temp = near.resolveSibling("." + near.getFileName() + ".candidate-" + (++this.temporaryCounter));
		this.files.put(temp, content.clone());
		return TemporaryFile.of(temp, () -> removeTemporary(temp));
	}

	private synchronized void removeTemporary(Path temp) {
		this.files.remove(temp);
	}

	@Override
	public FileStatus stat(Path path) {
		return FileStatus.missing(path);
	}

	@Override
	public Path resolveLinks(Path path) {
		return path.toAbsolutePath().normalize();
	}

	@Override
	public FileStatus createFolder(Path path) {
		// Folders are implied by the files' paths here; a writer may ask for one first
		return new FileStatus(path, true, true, true, true, true, "postern", "postern", 0755);
	}

	@Override
	public synchronized List<Backup> backups() {
		return List.copyOf(this.backups);
	}

	@Override
	public synchronized Optional<Backup> backup(String id) {
		return this.backups.stream().filter((backup) -> backup.id().equals(id)).findFirst();
	}

	@Override
	public synchronized byte[] readBackup(Backup backup) {
		return this.backupContents.get(backup.id()).clone();
	}

}
