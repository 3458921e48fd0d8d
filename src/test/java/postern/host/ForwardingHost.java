package postern.host;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * A {@link Host} that passes every call to another one, for test doubles that change or
 * record a few calls (a host that answers {@code stat} differently, one that records the
 * commands it is asked to run).
 */
public class ForwardingHost implements Host {

	private final Host delegate;

	public ForwardingHost(Host delegate) {
		this.delegate = delegate;
	}

	protected Host delegate() {
		return this.delegate;
	}

	@Override
	public String name() {
		return this.delegate.name();
	}

	@Override
	public CommandResult run(Command command) {
		return this.delegate.run(command);
	}

	@Override
	public FileSnapshot read(Path path) {
		return this.delegate.read(path);
	}

	@Override
	public FileSnapshot write(Path path, byte[] content, FileSnapshot expected) {
		return this.delegate.write(path, content, expected);
	}

	@Override
	public FileSnapshot edit(Path path, UnaryOperator<byte[]> transform) {
		return this.delegate.edit(path, transform);
	}

	@Override
	public TemporaryFile writeTemporary(Path near, byte[] content) {
		return this.delegate.writeTemporary(near, content);
	}

	@Override
	public List<Path> list(Path folder) {
		return this.delegate.list(folder);
	}

	@Override
	public FileStatus stat(Path path) {
		return this.delegate.stat(path);
	}

	@Override
	public Path resolveLinks(Path path) {
		return this.delegate.resolveLinks(path);
	}

	@Override
	public FileStatus createFolder(Path path) {
		return this.delegate.createFolder(path);
	}

	@Override
	public List<Backup> backups() {
		return this.delegate.backups();
	}

	@Override
	public Optional<Backup> backup(String id) {
		return this.delegate.backup(id);
	}

	@Override
	public byte[] readBackup(Backup backup) {
		return this.delegate.readBackup(backup);
	}

	@Override
	public ServerSettings settings(ServerSettings application) {
		return this.delegate.settings(application);
	}

}
